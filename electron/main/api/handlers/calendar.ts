import type { calendarContract } from '../../../../shared/ipc/contract/calendar';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The calendar channels (`shared/ipc/contract/calendar.ts`): each a thin call into a service. */
export function calendarHandlers({ calendar }: Register): HandlerMap<keyof typeof calendarContract> {
  return {
    'holidays.status': async () => calendar.status(),
    'holidays.import': async (i) => calendar.importFeed(i.feed),
    'workingDays.calculate': async (i) => calendar.calculate(i),
    'workingDays.calendar': async (i) => calendar.calendarData(i.division),
  };
}
