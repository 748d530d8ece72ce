import { useEffect, useRef, useState } from 'react';

/** A one-off message for the next screen, shown in a success notification banner. */
export interface Flash {
  heading: string;
  body?: string;
}

export interface HashRoute {
  /** The path after `#`, e.g. `/agencies/12/edit`; `/` for the home page. */
  path: string;
  /** How many navigations have happened since the app loaded: 0 on first load. */
  navigations: number;
  flash: Flash | null;
}

/** The route path in the current hash, or null when the hash is not a route (an in-page link). */
function routePath(hash: string): string | null {
  if (hash === '' || hash === '#') return '/';
  if (hash.startsWith('#/')) return hash.slice(1);
  return null;
}

let pendingFlash: Flash | null = null;

/**
 * Asked before the route changes, however it changes (a link, the back button, a typed address,
 * `navigate`): false keeps the current screen, which then says why (such as unsaved changes).
 */
export type NavigationGuard = (path: string) => boolean;

let guard: NavigationGuard | null = null;
let skipGuard = false;

/** While `check` is not null, the screen is asked before every navigation away from it. */
export function useNavigationGuard(check: NavigationGuard | null): void {
  useEffect(() => {
    if (check === null) return;
    guard = check;
    return () => {
      if (guard === check) guard = null;
    };
  }, [check]);
}

/**
 * Goes to a route, optionally carrying a message for the next screen (such as "Agency added").
 * Going to the route already shown still counts as a navigation, so the screen reloads.
 * `unguarded` goes without asking the screen (it has asked the user itself).
 */
export function navigate(path: string, flash?: Flash, options: { unguarded?: boolean } = {}): void {
  pendingFlash = flash ?? null;
  skipGuard = options.unguarded ?? false;
  const hash = `#${path}`;
  if (window.location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

/** The current route from the URL hash, updated on every `hashchange`. */
export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState<HashRoute>(() => ({
    path: routePath(window.location.hash) ?? '/',
    navigations: 0,
    flash: null,
  }));
  // The path on screen, to put back in the address bar when the screen keeps the user.
  const shown = useRef(route.path);
  useEffect(() => {
    const onHashChange = () => {
      const path = routePath(window.location.hash);
      // A hash that is not a route (such as a skip link's #main-content) leaves the screen as is.
      if (path === null) return;
      const allowed = skipGuard || guard === null || guard(path);
      skipGuard = false;
      if (!allowed) {
        pendingFlash = null;
        window.history.replaceState(window.history.state, '', `#${shown.current}`);
        return;
      }
      shown.current = path;
      const flash = pendingFlash;
      pendingFlash = null;
      setRoute((previous) => ({ path, navigations: previous.navigations + 1, flash }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}
