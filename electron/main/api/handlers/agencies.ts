import type { agenciesContract } from '../../../../shared/ipc/contract/agencies';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The agencies channels (`shared/ipc/contract/agencies.ts`): each a thin call into a service. */
export function agenciesHandlers({ agencies }: Register): HandlerMap<keyof typeof agenciesContract> {
  return {
    'agencies.list': async (i) => agencies.page(i),
    'agencies.all': async (i) => agencies.list('', i.includeInactive),
    'agencies.get': async (i) => agencies.get(i.id),
    'agencies.findByName': async (i) => agencies.byName(i.name),
    'agencies.import': async (i) => agencies.importCsv(i.csv),
    'agencies.create': async (i) => agencies.create(i),
    'agencies.update': async (i) => agencies.update(i.id, i.fields, i.version),
    'agencies.setActive': async (i) => agencies.setActive(i.id, i.active, i.version),
  };
}
