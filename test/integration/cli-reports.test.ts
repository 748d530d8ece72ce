import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caller } from './call';
import { cliRegister, onPostgres, signedInEnv, tempDir } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;

function cpreg(where: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, onPostgres ? '--pg' : '--db', where, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPREG_DB: '', CPREG_PG: '', ...signedInEnv() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One held conference (Zoë’s Nursery did not attend) and one open escalation. */
async function register(): Promise<string> {
  return cliRegister(
    async (r) => {
      const a = caller(r);
      const csc = (await a.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' })).id;
      const nursery = (await a.ok('agencies.create', { name: 'Zoë’s Nursery', type: 'education' })).id;
      const c = await a.ok('conferences.create', {
        type: 'initial',
        date: '2026-01-05',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        family: { name: 'Family Alpha' },
        newChildren: [{ givenName: 'Ada', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
      });
      for (const agencyId of [csc, nursery]) await a.ok('live.invite', { conferenceId: c.id, agencyId });
      await a.ok('live.setAttendance', { conferenceId: c.id, agencyId: csc, attendance: 'attended' });
      await a.ok('live.setAttendance', { conferenceId: c.id, agencyId: nursery, attendance: 'did-not-attend' });
      await a.ok('live.setReport', { conferenceId: c.id, agencyId: csc, report: 'received', receivedOn: '2025-12-30' });
      await a.ok('live.setView', {
        conferenceId: c.id,
        childId: c.children[0]?.id ?? 0,
        agencyId: csc,
        view: 'no-plan',
      });
      await a.ok('live.setInquorateReason', { conferenceId: c.id, reason: 'Only one agency could attend' } as never);
      await a.ok('live.recordDecision', { conferenceId: c.id, childId: c.children[0]?.id ?? 0 });
      await a.ok('escalations.open', {
        subjectName: 'Synthetic Child',
        initiatingAgencyId: nursery,
        challengedAgencyId: csc,
        natures: ['information-sharing'],
        details: 'Synthetic details',
        outcomeSought: 'Synthetic outcome',
        openedOn: '2026-01-06',
        escalatedBy: { name: 'Synthetic Practitioner' },
      });
    },
    'Test Chair',
    () => new Date('2026-01-06T12:00:00Z'),
  );
}

describe('cpreg reports', () => {
  // Each command is a separate process (about 3 s each on a loaded machine): hence the timeout.
  it(
    'prints the exact JSON and CSV shapes, and refuses bad flags saying what to fix',
    { timeout: 180_000 },
    async () => {
      const db = await register();
      const period = ['--from', '2026-01-01', '--to', '2026-01-31'];
      const attendance = cpreg(db, ['reports', 'attendance', ...period, '--json']);
      expect(attendance.stderr).toBe('');
      expect(JSON.parse(attendance.stdout)).toEqual([
        {
          agency: 'Children’s Social Care',
          invited: 1,
          attended: 1,
          apologies: 0,
          didNotAttend: 0,
          reportsOnTime: 1,
          reportsLate: 0,
          reportsMissing: 0,
        },
        {
          agency: 'Zoë’s Nursery',
          invited: 1,
          attended: 0,
          apologies: 0,
          didNotAttend: 1,
          reportsOnTime: 0,
          reportsLate: 0,
          reportsMissing: 1,
        },
      ]);
      const escalations = cpreg(db, ['reports', 'escalations', ...period, '--by', 'initiating-agency', '--json']);
      // Opened on 6 January and never answered: its first stage's clock ran out before 31 January.
      const rows = JSON.parse(escalations.stdout) as Record<string, unknown>[];
      expect(rows).toEqual([{ key: 'Zoë’s Nursery', opened: 1, resolved: 0, open: 1, overdue: 1 }]);
      expect(Object.keys(rows[0] ?? {})).toEqual(['key', 'opened', 'resolved', 'open', 'overdue']);

      const out = join(tempDir(), 'attendance.csv');
      expect(cpreg(db, ['reports', 'attendance', ...period, '--csv', '--out', out]).code).toBe(0);
      const bytes = readFileSync(out);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
        'agency,invited,attended,apologies,didNotAttend,reportsOnTime,reportsLate,reportsMissing',
        'Children’s Social Care,1,1,0,0,1,0,0',
        'Zoë’s Nursery,1,0,0,1,0,0,1',
        '',
      ]);

      const badBy = cpreg(db, ['reports', 'escalations', ...period, '--by', 'colour', '--json']);
      expect(badBy.code).not.toBe(0);
      expect(badBy.stderr).toMatch(/--by.*colour.*challenged-agency, initiating-agency, nature, protocol, stage/s);
      const backwards = cpreg(db, ['reports', 'attendance', '--from', '2026-02-01', '--to', '2026-01-01', '--json']);
      expect(backwards).toMatchObject({ code: 2, stdout: '' });
      expect(backwards.stderr).toMatch(/--to must be on or after --from/);
    },
  );
});
