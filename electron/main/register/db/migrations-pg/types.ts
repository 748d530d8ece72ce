import type pg from 'pg';

/**
 * A numbered PostgreSQL migration: plain SQL, frozen the day it ships, checksummed like the
 * SQLite ones (`../migrations/types.ts`).
 */
export interface PgMigration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
  /**
   * A step in code run after the SQL in the same transaction, on the same connection, for what
   * SQL cannot do (the search terms of the records already there, made by the same TypeScript
   * function that makes them for new records). Frozen like the SQL; not checksummed, because a
   * bundler may rewrite a function's text.
   */
  readonly after?: (client: pg.ClientBase) => Promise<void>;
}
