import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/main/window/security';
import { chooseTarget, SERVER_SETTING_FILE, TargetError } from '../../electron/main/window/target';

const empty = () => mkdtempSync(join(tmpdir(), 'cpreg-target-'));
function withSetting(text: string): string {
  const dir = empty();
  writeFileSync(join(dir, SERVER_SETTING_FILE), text);
  return dir;
}
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TargetError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('where the desktop app opens', () => {
  it('opens the laptop’s own register when nothing names a unit server', () => {
    expect(chooseTarget(['electron', '.'], {}, empty())).toEqual({ kind: 'register' });
  });

  it('takes --server first, then CPREG_SERVER, then the setting file', () => {
    const setting = withSetting('{"server": "https://setting.council.local"}');
    const env = { CPREG_SERVER: 'https://env.council.local:8443/' };
    expect(chooseTarget(['--server', 'https://flag.council.local:8443/x'], env, setting)).toEqual({
      kind: 'server',
      origin: 'https://flag.council.local:8443',
    });
    expect(chooseTarget(['--server=https://flag.council.local'], env, setting)).toEqual({
      kind: 'server',
      origin: 'https://flag.council.local',
    });
    expect(chooseTarget([], env, setting)).toEqual({ kind: 'server', origin: 'https://env.council.local:8443' });
    expect(chooseTarget([], {}, setting)).toEqual({ kind: 'server', origin: 'https://setting.council.local' });
    // --db names the laptop's own register, whatever the environment or the setting say.
    expect(chooseTarget(['--db', '/tmp/r.sqlite'], env, setting)).toEqual({ kind: 'register' });
  });

  it('accepts http:// only for this computer, and says so', () => {
    expect(chooseTarget(['--server', 'http://127.0.0.1:8080'], {}, empty())).toEqual({
      kind: 'server',
      origin: 'http://127.0.0.1:8080',
    });
    expect(refusal(() => chooseTarget(['--server', 'http://cpreg.council.local'], {}, empty()))).toBe(
      '--server: the unit server must be an https:// address (http:// only for this computer, such as http://127.0.0.1:8080)',
    );
    expect(refusal(() => chooseTarget(['--server', 'cpreg'], {}, empty()))).toMatch(
      /^--server: “cpreg” is not an address/,
    );
    expect(refusal(() => chooseTarget(['--server', 'https://a', '--db', 'x'], {}, empty()))).toBe(
      'give --server or --db, not both: a unit server has its own register',
    );
  });

  it('names the setting file and what it should hold when it is wrong', () => {
    expect(refusal(() => chooseTarget([], {}, withSetting('server=https://x')))).toMatch(
      /unit-server\.json is not JSON: it should read \{"server": "https:\/\/…"\}; fix or delete it$/,
    );
    expect(refusal(() => chooseTarget([], {}, withSetting('{"server": 8443}')))).toMatch(
      /unit-server\.json: server must be the unit server’s address/,
    );
    expect(refusal(() => chooseTarget([], {}, withSetting('{"server": "ftp://x"}')))).toMatch(
      /must be an https:\/\/ address/,
    );
  });

  it('gives a unit server’s window no preload (it reaches the register over HTTPS, not IPC)', () => {
    expect(secureWebPreferences(null)).not.toHaveProperty('preload');
    expect(secureWebPreferences('/p.js')).toHaveProperty('preload', '/p.js');
  });
});
