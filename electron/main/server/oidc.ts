import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import { isLoopbackHost } from './loopback';

export { isLoopbackHost };

/**
 * Signing in to the unit server through the council's identity provider, by OpenID Connect
 * (authorization code flow with PKCE, state and nonce; Microsoft Entra ID is the common one).
 *
 * The server calls `begin()` when someone chooses "Sign in with <provider>", keeps the opaque
 * `pending` value in a short-lived httpOnly cookie and redirects the browser to `url`; on the
 * callback it calls `finish(callbackUrl, pending)` and maps the returned `username` to a register
 * user and role. This module knows nothing of the register: it only says who signed in.
 *
 * Every failure is an `OidcError` whose message a user can act on.
 */

/** The claims a council can choose to identify its staff by (Settings, "Username claim"). */
export const USERNAME_CLAIMS = ['preferred_username', 'email', 'upn', 'sub', 'oid'] as const;
export type UsernameClaim = (typeof USERNAME_CLAIMS)[number];

export const DEFAULT_SCOPES = 'openid profile email';

/** How long a started sign-in may take before `finish` refuses it. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;

/** Null for a string that is not an address: the `z.url` check has already said so. */
function parseUrl(value: string): URL | null {
  return URL.canParse(value) ? new URL(value) : null;
}

function secureUrl(required: string, insecure: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .pipe(z.url({ protocol: /^https?$/, error: required }))
    .refine(
      (value) => {
        const url = parseUrl(value);
        // Other schemes, and strings that are not addresses, were refused by the check above.
        return url === null || url.protocol !== 'http:' || isLoopbackHost(url.hostname);
      },
      { error: insecure },
    );
}

/**
 * Entra ID's shared endpoints accept anyone with any Microsoft account, whose username claims
 * the council does not control: only the council's own tenant may sign people in.
 */
function isSharedEntraIssuer(value: string): boolean {
  const url = parseUrl(value);
  if (url === null) return false;
  const tenant = url.pathname.split('/')[1]?.toLowerCase() ?? '';
  return url.hostname === 'login.microsoftonline.com' && ['common', 'organizations', 'consumers'].includes(tenant);
}

export const oidcSettingsSchema = z.object({
  issuer: secureUrl(
    'Enter the issuer: the identity provider’s address (for Entra ID, https://login.microsoftonline.com/<tenant ID>/v2.0)',
    'The issuer must be an https:// address (http:// is allowed only for this computer, such as http://127.0.0.1)',
  ).refine((value) => !isSharedEntraIssuer(value), {
    error:
      'The issuer must be your council’s own Entra ID tenant (https://login.microsoftonline.com/<tenant ID>/v2.0), not common, organizations or consumers',
  }),
  clientId: z
    .string({ error: 'Enter the client ID the identity provider gave the register (for Entra ID, the application ID)' })
    .trim()
    .min(1, {
      error: 'Enter the client ID the identity provider gave the register (for Entra ID, the application ID)',
    }),
  /** Absent for a public client, which then relies on PKCE alone. */
  clientSecret: z
    .string({ error: 'The client secret must be text; leave it empty for a public client' })
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
  redirectUri: secureUrl(
    'Enter the redirect URI: the unit server’s sign-in callback address, as registered with the identity provider',
    'The redirect URI must be an https:// address (http:// is allowed only for this computer, such as http://127.0.0.1)',
  ),
  scopes: z
    .string({ error: 'The scopes must be text, separated by spaces, such as "openid profile email"' })
    .trim()
    .transform((value) => (value === '' ? DEFAULT_SCOPES : value.split(/\s+/).join(' ')))
    .refine((value) => value.split(' ').includes('openid'), {
      error: 'The scopes must include openid, such as "openid profile email"',
    })
    .default(DEFAULT_SCOPES),
  usernameClaim: z
    .enum(USERNAME_CLAIMS, {
      error: () => `Choose the username claim: one of ${USERNAME_CLAIMS.join(', ')}`,
    })
    .default('preferred_username'),
});
export type OidcSettingsInput = z.input<typeof oidcSettingsSchema>;
export type OidcSettings = z.output<typeof oidcSettingsSchema>;

export type OidcErrorCode =
  /** The settings are incomplete or wrong: fix them in Settings. */
  | 'settings'
  /** The identity provider could not be reached or did not answer as one. */
  | 'unreachable'
  /** The identity provider refused, or its answer did not pass the checks. */
  | 'refused'
  /** The callback does not belong to the sign-in this browser started (state). */
  | 'wrong-state'
  /** The pending value was altered, or was made by another run of the server. */
  | 'invalid-pending'
  /** More than ten minutes passed, or the settings changed, since the sign-in began. */
  | 'expired'
  /** The identity provider did not send the chosen username claim. */
  | 'missing-claim';

export class OidcError extends Error {
  override name = 'OidcError';
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OidcIdentity {
  /** The chosen username claim, trimmed and lower-cased: what the register user is matched on. */
  username: string;
  /** The ID token's `sub`: stable for this person at this provider (and, at Entra ID, this app). */
  subject: string;
  name: string | null;
  email: string | null;
}

export interface OidcSignIn {
  readonly issuer: string;
  /** Starts a sign-in: the address to send the browser to, and the value to keep in its cookie. */
  begin(): Promise<{ url: string; pending: string }>;
  /**
   * Completes a sign-in from the callback's address (only its query is read; the token request
   * uses the configured redirect URI) and the pending value `begin` returned.
   */
  finish(callbackUrl: URL, pending: string): Promise<OidcIdentity>;
}

export interface OidcSignInOptions {
  /** Milliseconds since the epoch; tests move it to expire a pending sign-in without waiting. */
  now?: () => number;
  /** Seconds to wait for each request to the identity provider. */
  timeoutSeconds?: number;
}

// The pending value's key lives only in this process: a restart invalidates sign-ins in flight,
// which costs a user one more click, and nothing needs to be stored or configured.
const PENDING_KEY = randomBytes(32);

const pendingSchema = z.strictObject({
  issuer: z.string(),
  clientId: z.string(),
  codeVerifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  expiresAt: z.number(),
});
type Pending = z.infer<typeof pendingSchema>;

function mac(payload: string): Buffer {
  return createHmac('sha256', PENDING_KEY).update(payload).digest();
}

function sealPending(pending: Pending): string {
  const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${payload}.${mac(payload).toString('base64url')}`;
}

const INVALID_PENDING =
  'The sign-in could not be checked: it was changed on the way, or began before the unit server restarted; start again';

function openPending(sealed: string): Pending {
  const [payload, tag, ...rest] = sealed.split('.');
  if (payload === undefined || tag === undefined || rest.length > 0) {
    throw new OidcError('invalid-pending', INVALID_PENDING);
  }
  const expected = mac(payload);
  const given = Buffer.from(tag, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new OidcError('invalid-pending', INVALID_PENDING);
  }
  try {
    return pendingSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch (error) {
    // Unreachable for a value this process signed; a refusal all the same, never a crash.
    throw new OidcError('invalid-pending', INVALID_PENDING, { cause: error });
  }
}

/**
 * Client authentication with a secret, chosen from what the provider says it supports:
 * `client_secret_basic` (the default in the specifications, and supported by Entra ID) when
 * offered, `client_secret_post` otherwise.
 */
function secretAuthentication(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (as, metadata, body, headers) => {
    const supported = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const chosen =
      supported.includes('client_secret_basic') || !supported.includes('client_secret_post') ? basic : post;
    chosen(as, metadata, body, headers);
  };
}

function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return error.error_description ? `${error.error_description} (${error.error})` : error.error;
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // A 401 with the reason in its WWW-Authenticate header (a wrong client secret, typically).
    const reasons = error.cause.map(({ parameters: { error: code, error_description: text } }) =>
      text ? `${text}${code ? ` (${code})` : ''}` : (code ?? 'not authorised'),
    );
    return reasons.join('; ');
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function isNetworkFailure(error: unknown): boolean {
  return (
    (error instanceof TypeError && error.message === 'fetch failed') ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

function claimText(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Discovers the issuer (once) and returns the sign-in for these settings. Throws `OidcError`
 * with code `settings` when the settings are wrong and `unreachable` when discovery fails.
 */
export async function createOidcSignIn(input: OidcSettingsInput, options: OidcSignInOptions = {}): Promise<OidcSignIn> {
  const parsed = oidcSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new OidcError('settings', parsed.error.issues.map((issue) => issue.message).join('. '), {
      cause: parsed.error,
    });
  }
  const settings = parsed.data;
  const now = options.now ?? Date.now;
  const issuerUrl = new URL(settings.issuer);
  const issuer = settings.issuer;
  const refused = (reason: string, cause?: unknown) =>
    new OidcError('refused', `The sign-in with ${issuer} was refused: ${reason}`, { cause });

  let config: client.Configuration;
  try {
    config = await client.discovery(
      issuerUrl,
      settings.clientId,
      settings.clientSecret === undefined ? undefined : { client_secret: settings.clientSecret },
      settings.clientSecret === undefined ? client.None() : secretAuthentication(settings.clientSecret),
      {
        execute: issuerUrl.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        timeout: options.timeoutSeconds ?? 15,
      },
    );
  } catch (error) {
    throw new OidcError(
      'unreachable',
      `Could not use the identity provider at ${issuer} (${describe(error)}); check the issuer in Settings and that the unit server can reach it`,
      { cause: error },
    );
  }

  async function begin(): Promise<{ url: string; pending: string }> {
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const pending = sealPending({
      issuer,
      clientId: settings.clientId,
      codeVerifier,
      state,
      nonce,
      expiresAt: now() + PENDING_LIFETIME_MS,
    });
    return { url: url.href, pending };
  }

  async function finish(callbackUrl: URL, sealed: string): Promise<OidcIdentity> {
    const pending = openPending(sealed);
    if (now() > pending.expiresAt) throw new OidcError('expired', 'The sign-in took too long; start again');
    if (pending.issuer !== issuer || pending.clientId !== settings.clientId) {
      throw new OidcError('expired', 'The identity provider settings changed after this sign-in began; start again');
    }

    const params = callbackUrl.searchParams;
    const providerError = params.get('error');
    if (providerError !== null) {
      const description = params.get('error_description');
      throw refused(description ? `${description} (${providerError})` : providerError);
    }
    if (params.get('state') !== pending.state) {
      throw new OidcError(
        'wrong-state',
        `The sign-in with ${issuer} was refused: the reply does not belong to this sign-in (it may come from another tab or an old link); start again`,
      );
    }

    // The token request must name the redirect URI sent in `begin`, whatever address the server
    // saw the callback at (behind a proxy the two can differ).
    const current = new URL(settings.redirectUri);
    current.search = callbackUrl.search;

    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (isNetworkFailure(error)) {
        throw new OidcError('unreachable', `Could not reach ${issuer} to complete the sign-in; try again shortly`, {
          cause: error,
        });
      }
      throw refused(
        `${describe(error)}; start again, and if it happens again ask IT to check the client settings`,
        error,
      );
    }

    const idToken = tokens.claims();
    if (idToken === undefined) throw refused('it sent no ID token; ask IT to check that the openid scope is allowed');
    let claims: Record<string, unknown> = { ...idToken };

    // Entra ID puts its claims in the ID token; other providers keep profile and email claims
    // for the UserInfo endpoint (the specification's default for the code flow), so ask there
    // when the chosen claim is missing.
    if (claimText(claims, settings.usernameClaim) === null && config.serverMetadata().userinfo_endpoint !== undefined) {
      try {
        const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claims = { ...userInfo, ...claims };
      } catch (error) {
        throw refused(`its UserInfo endpoint did not answer (${describe(error)}); start again`, error);
      }
    }

    const value = claimText(claims, settings.usernameClaim);
    if (value === null) {
      throw new OidcError(
        'missing-claim',
        `The identity provider did not send the ${settings.usernameClaim} claim; ask IT to include it, or choose another claim in Settings`,
      );
    }
    // An unverified address could be anyone's: never sign someone in as it.
    if (settings.usernameClaim === 'email' && claims.email_verified === false) {
      throw refused(
        'it says this email address is not verified; ask IT to verify it, or choose another claim in Settings',
      );
    }

    return {
      username: value.toLowerCase(),
      subject: idToken.sub,
      name: claimText(claims, 'name'),
      email: claimText(claims, 'email'),
    };
  }

  return { issuer, begin, finish };
}
