/**
 * A numbered PostgreSQL migration: plain SQL, frozen the day it ships, checksummed like the
 * SQLite ones (`../migrations/types.ts`). There is no code step: a PostgreSQL register has no
 * history older than its first migration to carry forward in code.
 */
export interface PgMigration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}
