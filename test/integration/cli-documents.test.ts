import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRegister, reopen, signedInEnv, tempDir } from './helpers';
import { pdfText, squash } from './pdf';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;

function cpreg(db: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPREG_DB: '', ...signedInEnv('Script User') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A register with two agencies' Appendix 3 rows in October 2026, made through the services. */
async function seededRegister(unitEmail: string | null = 'cpru@example.org'): Promise<string> {
  return cliRegister(async (r) => {
    await r.settings.update({ unitEmail });
    for (const name of ['Northtown Police', 'Northtown Health']) {
      const agency = await r.agencies.create(
        agencyInputSchema.parse({
          name,
          type: name.endsWith('Police') ? 'police' : 'health',
          leadName: 'Synthetic Lead',
          leadEmail: 'lead@example.org',
        }),
      );
      await r.agencyEscalations.raiseByHand({
        agencyId: agency.id,
        meetingDate: '2026-10-14',
        familyIdentifier: 'Łukasz Ó Súilleabháin',
        chairName: 'Chair Zoë',
        representativeName: null,
        reason: 'no-report',
        reasonDetail: null,
      });
    }
  }, 'Script User');
}

describe('cpreg forms, letters, export and sharing-log', () => {
  it('forms appendix3 writes the PDF and records it', async () => {
    const db = await seededRegister();
    const out = join(tempDir(), 'police-october.pdf');
    const r = cpreg(db, [
      'forms',
      'appendix3',
      '--agency',
      'northtown police',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--out',
      out,
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Wrote ${out}`);
    expect(squash(pdfText(out))).toContain('Łukasz Ó Súilleabháin');
    const reg = await reopen(db);
    expect(await reg.documents.recent(5)).toEqual([
      expect.objectContaining({ kind: 'appendix3', fileName: 'police-october.pdf', generatedBy: 'Script User' }),
    ]);
    await reg.close();
  });

  it('names bad input on one line, exits 2 and writes nothing', async () => {
    const db = await seededRegister(null);
    const dir = tempDir();
    const out = join(dir, 'x.pdf');
    const cases: [string[], RegExp][] = [
      [
        ['forms', 'appendix3', '--agency', 'Nobody', '--from', '2026-10-01', '--to', '2026-10-31', '--out', out],
        /no agency called "Nobody"/,
      ],
      [
        [
          'forms',
          'appendix3',
          '--agency',
          'Northtown Police',
          '--from',
          '2026-10-32',
          '--to',
          '2026-10-31',
          '--out',
          out,
        ],
        /--from must be a real date/,
      ],
      [
        [
          'forms',
          'appendix3',
          '--agency',
          'Northtown Police',
          '--from',
          '2026-10-01',
          '--to',
          '2026-10-31',
          '--out',
          out,
        ],
        /settings\.unitEmail: Enter the review unit’s email address/,
      ],
      [['forms', 'appendix5', '--escalation', 'x1', '--out', out], /--escalation must be a record number/],
      [
        ['letters', 'memos', '--from', '2026-10-01', '--to', '2026-10-31', '--out', dir],
        /<kind> must be one of appendix3/,
      ],
      [
        [
          'export',
          '--agency',
          'Northtown Police',
          '--out',
          dir,
          '--from',
          '2026-10-01',
          '--to',
          '2026-10-31',
          '--protect-password-file',
          join(dir, 'missing'),
        ],
        /cannot read the password file/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = cpreg(db, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('letters writes a batch with a progress line and a summary', async () => {
    const db = await seededRegister();
    const out = join(tempDir(), 'october');
    const r = cpreg(db, ['letters', 'appendix3', '--from', '2026-10-01', '--to', '2026-10-31', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Appendix 3 returns to agency safeguarding leads: 2 of 2');
    expect(r.stdout).toBe(`Wrote 2 of 2 into ${out}\n`);
    expect(readdirSync(out).sort()).toEqual([
      'appendix3-northtown-health-2026-10-01-to-2026-10-31.pdf',
      'appendix3-northtown-police-2026-10-01-to-2026-10-31.pdf',
    ]);
  });

  it('export writes a protected zip and the sharing log shows it, as text and JSON', async () => {
    const db = await seededRegister();
    const dir = tempDir();
    const passwordFile = join(dir, 'password.txt');
    writeFileSync(passwordFile, 'a long synthetic password\n');
    const out = join(dir, 'exports');
    const r = cpreg(db, [
      'export',
      '--agency',
      'Northtown Health',
      '--out',
      out,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--initials',
      '--protect-password-file',
      passwordFile,
      '--eml',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('a long synthetic password');
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.endsWith('.zip'))).toBe(true);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
    const log = cpreg(db, ['sharing-log', '--json']);
    expect(log.code).toBe(0);
    expect(JSON.parse(log.stdout)).toEqual([
      expect.objectContaining({
        agencyName: 'Northtown Health',
        actor: 'Script User',
        passwordProtected: true,
        initialsOnly: true,
      }),
    ]);
    expect(cpreg(db, ['sharing-log']).stdout).toContain('Northtown Health');
    expect(existsSync(join(out, 'password.txt'))).toBe(false);
  });
});
