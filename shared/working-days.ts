import { fromDayNumber, toDayNumber, weekdayOf, yearOf } from './dates';

/**
 * Working days: Monday to Friday, less the bank holidays of the partnership's division and any
 * extra closure days the unit sets. Every timescale in the procedures (report deadlines, the
 * 15-working-day adjournment, escalation stage limits) counts these.
 *
 * A calendar is a plain value built once and passed in: rules never look up holidays or "today"
 * for themselves.
 */
export interface WorkingDayCalendar {
  /** Day numbers (see `dates.ts`) of weekday closures: bank holidays and unit closure days. */
  readonly closed: ReadonlySet<number>;
  /** First and last year the bank-holiday data covers; `null` when there is none at all. */
  readonly coverage: { readonly from: number; readonly to: number } | null;
}

export function createCalendar(input: {
  holidays: readonly string[];
  closures?: readonly string[];
  coverage: { from: number; to: number } | null;
}): WorkingDayCalendar {
  const closed = new Set<number>();
  for (const d of input.holidays) closed.add(toDayNumber(d));
  for (const d of input.closures ?? []) closed.add(toDayNumber(d));
  return { closed, coverage: input.coverage };
}

function isWorkingDayNumber(dn: number, calendar: WorkingDayCalendar): boolean {
  const wd = weekdayOf(dn);
  return wd !== 0 && wd !== 6 && !calendar.closed.has(dn);
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(date), calendar);
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`The number of working days must be a whole number of 0 or more (got ${n})`);
  }
}

/**
 * The n-th working day strictly after `date` (n = 0 gives `date` itself).
 * Example: 15 working days after Friday 19 December 2025 (England and Wales) is 14 January 2026,
 * skipping Christmas Day, Boxing Day and New Year's Day.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingDayCalendar): string {
  assertCount(n);
  let dn = toDayNumber(date);
  let left = n;
  while (left > 0) {
    dn += 1;
    if (isWorkingDayNumber(dn, calendar)) left -= 1;
  }
  return fromDayNumber(dn);
}

/**
 * The n-th working day strictly before `date` (n = 0 gives `date` itself). A report due
 * "2 working days before" a Monday conference is due the Thursday before.
 */
export function subtractWorkingDays(date: string, n: number, calendar: WorkingDayCalendar): string {
  assertCount(n);
  let dn = toDayNumber(date);
  let left = n;
  while (left > 0) {
    dn -= 1;
    if (isWorkingDayNumber(dn, calendar)) left -= 1;
  }
  return fromDayNumber(dn);
}

/**
 * Working days from `from` to `to`: the count of working days after `from` up to and including
 * `to`; negative when `to` is before `from`. So a deadline `addWorkingDays(d, 5)` is 5 working
 * days after `d`, and 0 means due on `from` itself.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingDayCalendar): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let dn = lo + 1; dn <= hi; dn += 1) if (isWorkingDayNumber(dn, calendar)) count += 1;
  return sign * count;
}

/**
 * A warning when any of the dates falls outside the years the bank-holiday data covers: a
 * deadline there skips weekends but cannot know that year's bank holidays. `null` when all are
 * covered. Shown to the user next to the date, never dropped.
 */
export function coverageWarning(calendar: WorkingDayCalendar, ...dates: string[]): string | null {
  const coverage = calendar.coverage;
  if (!coverage) {
    return 'No bank-holiday data is loaded, so bank holidays are not counted. Import a bank-holidays file in Settings.';
  }
  const outside = dates.filter((d) => yearOf(d) > coverage.to || yearOf(d) < coverage.from);
  if (outside.length === 0) return null;
  const first = outside[0] ?? '';
  const beyond = yearOf(first) > coverage.to;
  return (
    `Bank holidays are known for ${coverage.from} to ${coverage.to} only; ${first} is ` +
    `${beyond ? 'after' : 'before'} that, so bank holidays in ${yearOf(first)} are not counted. ` +
    'Import a newer bank-holidays file in Settings.'
  );
}
