import type { auditContract } from '../../../../shared/ipc/contract/audit';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The audit channels (`shared/ipc/contract/audit.ts`): each a thin call into a service. */
export function auditHandlers({ audit }: Register): HandlerMap<keyof typeof auditContract> {
  return {
    'audit.verify': async () => audit.verify(),
    'audit.list': async (i) => audit.list(i),
    'audit.forRecord': async (i) => audit.forRecord(i.entity, i.entityId),
  };
}
