import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * Window hardening, kept apart from the Electron runtime so a unit test can check every setting.
 * The renderer gets no Node, runs sandboxed and isolated, cannot navigate or open windows, and
 * every permission request (camera, notifications, ...) is refused.
 */
export function secureWebPreferences(
  /** Null for a unit server's pages, which reach the register over HTTPS, not through the preload. */
  preloadPath: string | null,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    ...(preloadPath === null ? {} : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

export function windowOptions(preloadPath: string | null, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * True only for the app's own renderer: the same scheme and host as `rendererUrl` for the app's
 * custom protocol (`app://renderer/…`; compared by hand, since the URL standard gives such schemes
 * the opaque origin "null", which every other custom URL shares), the same origin for http(s) (a
 * unit server), or the same page for a file:// URL.
 */
export function isTrustedRendererUrl(url: string, rendererUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(rendererUrl);
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    if (expected.protocol === 'http:' || expected.protocol === 'https:') return actual.origin === expected.origin;
    return (
      expected.host !== '' &&
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.username === '' &&
      actual.password === ''
    );
  } catch {
    return false;
  }
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Denies window.open, and any navigation away from the renderer page. */
export function hardenWebContents(contents: HardenableContents, rendererUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
