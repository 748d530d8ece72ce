import { createHash } from 'node:crypto';
import type { SyncRegisterDb } from './query';

/** The SQLite checks and the content hash: the SQL that backups and the opening check need. */

/**
 * `PRAGMA quick_check` (or the slower `integrity_check`, which also compares every index with its
 * table): `null` when the file is sound, else the first problems SQLite names. A file damaged so
 * badly that the check itself fails (SQLITE_CORRUPT, SQLITE_NOTADB) is reported, not thrown.
 */
export function checkDatabase(
  db: SyncRegisterDb,
  kind: 'quick_check' | 'integrity_check' = 'quick_check',
): string | null {
  const connection = db.connection;
  try {
    const rows = connection.pragma(`${kind}(20)`) as Record<string, unknown>[];
    const lines = rows.map((r) => String(Object.values(r)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? null : lines.join('; ');
  } catch (error) {
    if (isCorruptionError(error)) return `SQLite could not read the file (${errorCode(error)})`;
    throw error;
  }
}

export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Errors that mean the file's pages are damaged, not that a statement was wrong. */
export function isCorruptionError(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** The register's tables (not SQLite's own), in name order. */
export function registerTables(db: SyncRegisterDb): string[] {
  return (
    db.connection
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
}

function cell(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { blob: value.toString('hex') };
  if (typeof value === 'bigint') return { int: value.toString() };
  return value;
}

/**
 * A SHA-256 of everything the register holds: each table by name (SQLite's own excepted), its
 * column names, then its rows ordered by every column. It depends on content only, not on how the
 * pages are laid out, so a `VACUUM INTO` copy has the same hash as the register it came from.
 */
export function contentHash(db: SyncRegisterDb): { hash: string; tables: number; rows: number } {
  const connection = db.connection;
  const hash = createHash('sha256');
  const tables = registerTables(db);
  let rows = 0;
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const columns = (connection.pragma(`table_info(${quoted})`) as { name: string }[]).map((c) => c.name);
    hash.update(`table ${JSON.stringify(table)} ${JSON.stringify(columns)}\n`);
    const order = columns.map((_, i) => String(i + 1)).join(', ');
    const statement = connection.prepare(`SELECT * FROM ${quoted}${order ? ` ORDER BY ${order}` : ''}`).raw(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      hash.update(`${JSON.stringify(row.map(cell))}\n`);
      rows += 1;
    }
  }
  return { hash: hash.digest('hex'), tables: tables.length, rows };
}

/** The latest migration applied to the register (0 for an empty file). */
export function migrationVersion(db: SyncRegisterDb): number {
  const connection = db.connection;
  const exists = connection
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return 0;
  const row = connection.prepare('SELECT max(id) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Copies the database with `VACUUM INTO`: the only safe copy of an encrypted register (the copy
 * keeps its cipher and key; `backup()` fails on one and `serialize()` returns plain text).
 */
export function vacuumInto(db: SyncRegisterDb, path: string): void {
  db.connection.prepare('VACUUM INTO ?').run(path);
}
