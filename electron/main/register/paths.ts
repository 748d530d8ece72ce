import { homedir } from 'node:os';
import { join } from 'node:path';

export const REGISTER_FILE_NAME = 'register.sqlite';

/**
 * Where the register lives unless `--db PATH` or `CPREG_DB` says otherwise: the user's
 * app-data folder, as Electron's `app.getPath('userData')` would give for this app.
 */
export function defaultAppDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const appName = 'CP Conference Register';
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), appName);
}

/** `--db` wins, then `CPREG_DB`, then the app-data folder. */
export function resolveRegisterPath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  appDataDir = defaultAppDataDir(),
): string {
  return flag ?? env['CPREG_DB'] ?? join(appDataDir, REGISTER_FILE_NAME);
}
