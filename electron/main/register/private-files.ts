import { chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The register, its journal files and its key file readable by the user only, and its folder
 * too (POSIX modes; on Windows the user's profile folder already keeps other users out).
 */
export function makePrivate(registerPath: string): void {
  if (process.platform === 'win32' || registerPath === ':memory:') return;
  chmodSync(dirname(registerPath), 0o700);
  for (const file of [registerPath, `${registerPath}-wal`, `${registerPath}-shm`, `${registerPath}.keys`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
