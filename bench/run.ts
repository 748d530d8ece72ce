/**
 * `npm run bench`: the figures the issues ask for, measured side by side in one run.
 * Nothing here is a pass/fail test; it prints what it measured on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { coveredYears } from '../shared/bank-holidays';
import { addDays } from '../shared/dates';
import { addWorkingDays, createCalendar, subtractWorkingDays } from '../shared/working-days';
import type { NewConferenceRow } from '../electron/main/register/db/repositories/conferences-repository';
import { openRegister, type Register } from '../electron/main/register/register';
import { loadShippedSnapshot } from '../electron/main/register/snapshot';

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

// ---- 1. open and migrate a new register -------------------------------------------------
const openSamples: number[] = [];
for (let i = 0; i < 15; i += 1) {
  const path = freshPath();
  const t0 = performance.now();
  const r = openRegister(path, { defaultUserName: 'Bench' });
  openSamples.push(performance.now() - t0);
  r.close();
}
const reopenSamples: number[] = [];
{
  const path = freshPath();
  openRegister(path).close();
  for (let i = 0; i < 15; i += 1) {
    const t0 = performance.now();
    openRegister(path).close();
    reopenSamples.push(performance.now() - t0);
  }
}

// ---- 2. 10,000 conferences: repositories vs a raw prepared statement -------------------
const CONFERENCES = 10_000;
function seededRegister(): { register: Register; rows: NewConferenceRow[] } {
  const register = openRegister(freshPath(), { defaultUserName: 'Bench' });
  const random = rng(42);
  const families: { id: number; children: number[] }[] = [];
  register.db.transaction(() => {
    for (let f = 0; f < 3000; f += 1) {
      const id = register.repos.families.insertFamily(`Family ${f}`, `F-${f}`, '2026-01-01T00:00:00Z');
      const children: number[] = [];
      const n = 1 + Math.floor(random() * 3);
      for (let c = 0; c < n; c += 1) {
        children.push(
          register.repos.families.insertChild(
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

function viaRepository(): number {
  const { register, rows } = seededRegister();
  const t0 = performance.now();
  register.db.transaction(() => register.repos.conferences.insertMany(rows, '2026-01-01T00:00:00Z'));
  const elapsed = performance.now() - t0;
  register.close();
  return elapsed;
}

function viaRawStatement(): number {
  const { register, rows } = seededRegister();
  const c = register.db.connection;
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
  register.close();
  return elapsed;
}

const repoSamples: number[] = [];
const rawSamples: number[] = [];
for (let i = 0; i < 5; i += 1) {
  // interleaved, so drift on the machine affects both alike
  repoSamples.push(viaRepository());
  rawSamples.push(viaRawStatement());
}

// ---- 3. working days per second ----------------------------------------------------------
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

// ---- report ------------------------------------------------------------------------------
const open = summary(openSamples);
const reopen = summary(reopenSamples);
const repo = summary(repoSamples);
const raw = summary(rawSamples);
console.log('CP Conference Register benchmark');
console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
console.log('Open a register');
console.log(`  new file, create + migrate     median ${ms(open.median)}   p95 ${ms(open.p95)}   (n=${open.n})`);
console.log(`  existing file, open + check    median ${ms(reopen.median)}   p95 ${ms(reopen.p95)}   (n=${reopen.n})`);
console.log(`\nInsert ${CONFERENCES.toLocaleString('en-GB')} conferences with their children (one transaction)`);
console.log(`  through the repositories       median ${ms(repo.median)}   min ${ms(repo.min)}   (n=${repo.n})`);
console.log(`  raw prepared statements        median ${ms(raw.median)}   min ${ms(raw.min)}   (n=${raw.n})`);
console.log(`  ratio repositories / raw       ${(repo.median / raw.median).toFixed(2)}x   (aim: at most 3x)`);
console.log('\nWorking days (England and Wales calendar)');
console.log(`  addWorkingDays(d, 15)          ${Math.round(add15).toLocaleString('en-GB')} per second`);
console.log(`  subtractWorkingDays(d, 5)      ${Math.round(sub5).toLocaleString('en-GB')} per second`);

rmSync(root, { recursive: true, force: true });
