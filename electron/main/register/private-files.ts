import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The register, its journal files and its key file readable by the user only, and its folder
 * too (POSIX modes; on Windows the user's profile folder already keeps other users out).
 *
 * The folder is made private only when it is the user's own and not a shared one: a register
 * kept in `/tmp` or another sticky, shared folder must not take that folder away from everyone
 * else (it once did: `cpreg --db /tmp/x.sqlite` left `/tmp` readable by its owner alone).
 */
export function makePrivate(registerPath: string): void {
  if (process.platform === 'win32' || registerPath === ':memory:') return;
  const folder = dirname(registerPath);
  if (mayMakeFolderPrivate(folder)) chmodSync(folder, 0o700);
  for (const file of [registerPath, `${registerPath}-wal`, `${registerPath}-shm`, `${registerPath}.keys`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** The user's own folder, not a shared one (sticky, like `/tmp`). */
export function mayMakeFolderPrivate(folder: string): boolean {
  const s = statSync(folder);
  const sticky = (s.mode & 0o1000) !== 0;
  const own = typeof process.getuid !== 'function' || s.uid === process.getuid();
  return own && !sticky;
}
