import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedInEnv, tempDir } from './helpers';
import { MIGRATIONS } from '../../electron/main/register/db/migrations';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;

function cpreg(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPREG_DB: '', ...signedInEnv() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cpreg backup, backup verify, restore', () => {
  it('backs up, verifies (exit 0 with a summary) and restores, keeping the current register aside', () => {
    const dir = tempDir();
    const db = join(dir, 'register.sqlite');
    expect(cpreg(['--db', db, 'init', '--admin', 'Test Chair']).code).toBe(0);
    const file = join(dir, 'out.cpreg-backup');
    const backup = cpreg(['--db', db, 'backup', '--out', file]);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`Wrote a verified backup to ${file}`) });
    const verify = cpreg(['backup', 'verify', file]);
    expect(verify.code).toBe(0);
    // The version of the register this build makes: its latest migration.
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.id;
    expect(verify.stdout).toMatch(new RegExp(`is sound[\\s\\S]*register version ${latest}\\n[\\s\\S]*tables`));
    // A change after the backup, which the restore takes away.
    const add = spawnSync(process.execPath, [BIN, '--db', db, 'call', 'agencies.create'], {
      encoding: 'utf8',
      env: { ...process.env, CPREG_DB: '', ...signedInEnv() },
      input: JSON.stringify({ name: 'After The Backup', type: 'police' }),
    });
    expect(add.status).toBe(0);
    const restore = cpreg(['--db', db, 'restore', '--from', file]);
    expect(restore.code).toBe(0);
    const aside = /^ {2}(.*before-restore-.*)$/m.exec(restore.stdout)?.[1] ?? '';
    expect(aside.startsWith(`${db}.before-restore-`)).toBe(true);
    expect(existsSync(aside)).toBe(true);
    expect(cpreg(['--db', db, 'agencies', 'list']).stdout).not.toContain('After The Backup');
    expect(cpreg(['--db', aside, 'agencies', 'list']).stdout).toContain('After The Backup');
  });

  it('exits 1 naming what failed, for a tampered backup, and restores nothing', () => {
    const dir = tempDir();
    const db = join(dir, 'register.sqlite');
    cpreg(['--db', db, 'init', '--admin', 'Test Chair']);
    const file = join(dir, 'out.cpreg-backup');
    cpreg(['--db', db, 'backup', '--out', file]);
    const text = readFileSync(file, 'latin1');
    const hash = /"contentHash":"([0-9a-f]{64})"/.exec(text)?.[1] ?? '';
    writeFileSync(file, Buffer.from(text.replace(hash, '0'.repeat(64)), 'latin1'));
    const register = readFileSync(db);
    expect(cpreg(['backup', 'verify', file])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/content hash differs/),
    });
    expect(cpreg(['--db', db, 'restore', '--from', file])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/content hash differs/),
    });
    expect(readFileSync(db).equals(register)).toBe(true);
    expect(cpreg(['backup', 'verify', db])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a CP Conference Register backup/),
    });
    expect(cpreg(['backup', 'verify', join(dir, 'missing')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot be read/),
    });
  });
});
