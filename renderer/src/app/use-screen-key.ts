import { useState } from 'react';
import { keepsScreen, parseRoute } from './routes';

/**
 * The key the app gives the current screen: a new one per navigation, so each visit starts the
 * screen afresh, except a move between the steps of one chair's screen (`keepsScreen`), which
 * keeps the screen and its live data mounted; only the step shown changes. The key is state
 * adjusted while rendering, as React advises for a value derived from a change of props.
 */
export function useScreenKey(navigations: number, path: string): string {
  const [mounted, setMounted] = useState({ navigations, path, key: `${navigations}:${path}` });
  if (mounted.navigations === navigations) return mounted.key;
  const key = keepsScreen(parseRoute(mounted.path), parseRoute(path)) ? mounted.key : `${navigations}:${path}`;
  setMounted({ navigations, path, key });
  return key;
}
