import type { reportsContract } from '../../../../shared/ipc/contract/reports';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The reports channels (`shared/ipc/contract/reports.ts`): each a thin call into a service. */
export function reportsHandlers({ reports, annualReturn }: Register): HandlerMap<keyof typeof reportsContract> {
  return {
    'reports.get': async (i) => reports.get(i),
    'reports.records': async (i) => reports.records(i),
    'reports.annual': async (i) => annualReturn.make(i),
  };
}
