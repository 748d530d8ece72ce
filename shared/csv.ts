/**
 * CSV as the register writes it: RFC 4180, CRLF line ends, and (in a file) a UTF-8 byte-order
 * mark first, without which Excel reads UTF-8 as the old Windows code page and shows "ZoÃ«".
 */

/** The byte-order mark that starts every CSV file the register writes. */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null;

/**
 * One CSV cell, RFC 4180 quoted. A cell a spreadsheet would run as a formula (starting = + - @
 * or a tab or carriage return) is prefixed with an apostrophe, so opening the file runs nothing.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The lines of a CSV table, without the byte-order mark (for a terminal or a pipe). */
export function csvLines(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV file's text: the byte-order mark, then the table. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvLines(header, rows);
}
