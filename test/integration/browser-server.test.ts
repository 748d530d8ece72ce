import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/main/browser-mode/server';
import { rawRequest } from '../unit-server-client';
import { tempDir, tempGate } from './helpers';

let server: BrowserServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const gate = await tempGate();
  const register = gate.register;
  if (!register) throw new Error('signed out');
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  // A file beside the renderer folder: a path-traversal request must not reach it.
  writeFileSync(join(root, 'secret.txt'), 'outside');
  server = await startBrowserServer({ call: gate.call, rendererDir });
  return { register, server };
}

/** A raw HTTP request to the browser-mode server. */
const send = async (s: BrowserServer, options: Parameters<typeof rawRequest>[1]) => rawRequest(s.origin, options);

const invoke = async (s: BrowserServer, body: unknown, headers: Record<string, string> = {}) =>
  send(s, {
    path: '/api/invoke',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cpreg-token': s.token, host: new URL(s.origin).host, ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with a random token', async () => {
    const { server: s } = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const other = await startBrowserServer({ call: (await tempGate()).call, rendererDir: tempDir() });
    expect(other.token).not.toBe(s.token);
    await other.close();
  });

  it('answers the contract with the token', async () => {
    const { server: s } = await start();
    const res = await invoke(s, { channel: 'agencies.create', input: { name: 'Housing Options', type: 'housing' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Housing Options' } });
    const bad = await invoke(s, { channel: 'agencies.create', input: { name: '', type: 'housing' } });
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'name', message: 'Enter the agency name' }] },
    });
  });

  it('refuses a missing or wrong token, and writes nothing', async () => {
    const { server: s, register } = await start();
    expect(
      (
        await invoke(
          s,
          { channel: 'agencies.create', input: { name: 'A', type: 'health' } },
          { 'x-cpreg-token': 'guess' },
        )
      ).status,
    ).toBe(401);
    const noToken = await send(s, {
      path: '/api/invoke',
      method: 'POST',
      headers: { 'content-type': 'application/json', host: new URL(s.origin).host },
      body: JSON.stringify({ channel: 'agencies.list', input: {} }),
    });
    expect(noToken.status).toBe(401);
    expect(await register.agencies.list('', true)).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (another site’s page)', async () => {
    const { server: s } = await start();
    const port = new URL(s.origin).port;
    expect((await invoke(s, { channel: 'agencies.list', input: {} }, { host: `evil.example:${port}` })).status).toBe(
      403,
    );
    expect((await invoke(s, { channel: 'agencies.list', input: {} }, { origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await invoke(s, { channel: 'agencies.list', input: {} }, { origin: s.origin })).status).toBe(200);
    expect((await send(s, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('serves the renderer, and nothing outside it', async () => {
    const { server: s } = await start();
    const host = new URL(s.origin).host;
    const page = await send(s, { path: '/', headers: { host } });
    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>test</title>' });
    expect((await send(s, { path: '/../secret.txt', headers: { host } })).status).toBe(404);
    expect((await send(s, { path: '/%2e%2e/secret.txt', headers: { host } })).status).toBe(404);
    expect((await send(s, { path: '/..%2fsecret.txt', headers: { host } })).status).toBe(404);
    expect((await send(s, { path: '/..%5csecret.txt', headers: { host } })).status).toBe(404);
    expect((await send(s, { path: '/api/invoke', headers: { host } })).status).toBe(405);
  });

  it('answers bad JSON and non-JSON with clear errors', async () => {
    const { server: s } = await start();
    const host = new URL(s.origin).host;
    const badJson = await send(s, {
      path: '/api/invoke',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cpreg-token': s.token, host },
      body: '{nope',
    });
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { message: 'The request was not valid JSON' } });
    const form = await send(s, {
      path: '/api/invoke',
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-cpreg-token': s.token, host },
      body: 'x',
    });
    expect(form.status).toBe(415);
  });
});
