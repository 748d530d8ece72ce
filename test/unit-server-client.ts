import { request as httpRequest } from 'node:http';
import type { Result } from '../shared/ipc/result';

/**
 * A client of the unit server as the renderer is one: JSON calls to `/api/invoke` with the
 * client header, the Origin a page of the server sends, and the session cookie the server sets.
 */
export class UnitClient {
  readonly cookies = new Map<string, string>();
  /** The last answer's Set-Cookie headers, to check their attributes. */
  lastSetCookie: string[] = [];

  constructor(
    readonly origin: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async raw(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.origin}/api/invoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: this.origin,
        'x-cpreg-client': '1',
        ...(cookie ? { cookie } : {}),
        ...this.headers,
        ...headers,
      },
      body: JSON.stringify({ channel, input }),
    });
    this.lastSetCookie = response.headers.getSetCookie();
    for (const set of this.lastSetCookie) {
      const [pair = ''] = set.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0/i.test(set)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async call<T = unknown>(channel: string, input: unknown = {}): Promise<Result<T>> {
    return (await (await this.raw(channel, input)).json()) as Result<T>;
  }

  /** The value, or a thrown error naming the refusal. */
  async ok<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
    const result = await this.call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} refused: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
}

/** A raw HTTP request, so Host and Origin can be set as an attacker's (or a DNS-rebinding) page would. */
export async function rawRequest(
  origin: string,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(origin);
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}
