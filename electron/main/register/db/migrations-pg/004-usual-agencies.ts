import type { PgMigration } from './types';

/**
 * 013 on PostgreSQL (the pair of `../migrations/013-usual-agencies.ts`): the usual set of
 * agencies for conferences, a row per agency, each a foreign key to the directory.
 * Shipped: never edit; add a new numbered migration (a SQLite and PostgreSQL pair) instead.
 */
export const pgMigration004: PgMigration = {
  id: 13,
  name: 'usual-agencies',
  sql: `
CREATE TABLE usual_agencies (
  agency_id bigint PRIMARY KEY REFERENCES agencies (id)
);
`,
};
