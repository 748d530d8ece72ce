import type { Migration } from './types';

/**
 * Exports cannot escape the sharing log: an entry is now written (`started`) before any file of
 * its export, and `complete` once every file is in place; one left `started` by a crash is marked
 * `interrupted` when the register next opens. Entries made before this were written after their
 * files, so they are complete. The email draft's path is kept too, so its leftover `.partial`
 * file can be found.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration009: Migration = {
  id: 9,
  name: 'sharing-log-status',
  sql: `
ALTER TABLE sharing_log ADD COLUMN status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('started', 'complete', 'interrupted'));
ALTER TABLE sharing_log ADD COLUMN completed_at TEXT;
ALTER TABLE sharing_log ADD COLUMN email_draft TEXT;
UPDATE sharing_log SET completed_at = at;
CREATE INDEX sharing_log_unfinished ON sharing_log (status) WHERE status = 'started';
`,
};
