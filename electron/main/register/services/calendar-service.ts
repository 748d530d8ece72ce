import type { z } from 'zod';
import {
  DIVISIONS,
  bankHolidayFeedSchema,
  coveredYears,
  mergeDivisionEvents,
  type BankHolidayEvent,
  type BankHolidayFeed,
  type Division,
} from '../../../../shared/bank-holidays';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { issuesFromZod } from '../../../../shared/ipc/result';
import {
  addWorkingDays,
  coverageWarning,
  createCalendar,
  subtractWorkingDays,
  type WorkingDayCalendar,
} from '../../../../shared/working-days';
import { audit, type ServiceContext } from './context';
import { ServiceError } from './errors';
import type { SettingsService } from './settings-service';
import type { workingDaysInputSchema } from '../../../../shared/ipc/contract/calendar';

/**
 * The working-day calendar: the shipped GOV.UK snapshot, overlaid year by year with any feed an
 * administrator imported, plus the unit's closure days. Built once per division and rebuilt
 * when an import or a settings change alters it.
 */
export function createCalendarService(
  ctx: ServiceContext<'audit' | 'holidays' | 'settings'>,
  settings: () => SettingsService,
) {
  const cache = new Map<Division, WorkingDayCalendar>();

  async function events(division: Division): Promise<{ events: BankHolidayEvent[]; imported: boolean }> {
    const shipped = ctx.snapshot[division]?.events ?? [];
    const imported = await ctx.repos.holidays.events(division);
    return {
      events: imported.length ? mergeDivisionEvents(shipped, imported) : [...shipped],
      imported: imported.length > 0,
    };
  }

  async function calendarFor(division?: Division): Promise<WorkingDayCalendar> {
    const d = division ?? (await settings().get()).division;
    let cal = cache.get(d);
    if (!cal) {
      const list = (await events(d)).events;
      cal = createCalendar({
        holidays: list.map((e) => e.date),
        closures: (await ctx.repos.holidays.closureDays()).map((c) => c.date),
        coverage: coveredYears(list),
      });
      cache.set(d, cal);
    }
    return cal;
  }

  return {
    calendarFor,
    /** A division's calendar as data (the register's division unless one is named): what `calendarFor` is built from. */
    async calendarData(division?: Division) {
      const d = division ?? (await settings().get()).division;
      const list = (await events(d)).events;
      return {
        division: d,
        holidays: list.map((e) => e.date),
        closures: (await ctx.repos.holidays.closureDays()).map((c) => c.date),
        coverage: coveredYears(list),
      };
    },
    invalidate(): void {
      cache.clear();
    },

    async status(): Promise<ChannelOutput<'holidays.status'>> {
      const stored = (await ctx.repos.settings.all()).get('holidaysImportedAt');
      const divisions = [];
      for (const division of DIVISIONS) {
        const { events: list } = await events(division);
        const years = coveredYears(list);
        divisions.push({ division, count: list.length, from: years?.from ?? null, to: years?.to ?? null });
      }
      return {
        source: stored ? 'imported' : 'snapshot',
        importedAt: stored ? (JSON.parse(stored) as string) : null,
        divisions,
      };
    },

    /**
     * Imports a feed (already parsed JSON). Validated whole before anything is written; then each
     * division it carries replaces the years it covers, in one transaction.
     */
    async importFeed(raw: unknown): Promise<{ imported: number; divisions: Division[] }> {
      const parsed = bankHolidayFeedSchema.safeParse(raw);
      if (!parsed.success) {
        throw new ServiceError('invalid-input', 'The bank-holidays file was not imported', issuesFromZod(parsed.error));
      }
      const feed: BankHolidayFeed = parsed.data;
      const result = await ctx.db.transaction(async () => {
        let imported = 0;
        const divisions: Division[] = [];
        const held: Record<string, number> = {};
        const now: Record<string, number> = {};
        for (const division of DIVISIONS) {
          const part = feed[division];
          if (!part) continue;
          held[division] = (await ctx.repos.holidays.events(division)).length;
          const merged = mergeDivisionEvents(await ctx.repos.holidays.events(division), part.events);
          await ctx.repos.holidays.replaceDivision(division, merged);
          imported += part.events.length;
          divisions.push(division);
          now[division] = merged.length;
        }
        const at = ctx.now().toISOString();
        await ctx.repos.settings.set('holidaysImportedAt', JSON.stringify(at));
        await audit(
          ctx,
          await settings().actor(),
          'import',
          'bank_holidays',
          1,
          { bankHolidays: held },
          { bankHolidays: now, imported, divisions },
        );
        return { imported, divisions };
      });
      cache.clear();
      return result;
    },

    async calculate(input: z.output<typeof workingDaysInputSchema>) {
      const cal = await calendarFor(input.division);
      const date =
        input.direction === 'add'
          ? addWorkingDays(input.date, input.days, cal)
          : subtractWorkingDays(input.date, input.days, cal);
      return { date, warning: coverageWarning(cal, input.date, date) };
    },
  };
}
export type CalendarService = Awaited<ReturnType<typeof createCalendarService>>;
