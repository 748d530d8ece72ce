import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isTrustedRendererUrl,
  secureWebPreferences,
  windowOptions,
} from '../../electron/main/window/security';

const RENDERER = 'file:///opt/app/out/renderer/index.html';

describe('window hardening', () => {
  it('isolates and sandboxes the renderer, with no Node', () => {
    const prefs = secureWebPreferences('/p.js');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(windowOptions('/p.js', 'CP Conference Register').webPreferences).toEqual(prefs);
  });

  it('denies window.open and navigation away from the renderer', () => {
    // A stand-in for Electron's WebContents: an event emitter that records the open handler.
    const contents = new EventEmitter() as EventEmitter & { openHandler?: () => { action: string } };
    const fake = Object.assign(contents, {
      setWindowOpenHandler(handler: () => { action: string }) {
        contents.openHandler = handler;
      },
    });
    hardenWebContents(fake as unknown as Parameters<typeof hardenWebContents>[0], RENDERER);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });

    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', `${RENDERER}#/agencies`)).toBe(false);
    expect(navigate('will-attach-webview', 'x')).toBe(true);
  });

  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: unknown) => {
        request = h as typeof request;
      },
      setPermissionCheckHandler: (h: unknown) => {
        check = h as typeof check;
      },
    } as unknown as Parameters<typeof hardenSession>[0]);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      request?.(null, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(check?.()).toBe(false);
  });

  it('trusts only the renderer page as an IPC sender', () => {
    expect(isTrustedRendererUrl(`${RENDERER}#/conferences`, RENDERER)).toBe(true);
    expect(isTrustedRendererUrl('file:///tmp/evil.html', RENDERER)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', RENDERER)).toBe(false);
    expect(isTrustedRendererUrl('', RENDERER)).toBe(false);
  });
});

describe('the renderer’s Content Security Policy', () => {
  const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );

  it('is present and strict', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
  it('allows no inline or eval script and nothing remote', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
