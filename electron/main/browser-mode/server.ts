import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Result } from '../../../shared/ipc/result';

export const TOKEN_HEADER = 'x-cpreg-token';
const MAX_BODY = 5 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface BrowserServerOptions {
  /** The one door: the gate's `call` (sign-in, users, and the open register's channels). */
  call: (channel: unknown, input: unknown) => Promise<Result<unknown>>;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface BrowserServer {
  /** The address to open, token included: `http://127.0.0.1:PORT/?token=...`. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Browser mode: the same renderer and the same contract, over HTTP on 127.0.0.1 only. A random
 * per-run token (given in the printed URL, then kept in the tab's session storage) must come with
 * every API call, and the Host and Origin headers must name this server, so neither another
 * local program's web page nor a DNS-rebinding site can reach the register.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = normalize(options.rendererDir);
  let origin = '';
  let allowedHosts = new Set<string>();

  function send(
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type: string,
    extra: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      ...extra,
    });
    res.end(body);
  }

  function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
    send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  function refuse(res: ServerResponse, status: number, message: string): void {
    sendResult(res, status, { ok: false, error: { code: 'forbidden', message, issues: [] } });
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > MAX_BODY) throw new Error('too-large');
      chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(rendererDir, relative));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      send(res, 200, req.method === 'HEAD' ? '' : body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts.has(host)) {
        refuse(res, 403, 'This address is not allowed');
        return;
      }
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) {
        refuse(res, 403, 'Requests from other sites are not allowed');
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') {
          refuse(res, 405, 'Use POST');
          return;
        }
        const given = req.headers[TOKEN_HEADER];
        if (typeof given !== 'string' || !tokensEqual(given, token)) {
          refuse(res, 401, 'The session token is missing or wrong: open the address printed when the app started');
          return;
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          refuse(res, 415, 'Send JSON');
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req)) as unknown;
        } catch {
          sendResult(res, 400, {
            ok: false,
            error: { code: 'invalid-input', message: 'The request was not valid JSON', issues: [] },
          });
          return;
        }
        const { channel, input } = (typeof body === 'object' && body !== null ? body : {}) as {
          channel?: unknown;
          input?: unknown;
        };
        sendResult(res, 200, await options.call(channel, input));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        refuse(res, 405, 'Method not allowed');
        return;
      }
      await serveStatic(req, res, url.pathname);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
