import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/*
 * A real OpenID provider (`oidc-provider`) on a loopback port, driven by HTTP as a browser
 * would: follow its redirects, carry its cookies, fill in its login and consent forms. The
 * accounts are synthetic; the password is not checked by its development login form.
 */

/** The redirect URI registered for the test clients unless a test gives its own. */
export const REDIRECT_URI = 'http://127.0.0.1:8443/auth/oidc/callback';
export const CLIENT_SECRET = randomBytes(24).toString('base64url');

/** The claims each synthetic account's login returns (the login is the account id). */
export const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'chair-one': {
    preferred_username: '  Chair.One@Example.test ',
    name: 'Chair One',
    email: 'chair.one@example.test',
    email_verified: true,
  },
  // An account whose provider sends no preferred_username (as when IT has not mapped it).
  'officer-two': { name: 'Officer Two', email: 'officer.two@example.test', email_verified: true },
  'manager-three': {
    preferred_username: 'manager.three@example.test',
    email: 'm3@example.test',
    email_verified: false,
  },
};

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startProvider(
  extra: Partial<Configuration> = {},
  redirectUri: string = REDIRECT_URI,
): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cpreg-unit',
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: 'cpreg-public',
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => {
      const claims = ACCOUNTS[id];
      if (claims === undefined) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    ...extra,
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));
  return {
    issuer,
    close: async () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A browser, as far as a sign-in needs one: a cookie jar, redirects and HTML forms. */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly redirectUri: string = REDIRECT_URI) {}

  async request(url: URL, body?: URLSearchParams): Promise<Response> {
    const headers = new Headers();
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { method: body ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Follows the sign-in from the authorization URL to the redirect back to the unit server, and
   * returns that callback address (which a real browser would then load). `cancel` presses the
   * login page's "Cancel" link instead of signing in.
   */
  async signIn(authorizationUrl: string, login: string, cancel = false): Promise<URL> {
    let url = new URL(authorizationUrl);
    let response = await this.request(url);
    for (let step = 0; step < 20; step += 1) {
      if (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get('location') ?? '', url);
        if (location.href.startsWith(this.redirectUri)) return location;
        url = location;
        response = await this.request(url);
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
      if (action === undefined || prompt === undefined) throw new Error('The provider sent a page with no form');
      const submit = new URL(action.replaceAll('&amp;', '&'), url);
      if (cancel) {
        const abort = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(html)?.[1];
        if (abort === undefined) throw new Error('The provider sent a page with no Cancel link');
        url = new URL(abort.replaceAll('&amp;', '&'), url);
        response = await this.request(url);
        continue;
      }
      const fields = new URLSearchParams({ prompt });
      if (prompt === 'login') {
        fields.set('login', login);
        fields.set('password', 'synthetic password');
      }
      url = submit;
      response = await this.request(url, fields);
    }
    throw new Error('The sign-in did not come back to the redirect URI within 20 steps');
  }
}
