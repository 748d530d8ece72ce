/**
 * Calendar dates as `YYYY-MM-DD` strings, the one date format the register stores and the
 * contract carries. Arithmetic is done on whole day numbers (days since 1970-01-01, UTC) so
 * no time zone or daylight-saving change can move a deadline.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so 2025-02-30 is false). */
export function isIsoDate(value: string): boolean {
  return toDayNumberOrNull(value) !== null;
}

function toDayNumberOrNull(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.round(ms / 86_400_000);
}

/** Day number of an ISO date; throws a RangeError naming the value when it is not a real date. */
export function toDayNumber(value: string): number {
  const n = toDayNumberOrNull(value);
  if (n === null) throw new RangeError(`"${value}" is not a real date in the form YYYY-MM-DD`);
  return n;
}

/** The ISO date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getUTCDay`. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** Adds calendar days (not working days). */
export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Today's ISO date in the local time zone of the given instant (the caller supplies "now"). */
export function localIsoDate(instant: Date): string {
  const y = instant.getFullYear();
  const m = instant.getMonth() + 1;
  const d = instant.getDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The months' names, January first, as GOV.UK style writes them in dates. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "Monday 5 January 2026": the long form GOV.UK style uses in text. */
export function formatLongDate(isoDate: string): string {
  const dn = toDayNumber(isoDate);
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${days[weekdayOf(dn)]} ${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
