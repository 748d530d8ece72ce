import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Register } from '../../electron/main/register/register';
import { REPORT_TABLES } from '../../shared/reports';
import { caller } from './call';
import { cliRegister, signedInEnv, tempDir, tempRegister } from './helpers';
import { pdfInfo, pdfText, squash } from './pdf';
import { CPREG_BIN } from './cpreg-bin';

/**
 * The partnership's annual return (`reports.annual`, `cpreg reports annual`): a small register
 * made through the channels, its return written, and the PDF read back with poppler.
 */

const BIN = CPREG_BIN;
const PARTNERSHIP = 'Northtown Safeguarding Children Partnership';
const LEARNING = 'Share referral outcomes in writing within one working day';
const DEBRIEF = 'Both agencies met and agreed the referral pathway';
/** 15 January 2027: the year 2026 is over, so "at the end" is counted on 31 December. */
const MADE = '2027-01-15T10:00:00.000Z';

const person = (name: string) => ({ name, title: 'Manager', agency: 'Agency' });

/**
 * Three Appendix 3 incidents for Northtown Police in 2026 (two non-attendances, one missing
 * report) and one in 2025 (a late report); one escalation opened and resolved in 2026 with its
 * learning, challenging Children's Social Care; `extraAgencies` more agencies with an incident each.
 */
async function seed(r: Register, extraAgencies = 0) {
  const call = caller(r);
  const v = await call.version.settings();
  await call.ok('settings.update', { version: v, partnershipName: PARTNERSHIP });
  const police = await call.ok('agencies.create', { name: 'Northtown Police', type: 'police' });
  const school = await call.ok('agencies.create', { name: 'Primary School', type: 'education' });
  const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
  const incident = async (
    agencyId: number,
    meetingDate: string,
    reason: 'did-not-attend' | 'no-report' | 'late-report',
  ) =>
    call.ok('agencyEscalations.raiseByHand', {
      agencyId,
      meetingDate,
      familyIdentifier: 'Family Zoë Ó Súilleabháin',
      chairName: 'Chair Łukasz',
      representativeName: null,
      reason,
      reasonDetail: null,
    });
  await incident(police.id, '2026-02-03', 'did-not-attend');
  await incident(police.id, '2026-06-10', 'did-not-attend');
  await incident(police.id, '2026-09-22', 'no-report');
  await incident(police.id, '2025-05-14', 'late-report');
  for (let i = 1; i <= extraAgencies; i++) {
    const a = await call.ok('agencies.create', {
      name: `Synthetic Agency ${String(i).padStart(2, '0')}`,
      type: 'other',
    });
    await incident(a.id, '2026-04-01', 'no-report');
  }
  let e = await call.ok('escalations.open', {
    subjectName: 'Zoë Alpha',
    subjectDateOfBirth: '2018-04-01',
    initiatingAgencyId: school.id,
    challengedAgencyId: csc.id,
    natures: ['referral-decision'],
    details: 'Referral not accepted despite disclosures',
    outcomeSought: 'Strategy discussion',
    openedOn: '2026-03-02',
    escalatedBy: { name: 'Synthetic DSL', title: 'Designated Safeguarding Lead', agency: 'Primary School' },
  });
  e = await call.ok('escalations.respond', {
    escalationId: e.id,
    number: 1,
    responseFrom: person('CSC manager'),
    responseOn: '2026-03-04',
    summary: 'Referral accepted on review',
    resolved: true,
  });
  await call.ok('escalations.close', {
    escalationId: e.id,
    on: '2026-03-05',
    resolved: true,
    learning: LEARNING,
    restorativeDebrief: DEBRIEF,
  });
  return { call, police, escalationId: e.id };
}

/** Every `/Alt` string of a PDF's structure elements (pdfkit writes them as literal strings). */
function altTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  const found: string[] = [];
  for (let at = raw.indexOf('/Alt ('); at !== -1; at = raw.indexOf('/Alt (', at + 1)) {
    const bytes: number[] = [];
    let depth = 1;
    for (let i = at + 6; depth > 0 && i < raw.length; i++) {
      const c = raw[i] ?? '';
      if (c === '\\') {
        const next = raw[++i] ?? '';
        bytes.push(escapes[next] ?? next.charCodeAt(0));
        continue;
      }
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (depth > 0) bytes.push(c.charCodeAt(0));
    }
    const b = Buffer.from(bytes);
    found.push(
      b[0] === 0xfe && b[1] === 0xff ? Buffer.from(b.subarray(2)).swap16().toString('utf16le') : b.toString('latin1'),
    );
  }
  return found;
}

describe('the annual return (reports.annual)', () => {
  it('writes one tagged A4 PDF with the title, every table, its charts and the learning', async () => {
    const r = await tempRegister({ now: () => new Date(MADE) });
    const { call } = await seed(r);
    const file = join(tempDir(), 'annual-return-2026.pdf');

    const made = await call.ok('reports.annual', { year: 2026, file });

    expect(made).toMatchObject({ year: 2026, file, fileName: 'annual-return-2026.pdf', folder: resolve(file, '..') });
    const bytes = readFileSync(file);
    expect(made.bytes).toBe(bytes.length);
    const info = pdfInfo(file);
    expect(info['Tagged']).toBe('yes');
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(Number(info['Pages'])).toBe(made.pages);
    expect(info['Title']).toBe('Annual return 2026');
    // A tagged PDF: the structure tree, and MarkInfo saying the content is marked.
    const raw = bytes.toString('latin1');
    expect(/\/StructTreeRoot \d+ 0 R/.test(raw), 'StructTreeRoot').toBe(true);
    expect(/\/MarkInfo \d+ 0 R/.test(raw) && /\/Marked true/.test(raw), 'MarkInfo').toBe(true);

    const text = squash(pdfText(file));
    expect(text).toContain('Annual return 2026');
    expect(text).toContain(PARTNERSHIP);
    expect(text).toContain('1 January to 31 December 2026, compared with 2025');
    expect(text).toContain('Made on 15 January 2027');
    for (const spec of Object.values(REPORT_TABLES).flat()) expect(text).toContain(spec.title);
    expect(text).toContain('Time to resolution');
    expect(text).toContain('Learning and themes');
    // Northtown Police's Appendix 3 incidents, by reason (did not attend, no report, late, other, all).
    expect(text).toContain('Northtown Police 2026 2 1 0 0 3');
    expect(text).toContain('Northtown Police 2025 0 0 1 0 1');
    // The escalation closed in 2026, by challenged agency, and what was learned.
    expect(text).toContain('Children’s Social Care 2026 1 1 0 0 0');
    expect(text).toContain(LEARNING);
    expect(text).toContain(DEBRIEF);
    expect(text).toContain('Nature of the difference Referral decision');
    // The contents list gives each part's page.
    expect(text).toMatch(
      /Contents Conferences 2 Agency contribution \d+ Appendix 3 returns \d+ Escalations \d+ Learning and themes \d+/,
    );

    // Each chart is a Figure whose alternative text is the chart in words.
    expect(raw.includes('/S /Figure'), 'Figure').toBe(true);
    const alts = altTexts(bytes);
    expect(alts).toContain(
      'Appendix 3 incidents, by agency. All incidents, 2026. Northtown Police: 3 (1 a year before).',
    );
    expect(alts).toContain(
      'Escalations, by challenged agency. Opened, 2026. Children’s Social Care: 1 (0 a year before).',
    );
  });

  it('gives the same bytes for the same register and day', async () => {
    const r = await tempRegister({ now: () => new Date(MADE) });
    const { call } = await seed(r);
    const dir = tempDir();
    await call.ok('reports.annual', { year: 2026, file: join(dir, 'a.pdf') });
    await call.ok('reports.annual', { year: 2026, file: join(dir, 'b.pdf') });
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);
  });

  it('runs a long table onto the next page with its header repeated', async () => {
    const r = await tempRegister({ now: () => new Date(MADE) });
    const { call } = await seed(r, 30);
    const file = join(tempDir(), 'long.pdf');
    await call.ok('reports.annual', { year: 2026, file });
    const header =
      'Agency Year Did not attend No report provided Report not provided in time Other issue All incidents';
    const pages = pdfText(file)
      .split('\f')
      .map((p) => squash(p));
    const withHeader = pages.filter((p) => p.includes(header));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    expect(pages.join(' ')).toContain('Synthetic Agency 30 2026 0 1 0 0 1');
    // The chart shows the 20 largest; the table has all 31 agencies with incidents in 2026.
    expect(squash(pdfText(file))).toContain('for the 20 largest of 31; the table has them all');
  });

  it('goes to the Reports folder when no place is given, or into a folder named', async () => {
    const documentsDir = join(tempDir(), 'documents');
    const r = await tempRegister({ now: () => new Date(MADE), documentsDir });
    const { call } = await seed(r);
    const made = await call.ok('reports.annual', { year: 2026 });
    expect(made.file).toBe(join(documentsDir, 'Reports', 'annual-return-2026.pdf'));
    expect(existsSync(made.file)).toBe(true);
    const folder = join(tempDir(), 'for the business unit');
    const into = await call.ok('reports.annual', { year: 2025, folder });
    expect(into.file).toBe(join(folder, 'annual-return-2025.pdf'));
    expect(squash(pdfText(into.file))).toContain('Annual return 2025');
  });

  it('refuses a bad year or place, naming the field, and writes nothing', async () => {
    const r = await tempRegister({ now: () => new Date(MADE) });
    const { call } = await seed(r);
    const dir = tempDir();
    const cases: [unknown, string, string][] = [
      [{ year: 1999 }, 'year', 'Enter the year as a whole number from 2000 to 2099, such as 2026'],
      [{ year: 'last year' }, 'year', 'Enter the year as a whole number from 2000 to 2099, such as 2026'],
      [{ year: 2026, file: join(dir, 'x.docx') }, 'file', 'The file name must end in .pdf'],
      [
        { year: 2026, file: join(dir, 'missing', 'x.pdf') },
        'file',
        `The folder ${join(dir, 'missing')} does not exist: create it, or choose a file in another folder`,
      ],
    ];
    mkdirSync(join(dir, 'a folder.pdf'));
    cases.push([
      { year: 2026, file: join(dir, 'a folder.pdf') },
      'file',
      `${join(dir, 'a folder.pdf')} is a folder: name a file ending .pdf`,
    ]);
    for (const [input, path, message] of cases) {
      const refused = await call.refused('reports.annual', input);
      expect(refused).toMatchObject({ code: 'invalid-input', issues: [{ path, message }] });
    }
    expect(readdirSync(dir)).toEqual(['a folder.pdf']);
  });

  it('is for managers, unit officers and administrators', async () => {
    const r = await tempRegister({ now: () => new Date(MADE) });
    const chair = caller(r, { name: 'Chair Only', roles: ['chair'] });
    const refused = await chair.refused('reports.annual', { year: 2026, file: join(tempDir(), 'x.pdf') });
    expect(refused.code).toBe('forbidden');
    const manager = caller(r, { name: 'A Manager', roles: ['manager'] });
    const made = await manager.ok('reports.annual', { year: 2026, file: join(tempDir(), 'x.pdf') });
    expect(made.pages).toBeGreaterThan(1);
  });
});

function cpreg(db: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPREG_DB: '', ...signedInEnv('Script User') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cpreg reports annual', () => {
  it('writes the annual return and says where, with its pages; a bad --year or --out writes nothing', async () => {
    const db = await cliRegister(
      async (r) => void (await seed(r)),
      'Script User',
      () => new Date(MADE),
    );
    const dir = tempDir();
    const out = join(dir, 'annual 2026.pdf');

    const made = cpreg(db, ['reports', 'annual', '--year', '2026', '--out', out]);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(
      new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages, [\\d,]+ bytes\\)\\.\\n$`),
    );
    expect(squash(pdfText(out))).toContain(LEARNING);

    const bad: [string[], string][] = [
      [
        ['--year', '1999', '--out', join(dir, 'a.pdf')],
        '--year must be a year from 2000 to 2099, such as 2026 (got "1999")',
      ],
      [
        ['--year', '2026', '--out', join(dir, 'c.txt')],
        `--out must name a file ending .pdf (got "${join(dir, 'c.txt')}")`,
      ],
    ];
    for (const [args, message] of bad) {
      const result = cpreg(db, ['reports', 'annual', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual(['annual 2026.pdf']);
  });
});
