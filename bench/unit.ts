/**
 * Issue 11's load figures: the unit server on loopback, over the PostgreSQL register with the
 * large demo, and simulated users (bench/load.ts) for BENCH_LOAD_SECONDS (default 60). The
 * users are added and the conferences made ready through the server as the administrator.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createGate } from '../electron/main/register/gate';
import { pgStore } from '../electron/main/register/register-store';
import { startUnitServer } from '../electron/main/server/unit-server';
import {
  loadReport,
  lostUpdates,
  runLoadInWorker,
  signInOverHttp,
  type LoadUser,
  type StoredViews,
  type UnitClient,
} from './load';
import { PG_ADMIN, PG_ADMIN_PASSWORD, pgDemoRegister, pgViewBench, scheduledConferences, type BenchClock } from './pg';

function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more, not "${text}"`);
  return value;
}

async function ok(client: UnitClient, channel: string, input: unknown): Promise<unknown> {
  const answer = await client.invoke(channel, input);
  if (!answer.ok) throw new Error(`${channel} over HTTP: ${answer.problem ?? 'refused'}`);
  return answer.value;
}

interface LiveShape {
  children: { id: number }[];
  invitations: { agencyId: number }[];
}

export async function unitLoadBench(url: string, clock: BenchClock): Promise<string[]> {
  const users = Math.round(envNumber('BENCH_LOAD_USERS', 50));
  const seconds = envNumber('BENCH_LOAD_SECONDS', 60);
  const thinkMs = envNumber('BENCH_LOAD_THINK_MS', 1000);

  // Conferences for the users' views: scheduled ones past those the single-view figure used. The
  // clock stands at the last one's day, so each takes views and no session sees the clock jump.
  const candidates = (await scheduledConferences(url, 100 + users * 2)).slice(100);
  clock.now = new Date(`${candidates[candidates.length - 1]?.date ?? '2026-11-22'}T12:00:00Z`);
  const gate = createGate({
    store: pgStore(url),
    multiSession: true,
    now: () => clock.now,
    register: { defaultUserName: PG_ADMIN },
  });
  const server = await startUnitServer({
    gate,
    rendererDir: join(__dirname, '..', 'out', 'renderer'),
    listen: { host: '127.0.0.1', port: 0 },
  });
  try {
    process.stderr.write(`bench: 7b. ${users} users added and signed in over HTTP\n`);
    const admin = await signInOverHttp(server.origin, PG_ADMIN, PG_ADMIN_PASSWORD);
    const ready: { id: number; pairs: { childId: number; agencyId: number }[] }[] = [];
    for (const { id } of candidates) {
      if (ready.length === users) break;
      const live = (await ok(admin, 'live.get', { id })) as LiveShape;
      if (live.children.length === 0 || live.invitations.length === 0) continue;
      for (const inv of live.invitations) {
        await ok(admin, 'live.setAttendance', { conferenceId: id, agencyId: inv.agencyId, attendance: 'attended' });
      }
      ready.push({
        id,
        pairs: live.children.flatMap((c) => live.invitations.map((i) => ({ childId: c.id, agencyId: i.agencyId }))),
      });
    }
    if (ready.length < users) {
      throw new Error(
        `only ${ready.length} scheduled conferences with children and invited agencies for ${users} users`,
      );
    }
    const loadUsers: (LoadUser & { client: UnitClient })[] = [];
    for (let i = 0; i < users; i += 1) {
      const name = `Bench User ${String(i + 1).padStart(2, '0')}`;
      const password = `bench user password ${i + 1}`;
      await ok(admin, 'users.add', { name, roles: ['chair', 'officer'], password });
      const conference = ready[i] ?? { id: 0, pairs: [] };
      loadUsers.push({
        name,
        client: await signInOverHttp(server.origin, name, password),
        conferenceId: conference.id,
        pairs: conference.pairs,
      });
    }

    process.stderr.write(`bench: 7c. ${users} users for ${seconds} s against the unit server\n`);
    const all = (await scheduledConferences(url, 5000)).map((c) => c.id);
    const loadBefore = loadavg()[0] ?? NaN;
    const { result, server: busy } = await runLoadInWorker({
      origin: server.origin,
      users: loadUsers,
      seconds,
      thinkMs,
      conferenceIds: all,
    });

    const stored = new Map<number, StoredViews>();
    for (const { id } of ready) stored.set(id, (await ok(admin, 'live.get', { id })) as StoredViews);
    return [
      ...loadReport(result, lostUpdates(result.ledger.values(), stored), availableParallelism(), busy),
      `  the machine's load average (1 min) was ${loadBefore.toFixed(1)} before the run and ${(loadavg()[0] ?? NaN).toFixed(1)} after (other work on the machine counts too)`,
    ];
  } finally {
    await server.close();
    await gate.close();
  }
}

/**
 * The unit register's section of the report: the PostgreSQL figures, then the load on the unit
 * server, on one register with the large demo made for them (and dropped after).
 */
export async function unitRegisterBench(): Promise<string[]> {
  if (!process.env['TEST_PG_URL']) {
    return [
      "\nA unit's register on PostgreSQL",
      '  not measured: no PostgreSQL (TEST_PG_URL is not set; npm run bench starts one through scripts/with-pg.sh when Debian’s postgresql package is installed)',
    ];
  }
  process.stderr.write('bench: 7. a unit’s register on PostgreSQL: the large demo, through the services\n');
  const clock: BenchClock = { now: new Date('2026-11-22T10:00:00Z') };
  const register = await pgDemoRegister(clock);
  try {
    const lines = [
      `\nA unit's register on PostgreSQL: ${register.server}, on loopback; the large demo (${register.summary.conferences.toLocaleString('en-GB')} conferences, generated in ${register.generateSeconds.toFixed(1)} s)`,
    ];
    process.stderr.write('bench: 7a. recording one view against a raw durable commit\n');
    lines.push(...(await pgViewBench(register, clock)));
    lines.push('\nThe unit server on loopback (the same register)');
    lines.push(...(await unitLoadBench(register.database.url, clock)));
    return lines;
  } finally {
    await register.database.drop();
  }
}
