import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;
const ADMIN_PASSWORD = 'administrator password';

function cpreg(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, CPREG_DB: '', CPREG_USER: '', CPREG_PASSWORD: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cpreg init, sign-in and users', () => {
  it(
    'creates the register with its administrator, prints the recovery key once, and manages users by role',
    { timeout: 180_000 },
    () => {
      const dir = tempDir();
      const db = join(dir, 'register.sqlite');
      const init = cpreg(['--db', db, 'init', '--admin', 'Alice'], { CPREG_PASSWORD: ADMIN_PASSWORD });
      expect(init.code).toBe(0);
      expect(init.stdout).toMatch(/^.*register\.sqlite\nAdministrator: Alice \(administrator, chair, unit officer\)\n/);
      const key = /^([0-9a-f]{64})$/m.exec(init.stdout)?.[1];
      expect(key).toBeDefined();
      expect(readFileSync(`${db}.keys`, 'utf8')).not.toContain(key);
      // Only once: a second init refuses.
      expect(cpreg(['--db', db, 'init', '--admin', 'Mallory'], { CPREG_PASSWORD: ADMIN_PASSWORD })).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/already has its administrator/),
      });

      const asAlice = { CPREG_USER: 'Alice', CPREG_PASSWORD: ADMIN_PASSWORD };
      const passwordFile = join(dir, 'alice.txt');
      writeFileSync(passwordFile, `${ADMIN_PASSWORD}\n`);
      const bobFile = join(dir, 'bob.txt');
      writeFileSync(bobFile, 'bob the manager pw\n');
      expect(
        cpreg([
          '--db',
          db,
          '--user',
          'alice',
          '--password-file',
          passwordFile,
          'users',
          'add',
          'Bob',
          '--role',
          'manager',
          '--new-password-file',
          bobFile,
        ]),
      ).toMatchObject({ code: 0, stdout: 'Added Bob.\n' });
      const list = cpreg(['--db', db, 'users', 'list'], asAlice);
      expect(list.stdout.split('\n')[0]).toMatch(/^Name\s+Roles\s+Active\s+Last signed in$/);
      expect(list.stdout).toMatch(/\nBob\s+manager\s+yes\s+never\n/);

      // Bob reads but cannot write; the refusal names the role and exits 2.
      const asBob = { CPREG_USER: 'Bob', CPREG_PASSWORD: 'bob the manager pw' };
      expect(cpreg(['--db', db, 'agencies', 'list'], asBob)).toMatchObject({ code: 0 });
      const forbidden = cpreg(['--db', db, 'call', 'agencies.create'], asBob, '{"name":"Police","type":"police"}');
      expect(forbidden.code).toBe(2);
      expect(JSON.parse(forbidden.stderr)).toMatchObject({ code: 'forbidden', message: /needs the unit officer role/ });
      expect(cpreg(['--db', db, 'users', 'list'], asBob)).toMatchObject({
        code: 2,
        stderr: /needs the administrator role/,
      });

      // A reset password replaces the old one; a disabled user cannot sign in.
      const newFile = join(dir, 'bob2.txt');
      writeFileSync(newFile, 'bob has a new pw\n');
      expect(cpreg(['--db', db, 'users', 'reset', 'Bob', '--new-password-file', newFile], asAlice).code).toBe(0);
      expect(cpreg(['--db', db, 'agencies', 'list'], asBob)).toMatchObject({
        code: 2,
        stderr: 'cpreg: password: The user name or password is not right\n',
      });
      expect(cpreg(['--db', db, 'users', 'disable', 'Bob'], asAlice)).toMatchObject({
        code: 0,
        stdout: 'Disabled Bob.\n',
      });
      expect(
        cpreg(['--db', db, 'agencies', 'list'], { CPREG_USER: 'Bob', CPREG_PASSWORD: 'bob has a new pw' }).code,
      ).toBe(2);
      expect(cpreg(['--db', db, 'users', 'list', '--json'], asAlice).stdout).toMatch(/"active": false/);
    },
  );

  it('says how to sign in when no user or password is given, and never waits on a pipe', () => {
    const db = join(tempDir(), 'register.sqlite');
    expect(cpreg(['--db', db, 'init', '--admin', 'Alice'], { CPREG_PASSWORD: ADMIN_PASSWORD }).code).toBe(0);
    expect(cpreg(['--db', db, 'agencies', 'list'])).toMatchObject({
      code: 2,
      stderr: 'cpreg: sign in: give --user NAME (or set CPREG_USER)\n',
    });
    expect(cpreg(['--db', db, '--user', 'Alice', 'agencies', 'list'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no password: set CPREG_PASSWORD or give --password-file FILE/),
    });
    expect(cpreg(['--db', db, 'init', '--admin', 'X'])).toMatchObject({ code: 2 });
  });

  it('creates a demo register with the administrator "demo" using CPREG_PASSWORD', () => {
    const db = join(tempDir(), 'demo.sqlite');
    const demo = cpreg(['--db', db, 'demo'], { CPREG_PASSWORD: 'demo password here' });
    expect(demo.code).toBe(0);
    expect(demo.stderr).toMatch(/administrator "demo" \(password from CPREG_PASSWORD\)/);
    expect(
      cpreg(['--db', db, 'users', 'list'], { CPREG_USER: 'demo', CPREG_PASSWORD: 'demo password here' }).stdout,
    ).toMatch(/demo\s+administrator, chair, unit officer, manager, auditor/);
  });
});
