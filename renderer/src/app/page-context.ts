import { createContext, useContext } from 'react';
import type { Flash } from './use-hash-route';

export interface PageContextValue {
  /** False on the first screen after the app loads, so focus starts at the top (the skip link). */
  moveFocus: boolean;
  flash: Flash | null;
}

export const PageContext = createContext<PageContextValue>({ moveFocus: false, flash: null });

export function usePageContext(): PageContextValue {
  return useContext(PageContext);
}
