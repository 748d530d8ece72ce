import { copyFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { makePrivate } from '../private-files';
import { applyKey, openRegisterDb, RegisterOpenError } from './connection';
import { contentHash } from './content-hash';

/**
 * A register from before encryption: migrated, copied, the copy checked (integrity and the
 * same content hash), the keyring written, the file re-keyed in place, the result checked
 * against the copy, and only then the plain copy overwritten and removed. Any failure puts the
 * plain copy back.
 */
export function encryptPlainRegister(
  path: string,
  dataKey: Buffer,
  writeKeys: () => void,
  removeKeys: () => void,
  now: () => Date,
): void {
  const plain = openRegisterDb(path, { mustExist: true, now });
  plain.connection.pragma('wal_checkpoint(TRUNCATE)');
  const before = contentHash(plain.connection);
  plain.close();
  const copy = `${path}.before-encryption`;
  copyFileSync(path, copy);
  makePrivate(path);
  const check = (file: string, key?: Buffer) => {
    const connection = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (key) applyKey(connection, key);
      const ok = connection.pragma('integrity_check', { simple: true }) === 'ok';
      return ok && contentHash(connection) === before;
    } finally {
      connection.close();
    }
  };
  if (!check(copy)) {
    rmSync(copy, { force: true });
    throw new RegisterOpenError('The copy made before encrypting the register did not match it; nothing was changed.');
  }
  try {
    writeKeys();
    const connection = new Database(path, { fileMustExist: true });
    try {
      connection.pragma('journal_mode = DELETE');
      applyKey(connection, dataKey, 'rekey');
      connection.pragma('journal_mode = WAL');
    } finally {
      connection.close();
    }
    if (!check(path, dataKey)) throw new RegisterOpenError('The encrypted register did not match the copy');
  } catch (error) {
    copyFileSync(copy, path);
    removeKeys();
    for (const file of [`${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    rmSync(copy, { force: true });
    throw error;
  }
  // Overwritten before removal, so the plain text is not left in the file's old blocks where the
  // file system reuses them in place (on SSDs this is best effort).
  writeFileSync(copy, Buffer.alloc(statSync(copy).size));
  rmSync(copy);
}
