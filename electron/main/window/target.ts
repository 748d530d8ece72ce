import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isLoopbackHost } from '../server/loopback';

/** The desktop app's setting that points it at a unit server, in its app-data folder. */
export const SERVER_SETTING_FILE = 'unit-server.json';

const settingSchema = z.strictObject({
  server: z.string({ error: 'server must be the unit server’s address, such as https://cpreg.council.local:8443' }),
});

/** What the desktop window shows: the laptop's own register, or a unit server's. */
export type DesktopTarget = { kind: 'register' } | { kind: 'server'; origin: string };

export class TargetError extends Error {
  override name = 'TargetError';
}

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1] ?? '';
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The unit server's origin from an address people type: https, or http only on this computer. */
export function serverOrigin(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TargetError(
      `${from}: “${value}” is not an address; give the unit server’s, such as https://cpreg.council.local:8443`,
    );
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return url.origin;
  throw new TargetError(
    `${from}: the unit server must be an https:// address (http:// only for this computer, such as http://127.0.0.1:8080)`,
  );
}

/**
 * Where the desktop app opens: `--server URL`, else $CPREG_SERVER, else the setting in
 * `unit-server.json` in the app-data folder, else the laptop's own register (`--db` names it and
 * cannot be given with `--server`).
 */
export function chooseTarget(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  userData: string,
): DesktopTarget {
  const fromFlag = flag(argv, '--server');
  if (fromFlag !== undefined) {
    if (flag(argv, '--db') !== undefined) {
      throw new TargetError('give --server or --db, not both: a unit server has its own register');
    }
    return { kind: 'server', origin: serverOrigin(fromFlag, '--server') };
  }
  if (flag(argv, '--db') !== undefined) return { kind: 'register' };
  const fromEnv = env['CPREG_SERVER'];
  if (fromEnv) return { kind: 'server', origin: serverOrigin(fromEnv, 'CPREG_SERVER') };
  const file = join(userData, SERVER_SETTING_FILE);
  if (!existsSync(file)) return { kind: 'register' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new TargetError(`${file} is not JSON: it should read {"server": "https://…"}; fix or delete it`);
  }
  const parsed = settingSchema.safeParse(json);
  if (!parsed.success) {
    throw new TargetError(`${file}: ${parsed.error.issues[0]?.message ?? 'it should read {"server": "https://…"}'}`);
  }
  return { kind: 'server', origin: serverOrigin(parsed.data.server, file) };
}
