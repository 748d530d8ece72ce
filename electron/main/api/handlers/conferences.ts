import type { conferencesContract } from '../../../../shared/ipc/contract/conferences';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The conferences channels (`shared/ipc/contract/conferences.ts`): each a thin call into a service. */
export function conferencesHandlers({ conferences, live }: Register): HandlerMap<keyof typeof conferencesContract> {
  return {
    'families.search': async (i) => conferences.searchFamilies(i.search),
    'families.matches': async (i) => conferences.matches(i.family, i.children),
    'conferences.list': async (i) => conferences.list(i),
    'conferences.get': async (i) => conferences.get(i.id),
    'conferences.create': async (i) => conferences.create(i),
    'conferences.update': async (i) => live.update(i),
    'conferences.cancel': async (i) => live.cancel(i.id, i.reason, i.version),
    'conferences.delete': async (i) => live.remove(i.id),
    'conferences.scheduleReconvened': async (i) => live.scheduleReconvened(i),
    'conferences.adjournments': async () => live.adjournments(),
    'conferences.reportsOutstanding': async (i) => live.reportsOutstanding(i.weeks),
  };
}
