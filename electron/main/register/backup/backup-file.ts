import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { openRegisterDb } from '../db/connection';
import { checkDatabase, contentHash, migrationVersion, vacuumInto } from '../db/integrity';
import type { SyncRegisterDb } from '../db/query';
import { ServiceError } from '../services/errors';

/**
 * A backup is one file: a magic line, one line of JSON (the header below), then the bytes of a
 * `VACUUM INTO` copy of the register, which keeps the register's cipher and key, so a backup of
 * an encrypted register is encrypted. The keyring file beside the register (`<register>.keys`,
 * the wrapped data keys) travels inside the header, so a restored register opens with the same
 * passwords.
 */
export const BACKUP_MAGIC = 'CP-CONFERENCE-REGISTER-BACKUP';
export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.cpreg-backup';
/** The header is small (the keyring is a few KB); anything longer is not one of our backups. */
const MAX_HEADER_BYTES = 1024 * 1024;

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  /** The register's latest applied migration. */
  version: z.number().int().min(0),
  /** SHA-256 of every table's rows (`contentHash`), equal to the register's when it was copied. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.number().int().min(0),
  /** The keyring file's bytes, base64, when the register had one. */
  keyring: z.string().max(MAX_HEADER_BYTES).nullable(),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export interface BackupVerification {
  file: string;
  createdAt: string;
  version: number;
  contentHash: string;
  tables: number;
  rows: number;
  size: number;
  keyring: boolean;
}

/** What a backup is taken from: an open register (its file, connection and clock). */
export interface BackupSource {
  path: string;
  db: SyncRegisterDb;
  now: () => Date;
}

export interface KeyOption {
  /** The register's data key; undefined for a plain (unencrypted) register. */
  key?: Buffer | undefined;
}

/** A backup that failed its check, or could not be written or restored: the message says what. */
export class BackupError extends ServiceError {
  override name = 'BackupError';
  constructor(message: string) {
    super('invalid-input', message, [{ path: 'file', message }]);
  }
}

export function keyringPath(registerPath: string): string {
  return `${registerPath}.keys`;
}

function ioCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
}

/** Copies `length` bytes (or to the end) from one file descriptor to another, from `offset`. */
function copyBytes(from: number, to: number, offset: number): number {
  const chunk = Buffer.alloc(1024 * 1024);
  let position = offset;
  let total = 0;
  for (;;) {
    const n = readSync(from, chunk, 0, chunk.length, position);
    if (n === 0) return total;
    let written = 0;
    while (written < n) written += writeSync(to, chunk, written, n - written);
    position += n;
    total += n;
  }
}

/** Reads the magic line and the header, and where the database bytes start. */
export function readBackupHeader(file: string): { header: BackupHeader; dataOffset: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new BackupError(`The backup ${file} cannot be read (${ioCode(error)}).`);
  }
  try {
    const size = statSync(file).size;
    const head = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    readSync(fd, head, 0, head.length, 0);
    const first = head.indexOf(0x0a);
    const second = first < 0 ? -1 : head.indexOf(0x0a, first + 1);
    if (first < 0 || head.subarray(0, first).toString('utf8') !== BACKUP_MAGIC || second < 0) {
      throw new BackupError(
        `${file} is not a CP Conference Register backup (its first line is not the backup's mark).`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(head.subarray(first + 1, second).toString('utf8'));
    } catch {
      throw new BackupError(`The backup ${file} has a damaged header (not JSON).`);
    }
    const parsed = backupHeaderSchema.safeParse(json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'header'))].join(', ');
      throw new BackupError(`The backup ${file} has a damaged header (${fields}).`);
    }
    return { header: parsed.data, dataOffset: second + 1, size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Extracts the backup's database to `target` (mode 0600) and checks it: it opens with the key,
 * is a register this version knows, passes `PRAGMA integrity_check`, and its content hash and
 * version are the header's. Throws a `BackupError` naming what failed; the target is removed then.
 */
function extractAndCheck(file: string, target: string, key: Buffer | undefined): BackupVerification {
  const { header, dataOffset, size } = readBackupHeader(file);
  const from = openSync(file, 'r');
  try {
    const to = openSync(target, 'wx', 0o600);
    try {
      if (copyBytes(from, to, dataOffset) === 0) throw new BackupError(`The backup ${file} holds no database.`);
      fsyncSync(to);
    } finally {
      closeSync(to);
    }
  } catch (error) {
    rmSync(target, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup ${file} could not be unpacked to check it (${ioCode(error)}).`);
  } finally {
    closeSync(from);
  }
  try {
    let db: SyncRegisterDb;
    try {
      db = openRegisterDb(target, { key, readonly: true, mustExist: true });
    } catch (error) {
      throw new BackupError(
        `The backup ${file} does not open as a register with this key: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
    try {
      const problem = checkDatabase(db, 'integrity_check');
      if (problem !== null) throw new BackupError(`The backup ${file} fails SQLite's integrity check: ${problem}`);
      const content = contentHash(db);
      if (content.hash !== header.contentHash) {
        throw new BackupError(
          `The backup ${file} does not hold what its header says: its content hash differs, so it was changed or damaged after it was written.`,
        );
      }
      const version = migrationVersion(db);
      if (version !== header.version) {
        throw new BackupError(`The backup ${file} says it is at migration ${header.version} but holds ${version}.`);
      }
      return {
        file,
        createdAt: header.createdAt,
        version,
        contentHash: content.hash,
        tables: content.tables,
        rows: content.rows,
        size,
        keyring: header.keyring !== null,
      };
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `The backup ${file} could not be read whole: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    } finally {
      db.close();
    }
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
}

/** A fresh private temp folder (0700), removed by the caller. */
function privateTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cpreg-verify-'));
}

/**
 * Checks a backup without changing anything: unpacked into a private temp folder, opened with the
 * key (read-only), integrity-checked, and its content hash compared with its header's.
 */
export function verifyBackup(file: string, options: KeyOption = {}): BackupVerification {
  const dir = privateTempDir();
  try {
    return extractAndCheck(file, join(dir, 'register.sqlite'), options.key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes a verified backup of an open register to `outFile` (refusing a file that exists): the
 * content hash is taken just before and just after the `VACUUM INTO` (again if another writer
 * changed the register in between), the file is written under a `.partial` name (0600) in a
 * folder made 0700, checked as `verifyBackup` does, and only then renamed into place. A backup
 * that fails its check is removed and the call refused.
 */
export function writeBackup(source: BackupSource, outFile: string, options: KeyOption = {}): BackupVerification {
  const connection = source.db;
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists: choose another file name.`);
  const folder = dirname(outFile);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new BackupError(`The backup folder ${folder} cannot be created (${ioCode(error)}).`);
  }
  const stem = `.${basename(outFile)}.${randomBytes(6).toString('hex')}`;
  const copy = join(folder, `${stem}.copy`);
  const partial = join(folder, `${stem}.partial`);
  try {
    let hash: { hash: string; tables: number } | null = null;
    for (let attempt = 0; attempt < 3 && hash === null; attempt += 1) {
      rmSync(copy, { force: true });
      const before = contentHash(connection);
      // VACUUM INTO writes into an empty file: made first so it is the user's alone (0600).
      closeSync(openSync(copy, 'wx', 0o600));
      vacuumInto(connection, copy);
      const after = contentHash(connection);
      if (before.hash === after.hash) hash = after;
    }
    if (hash === null) {
      throw new BackupError('The register kept changing while it was copied; try the backup again.');
    }
    const keys = keyringPath(source.path);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: source.now().toISOString(),
      version: migrationVersion(connection),
      contentHash: hash.hash,
      tables: hash.tables,
      keyring: existsSync(keys) ? readFileSync(keys).toString('base64') : null,
    };
    const out = openSync(partial, 'wx', 0o600);
    try {
      const head = Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
      writeSync(out, head);
      const from = openSync(copy, 'r');
      try {
        copyBytes(from, out, 0);
      } finally {
        closeSync(from);
      }
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    rmSync(copy, { force: true });
    const verified = verifyBackup(partial, options);
    renameSync(partial, outFile);
    return { ...verified, file: outFile };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be written to ${outFile} (${ioCode(error)}).`);
  } finally {
    rmSync(copy, { force: true });
  }
}

export interface RestoreRequest extends KeyOption {
  /** The register file to replace; it must be closed. */
  registerPath: string;
  backupFile: string;
  now: () => Date;
}

export interface RestoreResult extends BackupVerification {
  registerPath: string;
  /** Where each file of the register that was replaced now is. */
  keptAside: string[];
}

/** `2026-03-02T09:30:00.000Z` → `2026-03-02T093000Z`: a time that sorts and is a valid file name. */
export function fileTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '');
}

/**
 * Puts a backup in place of a (closed) register: the backup is unpacked beside the register and
 * checked first (refused, changing nothing, if it fails); then the register file, its `-wal`
 * and `-shm` and its keyring are moved aside as `<register>.before-restore-<time>` (the WAL and
 * keyring keep their suffixes after that name, so the set still opens together), and the
 * backup's database and keyring are moved into place. If a step fails, the moves are undone.
 */
export function restoreBackup(request: RestoreRequest): RestoreResult {
  const { registerPath, backupFile } = request;
  const folder = dirname(registerPath);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const incoming = join(folder, `.${basename(registerPath)}.restore-${randomBytes(6).toString('hex')}`);
  const verified = extractAndCheck(backupFile, incoming, request.key);
  const { header } = readBackupHeader(backupFile);
  const aside = `${registerPath}.before-restore-${fileTimestamp(request.now())}`;
  const moves: [from: string, to: string][] = [
    [registerPath, aside],
    [`${registerPath}-wal`, `${aside}-wal`],
    [`${registerPath}-shm`, `${aside}-shm`],
    [keyringPath(registerPath), keyringPath(aside)],
  ];
  const done: [string, string][] = [];
  let newKeyring = false;
  try {
    for (const [from, to] of moves) {
      if (!existsSync(from)) continue;
      if (existsSync(to)) throw new BackupError(`${to} already exists; move it away and restore again.`);
      renameSync(from, to);
      done.push([from, to]);
    }
    if (header.keyring !== null) {
      const keys = `${incoming}.keys`;
      const fd = openSync(keys, 'wx', 0o600);
      try {
        writeSync(fd, Buffer.from(header.keyring, 'base64'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(keys, keyringPath(registerPath));
      newKeyring = true;
    }
    renameSync(incoming, registerPath);
  } catch (error) {
    rmSync(incoming, { force: true });
    rmSync(`${incoming}.keys`, { force: true });
    if (newKeyring) rmSync(keyringPath(registerPath), { force: true });
    for (const [from, to] of done.reverse()) renameSync(to, from);
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `The backup could not be put in place of ${registerPath} (${ioCode(error)}); nothing was changed.`,
    );
  }
  return { ...verified, registerPath, keptAside: done.map(([, to]) => to) };
}
