import type { retentionContract } from '../../../../shared/ipc/contract/retention';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The retention channels (`shared/ipc/contract/retention.ts`): each a thin call into a service. */
export function retentionHandlers({ retention }: Register): HandlerMap<keyof typeof retentionContract> {
  return {
    'retention.list': async (i) => retention.list(i),
    'retention.placeHold': async (i) => retention.placeHold(i.familyId, i.reason),
    'retention.liftHold': async (i) => retention.liftHold(i.familyId, i.reason),
    'retention.erase': async (i) => retention.erase(i.familyId, i.confirm),
  };
}
