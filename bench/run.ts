import { embedded } from '../test/embedded';
/**
 * `npm run bench`: the figures the issues ask for, measured side by side in one run.
 * Nothing here is a pass/fail test; it prints what it measured on this machine.
 */
import { ROLES } from '../shared/roles';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { coveredYears } from '../shared/bank-holidays';
import { addDays } from '../shared/dates';
import { addWorkingDays, createCalendar, subtractWorkingDays } from '../shared/working-days';
import type { NewConferenceRow } from '../electron/main/register/db/repositories/conferences-repository';
import { dispatch } from '../electron/main/api/dispatch';
import { createHandlers } from '../electron/main/api/handlers';
import { startBrowserServer } from '../electron/main/browser-mode/server';
import { createGate } from '../electron/main/register/gate';
import { openRegister, type Register } from '../electron/main/register/register';
import { loadShippedSnapshot } from '../electron/main/register/snapshot';
import { formsBench } from './forms';
import { reportsBench } from './reports';
import { unitRegisterBench } from './unit';

const root = mkdtempSync(join(tmpdir(), 'cpreg-bench-'));
let counter = 0;
const freshPath = () => join(root, `register-${++counter}.sqlite`);

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95), min: s[0] ?? NaN, n: s.length };
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** A deterministic pseudo-random sequence, so every run inserts the same synthetic rows. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// ---- 1. open and migrate a new register -----------------------------------------------
const openSamples: number[] = [];
const reopenSamples: number[] = [];
async function measureOpening(): Promise<void> {
  process.stderr.write('bench: 1. open and migrate a new register\n');
  for (let i = 0; i < 15; i += 1) {
    const path = freshPath();
    const t0 = performance.now();
    const r = await openRegister(path, { defaultUserName: 'Bench' });
    openSamples.push(performance.now() - t0);
    await r.close();
  }
  const path = freshPath();
  await (await openRegister(path)).close();
  for (let i = 0; i < 15; i += 1) {
    const t0 = performance.now();
    await (await openRegister(path)).close();
    reopenSamples.push(performance.now() - t0);
  }
}

// ---- 2. 10,000 conferences: repositories vs a raw prepared statement ------------------
const CONFERENCES = 10_000;
async function seededRegister(): Promise<{ register: Register; rows: NewConferenceRow[] }> {
  const register = await openRegister(freshPath(), { defaultUserName: 'Bench' });
  const random = rng(42);
  const families: { id: number; children: number[] }[] = [];
  await register.db.transaction(async () => {
    for (let f = 0; f < 3000; f += 1) {
      const id = await register.repos.families.insertFamily(`Family ${f}`, `F-${f}`, '2026-01-01T00:00:00Z');
      const children: number[] = [];
      const n = 1 + Math.floor(random() * 3);
      for (let c = 0; c < n; c += 1) {
        children.push(
          await register.repos.families.insertChild(
            {
              familyId: id,
              givenName: `Child ${c}`,
              familyName: `Family ${f}`,
              dateOfBirth: '2018-01-01',
              expectedDate: null,
              caseReference: null,
            },
            '2026-01-01T00:00:00Z',
          ),
        );
      }
      families.push({ id, children });
    }
  });
  const rows: NewConferenceRow[] = [];
  for (let i = 0; i < CONFERENCES; i += 1) {
    const family = families[Math.floor(random() * families.length)] ?? { id: 1, children: [1] };
    rows.push({
      type: random() < 0.4 ? 'initial' : 'review',
      date: addDays('2016-01-04', Math.floor(random() * 3650)),
      time: random() < 0.5 ? '10:00' : '14:00',
      venue: `Room ${1 + Math.floor(random() * 6)}`,
      chairName: `Chair ${1 + Math.floor(random() * 12)}`,
      familyId: family.id,
      childIds: family.children,
    });
  }
  return { register, rows };
}

async function viaRepository(): Promise<number> {
  const { register, rows } = await seededRegister();
  const t0 = performance.now();
  await register.db.transaction(async () => register.repos.conferences.insertMany(rows, '2026-01-01T00:00:00Z'));
  const elapsed = performance.now() - t0;
  await register.close();
  return elapsed;
}

async function viaRawStatement(): Promise<number> {
  const { register, rows } = await seededRegister();
  const c = embedded(register).connection;
  const insertConference = c.prepare(
    'INSERT INTO conferences (type, date, time, venue, chair_name, family_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertChild = c.prepare('INSERT INTO conference_children (conference_id, child_id) VALUES (?, ?)');
  const t0 = performance.now();
  c.transaction(() => {
    for (const r of rows) {
      const id = insertConference.run(
        r.type,
        r.date,
        r.time,
        r.venue,
        r.chairName,
        r.familyId,
        '2026-01-01T00:00:00Z',
        '2026-01-01T00:00:00Z',
      ).lastInsertRowid;
      for (const child of r.childIds) insertChild.run(id, child);
    }
  })();
  const elapsed = performance.now() - t0;
  await register.close();
  return elapsed;
}

const repoSamples: number[] = [];
const rawSamples: number[] = [];
async function measureRepositories(): Promise<void> {
  process.stderr.write('bench: 2. 10,000 conferences: repositories vs a raw prepared statement\n');
  for (let i = 0; i < 5; i += 1) {
    // interleaved, so drift on the machine affects both alike
    repoSamples.push(await viaRepository());
    rawSamples.push(await viaRawStatement());
  }
}

// ---- 3. working days per second -------------------------------------------------------
process.stderr.write('bench: 3. working days per second\n');
const events = loadShippedSnapshot()['england-and-wales']?.events ?? [];
const calendar = createCalendar({ holidays: events.map((e) => e.date), coverage: coveredYears(events) });
const random = rng(7);
const starts = Array.from({ length: 4096 }, () => addDays('2018-01-01', Math.floor(random() * 3600)));
function perSecond(fn: (date: string) => string): number {
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    for (let i = 0; i < 1000; i += 1) sink += fn(starts[(n + i) & 4095] ?? '2020-01-01').length;
    n += 1000;
  }
  if (sink === 0) throw new Error('unreachable');
  return n / ((performance.now() - t0) / 1000);
}
const add15 = perSecond((d) => addWorkingDays(d, 15, calendar));
const sub5 = perSecond((d) => subtractWorkingDays(d, 5, calendar));

async function main(): Promise<void> {
  await measureOpening();
  await measureRepositories();
  // ---- 4. the live conference on a large demo register ----------------------------------
  process.stderr.write('bench: 4. the live conference on a large demo register\n');
  // The register's clock: the demo is made as of 22 November 2026; views are recorded on each
  // conference's own day (the register refuses them before it).
  let benchNow = new Date('2026-11-22T10:00:00Z');
  const plainPath = freshPath();
  const plain = await openRegister(plainPath, { defaultUserName: 'Bench', now: () => benchNow });
  const demoStarted = performance.now();
  const demoSummary = await plain.demo.generate('large');
  const demoSeconds = (performance.now() - demoStarted) / 1000;
  embedded(plain).connection.pragma('wal_checkpoint(TRUNCATE)');

  // The same register encrypted, as every register the app opens is: a copy of the plain file
  // encrypted the way an earlier version's register is on its first opening (copy, check, re-key,
  // check), with the default scrypt cost for the password. The rest of the benchmark uses it.
  process.stderr.write('bench: 4a. encrypting a copy of the large register; opening it with a password\n');
  const encryptedPath = freshPath();
  copyFileSync(plainPath, encryptedPath);
  const BENCH_PASSWORD = 'bench password, long enough';
  // As the desktop app opens it: the integrity check runs beside the open register, holding writes.
  const gate = createGate({
    path: encryptedPath,
    now: () => benchNow,
    backgroundCheck: true,
    register: { defaultUserName: 'Bench', automaticBackups: false },
  });
  const encryptStarted = performance.now();
  await gate.setup('Bench', BENCH_PASSWORD);
  const encryptSeconds = (performance.now() - encryptStarted) / 1000;
  const signInSamples: number[] = [];
  const checkSamples: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    await gate.checked();
    await gate.signOut();
    const t0 = performance.now();
    await gate.signIn('Bench', BENCH_PASSWORD);
    signInSamples.push(performance.now() - t0);
    await gate.checked();
    checkSamples.push(performance.now() - t0);
  }
  const setRoles = await gate.call('users.setRoles', { name: 'Bench', roles: ROLES });
  if (!setRoles.ok) throw new Error(setRoles.error.message);
  const opened = gate.register;
  if (!opened) throw new Error('the encrypted register did not open');
  const large: Register = opened;
  const handlers = createHandlers(large);
  const plainHandlers = createHandlers(plain);
  const BENCH_CALLER = { name: 'Bench', roles: ROLES };
  const callOn = async (h: typeof handlers, channel: Parameters<typeof dispatch>[1], input: unknown) => {
    const result = await dispatch(h, channel, input, { caller: BENCH_CALLER });
    if (result instanceof Promise) throw new Error(`${String(channel)} answers asynchronously: time it with await`);
    if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
    return result.value;
  };
  const call = async (channel: Parameters<typeof dispatch>[1], input: unknown) => callOn(handlers, channel, input);

  // Scheduled (future) conferences: mark everyone attended (setup), then time each view, on the
  // encrypted register and on the plain one in turn (same conferences, same views).
  const scheduled = (
    embedded(large)
      .connection.prepare("SELECT id FROM conferences WHERE status = 'scheduled' ORDER BY id LIMIT 150")
      .all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  const viewSamples: number[] = [];
  const plainViewSamples: number[] = [];
  for (const id of scheduled) {
    const before = await large.live.get(id);
    benchNow = new Date(`${before.conference.date}T12:00:00Z`);
    for (const r of [large, plain])
      for (const inv of before.invitations) await r.live.setAttendance(id, inv.agencyId, 'attended');
    for (const child of before.children) {
      for (const [i, inv] of before.invitations.entries()) {
        const input = {
          conferenceId: id,
          childId: child.id,
          agencyId: inv.agencyId,
          view: i % 3 === 2 ? 'no-plan' : 'plan',
          reasons: '',
        };
        // Alternate which goes first, so neither always finds the other's pages warm.
        const order = i % 2 === 0 ? ([handlers, plainHandlers] as const) : ([plainHandlers, handlers] as const);
        for (const h of order) {
          const t0 = performance.now();
          await callOn(h, 'live.setView', input);
          (h === handlers ? viewSamples : plainViewSamples).push(performance.now() - t0);
        }
      }
    }
  }
  await plain.close();

  benchNow = new Date('2026-11-22T10:00:00Z');

  const searchTerms = [
    '',
    'Ashvale',
    'Kestlow-1',
    'DEMO-F0001',
    'DEMO-C00123',
    'Belwyn',
    'zz-no-match',
    'Rookwood',
    'Ói',
    'oi',
    'ashvale',
  ];
  const listSamples: number[] = [];
  const searchSamples: number[] = [];
  for (let round = 0; round < 8; round += 1) {
    for (const term of searchTerms) {
      const t0 = performance.now();
      await call('conferences.list', { search: term, pageSize: 25 });
      (term === '' ? listSamples : searchSamples).push(performance.now() - t0);
    }
  }
  const dueSamples: number[] = [];
  const getSamples: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    let t0 = performance.now();
    await call('due.list', { pageSize: 200 });
    dueSamples.push(performance.now() - t0);
    t0 = performance.now();
    await call('live.get', { id: 1 + ((i * 1733) % demoSummary.conferences) });
    getSamples.push(performance.now() - t0);
  }

  // Escalations (issue 4): the overdue list and one agency's Appendix 3 return for a year.
  const overdueSamples: number[] = [];
  const returnSamples: number[] = [];
  const summarySamples: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    let t0 = performance.now();
    await call('escalations.list', { overdueOnly: true });
    overdueSamples.push(performance.now() - t0);
    t0 = performance.now();
    await call('returns.get', { agencyId: 1 + (i % 12), from: '2025-11-01', to: '2026-10-31' });
    returnSamples.push(performance.now() - t0);
    t0 = performance.now();
    await call('returns.summary', { from: '2026-10-01', to: '2026-10-31' });
    summarySamples.push(performance.now() - t0);
  }

  // ---- 5. the chair's screen in Chromium, against browser mode on the large register ----
  process.stderr.write('bench: 5. the chairs screen in Chromium, against browser mode on the large register\n');
  async function chairScreenTimes(): Promise<{ samples: number[]; note: string | null }> {
    const rendererDir = join(__dirname, '..', 'out', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html')))
      return { samples: [], note: 'renderer not built (run npm run build)' };
    const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
    if (!existsSync(executablePath)) return { samples: [], note: `no Chromium at ${executablePath}` };
    const server = await startBrowserServer({ call: gate.call, rendererDir });
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const samples: number[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(server.url);
      for (let i = 0; i < 12; i += 1) {
        const id = scheduled[i % scheduled.length] ?? 1;
        const t0 = performance.now();
        // A full load each time: the app starts cold, as when a chair opens the conference.
        await page.goto(`${server.origin}/?t=${i}#/conferences/${id}`);
        const ready = await page
          .waitForSelector('[data-testid="chair-screen-ready"]', { timeout: 15_000 })
          .then(() => true)
          .catch(() => false);
        if (!ready) return { samples: [], note: 'the chair’s screen did not become ready within 15 s' };
        samples.push(performance.now() - t0);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return { samples: samples.slice(2), note: null };
  }
  async function finish(): Promise<void> {
    const chair = await chairScreenTimes();
    process.stderr.write('bench: 6. forms, letters, batches and exports\n');
    const forms = await formsBench(root, large);
    process.stderr.write('bench: 7. reports\n');
    const reports = await reportsBench(
      async (channel, input) => call(channel, input),
      async (year) => large.annualReturn.make({ year, folder: join(root, 'annual') }),
    );
    await gate.close();
    const unit = await unitRegisterBench();

    // ---- report ------------------------------------------------------------------------------
    const open = summary(openSamples);
    const reopen = summary(reopenSamples);
    const repo = summary(repoSamples);
    const raw = summary(rawSamples);
    console.log('CP Conference Register benchmark');
    console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
    console.log('Open a register');
    console.log(`  new file, create + migrate     median ${ms(open.median)}   p95 ${ms(open.p95)}   (n=${open.n})`);
    console.log(
      `  existing file, open + check    median ${ms(reopen.median)}   p95 ${ms(reopen.p95)}   (n=${reopen.n})`,
    );
    console.log(`\nInsert ${CONFERENCES.toLocaleString('en-GB')} conferences with their children (one transaction)`);
    console.log(`  through the repositories       median ${ms(repo.median)}   min ${ms(repo.min)}   (n=${repo.n})`);
    console.log(`  raw prepared statements        median ${ms(raw.median)}   min ${ms(raw.min)}   (n=${raw.n})`);
    console.log(
      `  ratio repositories / raw       ${(repo.median / raw.median).toFixed(2)}x   (aim: at most 1.5x, issue 11)`,
    );
    console.log('\nWorking days (England and Wales calendar)');
    console.log(`  addWorkingDays(d, 15)          ${Math.round(add15).toLocaleString('en-GB')} per second`);
    console.log(`  subtractWorkingDays(d, 5)      ${Math.round(sub5).toLocaleString('en-GB')} per second`);

    const view = summary(viewSamples);
    const list = summary(listSamples);
    const search = summary(searchSamples);
    const due = summary(dueSamples);
    const get = summary(getSamples);
    console.log(
      `\nLarge demo register: ${demoSummary.conferences.toLocaleString('en-GB')} conferences, ${demoSummary.views.toLocaleString('en-GB')} views, ` +
        `${demoSummary.agencyEscalations.toLocaleString('en-GB')} agency escalations, ${demoSummary.escalations} professional escalations (generated in ${demoSeconds.toFixed(1)} s)`,
    );
    const plainView = summary(plainViewSamples);
    const signIn = summary(signInSamples);
    const checkedAfter = summary(checkSamples);
    console.log(
      `  encrypting it (copy, check, re-key, check)  ${encryptSeconds.toFixed(1)} s, once, on the first opening of a plain register`,
    );
    console.log(
      `  sign in: password + open       p50 ${ms(signIn.median)}   p95 ${ms(signIn.p95)}   (n=${signIn.n}; scrypt N=2^16; aim: under 500 ms)`,
    );
    console.log(
      `  integrity check done           p50 ${ms(checkedAfter.median)}   p95 ${ms(checkedAfter.p95)}   (from signing in; quick_check in a worker; writes wait for it)`,
    );
    console.log(
      `  record one view + recompute    p50 ${ms(view.median)}   p95 ${ms(view.p95)}   (n=${view.n}; encrypted; aim: p95 under 5 ms)`,
    );
    console.log(
      `  the same on the plain file     p50 ${ms(plainView.median)}   p95 ${ms(plainView.p95)}   (n=${plainView.n})`,
    );
    console.log(
      `  ratio encrypted / plain        p50 ${(view.median / plainView.median).toFixed(2)}x   p95 ${(view.p95 / plainView.p95).toFixed(2)}x   (aim: within 1.3x)`,
    );
    console.log(
      `  list conferences (a page, 25)  p50 ${ms(list.median)}   p95 ${ms(list.p95)}   (n=${list.n}; aim: p95 under 50 ms)`,
    );
    console.log(
      `  search conferences (a page)    p50 ${ms(search.median)}   p95 ${ms(search.p95)}   (n=${search.n}; accents and case ignored; aim: p95 under 10 ms, issue 12)`,
    );
    console.log(`  what falls due (200)           p50 ${ms(due.median)}   p95 ${ms(due.p95)}   (n=${due.n})`);
    console.log(`  open one conference (live.get) p50 ${ms(get.median)}   p95 ${ms(get.p95)}   (n=${get.n})`);
    const overdue = summary(overdueSamples);
    const agencyReturn = summary(returnSamples);
    const returnsSummary = summary(summarySamples);
    console.log(
      `  escalations overdue list       p50 ${ms(overdue.median)}   p95 ${ms(overdue.p95)}   (n=${overdue.n}; aim: p95 under 50 ms)`,
    );
    console.log(
      `  one agency’s return, a year    p50 ${ms(agencyReturn.median)}   p95 ${ms(agencyReturn.p95)}   (n=${agencyReturn.n}; aim: p95 under 50 ms)`,
    );
    console.log(
      `  returns summary, a month       p50 ${ms(returnsSummary.median)}   p95 ${ms(returnsSummary.p95)}   (n=${returnsSummary.n})`,
    );
    if (chair.note) {
      console.log(`  chair's screen in Chromium     not measured: ${chair.note}`);
    } else {
      const c = summary(chair.samples);
      console.log(
        `  chair's screen usable          p50 ${ms(c.median)}   p95 ${ms(c.p95)}   (n=${c.n}, cold page loads in Chromium; aim: under 1 s)`,
      );
    }

    console.log('\nForms, letters and exports (pdfkit, embedded DejaVu Sans; the large demo register)');
    for (const line of forms) console.log(line);
    for (const line of reports) console.log(line);
    for (const line of unit) console.log(line);

    rmSync(root, { recursive: true, force: true });
  }

  await finish();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
