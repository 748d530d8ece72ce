import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Result } from '../../../shared/ipc/result';

/**
 * What browser mode and the unit server share: the security headers every answer carries, the
 * built renderer served as files, and the contract's request body read with a limit.
 */

export const MAX_BODY = 5 * 1024 * 1024;

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

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string | string[]> = {},
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

export function sendResult(
  res: ServerResponse,
  status: number,
  result: Result<unknown>,
  extra: Record<string, string | string[]> = {},
): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', extra);
}

export function refuse(res: ServerResponse, status: number, message: string): void {
  sendResult(res, status, { ok: false, error: { code: 'forbidden', message, issues: [] } });
}

export async function readBody(req: IncomingMessage): Promise<string> {
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

/** The contract's request (`{channel, input}`), or null when the body is not JSON. */
export async function readInvocation(req: IncomingMessage): Promise<{ channel?: unknown; input?: unknown } | null> {
  try {
    const body = JSON.parse(await readBody(req)) as unknown;
    return (typeof body === 'object' && body !== null ? body : {}) as { channel?: unknown; input?: unknown };
  } catch {
    return null;
  }
}

export const NOT_JSON: Result<unknown> = {
  ok: false,
  error: { code: 'invalid-input', message: 'The request was not valid JSON', issues: [] },
};

/** A file of the built renderer (index.html for `/`), never one outside its folder. */
export async function serveStatic(
  rendererDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  extra: Record<string, string> = {},
): Promise<void> {
  const root = normalize(rendererDir);
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    send(res, 200, req.method === 'HEAD' ? '' : body, TYPES[extname(file)] ?? 'application/octet-stream', extra);
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}
