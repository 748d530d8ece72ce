import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appProtocolHandler,
  privilegedSchemes,
  RENDERER_URL,
  resolveAppRequest,
} from '../../electron/main/desktop/protocol';
import { hardenWebContents, isTrustedRendererUrl } from '../../electron/main/window/security';

const ROOT = '/opt/cpreg/resources/app.asar/out/renderer';

describe('the app:// resolver', () => {
  it('serves the renderer’s own files with their types', () => {
    expect(resolveAppRequest('app://renderer/index.html', ROOT)).toEqual({
      file: `${ROOT}/index.html`,
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://renderer/', ROOT)?.file).toBe(`${ROOT}/index.html`);
    expect(resolveAppRequest('app://renderer/assets/index-Ab12.js', ROOT)).toEqual({
      file: `${ROOT}/assets/index-Ab12.js`,
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://renderer/assets/index-Ab12.css?v=1#x', ROOT)?.mimeType).toBe(
      'text/css; charset=utf-8',
    );
    expect(resolveAppRequest('app://renderer/assets/crest.SVG', ROOT)?.mimeType).toBe('image/svg+xml');
    expect(resolveAppRequest('app://renderer/assets/font.woff2', ROOT)?.mimeType).toBe('font/woff2');
    // A space, percent-encoded, is a name like any other.
    expect(resolveAppRequest('app://renderer/assets/a%20b.png', ROOT)?.file).toBe(`${ROOT}/assets/a b.png`);
  });

  it('never leaves the renderer folder, however the way out is written', () => {
    const attempts = [
      'app://renderer/../../etc/passwd',
      'app://renderer/%2e%2e/%2e%2e/etc/passwd',
      'app://renderer/..%2f..%2fetc%2fpasswd',
      'app://renderer/assets%2f..%2f..%2fsecret.js',
      'app://renderer/%252e%252e/secret.js',
      'app://renderer/..%5c..%5csecret.js',
      'app://renderer/assets/..%5Csecret.js',
      'app://renderer/%2fetc%2fpasswd',
      'app://renderer//etc/passwd.js',
      'app://renderer/C:%5cWindows%5cwin.ini',
      'app://renderer/C:/Windows/win.ini',
      'app://renderer/index.html%00.js',
      'app://renderer/./index.html/../..',
      'app://renderer/%E0%A4%A',
    ];
    for (const url of attempts) expect(resolveAppRequest(url, ROOT), url).toBeNull();
  });

  it('keeps a folded ../ inside the folder, where nothing outside can be named', () => {
    // The URL parser folds plain and %2e dot segments before the resolver sees them: what is
    // left names a path under the renderer folder (where no such file exists), never outside it.
    const folded = resolveAppRequest('app://renderer/assets/../index.html', ROOT);
    expect(folded?.file).toBe(`${ROOT}/index.html`);
    for (const url of ['app://renderer/../../../etc/hosts.txt', 'app://renderer/assets/../../../etc/passwd.js']) {
      expect(resolveAppRequest(url, ROOT)?.file.startsWith(`${ROOT}/etc/`), url).toBe(true);
    }
    for (const url of ['app://renderer/%2E%2E/secret.js', 'app://renderer/assets/.%2e/.%2e/secret.js']) {
      expect(resolveAppRequest(url, ROOT)?.file, url).toBe(`${ROOT}/secret.js`);
    }
  });

  it('refuses other schemes, hosts, ports, credentials and file types', () => {
    for (const url of [
      'file:///opt/cpreg/resources/app.asar/out/renderer/index.html',
      'https://renderer/index.html',
      'app://evil/index.html',
      'app://renderer.evil.com/index.html',
      'app://renderer:8080/index.html',
      'app://user:pw@renderer/index.html',
      'app:///index.html',
      'app:index.html',
      'not a url',
      '',
      'app://renderer/register.sqlite',
      'app://renderer/assets/',
      'app://renderer/assets/script',
      'app://renderer/index.html.exe',
    ]) {
      expect(resolveAppRequest(url, ROOT), url).toBeNull();
    }
  });

  it('holds on Windows’ paths as well', () => {
    const winRoot = 'C:\\Program Files\\CP Conference Register\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://renderer/assets/app.js', winRoot, path.win32)?.file).toBe(
      `${winRoot}\\assets\\app.js`,
    );
    for (const url of [
      'app://renderer/..%5C..%5Cwin.ini',
      'app://renderer/C:%5Cwin.ini',
      'app://renderer/c:win.ini',
      'app://renderer/%5C%5Cserver%5Cshare%5Cx.js',
      'app://renderer/assets/..\\..\\x.js',
    ]) {
      expect(resolveAppRequest(url, winRoot, path.win32), url).toBeNull();
    }
  });
});

describe('the app:// handler', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'cpreg-protocol-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'cpreg-outside-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(outside, 'secret.js'), 'secret');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const handle = appProtocolHandler(root, readFile);

  it('answers a real file with its bytes and type, and nothing else', async () => {
    const ok = await handle({ url: 'app://renderer/assets/app.js', method: 'GET' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toBe(readFileSync(path.join(root, 'assets', 'app.js'), 'utf8'));

    const escape = `app://renderer/..%2f${path.basename(outside)}%2fsecret.js`;
    expect((await handle({ url: escape, method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://renderer/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://renderer/assets', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://renderer/index.html', method: 'POST' })).status).toBe(405);
  });
});

describe('app:// as the renderer’s origin', () => {
  it('is a standard, secure scheme with fetch, and nothing more', () => {
    const [scheme] = privilegedSchemes();
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(scheme?.privileges?.bypassCSP).toBe(false);
    expect(scheme?.privileges?.allowServiceWorkers).toBe(false);
    expect(scheme?.privileges?.corsEnabled).toBe(false);
  });

  it('is the only page trusted to call the register', () => {
    expect(RENDERER_URL).toBe('app://renderer/index.html');
    expect(isTrustedRendererUrl('app://renderer/index.html#/conferences', RENDERER_URL)).toBe(true);
    expect(isTrustedRendererUrl('app://renderer/other.html', RENDERER_URL)).toBe(true);
    // Custom schemes all have the opaque origin "null": comparing origins would trust these.
    expect(isTrustedRendererUrl('app://evil/index.html', RENDERER_URL)).toBe(false);
    expect(isTrustedRendererUrl('evil://renderer/index.html', RENDERER_URL)).toBe(false);
    expect(isTrustedRendererUrl('foo:bar', RENDERER_URL)).toBe(false);
    expect(isTrustedRendererUrl('app://user@renderer/index.html', RENDERER_URL)).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/cpreg/out/renderer/index.html', RENDERER_URL)).toBe(false);
    expect(isTrustedRendererUrl('https://renderer/index.html', RENDERER_URL)).toBe(false);
    expect(isTrustedRendererUrl('', RENDERER_URL)).toBe(false);
  });

  it('is the only place the window may navigate to', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: () => undefined });
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], RENDERER_URL);
    const prevented = (url: string) => {
      let stopped = false;
      contents.emit('will-navigate', { preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('app://renderer/index.html#/letters')).toBe(false);
    expect(prevented('app://elsewhere/index.html')).toBe(true);
    expect(prevented('file:///etc/passwd')).toBe(true);
    expect(prevented('https://example.com/')).toBe(true);
  });
});
