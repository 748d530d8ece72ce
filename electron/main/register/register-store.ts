import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { encryptPlainRegister } from './db/encrypt-plain';
import { deleteKeyringRow, readKeyringRow, writeKeyringRow } from './db/keyring-row';
import { withoutPassword } from './addresses';
import { PgRegisterDb } from './db/pg-query';
import type { Engine } from './db/query';
import { keyringDocument, keyringPath, parseKeyring, readKeyring, writeKeyring, type Keyring } from './keys/keyring';
import { makePrivate } from './private-files';
import { openPgRegister, openRegister, type Register, type RegisterOptions } from './register';
import { ServiceError } from './services/errors';

/** Whether a register exists, needs its first administrator, or (a plain file) needs encrypting. */
export type StoreState = 'new' | 'needs-encryption' | 'signed-out';

/**
 * Where a register lives, as the gate sees it before anyone signs in: its keyring (each user's
 * wrapped key and failed attempts) and how to open it. An embedded register is a file with its
 * keyring in a file beside it; a unit's register is a PostgreSQL database holding its keyring in
 * one row. The gate is the same for both.
 */
export interface RegisterStore {
  readonly engine: Engine;
  /** The register file, or the PostgreSQL register's address without its password. */
  readonly where: string;
  state(): Promise<StoreState>;
  loadKeyring(): Promise<Keyring | null>;
  /** Saved inside the open register's transaction when there is one (PostgreSQL), else at once. */
  saveKeyring(keyring: Keyring): Promise<void>;
  /** The first administrator's keyring, written before the register is first opened. */
  create(keyring: Keyring, dataKey: Buffer, state: Exclude<StoreState, 'signed-out'>): Promise<void>;
  /** Undoes `create` when the first opening failed. */
  discard(): Promise<void>;
  open(key: Buffer, how: { create: boolean; checkedByOpener: boolean; options: RegisterOptions }): Promise<Register>;
  /** Ends what the store holds while nobody is signed in (PostgreSQL's connections). */
  close(): Promise<void>;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isPlainSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** An embedded register: the encrypted file and its key file beside it. */
export function fileStore(path: string): RegisterStore {
  const keysFile = keyringPath(path);
  return {
    engine: 'sqlite',
    where: path,
    async state() {
      if (!existsSync(path) || statSync(path).size === 0) {
        if (existsSync(keysFile)) {
          throw new ServiceError(
            'conflict',
            `The key file ${keysFile} is here but the register it opens is not: restore the register from a backup.`,
          );
        }
        return 'new';
      }
      if (existsSync(keysFile)) return 'signed-out';
      if (isPlainSqlite(path)) return 'needs-encryption';
      throw new ServiceError(
        'conflict',
        `The register ${path} is encrypted but its key file ${keysFile} is missing: put the key file back (it travels with every backup), or open the register with its recovery key.`,
      );
    },
    async loadKeyring() {
      return readKeyring(keysFile);
    },
    async saveKeyring(keyring) {
      writeKeyring(keysFile, keyring);
    },
    async create(keyring, dataKey, state) {
      if (state === 'needs-encryption') {
        encryptPlainRegister(
          path,
          dataKey,
          () => writeKeyring(keysFile, keyring),
          () => rmSync(keysFile, { force: true }),
          () => new Date(keyring.createdAt),
        );
      } else {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writeKeyring(keysFile, keyring);
      }
    },
    async discard() {
      rmSync(keysFile, { force: true });
      for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    },
    async open(key, how) {
      const register = await openRegister(path, {
        ...how.options,
        key,
        mustExist: !how.create,
        checkedByOpener: how.checkedByOpener,
      });
      makePrivate(path);
      return register;
    },
    async close() {},
  };
}

/**
 * A unit's register on PostgreSQL (`url` is postgres://…). The data key a user's password
 * unwraps encrypts nothing here (PostgreSQL's own access control and the server's disk protect
 * the data); unwrapping it is how a password is checked, with the same slow KDF, throttle and
 * lock as on a laptop.
 */
export function pgStore(url: string): RegisterStore {
  /** Connections for the keyring while nobody is signed in; the open register's otherwise. */
  let idle: PgRegisterDb | null = null;
  let open: PgRegisterDb | null = null;
  let migrated = false;
  const address = withoutPassword(url);

  async function db(): Promise<PgRegisterDb> {
    if (open) return open;
    idle ??= PgRegisterDb.open(url, 2);
    if (!migrated) {
      await idle.migrate();
      migrated = true;
    }
    return idle;
  }

  async function saveKeyring(keyring: Keyring): Promise<void> {
    await writeKeyringRow(await db(), keyringDocument(keyring));
  }

  return {
    engine: 'postgres',
    where: address,
    async state() {
      return (await readKeyringRow(await db())) === null ? 'new' : 'signed-out';
    },
    async loadKeyring() {
      const text = await readKeyringRow(await db());
      return text === null ? null : parseKeyring(text, `The keyring of the register at ${address}`);
    },
    saveKeyring,
    create: saveKeyring,
    async discard() {
      await deleteKeyringRow(await db());
    },
    async open(_key, how) {
      const registerDb = PgRegisterDb.open(url);
      const register = await openPgRegister(registerDb, how.options).catch(async (error: unknown) => {
        await registerDb.close();
        throw error;
      });
      open = registerDb;
      const close = register.close;
      return Object.assign(register, {
        close: async () => {
          if (open === registerDb) open = null;
          await close();
        },
      });
    },
    async close() {
      const ending = idle;
      idle = null;
      await ending?.close();
    },
  };
}
