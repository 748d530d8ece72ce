import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { qb, SyncRegisterDb } from './query';

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
  /**
   * The register's 256-bit data key (SQLCipher 4, raw key). Without it the file is opened as
   * plain SQLite: only the tests of plain registers, the benchmark's comparison and the one-time
   * encryption of an older register do that.
   */
  key?: Buffer;
  /** Open read-only (a damaged register, or a backup being verified): nothing is migrated. */
  readonly?: boolean;
  /**
   * A check of the file run after opening and before any migration (`PRAGMA quick_check`): a
   * problem it names stops the opening with `RegisterDamagedError`, nothing written.
   */
  check?: (db: SyncRegisterDb) => string | null;
}

/** The file failed its check on opening; `detail` says what SQLite found. */
export class RegisterDamagedError extends Error {
  override name = 'RegisterDamagedError';
  constructor(readonly detail: string) {
    super(`The register failed its check: ${detail}`);
  }
}

/** SQLCipher 4's defaults with a raw key: the recovery key opens the file with standard tools. */
export function applyKey(connection: BetterSqlite3.Database, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  if (key.length !== 32) throw new RegisterOpenError('The register key must be 256 bits.');
  connection.pragma("cipher = 'sqlcipher'");
  connection.pragma('legacy = 4');
  connection.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

export function migrationChecksum(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

/**
 * Opens (creating if needed) a register file: WAL journal, `synchronous=FULL` so a committed
 * write survives a power cut or a closed lid, foreign keys enforced; then applies any pending
 * migrations, all in one transaction.
 */
export function openRegisterDb(path: string, options: OpenOptions = {}): SyncRegisterDb {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  if (path !== ':memory:' && !options.mustExist) mkdirSync(dirname(path), { recursive: true });
  const nativeBinding = process.env['CPREG_NATIVE_BINDING'];
  const connection = new Database(path, {
    fileMustExist: options.mustExist ?? options.readonly ?? false,
    readonly: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    if (options.key) applyKey(connection, options.key);
    // Before anything in the file is changed (even the journal mode): is it a register, and one
    // this version knows?
    checkIsRegister(connection, migrations);
    if (!options.readonly) connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    const db = new SyncRegisterDb(connection);
    const problem = options.check?.(db) ?? null;
    if (problem !== null) throw new RegisterDamagedError(problem);
    if (!options.readonly) migrate(db, migrations, now);
    return db;
  } catch (error) {
    connection.close();
    throw error;
  }
}

/**
 * Refuses, without writing anything, a file that is not a register (another program's database,
 * or a wrong key: SQLITE_NOTADB) and a register from a newer version.
 */
function checkIsRegister(connection: BetterSqlite3.Database, migrations: readonly Migration[]): void {
  let tables: string[];
  try {
    tables = (
      connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') {
      throw new RegisterOpenError(
        'This file is not a register that this key opens: it is not a database, or it is encrypted with another key.',
      );
    }
    throw error;
  }
  if (tables.length === 0) return;
  if (!tables.includes('schema_migrations')) {
    throw new RegisterOpenError(
      'This file is a database but not a CP Conference Register register; nothing in it was changed.',
    );
  }
  const known = new Set(migrations.map((m) => m.id));
  const applied = connection.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const unknown = applied.find((row) => !known.has(row.id));
  if (unknown) {
    throw new RegisterOpenError(
      `This register was updated by a newer version of CP Conference Register (migration ${unknown.id} "${unknown.name}"); install the newer version to open it. Nothing in it was changed.`,
    );
  }
}

function migrate(db: SyncRegisterDb, migrations: readonly Migration[], now: () => Date): void {
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
      m.after?.(db);
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
