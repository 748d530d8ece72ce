import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

/**
 * The renderer's one way to the register. In the desktop app the preload exposes
 * `window.cpreg.invoke`; in browser mode the same contract goes over HTTP to 127.0.0.1 with the
 * per-run token from the address the app printed.
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

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  try {
    if (window.cpreg) {
      return (await window.cpreg.invoke(channel, input)) as Result<ChannelOutput<C>>;
    }
    const response = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Cpreg-Token': token ?? '' },
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
