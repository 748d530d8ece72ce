import type { TableSpec } from '../../../../shared/reports';
import type { Report } from '../../../../shared/schemas/reports';
import { fileStem, sheetNames, tableCsv, workbookSheets, type Grid } from './report-model';

/**
 * Saves a file made in the renderer: a Blob URL on an `<a download>`, clicked. Browsers and
 * Electron both offer it as a download; nothing is written by the register itself.
 */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download reads the Blob after the click has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One table of a report as a CSV file (UTF-8 with a byte-order mark). */
export function downloadTableCsv(report: Report, spec: TableSpec): void {
  save(new Blob([tableCsv(report, spec)], { type: 'text/csv;charset=utf-8' }), `${fileStem(report, spec.id)}.csv`);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sheetData(grid: Grid) {
  return [
    grid.header.map((value) => ({ value, fontWeight: 'bold' as const, wrap: true })),
    ...grid.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
  ];
}

/** The whole report as an Excel workbook: one sheet per table (written by write-excel-file). */
export async function downloadWorkbook(report: Report): Promise<void> {
  // Loaded when first asked for, so the library is not in every screen's bundle.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheets = workbookSheets(report);
  const names = sheetNames(sheets.map((s) => s.title));
  const blob = await writeXlsxFile(
    sheets.map((s, i) => ({
      sheet: names[i] ?? `Sheet ${i + 1}`,
      data: sheetData(s.grid),
      stickyRowsCount: 1,
      columns: s.grid.header.map((_, c) => ({ width: c === 0 ? 36 : 16 })),
    })),
  ).toBlob();
  save(new Blob([blob], { type: XLSX_TYPE }), `${fileStem(report)}.xlsx`);
}
