import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { qb, RegisterDb } from './query';

export class RegisterOpenError extends Error {
  override name = 'RegisterOpenError';
}

export interface OpenOptions {
  /** Migrations to apply; the shipped list unless a test opens an earlier version. */
  migrations?: readonly Migration[];
  /** Clock for `applied_at`. */
  now?: () => Date;
  /** Open without creating: fail if the file does not exist. */
  mustExist?: boolean;
}

export function migrationChecksum(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

/**
 * Opens (creating if needed) a register file: WAL journal, `synchronous=FULL` so a committed
 * write survives a power cut or a closed lid, foreign keys enforced; then applies any pending
 * migrations, all in one transaction.
 */
export function openRegisterDb(path: string, options: OpenOptions = {}): RegisterDb {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  if (path !== ':memory:' && !options.mustExist) mkdirSync(dirname(path), { recursive: true });
  const nativeBinding = process.env['CPREG_NATIVE_BINDING'];
  const connection = new Database(path, {
    fileMustExist: options.mustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    const db = new RegisterDb(connection);
    migrate(db, migrations, now);
    return db;
  } catch (error) {
    connection.close();
    throw error;
  }
}

function migrate(db: RegisterDb, migrations: readonly Migration[], now: () => Date): void {
  db.connection.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.all(qb.selectFrom('schema_migrations').selectAll().orderBy('id'));
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    const m = known.get(row.id);
    if (!m) {
      throw new RegisterOpenError(
        `This register was updated by a newer version of CP Conference Register (migration ${row.id} "${row.name}"); install the newer version to open it.`,
      );
    }
    if (migrationChecksum(m) !== row.checksum) {
      throw new RegisterOpenError(
        `Migration ${row.id} "${row.name}" has changed since it was applied to this register; shipped migrations must never be edited.`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.id));
  const pending = migrations.filter((m) => !done.has(m.id));
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.connection.exec(m.sql);
      db.run(
        qb.insertInto('schema_migrations').values({
          id: m.id,
          name: m.name,
          checksum: migrationChecksum(m),
          applied_at: now().toISOString(),
        }),
      );
    }
    const latest = Math.max(...migrations.map((m) => m.id));
    db.connection.pragma(`user_version = ${latest}`);
  });
  const fk = db.connection.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) throw new RegisterOpenError('The register fails its foreign-key check after migrating.');
}
