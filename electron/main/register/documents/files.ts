import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ServiceError } from '../services/errors';

/**
 * Writes a file so that it is either all there or not there at all: the bytes go to a hidden
 * temporary file in the same folder, are flushed to disk, and the file is then renamed into
 * place. A crash or a full disk leaves no half-written document behind.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.partial`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Checks a folder path without creating anything: absolute once resolved, and not a file. */
export function checkFolder(folder: string, field = 'folder'): string {
  const path = resolve(folder.trim());
  if (existsSync(path) && !statSync(path).isDirectory()) {
    throw new ServiceError('invalid-input', `${path} is a file, not a folder`, [
      { path: field, message: 'This is a file, not a folder' },
    ]);
  }
  return path;
}

/**
 * Checks (and if need be creates) the folder documents are written to, before any is written.
 * The message names the field and says what to fix.
 */
export function prepareFolder(folder: string, field = 'folder'): string {
  // Relative paths are allowed from the CLI: they are taken from the working directory.
  const path = checkFolder(folder, field);
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new ServiceError('invalid-input', `The folder ${path} cannot be created (${describeIoError(error)})`, [
      { path: field, message: `The folder cannot be created (${describeIoError(error)})` },
    ]);
  }
  return path;
}

/** A short, record-free description of a file-system error for a person to act on. */
export function describeIoError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
      return 'the folder no longer exists';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EEXIST':
      return 'a file of that name already exists';
    default:
      return code ? `error ${code}` : 'the file could not be written';
  }
}

/** Errors that mean the folder itself is unusable: a batch stops rather than failing every document. */
export function isFolderError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOENT', 'ENOTDIR'].includes(code);
}
