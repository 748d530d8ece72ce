import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../electron/main/register/db/connection';
import { createGate, type Gate, type GateOptions } from '../../electron/main/register/gate';
import { openRegister, type Register, type RegisterOptions } from '../../electron/main/register/register';
import { ROLES } from '../../shared/roles';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
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
  const register = await openRegister(join(dir, 'register.sqlite'), {
    defaultUserName: 'Test Chair',
    // Off unless a test is about them: every temp register would otherwise back itself up twice.
    automaticBackups: false,
    ...rest,
    ...(key ? { key } : {}),
    now: () => now,
  });
  cleanups.unshift(() => register.close());
  return Object.assign(register, {
    dir,
    key,
    /** Moves the register's clock: a date (noon UTC that day) or an ISO instant. */
    travelTo(when: string) {
      now = new Date(when.length === 10 ? `${when}T12:00:00.000Z` : when);
    },
  });
}

/** Counts of every table's rows: a rejected command must leave these unchanged. */
export function tableCounts(register: Register): Record<string, number> {
  const tables = register.db.connection
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      (register.db.connection.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
    ]),
  );
}

/**
 * Everything the register holds, table by table (rows in a stable order): a refused command must
 * leave this exactly as it was, not only the counts.
 */
export function registerContent(register: Register): Record<string, string[]> {
  const tables = register.db.connection
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      (register.db.connection.prepare(`SELECT * FROM "${t.name}"`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
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
  const gate = createGate({ path: join(dir, 'register.sqlite'), kdfCost: TEST_KDF_COST, ...rest });
  cleanups.unshift(() => gate.close());
  const { recoveryKey } = await gate.setup(user, TEST_PASSWORD);
  keys.set(gate.path, Buffer.from(recoveryKey, 'hex'));
  const result = await gate.call('users.setRoles', { name: user, roles: ROLES });
  if (!result.ok) throw new Error(result.error.message);
  if (!signedIn) await gate.signOut();
  return Object.assign(gate, { dir, recoveryKey });
}

const keys = new Map<string, Buffer>();

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
  return gate.path;
}

/** Opens a register made by `tempGate`/`cliRegister` with its key (for checking what a command did). */
export async function reopen(path: string): Promise<Register> {
  const key = keys.get(path);
  if (!key) throw new Error(`no key known for ${path}`);
  const register = await openRegister(path, { key, mustExist: true });
  cleanups.unshift(() => register.close());
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
