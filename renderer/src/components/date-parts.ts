/** What the user typed in a GOV.UK date input, box by box. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/**
 * The date as the contract carries it: `YYYY-MM-DD` when the boxes hold a day, month and
 * four-digit year; '' when all are empty; otherwise the raw `YYYY-M-D` text, so the register's
 * own validation says what is wrong rather than the form guessing.
 */
export function datePartsToString(parts: DateParts): string {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return '';
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return `${year}-${month}-${day}`;
}
