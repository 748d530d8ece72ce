import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../../shared/ipc/result';
import { NOT_JSON, readInvocation, refuse, send, sendResult, serveStatic } from '../server/http';

export const TOKEN_HEADER = 'x-cpreg-token';
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
  const rendererDir = options.rendererDir;
  let origin = '';
  let allowedHosts = new Set<string>();

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
        const body = await readInvocation(req);
        if (body === null) {
          sendResult(res, 400, NOT_JSON);
          return;
        }
        sendResult(res, 200, await options.call(body.channel, body.input));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        refuse(res, 405, 'Method not allowed');
        return;
      }
      await serveStatic(rendererDir, req, res, url.pathname);
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
