import { useEffect, useState } from 'react';

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
 * Goes to a route, optionally carrying a message for the next screen (such as "Agency added").
 * Going to the route already shown still counts as a navigation, so the screen reloads.
 */
export function navigate(path: string, flash?: Flash): void {
  pendingFlash = flash ?? null;
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
  useEffect(() => {
    const onHashChange = () => {
      const path = routePath(window.location.hash);
      // A hash that is not a route (such as a skip link's #main-content) leaves the screen as is.
      if (path === null) return;
      const flash = pendingFlash;
      pendingFlash = null;
      setRoute((previous) => ({ path, navigations: previous.navigations + 1, flash }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}
