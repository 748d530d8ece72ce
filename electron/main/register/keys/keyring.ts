import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { nameKey } from '../../../../shared/names';
import { deriveKek, kdfSchema, newKdf, unwrapKey, wrapKey, wrappedKeySchema, type KdfCost } from './key-wrap';

/**
 * The keyring: the register's data key wrapped once for each user, in a small JSON file beside
 * the register (`register.sqlite.keys`). It must be readable before the register is unlocked, so
 * it holds nothing about any record: user names, each one's scrypt salt and wrapped key, the
 * counts of failed sign-ins, and the audit chain's last known head. Backups carry it.
 */
export const KEYRING_FORMAT = 'cpreg-keyring';

const entrySchema = z.strictObject({
  name: z.string().min(1).max(80),
  kdf: kdfSchema,
  wrappedKey: wrappedKeySchema,
  failures: z.number().int().min(0),
  lastFailureAt: z.string().nullable(),
  lastSignInAt: z.string().nullable().optional(),
});
export type KeyringEntry = z.infer<typeof entrySchema>;

export const keyringSchema = z.strictObject({
  format: z.literal(KEYRING_FORMAT),
  version: z.literal(1),
  registerId: z.string().uuid(),
  createdAt: z.string(),
  users: z.record(z.string(), entrySchema),
  /** The last audit event seen when the register was last closed: its tail is checked on opening. */
  auditHead: z.strictObject({ id: z.number().int().min(1), hash: z.string() }).nullable(),
  /**
   * A unit server's single sign-on: each register user (by name key) bound to the identity
   * provider's subject that first signed in as them, so another account with the same username
   * claim cannot become them.
   */
  singleSignOn: z.record(z.string(), z.string().min(1)).optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;

export function keyringPath(registerPath: string): string {
  return `${registerPath}.keys`;
}

export class KeyringError extends Error {
  override name = 'KeyringError';
}

export function readKeyring(path: string): Keyring | null {
  if (!existsSync(path)) return null;
  return parseKeyring(readFileSync(path, 'utf8'), `The key file ${path}`);
}

/** A keyring document (a key file's text, or a unit register's keyring row), checked whole. */
export function parseKeyring(text: string, what: string): Keyring {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyringError(`${what} is not valid JSON: restore it from a backup, or use the recovery key.`);
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KeyringError(
      `${what} is not one this app wrote (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown shape'}): restore it from a backup, or use the recovery key.`,
    );
  }
  return parsed.data;
}

/** The keyring as stored: JSON, one entry per user. */
export function keyringDocument(keyring: Keyring): string {
  return `${JSON.stringify(keyring, null, 2)}\n`;
}

/** Written whole to a temporary file and renamed over the old one, readable by the user only. */
export function writeKeyring(path: string, keyring: Keyring): void {
  const temporary = `${path}.writing`;
  writeFileSync(temporary, keyringDocument(keyring), { mode: 0o600 });
  renameSync(temporary, path);
  if (process.platform !== 'win32') chmodSync(path, 0o600);
}

export function newKeyring(now: Date): Keyring {
  return {
    format: KEYRING_FORMAT,
    version: 1,
    registerId: randomUUID(),
    createdAt: now.toISOString(),
    users: {},
    auditHead: null,
  };
}

function binding(keyring: Keyring, name: string): string {
  return `${KEYRING_FORMAT}/1/${keyring.registerId}/${nameKey(name)}`;
}

export function entryFor(keyring: Keyring, name: string): KeyringEntry | undefined {
  return keyring.users[nameKey(name)];
}

/** A new keyring with `name`'s password wrapping the data key (replacing any entry they had). */
export async function withUser(
  keyring: Keyring,
  name: string,
  password: string,
  dataKey: Buffer,
  cost?: KdfCost,
): Promise<Keyring> {
  const kdf = newKdf(cost);
  const kek = await deriveKek(password, kdf);
  const entry: KeyringEntry = {
    name,
    kdf,
    wrappedKey: wrapKey(dataKey, kek, binding(keyring, name)),
    failures: 0,
    lastFailureAt: null,
    lastSignInAt: entryFor(keyring, name)?.lastSignInAt ?? null,
  };
  return { ...keyring, users: { ...keyring.users, [nameKey(name)]: entry } };
}

export function withoutUser(keyring: Keyring, name: string): Keyring {
  const key = nameKey(name);
  const others = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  return {
    ...keyring,
    users: others(keyring.users),
    ...(keyring.singleSignOn ? { singleSignOn: others(keyring.singleSignOn) } : {}),
  };
}

/** The identity provider's subject bound to `name`, if any. */
export function subjectOf(keyring: Keyring, name: string): string | null {
  return keyring.singleSignOn?.[nameKey(name)] ?? null;
}

export function withSubject(keyring: Keyring, name: string, subject: string): Keyring {
  return { ...keyring, singleSignOn: { ...keyring.singleSignOn, [nameKey(name)]: subject } };
}

/** The data key if `password` is `name`'s, else null. */
export async function unwrapFor(keyring: Keyring, name: string, password: string): Promise<Buffer | null> {
  const entry = entryFor(keyring, name);
  if (!entry) return null;
  const kek = await deriveKek(password, entry.kdf);
  return unwrapKey(entry.wrappedKey, kek, binding(keyring, name));
}

/**
 * Slowing down and locking out: after 3 failures in a row each attempt waits 10 s, 20 s, then
 * 40 s after the last failure; after 6 the name is locked for 15 minutes. A success clears it.
 * (An attacker with the files can try passwords offline; this is the guard at the app's door,
 * which scrypt's cost backs up.)
 */
export const LOCK_AFTER = 6;
export const LOCK_MINUTES = 15;

export function waitBeforeAttempt(entry: KeyringEntry | undefined, now: Date): number {
  if (!entry || entry.failures < 3 || !entry.lastFailureAt) return 0;
  const since = now.getTime() - new Date(entry.lastFailureAt).getTime();
  const wait = entry.failures >= LOCK_AFTER ? LOCK_MINUTES * 60_000 : 10_000 * 2 ** (entry.failures - 3);
  return Math.max(0, Math.ceil((wait - since) / 1000));
}

export function withAttempt(keyring: Keyring, name: string, succeeded: boolean, now: Date): Keyring {
  const key = nameKey(name);
  const entry = keyring.users[key];
  if (!entry) return keyring;
  const updated: KeyringEntry = succeeded
    ? { ...entry, failures: 0, lastFailureAt: null, lastSignInAt: now.toISOString() }
    : { ...entry, failures: entry.failures + 1, lastFailureAt: now.toISOString() };
  return { ...keyring, users: { ...keyring.users, [key]: updated } };
}
