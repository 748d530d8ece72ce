import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGate, type Gate } from '../../electron/main/register/gate';
import { pgStore } from '../../electron/main/register/register-store';
import { createOidcSignIn } from '../../electron/main/server/oidc';
import {
  FREE_FAILURES,
  startUnitServer,
  UnitServerRefused,
  type UnitServer,
  type UnitServerOptions,
} from '../../electron/main/server/unit-server';
import { ACCOUNTS, CLIENT_SECRET, startProvider, TestBrowser } from '../oidc-provider';
import { freshPgDatabase, type PgTestDatabase } from '../pg-database';
import { rawRequest, UnitClient } from '../unit-server-client';
import { healthVisiting, TEST_KDF_COST, TEST_PASSWORD, tempDir } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

/*
 * The unit server over a real PostgreSQL register, called over real HTTP(S) as the renderer
 * calls it: sessions in cookies, one per person, and the checks that keep other sites out.
 */

const BIN = CPREG_BIN;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function rendererDir(): string {
  const dir = join(tempDir(), 'renderer');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CP Conference Register</title>');
  return dir;
}

/** A PostgreSQL register whose administrator Ann (password TEST_PASSWORD) exists. */
async function unitRegister(database?: PgTestDatabase): Promise<{ url: string; database: PgTestDatabase }> {
  const db = database ?? (await freshPgDatabase({ migrated: true }));
  if (!database) cleanups.push(async () => db.drop());
  const setup = createGate({ store: pgStore(db.url), kdfCost: TEST_KDF_COST });
  try {
    await setup.setup('Ann', TEST_PASSWORD);
    const add = await setup.call('users.add', { name: 'Bob', roles: ['chair'], password: TEST_PASSWORD });
    if (!add.ok) throw new Error(add.error.message);
  } finally {
    await setup.close();
  }
  return { url: db.url, database: db };
}

async function serve(url: string, extra: Partial<UnitServerOptions> = {}): Promise<{ server: UnitServer; gate: Gate }> {
  const gate = createGate({ store: pgStore(url), multiSession: true, kdfCost: TEST_KDF_COST });
  const server = await startUnitServer({
    gate,
    rendererDir: rendererDir(),
    listen: { host: '127.0.0.1', port: 0 },
    ...extra,
  });
  cleanups.push(async () => {
    await server.close();
    await gate.close();
  });
  return { server, gate };
}

async function signedIn(origin: string, name: string): Promise<UnitClient> {
  const client = new UnitClient(origin);
  await client.ok('session.signIn', { name, password: TEST_PASSWORD });
  return client;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

describe('the unit server', () => {
  it('keeps a session per person in an HttpOnly, SameSite=Strict cookie, new at each sign-in', async () => {
    const { url } = await unitRegister();
    const { server, gate } = await serve(url);
    const ann = new UnitClient(server.origin);
    // A session id planted before signing in (session fixation) is not the one the server keeps.
    ann.cookies.set('cpreg_session', 'planted-by-someone-else');
    await ann.ok('session.signIn', { name: 'Ann', password: TEST_PASSWORD });
    const cookie = ann.lastSetCookie.find((c) => c.startsWith('cpreg_session='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(ann.cookies.get('cpreg_session')).not.toBe('planted-by-someone-else');
    expect(ann.cookies.get('cpreg_session')).toMatch(/^[\w-]{43}$/);

    const bob = await signedIn(server.origin, 'Bob');
    expect(gate.sessionCount).toBe(2);
    const annStatus = await ann.ok<{ state: string; user: { name: string }; unitServer: string }>('session.status');
    const bobStatus = await bob.ok<{ state: string; user: { name: string } }>('session.status');
    expect([annStatus.user.name, bobStatus.user.name]).toEqual(['Ann', 'Bob']);
    expect(annStatus.unitServer).toBe(server.origin);

    // Each acts as themselves: the chair may not add agencies; the administrator may.
    expect((await bob.call('agencies.create', healthVisiting)).ok).toBe(false);
    await ann.ok('agencies.create', healthVisiting);

    // Bob signing out ends only Bob's session, and clears his cookie.
    await bob.ok('session.signOut');
    expect(bob.cookies.has('cpreg_session')).toBe(false);
    expect((await bob.ok<{ state: string }>('session.status')).state).toBe('signed-out');
    expect(await ann.ok('agencies.all', {})).toHaveLength(1);
    // A client with no session is refused as signed out.
    const nobody = new UnitClient(server.origin);
    expect(await nobody.call('agencies.list', {})).toMatchObject({ ok: false, error: { code: 'signed-out' } });
  });

  it('gives a disabled user’s open sessions no more answers, and new roles to a user’s sessions at once', async () => {
    const { url } = await unitRegister();
    const { server } = await serve(url);
    const ann = await signedIn(server.origin, 'Ann');
    const bob = await signedIn(server.origin, 'Bob');
    await ann.ok('users.setRoles', { name: 'Bob', roles: ['chair', 'officer'] });
    await bob.ok('agencies.create', healthVisiting);
    await ann.ok('users.disable', { name: 'Bob' });
    expect(await bob.call('agencies.list', {})).toMatchObject({ ok: false, error: { code: 'signed-out' } });
  });

  it('refuses calls without the client header, from another site, by another host name, or by GET', async () => {
    const { url } = await unitRegister();
    const { server } = await serve(url);
    const ann = await signedIn(server.origin, 'Ann');
    const noHeader = await ann.raw('agencies.list', {}, { 'x-cpreg-client': '' });
    expect(noHeader.status).toBe(403);
    const otherSite = await ann.raw('agencies.list', {}, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    const rebinding = await rawRequest(server.origin, {
      path: '/',
      headers: { host: `evil.example:${server.port}` },
    });
    expect(rebinding.status).toBe(403);
    const get = await rawRequest(server.origin, {
      path: '/api/invoke',
      headers: { host: new URL(server.origin).host, 'x-cpreg-client': '1' },
    });
    expect(get.status).toBe(405);
    const page = await rawRequest(server.origin, { path: '/', headers: { host: new URL(server.origin).host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('CP Conference Register');
  });

  it('slows sign-in from an address after five failures, however right the next password', async () => {
    const { url } = await unitRegister();
    let clock = Date.parse('2026-12-02T09:00:00Z');
    const { server } = await serve(url, { now: () => clock });
    const client = new UnitClient(server.origin);
    for (let i = 0; i < FREE_FAILURES; i += 1) {
      const wrong = await client.call('session.signIn', { name: `Nobody${i}`, password: 'not the password' });
      expect(wrong.ok).toBe(false);
    }
    const held = await client.raw('session.signIn', { name: 'Ann', password: TEST_PASSWORD });
    expect(held.status).toBe(429);
    expect(((await held.json()) as { error: { message: string } }).error.message).toBe(
      'Too many failed sign-ins from this computer: wait 1 seconds before trying again',
    );
    expect(client.cookies.size).toBe(0);
    clock += 1_000;
    await client.ok('session.signIn', { name: 'Ann', password: TEST_PASSWORD });
  });

  it('leaves creating a new register’s first administrator to the server’s own command line', async () => {
    const database = await freshPgDatabase({ migrated: true });
    cleanups.push(async () => database.drop());
    const { server } = await serve(database.url);
    const first = new UnitClient(server.origin);
    expect((await first.ok<{ state: string }>('session.status')).state).toBe('new');
    const refused = await first.call('session.setup', { name: 'Mallory', password: TEST_PASSWORD });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('run cpreg --pg URL init --admin NAME there') as unknown,
      },
    });
    expect((await first.ok<{ state: string }>('session.status')).state).toBe('new');
  });

  it('listens on loopback only without TLS, and says what to give instead', async () => {
    const { url } = await unitRegister();
    const gate = createGate({ store: pgStore(url), multiSession: true });
    cleanups.push(async () => gate.close());
    const refused = await startUnitServer({
      gate,
      rendererDir: rendererDir(),
      listen: { host: '0.0.0.0', port: 0 },
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(UnitServerRefused);
    expect((refused as Error).message).toMatch(
      /Without --tls-cert and --tls-key the unit server listens on this computer only/,
    );
  });

  it('serves HTTPS with a certificate, its session cookie Secure and __Host- named', async () => {
    const { url } = await unitRegister();
    const dir = tempDir();
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const { readFileSync } = await import('node:fs');
    const cert = readFileSync(join(dir, 'cert.pem'));
    const { server } = await serve(url, {
      tls: { cert, key: readFileSync(join(dir, 'key.pem')) },
      names: ['127.0.0.1'],
    });
    expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await new Promise<{ status: number; cookies: string[]; body: string }>((done, fail) => {
      const target = new URL(server.origin);
      const req = httpsRequest(
        {
          host: target.hostname,
          port: target.port,
          path: '/api/invoke',
          method: 'POST',
          ca: cert,
          headers: { 'content-type': 'application/json', origin: server.origin, 'x-cpreg-client': '1' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [], body }));
        },
      );
      req.on('error', fail);
      req.end(JSON.stringify({ channel: 'session.signIn', input: { name: 'Ann', password: TEST_PASSWORD } }));
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Ann' } });
    expect(answer.cookies[0]).toMatch(/^__Host-cpreg_session=[\w-]+; HttpOnly; Path=\/; Secure; SameSite=Strict$/);
  });

  it('signs staff in through the council’s identity provider, as the register user of their username, bound to their subject', async () => {
    const { url } = await unitRegister();
    const setup = createGate({ store: pgStore(url), kdfCost: TEST_KDF_COST });
    await setup.signIn('Ann', TEST_PASSWORD);
    const added = await setup.call('users.add', { name: 'chair.one', roles: ['chair'], password: TEST_PASSWORD });
    expect(added.ok).toBe(true);
    await setup.close();

    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/auth/oidc/callback`;
    // A second account at the provider with the same username claim, as a renamed or reused account would have.
    ACCOUNTS['impostor'] = { preferred_username: 'chair.one@example.test' };
    cleanups.push(() => {
      delete ACCOUNTS['impostor'];
    });
    const provider = await startProvider({}, redirectUri);
    cleanups.push(async () => provider.close());
    const oidc = await createOidcSignIn({
      issuer: provider.issuer,
      clientId: 'cpreg-unit',
      clientSecret: CLIENT_SECRET,
      redirectUri,
    });
    const { server } = await serve(url, { oidc, listen: { host: '127.0.0.1', port } });

    async function signOn(login: string): Promise<{ browser: TestBrowser; page: Response }> {
      const browser = new TestBrowser(redirectUri);
      const start = await browser.request(new URL(`${server.origin}/auth/oidc/start`));
      expect(start.status).toBe(302);
      const callback = await browser.signIn(start.headers.get('location') ?? '', login);
      return { browser, page: await browser.request(callback) };
    }

    const status = await new UnitClient(server.origin).ok<{ singleSignOn: string }>('session.status');
    expect(status.singleSignOn).toBe('/auth/oidc/start');

    const { browser, page } = await signOn('chair-one');
    expect(page.status).toBe(200);
    const sessionCookie = page.headers.getSetCookie().find((c) => c.startsWith('cpreg_session='));
    expect(sessionCookie).toMatch(/SameSite=Strict/);
    const client = new UnitClient(server.origin);
    client.cookies.set('cpreg_session', /^cpreg_session=([^;]+)/.exec(sessionCookie ?? '')?.[1] ?? '');
    const me = await client.ok<{ state: string; user: { name: string; roles: string[] } }>('session.status');
    expect(me).toMatchObject({ state: 'signed-in', user: { name: 'chair.one', roles: ['chair'] } });
    expect(await client.ok('agencies.all', {})).toEqual([]);
    expect(browser).toBeDefined();

    // The same username from another account at the provider is not the same person.
    const impostor = await signOn('impostor');
    expect(impostor.page.status).toBe(403);
    expect(await impostor.page.text()).toContain('linked to another account at your identity provider');

    // Someone the register does not know is told whom to ask.
    const stranger = await signOn('manager-three');
    expect(stranger.page.status).toBe(403);
    expect(await stranger.page.text()).toContain('No user of this register is called “manager.three”');
  });

  it.skipIf(!process.env['TEST_PG_RESTART'])('survives PostgreSQL restarting, by connecting again', async () => {
    const restartable = process.env['TEST_PG_RESTARTABLE_URL'] ?? '';
    const database = await freshPgDatabase({ cluster: restartable });
    cleanups.push(async () => database.drop());
    const { url } = await unitRegister(database);
    const { server } = await serve(url);
    const ann = await signedIn(server.origin, 'Ann');
    await ann.ok('agencies.create', healthVisiting);
    execFileSync(process.env['TEST_PG_RESTART'] ?? '', { stdio: 'ignore' });
    await ann.ok('agencies.create', { ...healthVisiting, name: 'Police' });
    expect(await ann.ok('agencies.all', {})).toHaveLength(2);
  });
});

describe('cpreg serve', () => {
  async function startServe(url: string): Promise<{ child: ChildProcess; origin: string }> {
    const child = spawn(
      process.execPath,
      [BIN, '--pg', url, 'serve', '--listen', '127.0.0.1:0', '--renderer', rendererDir()],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => {
      child.kill('SIGKILL');
    });
    let printed = '';
    const origin = await new Promise<string>((done, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        const found = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(printed);
        if (found?.[1] && printed.includes('No TLS')) done(found[1]);
      });
      child.once('exit', (code) => fail(new Error(`cpreg serve exited with ${code}: ${printed}`)));
    });
    expect(printed).toContain('No TLS: listening on this computer only');
    return { child, origin };
  }

  it('refuses a register file, naming --pg', () => {
    const result = spawnSync(process.execPath, [BIN, '--db', join(tempDir(), 'r.sqlite'), 'serve'], {
      encoding: 'utf8',
      env: { ...process.env, CPREG_PG: '' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('serve needs the unit’s register on PostgreSQL: give --pg postgres://…');
  }, 30_000);

  it('loses no acknowledged write when the server is killed mid-write', async () => {
    const { url } = await unitRegister();
    const first = await startServe(url);
    const ann = await signedIn(first.origin, 'Ann');
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i += 1) {
        const name = `Agency ${lane}-${i}`;
        const answer = await ann.call('agencies.create', { ...healthVisiting, name }).catch(() => null);
        if (answer?.ok) acknowledged.push(name);
        else if (answer === null) return;
      }
    };
    const lanes = [0, 1, 2, 3].map(async (lane) => writer(lane));
    while (acknowledged.length < 40) await new Promise((done) => setTimeout(done, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(lanes);

    const second = await startServe(url);
    const again = await signedIn(second.origin, 'Ann');
    const names = new Set(
      (await again.ok<{ name: string }[]>('agencies.all', { includeInactive: true })).map((a) => a.name),
    );
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
    expect(await again.ok('audit.verify', {})).toMatchObject({ ok: true });
  }, 60_000);
});
