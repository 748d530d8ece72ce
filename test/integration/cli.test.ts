import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedInEnv, tempDir } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;

/** Runs `cpreg` as a separate process, as a review unit's script would. */
function cpreg(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, CPREG_DB: '', ...signedInEnv(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const recoveryKeys = new Map<string, string>();

/** A register made by `cpreg init`, with Test Chair as its administrator. */
function newRegister(): string {
  const db = join(tempDir(), 'register.sqlite');
  const r = cpreg(['--db', db, 'init', '--admin', 'Test Chair']);
  expect(r).toMatchObject({ code: 0 });
  expect(r.stdout.split('\n')[0]).toBe(db);
  const key = /^([0-9a-f]{64})$/m.exec(r.stdout)?.[1];
  if (!key) throw new Error('init printed no recovery key');
  recoveryKeys.set(db, key);
  return db;
}

/** `openRegister(db, { key })` for a script run in its own process. */
function openInScript(db: string): string {
  return `openRegister(${JSON.stringify(db)}, { key: Buffer.from(${JSON.stringify(recoveryKeys.get(db))}, 'hex') })`;
}

/** The register's bytes, so "nothing written" can be checked exactly. */
function snapshotOf(db: string): string {
  return ['', '-wal']
    .map((suffix) => (existsSync(db + suffix) ? readFileSync(db + suffix).toString('base64') : ''))
    .join('|');
}

describe('cpreg working-days', () => {
  it('prints only the date', () => {
    expect(cpreg(['working-days', 'add', '2025-12-19', '15'])).toEqual({ code: 0, stdout: '2026-01-14\n', stderr: '' });
    expect(cpreg(['working-days', 'subtract', '2026-03-09', '2'])).toMatchObject({ code: 0, stdout: '2026-03-05\n' });
    expect(cpreg(['working-days', 'add', '2025-12-31', '1', '--division', 'scotland']).stdout).toBe('2026-01-05\n');
  });

  it('warns on stderr past the calendar’s last year, still printing the date', () => {
    const r = cpreg(['working-days', 'add', '2027-12-20', '15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2028-01-\d\d\n$/);
    expect(r.stderr).toMatch(/^warning: Bank holidays are known for 2018 to 2027 only/);
  });

  it('uses the register’s own calendar when given one (closure days)', () => {
    const db = newRegister();
    // A closure day set through the app's settings service is honoured by the CLI.
    const script = `require('tsx/cjs'); const { openRegister } = require(${JSON.stringify(resolve(__dirname, '../../electron/main/register/register.ts'))});
      (async () => { const r = await ${openInScript(db)}; await r.settings.update({ closureDays: [{ date: '2026-01-02', reason: 'Unit closed' }] }); await r.close(); })().catch(() => process.exit(1));`;
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).status).toBe(0);
    expect(cpreg(['--db', db, 'working-days', 'add', '2025-12-31', '1']).stdout).toBe('2026-01-05\n');
  });

  it.each([
    [
      ['working-days', 'add', '2025-02-30', '15'],
      /<date> must be a real date in the form YYYY-MM-DD \(got "2025-02-30"\)/,
    ],
    [['working-days', 'add', '2025-12-19', '-1'], /unknown option '-1'|<n> must be a whole number/],
    [['working-days', 'add', '2025-12-19', 'ten'], /<n> must be a whole number of 0 or more \(got "ten"\)/],
    [['working-days', 'add', '2025-12-19'], /missing required argument 'n'/],
    [['working-days', 'add', '2025-12-19', '3', '--division', 'wales'], /argument 'wales' is invalid/],
    [['conferences', 'explode'], /unknown command 'explode'/],
  ])('exits 2 with one line naming what is wrong: %j', (args, message) => {
    const r = cpreg(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('cpreg init and the register location', () => {
  it('creates the register at --db, or at $CPREG_DB', () => {
    const dir = tempDir();
    const viaEnv = join(dir, 'from-env.sqlite');
    const r = cpreg(['init', '--admin', 'Test Chair'], { CPREG_DB: viaEnv });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(viaEnv);
    expect(statSync(viaEnv).size).toBeGreaterThan(0);
  });

  it('refuses to work on a register that does not exist, creating nothing', () => {
    const db = join(tempDir(), 'missing.sqlite');
    const r = cpreg(['--db', db, 'agencies', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no register at .*missing\.sqlite: create one with "cpreg --db .* init --admin NAME"/);
    expect(existsSync(db)).toBe(false);
  });
});

describe('cpreg agencies', () => {
  it('imports a CSV and lists it as a table and as JSON', () => {
    const db = newRegister();
    const csv = join(tempDir(), 'agencies.csv');
    writeFileSync(
      csv,
      [
        'name,type,quoracy_group,lead_name,lead_job_title,lead_email,lead_phone',
        'Health Visiting,health,health,Synthetic Lead,Named Nurse,hv@example.org,01632 960 001',
        '"Police, Public Protection Unit",Police,,,,,',
        "Children's Social Care,Children's social care,,,,csc@example.org,",
      ].join('\n'),
    );
    expect(cpreg(['--db', db, 'agencies', 'import', csv])).toMatchObject({ code: 0, stdout: 'Imported 3 agencies.\n' });
    const table = cpreg(['--db', db, 'agencies', 'list']).stdout.split('\n');
    expect(table[0]).toMatch(/^Name\s+Type\s+Quoracy group\s+Safeguarding lead\s+Email\s+Status$/);
    expect(table.some((l) => /^Police, Public Protection Unit\s+Police\s+active$/.test(l))).toBe(true);
    const json = JSON.parse(cpreg(['--db', db, 'agencies', 'list', '--json']).stdout) as {
      name: string;
      type: string;
    }[];
    expect(json.map((a) => [a.name, a.type])).toEqual([
      ["Children's Social Care", 'childrens-social-care'],
      ['Health Visiting', 'health'],
      ['Police, Public Protection Unit', 'police'],
    ]);
  });

  it('imports all or nothing: one bad row refuses the file, naming the row and column', () => {
    const db = newRegister();
    const csv = join(tempDir(), 'agencies.csv');
    writeFileSync(csv, 'name,type,lead_email\nSchool Nursing,health,sn@example.org\nHousing,housing,not-an-email\n');
    const before = snapshotOf(db);
    const r = cpreg(['--db', db, 'agencies', 'import', csv]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'cpreg: row 3, lead_email: Enter an email address in the correct format, like name@example.com\n',
    );
    expect(snapshotOf(db)).toBe(before);
    expect(cpreg(['--db', db, 'agencies', 'list']).stdout).toBe('No agencies yet.\n');
  });

  it.each([
    ['an unknown column', 'name,type,colour\nA,health,red\n', /Unknown column "colour"/],
    ['no type column', 'name\nA\n', /no "type" column/],
    ['an unknown type', 'name,type\nA,dentistry\n', /row 2, type: Type "dentistry" is not one of/],
    ['a broken quote', 'name,type\n"A,health\n', /The CSV file could not be read/],
    ['no rows', 'name,type\n', /The file has no agencies in it/],
  ])('refuses %s', (_why, text, message) => {
    const db = newRegister();
    const csv = join(tempDir(), 'agencies.csv');
    writeFileSync(csv, text);
    const r = cpreg(['--db', db, 'agencies', 'import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('names a file it cannot read', () => {
    const db = newRegister();
    expect(cpreg(['--db', db, 'agencies', 'import', '/nonexistent/agencies.csv']).stderr).toBe(
      'cpreg: cannot read the CSV file "/nonexistent/agencies.csv"\n',
    );
  });
});

describe('cpreg holidays import', () => {
  it('imports a valid feed, after which its dates count', () => {
    const db = newRegister();
    const file = join(tempDir(), 'bank-holidays.json');
    writeFileSync(
      file,
      JSON.stringify({
        'england-and-wales': {
          division: 'england-and-wales',
          events: [
            { title: 'New Year’s Day (substitute day)', date: '2028-01-03', notes: 'Substitute day', bunting: true },
          ],
        },
      }),
    );
    expect(cpreg(['--db', db, 'holidays', 'import', file])).toMatchObject({
      code: 0,
      stdout: 'Imported 1 bank holidays for england-and-wales.\n',
    });
    expect(cpreg(['--db', db, 'working-days', 'add', '2027-12-31', '1'])).toEqual({
      code: 0,
      stdout: '2028-01-04\n',
      stderr: '',
    });
  });

  it.each([
    ['not JSON', '{oops', /is not valid JSON/],
    [
      'an impossible date',
      JSON.stringify({ scotland: { division: 'scotland', events: [{ title: 'x', date: '2028-13-01' }] } }),
      /^cpreg: scotland\.events\.0\.date: Date must be a real date/,
    ],
    ['an empty object', '{}', /none of the divisions/],
  ])('refuses %s, changing nothing', (_why, text, message) => {
    const db = newRegister();
    const file = join(tempDir(), 'bank-holidays.json');
    writeFileSync(file, text);
    const before = snapshotOf(db);
    const r = cpreg(['--db', db, 'holidays', 'import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshotOf(db)).toBe(before);
  });
});

describe('cpreg outcome', () => {
  const views = (pairs: [string, string][]) => pairs.map(([agency, view]) => ({ agency, view }));
  it('prints the outcome as JSON, by the app’s rule', () => {
    const input = {
      type: 'initial',
      date: '2025-12-19',
      views: views([
        ['CSC', 'plan'],
        ['Health', 'no-plan'],
        ['Police', 'plan'],
        ['School', 'no-plan'],
      ]),
    };
    const r = cpreg(['outcome'], {}, JSON.stringify(input));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      result: 'equally-divided',
      decision: 'adjourned',
      interimPlan: true,
      reconveneBy: '2026-01-14',
      minority: [],
      escalation: null,
    });
    const majority = cpreg(
      ['outcome'],
      {},
      JSON.stringify({
        ...input,
        type: 'review',
        views: views([
          ['CSC', 'plan'],
          ['Health', 'plan'],
          ['Police', 'no-plan'],
        ]),
      }),
    );
    expect(JSON.parse(majority.stdout)).toMatchObject({ result: 'majority', decision: 'plan', minority: ['Police'] });
  });

  it.each([
    [
      'an unknown type',
      { type: 'annual', date: '2026-03-02', views: [{ agency: 'A', view: 'plan' }] },
      /type must be initial, review or reconvened \(got "annual"\)/,
    ],
    [
      'an unknown view',
      { type: 'initial', date: '2026-03-02', views: [{ agency: 'A', view: 'yes' }] },
      /views\.0\.view: view must be plan or no-plan \(got "yes"\)/,
    ],
    [
      'an impossible date',
      { type: 'initial', date: '2026-02-30', views: [{ agency: 'A', view: 'plan' }] },
      /date must be a real date .*2026-02-30/,
    ],
    ['no views', { type: 'initial', date: '2026-03-02', views: [] }, /views must hold at least one/],
    [
      'the same agency twice',
      {
        type: 'initial',
        date: '2026-03-02',
        views: [
          { agency: 'Police', view: 'plan' },
          { agency: 'Police', view: 'no-plan' },
        ],
      },
      /views\.1\.agency: "Police" gives a view twice/,
    ],
  ])('exits 2 on %s, naming the field or agency', (_why, input, message) => {
    const r = cpreg(['outcome'], {}, JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when stdin is not JSON', () => {
    expect(cpreg(['outcome'], {}, 'not json')).toMatchObject({ code: 2, stderr: 'cpreg: stdin is not valid JSON\n' });
  });

  it('refuses an unknown key, naming it, rather than falling back to the default rule', () => {
    const input = {
      type: 'initial',
      date: '2025-12-19',
      Rule: 'chair',
      views: [{ agency: 'Police', view: 'plan', Reasons: 'x' }],
    };
    const r = cpreg(['outcome'], {}, JSON.stringify(input));
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'cpreg: views.0.Reasons: Unknown field “Reasons”: the fields here are agency, view; Rule: Unknown field “Rule”: did you mean “rule”?\n',
    );
  });
});

/** A date `days` before the machine's today (the CLI runs on the real clock). */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('cpreg call: one scripting door', () => {
  /** `cpreg --db DB call CHANNEL` with the input as JSON on stdin; the value parsed from stdout. */
  function call(db: string, channel: string, input: unknown) {
    const r = cpreg(['--db', db, 'call', channel], {}, input === undefined ? '' : JSON.stringify(input));
    return { ...r, value: r.code === 0 ? (JSON.parse(r.stdout) as unknown) : undefined };
  }

  it('sends a channel’s JSON input through the app’s dispatch and prints the value as JSON', () => {
    const db = newRegister();
    const agency = call(db, 'agencies.create', { name: 'Police', type: 'police' });
    expect(agency).toMatchObject({ code: 0, stderr: '', value: { id: 1, name: 'Police', active: true } });
    // Empty stdin means {}.
    expect(call(db, 'agencies.all', undefined)).toMatchObject({ code: 0, value: [{ name: 'Police' }] });
    // The same audit as the app.
    const conference = call(db, 'conferences.create', {
      type: 'initial',
      date: daysAgo(7),
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Chair',
      family: { name: 'Family Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    });
    expect(conference).toMatchObject({ code: 0, value: { type: 'initial', children: [{ givenName: 'Zoë' }] } });
    expect(call(db, 'live.get', { id: 1 })).toMatchObject({ code: 0, value: { conference: { status: 'scheduled' } } });
  });

  it('prints a refusal as JSON on stderr (code, message, field issues) and exits 2, writing nothing', () => {
    const db = newRegister();
    const before = snapshotOf(db);
    const r = call(db, 'agencies.create', { name: 'Police', type: 'constabulary', Lead: 'x' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({
      code: 'invalid-input',
      message: expect.any(String),
      issues: [
        { path: 'type', message: expect.stringContaining('is not one of') },
        {
          path: 'Lead',
          message:
            'Unknown field “Lead”: the fields here are name, type, quoracyGroup, leadName, leadJobTitle, leadEmail, leadPhone',
        },
      ],
    });
    expect(snapshotOf(db)).toBe(before);
    expect(JSON.parse(call(db, 'live.get', { id: 99 }).stderr)).toMatchObject({ code: 'not-found' });
    expect(JSON.parse(call(db, 'no.such', {}).stderr)).toMatchObject({ code: 'unknown-channel' });
    expect(call(db, 'agencies.list', undefined).code).toBe(0);
    const notJson = cpreg(['--db', db, 'call', 'agencies.list'], {}, '{ nope');
    expect(notJson.code).toBe(2);
    expect(JSON.parse(notJson.stderr)).toMatchObject({ code: 'invalid-input' });
  });

  it('exits 1 on an internal error, still as JSON', () => {
    const db = newRegister();
    // A damaged row the answer cannot carry.
    const script = `const D = require('better-sqlite3-multiple-ciphers'); const d = new D(${JSON.stringify(db)});
      d.pragma("cipher = 'sqlcipher'"); d.pragma('legacy = 4'); d.pragma(\`key = "x'${recoveryKeys.get(db)}'"\`);
      d.prepare("INSERT INTO settings (key, value) VALUES ('partnershipName', 'not json')").run(); d.close();`;
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).status).toBe(0);
    const r = call(db, 'settings.get', {});
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'internal' });
  });

  it('lists the channels, and keeps an old name working when one is renamed', () => {
    const list = cpreg(['call', '--list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines).toContain('live.recordDecision');
    expect(lines).toContain('conferences.due  (old name of due.list)');
    const db = newRegister();
    expect(call(db, 'conferences.due', {})).toMatchObject({ code: 0, value: { items: [], total: 0 } });
    expect(call(db, 'due.list', {})).toMatchObject({ code: 0, value: { items: [], total: 0 } });
  });
});

describe('cpreg demo and conferences list', () => {
  it('fills a new register with synthetic data, then lists conferences and what is due', () => {
    const db = join(tempDir(), 'demo.sqlite');
    const demo = cpreg(['demo', '--db', db, '--size', 'small']);
    const asDemo = { CPREG_USER: 'demo' };
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/^Demo register .*demo\.sqlite: 300 conferences \(\d+ reconvened, \d+ adjourned\)/);
    expect(demo.stderr).toMatch(/generating 300 \/ 300 conferences/);

    const list = cpreg(['--db', db, 'conferences', 'list', '--limit', '3'], asDemo);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^Date\s+Time\s+Type\s+Status\s+Family\s+Children\s+Chair$/);
    expect(list.stdout).toMatch(/Showing 3 of 300\./);

    const json = JSON.parse(cpreg(['--db', db, 'conferences', 'list', '--json', '--limit', '2'], asDemo).stdout) as {
      total: number;
      conferences: unknown[];
    };
    expect(json.total).toBe(300);
    expect(json.conferences).toHaveLength(2);

    const due = JSON.parse(cpreg(['--db', db, 'conferences', 'list', '--due', '--json'], asDemo).stdout) as {
      due: string;
    }[];
    expect(due.length).toBeGreaterThan(0);
    expect(due.map((d) => d.due)).toEqual([...due.map((d) => d.due)].sort());
    expect(cpreg(['--db', db, 'conferences', 'list', '--due'], asDemo).stdout.split('\n')[0]).toMatch(
      /^Due\s+What\s+Family\s+Child\s+Conference\s+Status$/,
    );
  });

  it('refuses to put demo data into a register that has records', () => {
    const db = newRegister();
    const csv = join(tempDir(), 'a.csv');
    writeFileSync(csv, 'name,type\nPolice,police\n');
    cpreg(['--db', db, 'agencies', 'import', csv]);
    const r = cpreg(['demo', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only into an empty register/);
  });
});

describe('cpreg returns list', () => {
  it('prints one agency’s Appendix 3 rows for a period, or refuses by name', () => {
    const db = newRegister();
    const script = `require('tsx/cjs'); const { openRegister } = require(${JSON.stringify(resolve(__dirname, '../../electron/main/register/register.ts'))});
      (async () => { const r = await ${openInScript(db)};
      const p = await r.agencies.create({ name: 'Police', type: 'police' });
      await r.agencyEscalations.raiseByHand({ agencyId: p.id, meetingDate: '2026-03-02', familyIdentifier: 'Family Ó Súilleabháin', chairName: 'Chair Zoë', representativeName: 'PC Łukasz', reason: 'did-not-attend', reasonDetail: null });
      await r.agencyEscalations.raiseByHand({ agencyId: p.id, meetingDate: '2026-04-02', familyIdentifier: 'Family B', chairName: 'Chair', representativeName: null, reason: 'other', reasonDetail: 'No information shared' });
      await r.close(); })().catch(() => process.exit(1));`;
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).status).toBe(0);
    const march = cpreg([
      '--db',
      db,
      'returns',
      'list',
      '--agency',
      'police',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
    ]);
    expect(march.code).toBe(0);
    const lines = march.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Date of meeting\s+Family name or identifying factors\s+CP chair\s+Agency\s+Name of agency rep\s+Reason for escalation$/,
    );
    expect(lines[1]).toMatch(/^2026-03-02\s+Family Ó Súilleabháin\s+Chair Zoë\s+Police\s+PC Łukasz\s+Did not attend$/);
    expect(march.stdout).toMatch(/1 escalation; 1 not yet sent/);
    const json = JSON.parse(
      cpreg([
        '--db',
        db,
        'returns',
        'list',
        '--agency',
        'Police',
        '--from',
        '2026-01-01',
        '--to',
        '2026-12-31',
        '--json',
      ]).stdout,
    ) as {
      rows: { reason: string; reasonDetail: string | null }[];
    };
    expect(json.rows.map((r) => r.reason)).toEqual(['did-not-attend', 'other']);
    expect(
      cpreg(['--db', db, 'returns', 'list', '--agency', 'Fire', '--from', '2026-01-01', '--to', '2026-12-31']),
    ).toMatchObject({
      code: 2,
      stderr: 'cpreg: no agency called "Fire" in the directory (see "cpreg agencies list")\n',
    });
    expect(
      cpreg(['--db', db, 'returns', 'list', '--agency', 'Police', '--from', '2026-13-01', '--to', '2026-12-31']).stderr,
    ).toMatch(/--from must be a real date/);
    expect(cpreg(['--db', db, 'returns', 'list', '--agency', 'Police', '--from', '2026-01-01']).stderr).toMatch(
      /required option '--to <date>'/,
    );
  });
});

describe('cpreg escalations', () => {
  it('lists open escalations (immediate risk first), the overdue ones, and shows one in full', () => {
    const db = join(tempDir(), 'demo.sqlite');
    // The demo register's administrator is "demo".
    const run = (args: string[]) => cpreg(args, { CPREG_USER: 'demo' });
    expect(run(['demo', '--db', db]).code).toBe(0);
    const list = run(['--db', db, 'escalations', 'list']).stdout.split('\n');
    expect(list[0]).toMatch(/^Id\s+Due\s+Clock\s+Stage\s+Child or family\s+Raised by\s+Challenged\s+Protocol$/);
    expect(list[1]).toMatch(/IMMEDIATE RISK/);
    const overdue = run(['--db', db, 'escalations', 'list', '--overdue']).stdout.trim().split('\n').slice(1);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((l) => /OVERDUE \d+ WD|IMMEDIATE RISK/.test(l))).toBe(true);
    const json = JSON.parse(run(['--db', db, 'escalations', 'list', '--json']).stdout) as {
      id: number;
      immediateRisk: boolean;
    }[];
    const id = json.find((e) => !e.immediateRisk)?.id ?? 0;
    const show = run(['--db', db, 'escalations', 'show', String(id)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(new RegExp(`^Escalation ${id}: .* \\(open\\)\\nProtocol: `));
    expect(show.stdout).toMatch(/\nStage 1 .*: opened \d{4}-\d\d-\d\d, due \d{4}-\d\d-\d\d/);
    expect(JSON.parse(run(['--db', db, 'escalations', 'show', String(id), '--json']).stdout)).toMatchObject({
      id,
      status: 'open',
    });
    expect(run(['--db', db, 'escalations', 'show', 'x1'])).toMatchObject({
      code: 2,
      stderr: 'cpreg: <id> must be an escalation number (got "x1")\n',
    });
    expect(run(['--db', db, 'escalations', 'show', '99999'])).toMatchObject({
      code: 2,
      stderr: 'cpreg: No escalation with id 99999\n',
    });
  });
});

describe('cpreg --help', () => {
  it.each([
    [[]],
    [['working-days']],
    [['working-days', 'add']],
    [['agencies']],
    [['agencies', 'import']],
    [['holidays', 'import']],
    [['init']],
  ])('is available on %j and exits 0', (args) => {
    const r = cpreg([...args, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cpreg/);
  });
});
