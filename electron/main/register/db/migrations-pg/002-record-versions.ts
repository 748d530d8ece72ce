import type { PgMigration } from './types';

/**
 * 011 on PostgreSQL (the pair of `../migrations/011-record-versions.ts`): record versions, for two people at once. Every table whose rows a service changes on a
 * user's behalf gets a \`version\`, 1 for the rows already there; every update adds one, and an
 * edit made from a screen is written only if the row still has the version that screen loaded
 * (\`WHERE id = ? AND version = ?\`), so a save over someone else's newer change is refused
 * instead of silently undoing it. Rows only ever inserted (families, children, corrections, the
 * audit trail, documents, the sharing log) and rows replaced whole by a later version (protocols,
 * whose own \`version\` counts adjusted copies) have none.
 * Shipped: never edit; add a new numbered migration (a SQLite and PostgreSQL pair) instead.
 */
export const pgMigration002: PgMigration = {
  id: 11,
  name: 'record-versions',
  sql: `
ALTER TABLE settings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE conferences ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE conference_agencies ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE child_views ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE child_no_views ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE child_outcomes ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE conference_tasks ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE child_tasks ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE follow_ups ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE agency_returns ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE agency_escalations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE escalations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE escalation_stages ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE escalation_actions ADD COLUMN version integer NOT NULL DEFAULT 1;
`,
};
