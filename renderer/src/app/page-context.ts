import { createContext, useContext } from 'react';
import type { Flash } from './use-hash-route';

export interface PageContextValue {
  /** False on the first screen after the app loads, so focus starts at the top (the skip link). */
  moveFocus: boolean;
  flash: Flash | null;
  /** How many navigations since the app loaded: a screen kept mounted across them (the chair's steps) sees each one. */
  navigations: number;
}

export const PageContext = createContext<PageContextValue>({ moveFocus: false, flash: null, navigations: 0 });

export function usePageContext(): PageContextValue {
  return useContext(PageContext);
}
