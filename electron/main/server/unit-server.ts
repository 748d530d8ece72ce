import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { resolveChannel } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { Gate } from '../register/gate';
import { NOT_JSON, readInvocation, refuse, send, sendResult, serveStatic } from './http';
import { isLoopbackHost } from './loopback';
import { OidcError, type OidcSignIn } from './oidc';

/** The header every contract call must carry: a page on another site cannot add it without asking first. */
export const CLIENT_HEADER = 'x-cpreg-client';

export interface UnitServerOptions {
  /** A gate made with `multiSession: true` over the unit's register. */
  gate: Gate;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  listen: { host: string; port: number };
  /** PEM certificate and key: without them the server listens on loopback only. */
  tls?: { cert: Buffer; key: Buffer };
  /** Other names people reach the server by (its DNS name on the council network). */
  names?: readonly string[];
  /** Single sign-on through the council's identity provider. */
  oidc?: OidcSignIn;
  now?: () => number;
}

export interface UnitServer {
  /** Where people open it: `https://NAME:PORT` (or `http://127.0.0.1:PORT` without TLS). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export class UnitServerRefused extends Error {
  override name = 'UnitServerRefused';
}

/** Failed sign-ins from one address before each further attempt is held back. */
export const FREE_FAILURES = 5;
/** The longest an address waits between sign-in attempts. */
export const MAX_WAIT_SECONDS = 300;

/** Sign-in failures per address: after five, each attempt waits twice as long as the last (up to five minutes). */
export function createAddressThrottle(now: () => number) {
  const failures = new Map<string, { count: number; until: number }>();
  return {
    /** Seconds this address must still wait before it may try again (0: go ahead). */
    wait(address: string): number {
      const entry = failures.get(address);
      if (!entry) return 0;
      return Math.max(0, Math.ceil((entry.until - now()) / 1000));
    },
    failed(address: string): void {
      const count = (failures.get(address)?.count ?? 0) + 1;
      const seconds = count < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (count - FREE_FAILURES));
      failures.set(address, { count, until: now() + seconds * 1000 });
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    succeeded(address: string): void {
      failures.delete(address);
    },
  };
}

function cookies(req: IncomingMessage): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) found.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return found;
}

const SIGN_INS = new Set(['session.signIn']);

/**
 * The unit server: the renderer and the contract over HTTP(S) for everyone in a review unit,
 * over one register on PostgreSQL. Each person has a session in an HttpOnly, SameSite=Strict
 * cookie (Secure, and `__Host-` named, with TLS); every call must come from a page this server
 * served (Host and Origin checked, and a header no other site's page can send without asking);
 * sign-in slows down after failures, per user (the keyring) and per address (here). Without TLS
 * it listens on loopback only.
 */
export async function startUnitServer(options: UnitServerOptions): Promise<UnitServer> {
  const { gate, tls } = options;
  const now = options.now ?? (() => Date.now());
  if (!tls && !isLoopbackHost(options.listen.host)) {
    throw new UnitServerRefused(
      `Without --tls-cert and --tls-key the unit server listens on this computer only: use --listen 127.0.0.1:${options.listen.port}, or give a certificate and key to serve the council network`,
    );
  }
  const scheme = tls ? 'https' : 'http';
  const sessionCookie = tls ? '__Host-cpreg_session' : 'cpreg_session';
  const pendingCookie = tls ? '__Host-cpreg_oidc' : 'cpreg_oidc';
  const secure = tls ? '; Secure' : '';
  const throttle = createAddressThrottle(now);
  let allowedHosts = new Set<string>();
  let origin = '';

  const setCookie = (name: string, value: string, extra: string) =>
    `${name}=${value}; HttpOnly; Path=/${secure}; ${extra}`;
  const newSessionId = () => randomBytes(32).toString('base64url');

  /** What the sign-in page needs to know of this server, added to `session.status`. */
  function withServer(result: Result<unknown>): Result<unknown> {
    if (!result.ok) return result;
    return {
      ok: true,
      value: {
        ...(result.value as object),
        unitServer: origin,
        singleSignOn: options.oidc ? '/auth/oidc/start' : null,
      },
    };
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, sessionId: string | undefined): Promise<void> {
    if (req.method !== 'POST') {
      refuse(res, 405, 'Use POST');
      return;
    }
    if (req.headers[CLIENT_HEADER] !== '1') {
      refuse(res, 403, 'Calls are accepted only from the register’s own pages');
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
    const channel = resolveChannel(body.channel);
    const address = req.socket.remoteAddress ?? 'unknown';
    if (channel === 'session.setup') {
      // Whoever reached a new unit server first would become its administrator: that is done on
      // the server itself instead.
      sendResult(res, 200, {
        ok: false,
        error: {
          code: 'conflict',
          message:
            'A unit register’s first administrator is created on the server: run cpreg --pg URL init --admin NAME there, then sign in here',
          issues: [],
        },
      });
      return;
    }
    if (channel !== null && SIGN_INS.has(channel)) {
      const wait = throttle.wait(address);
      if (wait > 0) {
        sendResult(res, 429, {
          ok: false,
          error: {
            code: 'forbidden',
            message: `Too many failed sign-ins from this computer: wait ${wait} seconds before trying again`,
            issues: [],
          },
        });
        return;
      }
      // A new session for each sign-in, so a session id planted before signing in is worth nothing.
      const fresh = newSessionId();
      const result = await gate.call(channel, body.input, fresh);
      if (!result.ok) {
        if (result.error.code === 'invalid-input' || result.error.code === 'forbidden') throttle.failed(address);
        sendResult(res, 200, result);
        return;
      }
      throttle.succeeded(address);
      if (sessionId !== undefined) await gate.call('session.signOut', {}, sessionId);
      sendResult(res, 200, result, { 'Set-Cookie': setCookie(sessionCookie, fresh, 'SameSite=Strict') });
      return;
    }
    const result = await gate.call(body.channel, body.input, sessionId ?? 'anonymous');
    if (channel === 'session.signOut') {
      sendResult(res, 200, result, { 'Set-Cookie': setCookie(sessionCookie, '', 'SameSite=Strict; Max-Age=0') });
      return;
    }
    sendResult(res, 200, channel === 'session.status' ? withServer(result) : result);
  }

  /** The identity provider's way in: start sends the browser there, callback signs the person in. */
  async function singleSignOn(req: IncomingMessage, res: ServerResponse, url: URL, jar: Map<string, string>) {
    const oidc = options.oidc;
    if (!oidc || req.method !== 'GET') {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    if (url.pathname === '/auth/oidc/start') {
      const { url: to, pending } = await oidc.begin();
      // Lax, not Strict: the identity provider's redirect back is a navigation from its site.
      res.writeHead(302, {
        Location: to,
        'Cache-Control': 'no-store',
        'Set-Cookie': setCookie(pendingCookie, pending, 'SameSite=Lax; Max-Age=600'),
      });
      res.end();
      return;
    }
    const clear = setCookie(pendingCookie, '', 'SameSite=Lax; Max-Age=0');
    const address = req.socket.remoteAddress ?? 'unknown';
    try {
      const pending = jar.get(pendingCookie);
      if (!pending) throw new OidcError('wrong-state', 'This sign-in was not started in this browser: start again');
      const identity = await oidc.finish(url, pending);
      const fresh = newSessionId();
      await gate.inSession(fresh, async () => gate.signInVerified(identity.username, identity.subject));
      throttle.succeeded(address);
      // A page that moves on by itself: a SameSite=Strict cookie set during the provider's redirect
      // is only sent once the browser navigates from this site.
      send(
        res,
        200,
        '<!doctype html><meta http-equiv="refresh" content="0;url=/"><title>Signed in</title>',
        'text/html; charset=utf-8',
        {
          'Set-Cookie': [setCookie(sessionCookie, fresh, 'SameSite=Strict'), clear],
        },
      );
    } catch (error) {
      throttle.failed(address);
      const message = error instanceof Error ? error.message : 'The sign-in failed';
      const page = `<!doctype html><title>Sign-in failed</title><h1>Sign-in failed</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the register</a></p>`;
      send(res, 403, page, 'text/html; charset=utf-8', { 'Set-Cookie': clear });
    }
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts.has(host.toLowerCase())) {
        refuse(res, 403, 'This address is not allowed: open the register by the address the unit server printed');
        return;
      }
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== `${scheme}://${host}`) {
        refuse(res, 403, 'Requests from other sites are not allowed');
        return;
      }
      const url = new URL(req.url ?? '/', `${scheme}://${host}`);
      const jar = cookies(req);
      if (url.pathname === '/api/invoke') {
        await invoke(req, res, jar.get(sessionCookie));
        return;
      }
      if (url.pathname === '/auth/oidc/start' || url.pathname === '/auth/oidc/callback') {
        await singleSignOn(req, res, url, jar);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        refuse(res, 405, 'Method not allowed');
        return;
      }
      await serveStatic(
        options.rendererDir,
        req,
        res,
        url.pathname,
        tls ? { 'Strict-Transport-Security': 'max-age=31536000' } : {},
      );
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
      else res.end();
    });
  };

  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createHttpServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listen.port, options.listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const names = new Set(['localhost', '127.0.0.1', '[::1]', ...(options.names ?? []).map((n) => n.toLowerCase())]);
  const listenHost = options.listen.host.includes(':') ? `[${options.listen.host}]` : options.listen.host;
  if (!['0.0.0.0', '[::]'].includes(listenHost)) names.add(listenHost.toLowerCase());
  if (tls) names.add(hostname().toLowerCase());
  const defaultPort = tls ? 443 : 80;
  allowedHosts = new Set([...names].flatMap((n) => (port === defaultPort ? [n, `${n}:${port}`] : [`${n}:${port}`])));
  const shown = options.names?.[0] ?? (tls ? hostname() : '127.0.0.1');
  origin = `${scheme}://${shown}${port === defaultPort ? '' : `:${port}`}`;
  return {
    origin,
    port,
    close: async () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
