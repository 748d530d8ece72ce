import { formatLongDate } from '../../../shared/dates';

/** "5 January 2020": the long form without the weekday, for dates of birth. */
export function formatDate(isoDate: string): string {
  return formatLongDate(isoDate).replace(/^\S+ /, '');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
