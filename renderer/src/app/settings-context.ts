import { createContext, useContext } from 'react';
import type { Settings } from '../../../shared/schemas/settings';

export interface SettingsContextValue {
  /** The register's settings, or null until they have loaded. */
  settings: Settings | null;
  /** Replaces the settings after a save, so the header and forms show the new values at once. */
  setSettings(settings: Settings): void;
}

export const SettingsContext = createContext<SettingsContextValue>({ settings: null, setSettings: () => undefined });

export function useSettings(): SettingsContextValue {
  return useContext(SettingsContext);
}
