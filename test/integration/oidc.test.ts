import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOidcSignIn,
  OidcError,
  oidcSettingsSchema,
  PENDING_LIFETIME_MS,
  type OidcSettingsInput,
  type OidcSignIn,
} from '../../electron/main/server/oidc';
import { CLIENT_SECRET, REDIRECT_URI, startProvider, TestBrowser, type RunningProvider } from '../oidc-provider';

// A real OpenID provider (`oidc-provider`, see test/oidc-provider.ts), driven as a browser would.

async function refusal(promise: Promise<unknown>): Promise<OidcError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof OidcError)) throw new Error(`Expected an OidcError, got ${String(error)}`);
  return error;
}

// Each provider is started once; each test makes its own sign-in (and browser) on it.
let userInfoProvider: RunningProvider;
let idTokenProvider: RunningProvider;
beforeAll(async () => {
  // The specification's default: profile and email claims come from the UserInfo endpoint.
  userInfoProvider = await startProvider();
  // As Entra ID does: the claims are in the ID token itself.
  idTokenProvider = await startProvider({ conformIdTokenClaims: false });
});
afterAll(async () => {
  await userInfoProvider.close();
  await idTokenProvider.close();
});

function settings(issuer: string, extra: Partial<OidcSettingsInput> = {}): OidcSettingsInput {
  return { issuer, clientId: 'cpreg-unit', clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI, ...extra };
}

describe('signing in through a real OpenID provider', () => {
  it.each([
    ['claims from the UserInfo endpoint', () => userInfoProvider],
    ['claims in the ID token', () => idTokenProvider],
  ])('returns the mapped username, trimmed and lower-cased (%s)', async (_label, provider) => {
    const signIn = await createOidcSignIn(settings(provider().issuer));
    const { url, pending } = await signIn.begin();
    const authorization = new URL(url);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    expect(authorization.searchParams.get('scope')).toBe('openid profile email');

    const callback = await new TestBrowser().signIn(url, 'chair-one');
    expect(await signIn.finish(callback, pending)).toEqual({
      username: 'chair.one@example.test',
      subject: 'chair-one',
      name: 'Chair One',
      email: 'chair.one@example.test',
    });
  });

  it('signs in a public client with PKCE alone, by another claim', async () => {
    const signIn = await createOidcSignIn(
      settings(userInfoProvider.issuer, { clientId: 'cpreg-public', clientSecret: '', usernameClaim: 'email' }),
    );
    const { url, pending } = await signIn.begin();
    const identity = await signIn.finish(await new TestBrowser().signIn(url, 'officer-two'), pending);
    expect(identity.username).toBe('officer.two@example.test');
  });

  it('refuses a reply whose state is not this sign-in’s', async () => {
    const signIn = await createOidcSignIn(settings(userInfoProvider.issuer));
    const { url, pending } = await signIn.begin();
    const callback = await new TestBrowser().signIn(url, 'chair-one');
    callback.searchParams.set('state', 'a-state-from-another-tab');
    const error = await refusal(signIn.finish(callback, pending));
    expect(error.code).toBe('wrong-state');
    expect(error.message).toBe(
      `The sign-in with ${userInfoProvider.issuer} was refused: the reply does not belong to this sign-in (it may come from another tab or an old link); start again`,
    );
  });

  it('refuses a pending value that was altered', async () => {
    const signIn = await createOidcSignIn(settings(userInfoProvider.issuer));
    const { url, pending } = await signIn.begin();
    const callback = await new TestBrowser().signIn(url, 'chair-one');
    // Give it more time, keeping the old signature: as someone editing the cookie would.
    const [payload = '', tag = ''] = pending.split('.');
    const fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = `${Buffer.from(JSON.stringify({ ...fields, expiresAt: Date.now() + 86_400_000 })).toString('base64url')}.${tag}`;
    for (const value of [altered, `${payload}.${tag.slice(1)}`, 'not-a-pending-value', '']) {
      const error = await refusal(signIn.finish(callback, value));
      expect(error.code).toBe('invalid-pending');
      expect(error.message).toMatch(/^The sign-in could not be checked: .*; start again$/);
    }
    // The untouched value still works: the refusals above changed nothing.
    expect((await signIn.finish(callback, pending)).username).toBe('chair.one@example.test');
  });

  it('refuses a sign-in finished more than ten minutes after it began', async () => {
    let now = Date.now();
    const signIn = await createOidcSignIn(settings(userInfoProvider.issuer), { now: () => now });
    const { url, pending } = await signIn.begin();
    const callback = await new TestBrowser().signIn(url, 'chair-one');
    now += PENDING_LIFETIME_MS + 1;
    const error = await refusal(signIn.finish(callback, pending));
    expect(error.code).toBe('expired');
    expect(error.message).toBe('The sign-in took too long; start again');
  });

  it.each([
    ['UserInfo', () => userInfoProvider],
    ['ID token', () => idTokenProvider],
  ])('says which claim the provider did not send (%s)', async (_label, provider) => {
    const signIn = await createOidcSignIn(settings(provider().issuer));
    const { url, pending } = await signIn.begin();
    const error = await refusal(signIn.finish(await new TestBrowser().signIn(url, 'officer-two'), pending));
    expect(error.code).toBe('missing-claim');
    expect(error.message).toBe(
      'The identity provider did not send the preferred_username claim; ask IT to include it, or choose another claim in Settings',
    );
  });

  it('never signs someone in by an email address the provider says is unverified', async () => {
    const signIn = await createOidcSignIn(settings(userInfoProvider.issuer, { usernameClaim: 'email' }));
    const { url, pending } = await signIn.begin();
    const error = await refusal(signIn.finish(await new TestBrowser().signIn(url, 'manager-three'), pending));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/was refused: it says this email address is not verified/);
  });

  it('passes on the provider’s refusal when the person cancels', async () => {
    const signIn = await createOidcSignIn(settings(userInfoProvider.issuer));
    const { url, pending } = await signIn.begin();
    const callback = await new TestBrowser().signIn(url, 'chair-one', true);
    const error = await refusal(signIn.finish(callback, pending));
    expect(error.code).toBe('refused');
    expect(error.message).toBe(
      `The sign-in with ${userInfoProvider.issuer} was refused: End-User aborted interaction (access_denied)`,
    );
  });

  it('refuses a wrong client secret with the provider’s reason', async () => {
    const signIn = await createOidcSignIn(settings(userInfoProvider.issuer, { clientSecret: 'not-the-secret' }));
    const { url, pending } = await signIn.begin();
    const error = await refusal(signIn.finish(await new TestBrowser().signIn(url, 'chair-one'), pending));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(
      new RegExp(
        `^The sign-in with ${userInfoProvider.issuer} was refused: .*invalid_client.*ask IT to check the client settings$`,
      ),
    );
  });

  it('says when the identity provider cannot be reached', async () => {
    const closed = await startProvider();
    await closed.close();
    const error = await refusal(createOidcSignIn(settings(closed.issuer)));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(
      new RegExp(`^Could not use the identity provider at ${closed.issuer} \\(.*\\); check`),
    );
  });
});

describe('the OpenID Connect settings', () => {
  const valid = {
    issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
    clientId: 'app-id',
    redirectUri: 'https://register.council.example/auth/oidc/callback',
  };

  it('fills in the defaults', () => {
    expect(oidcSettingsSchema.parse(valid)).toEqual({
      ...valid,
      clientSecret: undefined,
      scopes: 'openid profile email',
      usernameClaim: 'preferred_username',
    });
  });

  it.each([
    [{ issuer: 'http://login.example.test' }, 'issuer', 'The issuer must be an https:// address'],
    [{ issuer: 'ftp://127.0.0.1/' }, 'issuer', 'Enter the issuer'],
    [
      { issuer: 'https://login.microsoftonline.com/common/v2.0' },
      'issuer',
      'The issuer must be your council’s own Entra ID tenant',
    ],
    [{ issuer: '' }, 'issuer', 'Enter the issuer'],
    [{ issuer: 'not an address' }, 'issuer', 'Enter the issuer'],
    [{ issuer: 'mailto:idp@example.test' }, 'issuer', 'Enter the issuer'],
    [{ issuer: undefined }, 'issuer', 'Enter the issuer'],
    [{ redirectUri: 'http://register.council.example/cb' }, 'redirectUri', 'The redirect URI must be an https://'],
    [{ clientId: '  ' }, 'clientId', 'Enter the client ID'],
    [{ scopes: 'profile email' }, 'scopes', 'The scopes must include openid'],
    [{ usernameClaim: 'name' }, 'usernameClaim', 'Choose the username claim: one of preferred_username, email'],
  ])('refuses %j, naming the field', (change, path, message) => {
    const result = oidcSettingsSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message.slice(0, message.length)])).toEqual(
      [[path, message]],
    );
  });

  it.each(['http://127.0.0.1:9000', 'http://localhost:9000/realms/test', 'http://[::1]:9000'])(
    'allows http:// for this computer only (%s)',
    (issuer) => {
      expect(oidcSettingsSchema.safeParse({ ...valid, issuer }).success).toBe(true);
    },
  );

  it('refuses to start with wrong settings, saying what to fix', async () => {
    const error = await refusal(createOidcSignIn({ ...valid, issuer: 'http://idp.council.example' }));
    expect(error.code).toBe('settings');
    expect(error.message).toMatch(/^The issuer must be an https:\/\/ address/);
  });
});

// Keeps the type import honest: the module's public shape is what the server will call.
export type { OidcSignIn };
