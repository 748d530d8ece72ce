import { formatLongDate, localIsoDate } from '../../../shared/dates';

/** "5 January 2020": the long form without the weekday, for dates of birth. */
export function formatDate(isoDate: string): string {
  return formatLongDate(isoDate).replace(/^\S+ /, '');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "5 January 2026 at 14:03": a stored UTC timestamp in this computer's time. */
export function formatDateTime(isoTimestamp: string): string {
  const at = new Date(isoTimestamp);
  if (Number.isNaN(at.getTime())) return isoTimestamp;
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(localIsoDate(at))} at ${time}`;
}

/** "840 bytes", "12 KB", "3.4 MB": a file's size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte', 'bytes');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
