import { createContext, useCallback, useContext } from 'react';
import type { Result } from '../../../shared/ipc/result';
import type { Settings, VersionedSettings } from '../../../shared/schemas/settings';
import { invoke } from '../api/client';

export interface SettingsContextValue {
  /** The register's settings with their version, or null until they have loaded. */
  settings: VersionedSettings | null;
  /** Replaces the settings after a save, so the header and forms show the new values at once. */
  setSettings(settings: VersionedSettings): void;
}

export const SettingsContext = createContext<SettingsContextValue>({ settings: null, setSettings: () => undefined });

export function useSettings(): SettingsContextValue {
  return useContext(SettingsContext);
}

/**
 * Saves some settings with the version the screen loaded: refused (code `conflict`, showing the
 * settings as they now are) when someone else has saved them since. Each save answers the new
 * version, which `setSettings` keeps, so saving twice in a row works.
 */
export function useSaveSettings(): (changes: Partial<Settings>) => Promise<Result<VersionedSettings>> {
  const { settings } = useSettings();
  const version = settings?.version ?? 0;
  return useCallback(async (changes) => invoke('settings.update', { ...changes, version }), [version]);
}
