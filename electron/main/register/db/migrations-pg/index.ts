import { pgMigration001 } from './001-register';
import { pgMigration002 } from './002-record-versions';
import { pgMigration003 } from './003-search-and-report-indexes';
import { pgMigration004 } from './004-usual-agencies';
import type { PgMigration } from './types';

/**
 * Every PostgreSQL migration, in order, imported explicitly (no directory scanning at run time).
 *
 * PostgreSQL registers start at version 10, the version at which PostgreSQL support lands: the
 * first migration here creates in one script what the SQLite migrations 001-010 leave behind, and
 * is recorded as migration 10. From 11 on every migration comes as a pair, one in
 * `../migrations/` for SQLite and one here for PostgreSQL, with the same id and name, so a
 * register's version means the same on both engines.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [pgMigration001, pgMigration002, pgMigration003, pgMigration004];
