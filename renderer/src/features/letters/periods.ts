import { addDays, isIsoDate, localIsoDate } from '../../../../shared/dates';
import type { DateParts } from '../../components/date-parts';

/** A period as the contract carries it: first and last day, `YYYY-MM-DD`, both included. */
export interface Period {
  from: string;
  to: string;
}

/** Today on this computer, as `YYYY-MM-DD`. */
export function today(): string {
  return localIsoDate(new Date());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(on: string): { year: number; month: number; day: number } {
  const [year = 2000, month = 1, day = 1] = on.split('-').map(Number);
  return { year, month, day };
}

/** One day: "all decision letters due today". */
export function dayPeriod(on: string): Period {
  return { from: on, to: on };
}

/** The calendar month `on` falls in, first to last day. */
export function monthPeriod(on: string): Period {
  const { year, month } = parts(on);
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` };
}

/** The calendar month before the one `on` falls in: "all Appendix 3 returns for October". */
export function previousMonthPeriod(on: string): Period {
  const { year, month } = parts(on);
  return month === 1 ? monthPeriod(`${year - 1}-12-01`) : monthPeriod(`${year}-${pad(month - 1)}-01`);
}

/**
 * The 12 months up to and including `on`: from the day after the same date a year earlier
 * (29 February counts from 1 March), so the period is exactly a year long.
 */
export function last12MonthsPeriod(on: string): Period {
  const { year, month, day } = parts(on);
  const sameDayLastYear = `${year - 1}-${pad(month)}-${pad(Math.min(day, lastDayOf(year - 1, month)))}`;
  return { from: addDays(sameDayLastYear, 1), to: on };
}

/** The boxes of a date input filled with an ISO date; empty boxes for anything else. */
export function isoToParts(iso: string): DateParts {
  if (!isIsoDate(iso)) return { day: '', month: '', year: '' };
  const { year, month, day } = parts(iso);
  return { day: String(day), month: String(month), year: String(year) };
}
