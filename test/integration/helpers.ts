import { embedded } from '../embedded';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../electron/main/register/db/connection';
import { PgRegisterDb } from '../../electron/main/register/db/pg-query';
import { createGate, type Gate, type GateOptions } from '../../electron/main/register/gate';
import {
  openPgRegister,
  openRegister,
  type Register,
  type RegisterOptions,
} from '../../electron/main/register/register';
import { pgStore } from '../../electron/main/register/register-store';
import { ROLES } from '../../shared/roles';
import { freshPgDatabase } from '../pg-database';

/**
 * The engine this run of the integration suite tests: the embedded SQLite register, or (the
 * `integration-pg` project) a unit's register on PostgreSQL, each test on a new database.
 */
export const ENGINE: 'sqlite' | 'postgres' = process.env['CPREG_TEST_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = ENGINE === 'postgres';

/** A new empty PostgreSQL database for one test, dropped after it. */
async function tempPgUrl(): Promise<string> {
  const database = await freshPgDatabase({ migrated: true });
  lastCleanups.push(async () => database.drop());
  return database.url;
}

const cleanups: (() => unknown)[] = [];
/** Run after every other cleanup: the test's PostgreSQL databases, once everything using them is closed. */
const lastCleanups: (() => unknown)[] = [];
afterEach(async () => {
  try {
    while (cleanups.length) await cleanups.pop()?.();
  } finally {
    while (lastCleanups.length) await lastCleanups.pop()?.();
  }
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpreg-it-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A real register file in a temp folder, with a fixed clock and user; closed after the test. The
 * clock stays put unless the test moves it with `travelTo` (to the day of a conference, say).
 */
export async function tempRegister(
  options: RegisterOptions & { plain?: boolean } = {},
): Promise<Register & { dir: string; key: Buffer | undefined; travelTo: (when: string) => void }> {
  const dir = tempDir();
  const { now: initial, plain = false, ...rest } = options;
  let now = initial ? initial() : new Date('2026-03-02T09:30:00.000Z');
  // Encrypted, as every register the app opens is (a random key per test), unless a test is about
  // plain files.
  const key = plain ? undefined : (rest.key ?? randomBytes(32));
  const opening = {
    defaultUserName: 'Test Chair',
    // Off unless a test is about them: every temp register would otherwise back itself up twice.
    automaticBackups: false,
    ...rest,
    ...(key ? { key } : {}),
    now: () => now,
  };
  const register = onPostgres
    ? await openPgRegister(PgRegisterDb.open(await tempPgUrl()), opening)
    : await openRegister(join(dir, 'register.sqlite'), opening);
  cleanups.unshift(async () => register.close());
  return Object.assign(register, {
    dir,
    key,
    /** Moves the register's clock: a date (noon UTC that day) or an ISO instant. */
    travelTo(when: string) {
      now = new Date(when.length === 10 ? `${when}T12:00:00.000Z` : when);
    },
  });
}

/**
 * Everything the register holds, table by table (each row as JSON, in a stable order), on either
 * engine: a refused command must leave this exactly as it was, not only the counts.
 */
export async function registerContent(register: Register): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  if (register.sqlite) {
    const connection = embedded(register).connection;
    const tables = connection
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    for (const t of tables) {
      rows[t.name] = (connection.prepare(`SELECT * FROM "${t.name}"`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return rows;
  }
  const db = register.db as PgRegisterDb;
  const tables = await db.sql<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  for (const t of tables) {
    rows[t.table_name] = (await db.sql(`SELECT * FROM "${t.table_name}"`)).map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

/** Counts of every table's rows: a rejected command must leave these unchanged. */
export async function tableCounts(register: Register): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await registerContent(register)).map(([name, rows]) => [name, rows.length]));
}

export const healthVisiting = {
  name: 'Health Visiting Service',
  type: 'health' as const,
  quoracyGroup: 'health',
  leadName: 'Synthetic Lead',
  leadJobTitle: 'Named Nurse',
  leadEmail: 'hv.lead@example.org',
  leadPhone: '01632 960 001',
};

/** A lower scrypt cost than a user's machine uses, so the tests' sign-ins are quick. */
export const TEST_KDF_COST = { N: 2 ** 12, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A gate on a new encrypted register in a temp folder: Test Chair is its first administrator,
 * holds every role and is signed in. Closed after the test.
 */
export async function tempGate(
  options: Partial<GateOptions> & { signedIn?: boolean; user?: string } = {},
): Promise<Gate & { dir: string; recoveryKey: string }> {
  const dir = tempDir();
  const { signedIn = true, user = 'Test Chair', ...rest } = options;
  const url = onPostgres ? await tempPgUrl() : '';
  const where = onPostgres ? { store: pgStore(url) } : { path: join(dir, 'register.sqlite') };
  const gate = createGate({ ...where, kdfCost: TEST_KDF_COST, ...rest });
  cleanups.unshift(async () => gate.close());
  const { recoveryKey } = await gate.setup(user, TEST_PASSWORD);
  keys.set(gate.path, Buffer.from(recoveryKey, 'hex'));
  if (onPostgres) pgUrls.set(gate.path, url);
  const result = await gate.call('users.setRoles', { name: user, roles: ROLES });
  if (!result.ok) throw new Error(result.error.message);
  if (!signedIn) await gate.signOut();
  return Object.assign(gate, { dir, recoveryKey });
}

const keys = new Map<string, Buffer>();
/** A PostgreSQL register's full address (with its password, if any) by the address shown. */
const pgUrls = new Map<string, string>();

/**
 * An encrypted register as `cpreg init` makes one, for the command-line tests: `user` (every role,
 * password TEST_PASSWORD) is its administrator; `seed` fills it through the services; then it is
 * closed and its path returned. `reopen(path)` opens it again with its key.
 */
export async function cliRegister(
  seed?: (r: Register) => Promise<void> | void,
  user = 'Test Chair',
  now?: () => Date,
): Promise<string> {
  const gate = await tempGate({
    user,
    register: { defaultUserName: user, automaticBackups: false },
    ...(now ? { now } : {}),
  });
  const register = gate.register;
  if (!register) throw new Error('signed out');
  if (seed) await seed(register);
  await gate.close();
  return onPostgres ? (pgUrls.get(gate.path) ?? gate.path) : gate.path;
}

/** Opens a register made by `tempGate`/`cliRegister` with its key (for checking what a command did). */
export async function reopen(path: string): Promise<Register> {
  if (onPostgres) {
    const register = await openPgRegister(PgRegisterDb.open(path));
    cleanups.unshift(async () => register.close());
    return register;
  }
  const key = keys.get(path);
  if (!key) throw new Error(`no key known for ${path}`);
  const register = await openRegister(path, { key, mustExist: true });
  cleanups.unshift(async () => register.close());
  return register;
}

/** A raw SQLCipher connection to a register made by `tempGate`/`cliRegister` (to tamper with it). */
export function rawConnection(path: string): Database.Database {
  const key = keys.get(path);
  if (!key) throw new Error(`no key known for ${path}`);
  const connection = new Database(path);
  applyKey(connection, key);
  return connection;
}

/** The environment that signs the command line in as `user`. */
export function signedInEnv(user = 'Test Chair'): Record<string, string> {
  return { CPREG_USER: user, CPREG_PASSWORD: TEST_PASSWORD };
}
