import { CHANNEL_ACCESS } from '../../../shared/ipc/access';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

/**
 * The renderer's one way to the register. In the desktop app the preload exposes
 * `window.cpreg.invoke`; in browser mode the same contract goes over HTTP to 127.0.0.1 with the
 * per-run token from the address the app printed; from a unit server, over HTTPS with the
 * session's cookie.
 */
declare global {
  interface Window {
    cpreg?: { invoke(channel: string, input: unknown): Promise<unknown> };
  }
}

const TOKEN_KEY = 'cpreg.token';

function browserToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar (and out of screenshots and history).
    const clean = new URL(window.location.href);
    clean.searchParams.delete('token');
    window.history.replaceState(null, '', clean.toString());
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

const token = typeof window !== 'undefined' && !window.cpreg ? browserToken() : null;

/** Why a call found no working session: the screen is locked, or nobody is signed in. */
export type SessionEnd = 'locked' | 'signed-out';

const sessionListeners = new Set<(end: SessionEnd) => void>();

/**
 * Tells `listener` whenever a call is refused because the session is locked or has ended, so the
 * app can show the unlock overlay or the sign-in page whatever screen made the call. The
 * sign-in channels themselves (`public`) are left to their screens: a name locked after too many
 * wrong passwords is the sign-in page's message, not the screen lock. Returns a function that stops.
 */
export function onSessionEnd(listener: (end: SessionEnd) => void): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const result = await send(channel, input);
  if (!result.ok && CHANNEL_ACCESS[channel].who !== 'public') {
    const { code } = result.error;
    if (code === 'locked' || code === 'signed-out') for (const listener of sessionListeners) listener(code);
  }
  return result;
}

async function send<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  try {
    if (window.cpreg) {
      return (await window.cpreg.invoke(channel, input)) as Result<ChannelOutput<C>>;
    }
    const response = await fetch('./api/invoke', {
      method: 'POST',
      // The token is browser mode's; the unit server knows the session by its cookie and wants the
      // client header, which a page on another site cannot send without asking first.
      headers: { 'Content-Type': 'application/json', 'X-Cpreg-Token': token ?? '', 'X-Cpreg-Client': '1' },
      body: JSON.stringify({ channel, input }),
    });
    return (await response.json()) as Result<ChannelOutput<C>>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The register could not be reached. Check the app is still running.',
        issues: [],
      },
    };
  }
}
