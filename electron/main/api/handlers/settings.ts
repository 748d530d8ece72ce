import type { settingsContract } from '../../../../shared/ipc/contract/settings';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The settings channels (`shared/ipc/contract/settings.ts`): each a thin call into a service. */
export function settingsHandlers({ settings }: Register): HandlerMap<keyof typeof settingsContract> {
  return {
    'settings.get': async () => settings.getVersioned(),
    'settings.update': async (i) => settings.update(i),
  };
}
