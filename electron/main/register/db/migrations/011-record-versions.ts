import type { Migration } from './types';

/**
 * 011: record versions, for two people at once. Every table whose rows a service changes on a
 * user's behalf gets a \`version\`, 1 for the rows already there; every update adds one, and an
 * edit made from a screen is written only if the row still has the version that screen loaded
 * (\`WHERE id = ? AND version = ?\`), so a save over someone else's newer change is refused
 * instead of silently undoing it. Rows only ever inserted (families, children, corrections, the
 * audit trail, documents, the sharing log) and rows replaced whole by a later version (protocols,
 * whose own \`version\` counts adjusted copies) have none.
 * Shipped: never edit; add a new numbered migration (a SQLite and PostgreSQL pair) instead.
 */
export const migration011: Migration = {
  id: 11,
  name: 'record-versions',
  sql: `
ALTER TABLE settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE conferences ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE conference_agencies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE child_views ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE child_no_views ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE child_outcomes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE conference_tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE child_tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE follow_ups ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agency_returns ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agency_escalations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE escalations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE escalation_stages ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE escalation_actions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
`,
};
