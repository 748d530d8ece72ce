import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { caller } from './call';
import { cliRegister, signedInEnv } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;

function cpreg(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPREG_DB: '', ...signedInEnv() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A register holding one family whose only conference was in 2003, and a rule of 5 years. */
async function oldRegister(): Promise<string> {
  return cliRegister(
    async (r) => {
      const call = caller(r);
      await call.ok('conferences.create', {
        type: 'initial',
        date: '2003-01-13',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        family: { name: 'Umfreville' },
        newChildren: [{ givenName: 'Valentine', familyName: 'Umfreville', dateOfBirth: '2001-02-03' }],
      });
      await call.ok('settings.update', {
        version: await call.version.settings(),
        retentionRule: { basis: 'last-record', years: 5 },
      });
    },
    'Test Chair',
    () => new Date('2003-01-06T09:00:00Z'),
  );
}

describe('cpreg retention', () => {
  // Each command is a separate process (about 3 s each on a loaded machine): hence the timeout.
  it(
    'lists, holds, lifts and erases, refusing an erase while held or with the wrong name',
    { timeout: 180_000 },
    async () => {
      const db = await oldRegister();
      const list = cpreg(['--db', db, 'retention', 'list', '--past']);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/Rule: 5 years after the last record; 1 past retention/);
      expect(list.stdout).toMatch(/1 +Umfreville +2003-01-13 +2008-01-13 +yes/);

      expect(cpreg(['--db', db, 'retention', 'hold', '1', '--reason', 'Subject access request open'])).toMatchObject({
        code: 0,
        stdout: 'Family 1 is on legal hold.\n',
      });
      const held = cpreg(['--db', db, 'retention', 'erase', '1', '--confirm', 'Umfreville']);
      expect(held.code).toBe(2);
      expect(held.stderr).toMatch(/on legal hold .*lift the hold/);
      expect(cpreg(['--db', db, 'retention', 'lift', '1', '--reason', 'Request answered']).code).toBe(0);
      const wrong = cpreg(['--db', db, 'retention', 'erase', '1', '--confirm', 'Someone else']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/confirm: Type the family name exactly as shown/);

      const erased = cpreg(['--db', db, 'retention', 'erase', '1', '--confirm', 'Umfreville', '--json']);
      expect(erased.code).toBe(0);
      expect(JSON.parse(erased.stdout)).toMatchObject({
        familyId: 1,
        counts: { families: 1, children: 1, conferences: 1 },
      });
      expect(cpreg(['--db', db, 'retention', 'list']).stdout).toMatch(/0 past retention\nNo families\./);
    },
  );
});
