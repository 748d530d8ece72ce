import path from 'node:path';
import type { CustomScheme } from 'electron';

/**
 * The renderer is served from `app://renderer/…`, a custom protocol, not `file://`: a page loaded
 * from file:// may read any file the user can, and every file:// page shares one origin. Here the
 * only files served are those inside the built renderer folder (`out/renderer`), each with its
 * MIME type, and the page has an origin of its own (`app://renderer`) that the CSP's 'self', the
 * navigation guard and the IPC sender check all pin to.
 */
export const APP_SCHEME = 'app';
export const RENDERER_HOST = 'renderer';
export const RENDERER_URL = `${APP_SCHEME}://${RENDERER_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export function privilegedSchemes(): CustomScheme[] {
  return [
    {
      scheme: APP_SCHEME,
      privileges: {
        // A standard scheme has an origin and resolves relative URLs (./assets/…) as http does.
        standard: true,
        // A secure context, as https is, and fetch() works against it.
        secure: true,
        supportFetchAPI: true,
        // Nothing else: no service workers, no CSP bypass, no CORS to other origins.
        allowServiceWorkers: false,
        bypassCSP: false,
        corsEnabled: false,
        stream: false,
        codeCache: true,
      },
    },
  ];
}

/** The only file types the renderer folder holds; anything else is refused, not guessed. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ResolvedFile {
  file: string;
  mimeType: string;
}

type PathApi = Pick<typeof path, 'join' | 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

/**
 * Maps a request URL to a file inside `root` (the built renderer folder), or null to refuse it:
 * another scheme or host, a port or credentials, a `..` or `.` segment however written (plain,
 * percent-encoded, with backslashes), an encoded slash, a NUL, a drive letter or an absolute
 * path, a second layer of percent-encoding, anything that lands outside `root`, and any file type not in `MIME_TYPES`. `/` is
 * `index.html`. The query and fragment are ignored. `pathApi` is for testing Windows' rules on
 * any machine.
 */
export function resolveAppRequest(requestUrl: string, root: string, pathApi: PathApi = path): ResolvedFile | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== RENDERER_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;
  // The URL parser has already folded plain and %2e dot segments; refuse any left or hidden in
  // an encoding it does not fold, rather than trusting one parser's rules.
  const raw = url.pathname === '/' ? '/index.html' : url.pathname;
  if (!raw.startsWith('/')) return null;
  const segments: string[] = [];
  for (const part of raw.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    // No separators, drive colons or NULs hidden in a name, and no second layer of encoding.
    if (/[\\/:\0%]/.test(segment) || segment.includes('..')) return null;
    segments.push(segment);
  }
  if (segments.length === 0) return null;
  const base = pathApi.resolve(root);
  const file = pathApi.join(base, ...segments);
  const inside = pathApi.relative(base, file);
  if (inside === '' || inside.startsWith('..') || pathApi.isAbsolute(inside)) return null;
  const mimeType = MIME_TYPES[pathApi.extname(file).toLowerCase()];
  if (!mimeType) return null;
  return { file, mimeType };
}

/** The headers every served file gets: its type, and no guessing of another. */
export function responseHeaders(mimeType: string): Record<string, string> {
  return { 'Content-Type': mimeType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
}

/**
 * The `protocol.handle` handler: a refused or missing file is a 404 with no body, never a
 * directory listing or another file. `readFile` is passed in (fs.promises.readFile in the app).
 */
export function appProtocolHandler(
  root: string,
  readFile: (file: string) => Promise<Uint8Array>,
): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = resolveAppRequest(request.url, root);
    if (!resolved) return new Response(null, { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(resolved.file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Blob([body as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: responseHeaders(resolved.mimeType),
    });
  };
}
