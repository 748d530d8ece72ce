import type { backupsContract } from '../../../../shared/ipc/contract/backups';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The backups channels (`shared/ipc/contract/backups.ts`): each a thin call into a service. */
export function backupsHandlers(register: Register): HandlerMap<keyof typeof backupsContract> {
  return {
    'register.health': () => ({
      state: register.health.state,
      detail: register.health.state === 'damaged' ? register.health.detail : null,
      readOnly: register.readOnly,
      path: register.path,
    }),
    'backups.status': async () => register.backups.status(),
    'backups.run': async () => register.backups.run('manual'),
    'backups.verify': async (i) => register.backups.verify(i.file),
    'backups.restore': async (i) => register.backups.restore(i.file),
  };
}
