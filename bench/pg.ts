/**
 * Issue 11's PostgreSQL figures: recording one view on a unit's register (the large demo, on
 * PostgreSQL), through the gate's `call` as the app does, against a raw single-row durable commit
 * on the same server (BEGIN; INSERT one row; COMMIT). Run under scripts/with-pg.sh, which sets
 * TEST_PG_URL (npm run bench asks it for a durable cluster: fsync and synchronous_commit on).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ROLES } from '../shared/roles';
import { createGate, type Gate } from '../electron/main/register/gate';
import { pgStore } from '../electron/main/register/register-store';
import type { Register } from '../electron/main/register/register';
import { freshPgDatabase, type PgTestDatabase } from '../test/pg-database';
import { label, ms, percentiles } from './stats';

type DemoSummary = Awaited<ReturnType<Register['demo']['generate']>>;

export const PG_ADMIN = 'Bench';
export const PG_ADMIN_PASSWORD = 'bench password, long enough';

/** The register's clock: the demo is made as of 22 November 2026, as the embedded figures' is. */
export interface BenchClock {
  now: Date;
}

export interface PgDemoRegister {
  readonly database: PgTestDatabase;
  readonly summary: DemoSummary;
  readonly generateSeconds: number;
  /** The server as the figures were measured on it: version, fsync, synchronous_commit. */
  readonly server: string;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'cpreg-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function callOk(gate: Pick<Gate, 'call'>, channel: string, input: unknown): Promise<unknown> {
  const result = await gate.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A new database on the cluster at TEST_PG_URL, made a register through the gate and filled with the large demo. */
export async function pgDemoRegister(clock: BenchClock): Promise<PgDemoRegister> {
  const database = await freshPgDatabase();
  const gate = createGate({
    store: pgStore(database.url),
    now: () => clock.now,
    register: { defaultUserName: PG_ADMIN },
  });
  let made = false;
  try {
    await gate.setup(PG_ADMIN, PG_ADMIN_PASSWORD);
    await callOk(gate, 'users.setRoles', { name: PG_ADMIN, roles: ROLES });
    const register = gate.register;
    if (!register) throw new Error('the PostgreSQL register did not open');
    const started = performance.now();
    const summary = await register.demo.generate('large');
    const generateSeconds = (performance.now() - started) / 1000;
    const server = await withClient(database.url, async (c) => {
      const setting = async (name: string) =>
        (await c.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0]?.v;
      return `PostgreSQL ${await setting('server_version')} (fsync ${await setting('fsync')}, synchronous_commit ${await setting('synchronous_commit')})`;
    });
    made = true;
    return { database, summary, generateSeconds, server };
  } finally {
    await gate.close();
    if (!made) await database.drop();
  }
}

/** Scheduled conferences of the register, oldest first (for views; the bench only reads them). */
export async function scheduledConferences(url: string, limit: number): Promise<{ id: number; date: string }[]> {
  return withClient(url, async (c) => {
    const rows = await c.query<{ id: number; date: string }>(
      "SELECT id, date FROM conferences WHERE status = 'scheduled' AND cancelled_on IS NULL ORDER BY date, id LIMIT $1",
      [limit],
    );
    return rows.rows.map((r) => ({ id: Number(r.id), date: String(r.date) }));
  });
}

interface LiveShape {
  children: { id: number }[];
  invitations: { agencyId: number }[];
}

const ITERATIONS = 400;
const WARM_UP = 20;

/**
 * Records views one at a time through the gate (each with the outcome recomputed and audited, in
 * its own transaction), each followed by a raw commit of one row on a scratch database of the
 * same server, so drift on the machine affects both alike. The first few of each are warm-up.
 */
export async function pgViewBench(register: PgDemoRegister, clock: BenchClock): Promise<string[]> {
  const scratch = await freshPgDatabase();
  const raw = new pg.Client({ connectionString: scratch.url, application_name: 'cpreg-bench-raw' });
  await raw.connect();
  const gate = createGate({
    store: pgStore(register.database.url),
    now: () => clock.now,
    register: { defaultUserName: PG_ADMIN },
  });
  const viewSamples: number[] = [];
  const rawSamples: number[] = [];
  try {
    await raw.query(
      'CREATE TABLE scratch (id bigserial PRIMARY KEY, conference_id integer NOT NULL, view text NOT NULL, reasons text NOT NULL, recorded_at timestamptz NOT NULL)',
    );
    // The clock stands at the day of the last of these conferences, so each can take views (none
    // before its day) and the gate's idle lock never sees the clock jump.
    const conferences = await scheduledConferences(register.database.url, 100);
    clock.now = new Date(`${conferences[conferences.length - 1]?.date ?? '2026-11-22'}T12:00:00Z`);
    await gate.signIn(PG_ADMIN, PG_ADMIN_PASSWORD);
    let done = 0;
    for (const { id } of conferences) {
      if (done >= ITERATIONS + WARM_UP) break;
      const live = (await callOk(gate, 'live.get', { id })) as LiveShape;
      for (const inv of live.invitations) {
        await callOk(gate, 'live.setAttendance', { conferenceId: id, agencyId: inv.agencyId, attendance: 'attended' });
      }
      for (const child of live.children) {
        for (const [i, inv] of live.invitations.entries()) {
          if (done >= ITERATIONS + WARM_UP) break;
          const view = i % 3 === 2 ? 'no-plan' : 'plan';
          let t0 = performance.now();
          await callOk(gate, 'live.setView', {
            conferenceId: id,
            childId: child.id,
            agencyId: inv.agencyId,
            view,
            reasons: '',
          });
          const viewMs = performance.now() - t0;
          t0 = performance.now();
          await raw.query('BEGIN');
          await raw.query(
            'INSERT INTO scratch (conference_id, view, reasons, recorded_at) VALUES ($1, $2, $3, now())',
            [id, view, ''],
          );
          await raw.query('COMMIT');
          const rawMs = performance.now() - t0;
          if (done >= WARM_UP) {
            viewSamples.push(viewMs);
            rawSamples.push(rawMs);
          }
          done += 1;
        }
      }
    }
  } finally {
    await gate.close();
    await raw.end();
    await scratch.drop();
  }
  const view = percentiles(viewSamples);
  const commit = percentiles(rawSamples);
  return [
    `  the machine's load average (1 min) was ${(loadavg()[0] ?? NaN).toFixed(1)} at the end (other work on the machine counts too)`,
    `${label('record one view (gate.call)')}p50 ${ms(view.p50)}   p95 ${ms(view.p95)}   (n=${view.n}; audited, outcome recomputed, one transaction)`,
    `${label('raw single-row commit')}p50 ${ms(commit.p50)}   p95 ${ms(commit.p95)}   (n=${commit.n}; BEGIN; INSERT; COMMIT on the same server)`,
    `${label('ratio view / raw commit')}p50 ${(view.p50 / commit.p50).toFixed(2)}x   p95 ${(view.p95 / commit.p95).toFixed(2)}x   (aim: within 2x)`,
  ];
}
