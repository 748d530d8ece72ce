/**
 * Simulated users of a unit server, over HTTP on loopback: each signs in (the session cookie the
 * answer sets), then loops over a chair's and officer's day: the conference list, the escalation
 * list, the chair's screen of a conference, recording a view on a conference of its own (so users
 * never write the same row), and what falls due. It keeps every view the server acknowledged, so
 * that afterwards the views read back can be checked for lost updates.
 *
 * The protocol: POST {origin}/api/invoke with {"channel", "input"}, JSON, the Origin header, the
 * X-Cpreg-Client header and the cpreg_session cookie; answers {ok: true, value} or {ok: false, error}.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { label, ms, percentiles } from './stats';

export const SESSION_COOKIE = 'cpreg_session';

export interface Answer {
  /** The HTTP status, or 0 when the request failed before an answer (connection refused or reset). */
  status: number;
  ok: boolean;
  value?: unknown;
  /** What went wrong: the error code of a refused call, or the HTTP status or failure. */
  problem?: string;
}

/** One signed-in browser: its cookie, over Node's fetch (undici keeps connections alive). */
export class UnitClient {
  constructor(
    readonly origin: string,
    private cookie: string | null = null,
  ) {}

  async invoke(channel: string, input: unknown): Promise<Answer> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Origin: this.origin,
      'X-Cpreg-Client': '1',
    };
    if (this.cookie) headers['Cookie'] = this.cookie;
    let response: Response;
    try {
      response = await fetch(`${this.origin}/api/invoke`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel, input }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { status: 0, ok: false, problem: `fetch failed${cause ? ` (${cause})` : ''}` };
    }
    const cookie = sessionCookie(response.headers.getSetCookie());
    if (cookie) this.cookie = cookie;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { status: response.status, ok: false, problem: `HTTP ${response.status}, not JSON` };
    }
    const answer = body as { ok?: unknown; value?: unknown; error?: { code?: unknown } };
    if (response.status === 200 && answer.ok === true) return { status: 200, ok: true, value: answer.value };
    const code = typeof answer.error?.code === 'string' ? answer.error.code : 'no error code';
    return { status: response.status, ok: false, problem: `HTTP ${response.status} ${code}` };
  }

  get signedIn(): boolean {
    return this.cookie !== null;
  }

  /** The session cookie (`cpreg_session=…`), to carry the session into the clients' worker. */
  get session(): string | null {
    return this.cookie;
  }
}

/** `cpreg_session=…` from the Set-Cookie headers of an answer, without its attributes. */
export function sessionCookie(setCookies: readonly string[]): string | null {
  for (const header of setCookies) {
    const pair = header.split(';', 1)[0]?.trim() ?? '';
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}

/** Signs in over HTTP; throws naming the user when the server refuses or sets no session cookie. */
export async function signInOverHttp(origin: string, name: string, password: string): Promise<UnitClient> {
  const client = new UnitClient(origin);
  const answer = await client.invoke('session.signIn', { name, password });
  if (!answer.ok) throw new Error(`signing in ${name} over HTTP: ${answer.problem ?? 'refused'}`);
  if (!client.signedIn) throw new Error(`signing in ${name} over HTTP: the answer set no ${SESSION_COOKIE} cookie`);
  return client;
}

export interface LoadUser {
  readonly name: string;
  readonly client: Pick<UnitClient, 'invoke'>;
  /** The conference this user records views on, and the child/agency pairs it may record. */
  readonly conferenceId: number;
  readonly pairs: readonly { childId: number; agencyId: number }[];
}

export const KINDS = ['conferences.list', 'escalations.list', 'live.get', 'live.setView', 'due.list'] as const;
export type Kind = (typeof KINDS)[number];

/** How often each kind of request comes in a user's loop (out of 100). */
export const MIX: Readonly<Record<Kind, number>> = {
  'conferences.list': 25,
  'escalations.list': 10,
  'live.get': 30,
  'live.setView': 25,
  'due.list': 10,
};

const SEARCHES = ['', '', '', 'Ashvale', 'Kestlow', 'DEMO-F00', 'Belwyn', 'Rookwood'];

export interface ViewValue {
  view: 'plan' | 'no-plan';
  reasons: string;
}

/** Per child and agency of a conference: the last value acknowledged, and values sent after it whose fate is unknown. */
export interface ViewLedgerEntry {
  conferenceId: number;
  childId: number;
  agencyId: number;
  acknowledged: ViewValue | null;
  unsure: ViewValue[];
}

export interface LoadResult {
  users: number;
  seconds: number;
  thinkMs: number;
  samples: Record<Kind, number[]>;
  errors: Map<string, number>;
  ledger: Map<string, ViewLedgerEntry>;
  /** Views the server acknowledged (every write, not only the last of each child and agency). */
  acknowledged: number;
}

/** A deterministic pseudo-random sequence per user, so every run asks the same things. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pickKind(r: number): Kind {
  let at = r * 100;
  for (const kind of KINDS) {
    at -= MIX[kind];
    if (at < 0) return kind;
  }
  return 'live.get';
}

/**
 * Runs every user's loop at once for `seconds`; between requests each user waits a random time
 * between half and one and a half times `thinkMs` (0: back to back). `conferenceIds` are the
 * conferences whose chair's screen users open besides their own.
 */
export async function runLoad(options: {
  users: readonly LoadUser[];
  seconds: number;
  thinkMs: number;
  conferenceIds: readonly number[];
}): Promise<LoadResult> {
  const samples = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const errors = new Map<string, number>();
  const ledger = new Map<string, ViewLedgerEntry>();
  let acknowledged = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;

  async function loop(user: LoadUser, index: number): Promise<void> {
    const random = rng(1000 + index);
    const think = async () => {
      if (options.thinkMs > 0) await delay(options.thinkMs * (0.5 + random()));
    };
    // Users arrive spread over the first think time, not all in the same millisecond.
    if (options.thinkMs > 0) await delay(options.thinkMs * random());
    let sequence = 0;
    while (performance.now() < end) {
      let kind = pickKind(random());
      if (kind === 'live.setView' && user.pairs.length === 0) kind = 'live.get';
      let input: unknown;
      let written: { key: string; value: ViewValue; pair: { childId: number; agencyId: number } } | null = null;
      switch (kind) {
        case 'conferences.list':
          input = { search: SEARCHES[Math.floor(random() * SEARCHES.length)] ?? '', limit: 100 };
          break;
        case 'escalations.list':
          input = { overdueOnly: random() < 0.5 };
          break;
        case 'live.get': {
          const others = options.conferenceIds;
          const id =
            random() < 0.5 || others.length === 0 ? user.conferenceId : others[Math.floor(random() * others.length)];
          input = { id };
          break;
        }
        case 'live.setView': {
          const pair = user.pairs[Math.floor(random() * user.pairs.length)] ?? { childId: 0, agencyId: 0 };
          sequence += 1;
          const value: ViewValue = {
            view: random() < 0.5 ? 'plan' : 'no-plan',
            reasons: `bench ${index} ${sequence}`,
          };
          written = { key: `${user.conferenceId}:${pair.childId}:${pair.agencyId}`, value, pair };
          input = { conferenceId: user.conferenceId, ...pair, ...value };
          break;
        }
        case 'due.list':
          input = { limit: 200 };
          break;
      }
      const t0 = performance.now();
      const answer = await user.client.invoke(kind, input);
      samples[kind].push(performance.now() - t0);
      if (!answer.ok) {
        const what = `${kind}: ${answer.problem ?? 'refused'}`;
        errors.set(what, (errors.get(what) ?? 0) + 1);
      }
      if (written) {
        const entry = ledger.get(written.key) ?? {
          conferenceId: user.conferenceId,
          ...written.pair,
          acknowledged: null,
          unsure: [],
        };
        if (answer.ok) {
          acknowledged += 1;
          entry.acknowledged = written.value;
          entry.unsure = [];
        } else entry.unsure.push(written.value);
        ledger.set(written.key, entry);
      }
      await think();
    }
  }

  await Promise.all(options.users.map(async (user, i) => loop(user, i)));
  return {
    users: options.users.length,
    seconds: (performance.now() - started) / 1000,
    thinkMs: options.thinkMs,
    samples,
    errors,
    ledger,
    acknowledged,
  };
}

/** What the clients' worker is given: each user's session cookie rather than its client. */
export interface LoadWorkerData {
  origin: string;
  users: {
    name: string;
    session: string | null;
    conferenceId: number;
    pairs: { childId: number; agencyId: number }[];
  }[];
  seconds: number;
  thinkMs: number;
  conferenceIds: readonly number[];
}

/** What the server's thread did meanwhile: its event loop's busy share, and the process's CPU time. */
export interface ServerLoad {
  eventLoop: number;
  cpuSeconds: number;
}

/**
 * `runLoad` on a worker thread (bench/load-worker.ts), the users signed in already: this thread
 * (the unit server's) then serves only requests. Also says how busy this thread was meanwhile.
 */
export async function runLoadInWorker(
  data: Omit<LoadWorkerData, 'users'> & { users: readonly (Omit<LoadUser, 'client'> & { client: UnitClient })[] },
): Promise<{ result: LoadResult; server: ServerLoad }> {
  const workerData: LoadWorkerData = {
    ...data,
    users: data.users.map((u) => ({
      name: u.name,
      session: u.client.session,
      conferenceId: u.conferenceId,
      pairs: [...u.pairs],
    })),
  };
  const eventLoopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  // A worker does not inherit tsx's loader: it registers tsx's require hook, then the TypeScript file.
  const entry = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'load-worker.ts'))});`;
  const worker = new Worker(entry, { eval: true, workerData });
  try {
    const message = await new Promise<{ result?: LoadResult; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the load worker ended (exit code ${code}) before reporting`)));
    });
    if (!message.result) throw new Error(`the load worker failed: ${message.error ?? 'no result'}`);
    const cpu = process.cpuUsage(cpuBefore);
    return {
      result: message.result,
      server: {
        eventLoop: performance.eventLoopUtilization(eventLoopBefore).utilization,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      },
    };
  } finally {
    await worker.terminate();
  }
}

/** What a conference holds now, as live.get answers: each child's views. */
export interface StoredViews {
  children: { id: number; views: { agencyId: number; view: string; reasons: string }[] }[];
}

/**
 * Views acknowledged and then not found as acknowledged: the stored value is neither the last one
 * the server acknowledged nor one sent after it whose answer was lost (which may have landed).
 */
export function lostUpdates(ledger: Iterable<ViewLedgerEntry>, stored: ReadonlyMap<number, StoredViews>) {
  let checked = 0;
  let lost = 0;
  for (const entry of ledger) {
    if (!entry.acknowledged) continue;
    checked += 1;
    const child = stored.get(entry.conferenceId)?.children.find((c) => c.id === entry.childId);
    const found = child?.views.find((v) => v.agencyId === entry.agencyId);
    const same = (v: ViewValue) => found !== undefined && found.view === v.view && found.reasons === v.reasons;
    if (!same(entry.acknowledged) && !entry.unsure.some(same)) lost += 1;
  }
  return { checked, lost };
}

/** The report's lines, in the style of the rest of the benchmark. */
export function loadReport(
  result: LoadResult,
  lost: { checked: number; lost: number },
  cpus: number,
  server: ServerLoad | null,
): string[] {
  const all = KINDS.flatMap((k) => result.samples[k]);
  const total = all.length;
  const errors = [...result.errors.values()].reduce((a, b) => a + b, 0);
  const think =
    result.thinkMs > 0
      ? `each waits ${(result.thinkMs / 2000).toFixed(2)}–${((result.thinkMs * 3) / 2000).toFixed(2)} s between requests`
      : 'back to back, no wait between requests';
  const lines = [
    `  ${result.users} users for ${result.seconds.toFixed(0)} s; ${think}`,
    `  clients and server in one process (the clients on a worker thread), sharing ${cpus} CPU${cpus === 1 ? '' : 's'} with PostgreSQL`,
    `${label('requests')}${total.toLocaleString('en-GB')}   (${(total / result.seconds).toFixed(1)} per second)`,
  ];
  if (server) {
    lines.push(
      `${label('server thread busy')}${(server.eventLoop * 100).toFixed(0)}% of the time   (the process used ${((server.cpuSeconds / result.seconds) * 100).toFixed(0)}% of one CPU, clients included)`,
    );
  }
  for (const kind of KINDS) {
    const p = percentiles(result.samples[kind]);
    lines.push(`${label(`  ${kind}`)}p50 ${ms(p.p50)}   p95 ${ms(p.p95)}   p99 ${ms(p.p99)}   (n=${p.n})`);
  }
  const overall = percentiles(all);
  lines.push(
    `${label('every request')}p50 ${ms(overall.p50)}   p95 ${ms(overall.p95)}   p99 ${ms(overall.p99)}   (n=${overall.n}; aim: p95 under 50 ms)`,
    `${label('errors')}${errors}   (any HTTP error or refused call; aim: 0)`,
  );
  for (const [what, n] of [...result.errors].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    lines.push(`${label(`  ${what}`)}${n}`);
  }
  lines.push(
    `${label('lost updates')}${lost.lost}   (${result.acknowledged.toLocaleString('en-GB')} views acknowledged; the last of each of ${lost.checked.toLocaleString('en-GB')} child and agency pairs read back; aim: 0)`,
  );
  return lines;
}
