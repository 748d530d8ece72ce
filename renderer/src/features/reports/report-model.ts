import { csvFile } from '../../../../shared/csv';
import { REPORT_TABLES, type ReportName, type ReportPeriod, type TableSpec } from '../../../../shared/reports';
import type { Report, ReportTablesOutput } from '../../../../shared/schemas/reports';
import type { RecordRef } from '../../../../shared/reports';
import { last12MonthsPeriod } from '../letters/periods';

/**
 * The Reports screen's pure parts (no DOM, no React): quick periods, the address of a report,
 * a table's rows for both periods side by side, rates, sorting, and the grid that the CSV file
 * and the Excel workbook are both written from, so the downloads say what the screen says.
 */

/** The words for each report on the screen and in file names. */
export const REPORT_LABELS: Readonly<Record<ReportName, string>> = {
  conferences: 'Conferences',
  attendance: 'Agency contribution (attendance and reports)',
  returns: 'Appendix 3 returns',
  escalations: 'Escalations',
};

export const DEFAULT_REPORT: ReportName = 'attendance';

// ---------------------------------------------------------------------------------------------
// Periods.

export interface QuickPeriod {
  id: 'this-year' | 'last-12-months' | 'last-financial-year' | 'last-calendar-year';
  label: string;
  period: ReportPeriod;
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * The quick choices of period, as of `today`: this calendar year so far, the 12 months to today,
 * the last complete financial year (1 April to 31 March, as partnerships' annual reports run) and
 * the last complete calendar year.
 */
export function quickPeriods(today: string): QuickPeriod[] {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  // The financial year that ended most recently: the one ending 31 March this year from April on.
  const fyEnd = month >= 4 ? year : year - 1;
  return [
    { id: 'this-year', label: 'This year so far', period: { from: `${year}-01-01`, to: today } },
    { id: 'last-12-months', label: 'Last 12 months', period: last12MonthsPeriod(today) },
    {
      id: 'last-financial-year',
      label: `Last financial year (April ${fyEnd - 1} to March ${fyEnd})`,
      period: { from: `${fyEnd - 1}-04-01`, to: `${fyEnd}-03-31` },
    },
    {
      id: 'last-calendar-year',
      label: `Last calendar year (${year - 1})`,
      period: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    },
  ];
}

/** The period a report opens with: the last 12 months. */
export function defaultPeriod(today: string): ReportPeriod {
  return last12MonthsPeriod(today);
}

export interface ReportChoice extends ReportPeriod {
  report: ReportName;
}

/** The address of a report, so it can be linked to and bookmarked (see `parseRoute`). */
export function reportPath(choice: ReportChoice): string {
  return `/reports?report=${choice.report}&from=${choice.from}&to=${choice.to}`;
}

// ---------------------------------------------------------------------------------------------
// Rows of a table, both periods side by side.

export interface ComparedRow {
  key: string;
  label: string;
  current: Record<string, number>;
  /** The same row a year before (zeros when the row had no records then). */
  previous: Record<string, number>;
}

function zeros(spec: TableSpec): Record<string, number> {
  return Object.fromEntries(spec.measures.map((m) => [m.id, 0]));
}

/**
 * A table's rows for the period and the year before: every row of either, in the period's order,
 * then the rows only the year before had (an agency invited then and not since).
 */
export function comparedRows(
  spec: TableSpec,
  current: ReportTablesOutput,
  previous: ReportTablesOutput,
): ComparedRow[] {
  const now = current.tables[spec.id] ?? [];
  const before = previous.tables[spec.id] ?? [];
  const beforeByKey = new Map(before.map((r) => [r.key, r]));
  const rows: ComparedRow[] = now.map((r) => ({
    key: r.key,
    label: r.label,
    current: { ...zeros(spec), ...r.counts },
    previous: { ...zeros(spec), ...(beforeByKey.get(r.key)?.counts ?? {}) },
  }));
  const seen = new Set(now.map((r) => r.key));
  for (const r of before) {
    if (!seen.has(r.key))
      rows.push({ key: r.key, label: r.label, current: zeros(spec), previous: { ...zeros(spec), ...r.counts } });
  }
  return rows;
}

/** A table's totals for both periods (records counted once, not the sum of the rows). */
export function comparedTotals(
  spec: TableSpec,
  current: ReportTablesOutput,
  previous: ReportTablesOutput,
): { current: Record<string, number>; previous: Record<string, number> } {
  return {
    current: { ...zeros(spec), ...(current.totals[spec.id] ?? {}) },
    previous: { ...zeros(spec), ...(previous.totals[spec.id] ?? {}) },
  };
}

// ---------------------------------------------------------------------------------------------
// Rates.

/** A rate as a fraction, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "83%": a rate in whole percent; a dash when there is no rate. */
export function formatRate(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** A rate column of a table: worked out from a row's counts. */
export interface RateSpec {
  id: string;
  label: string;
  /** How the rate is worked out, for the table's caption and the README. */
  explanation: string;
  of(counts: Record<string, number>): number | null;
}

const n = (counts: Record<string, number>, measure: string): number => counts[measure] ?? 0;

/**
 * The rates shown beside the counts. Attendance: attended out of invited. Reports on time: out
 * of the reports expected (on time, late or missing; a report marked received without its date
 * is in none of them).
 */
export function rateSpecs(report: ReportName, table: string): RateSpec[] {
  if (report !== 'attendance' || table !== 'agency') return [];
  return [
    {
      id: 'attendanceRate',
      label: 'Attendance rate',
      explanation: 'attended out of invited',
      of: (c) => rate(n(c, 'attended'), n(c, 'invited')),
    },
    {
      id: 'reportsOnTimeRate',
      label: 'Reports on time rate',
      explanation: 'reports on time out of reports on time, late or missing',
      of: (c) => rate(n(c, 'reportsOnTime'), n(c, 'reportsOnTime') + n(c, 'reportsLate') + n(c, 'reportsMissing')),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Sorting.

/** A table's sort: by the key column ('label'), a measure or a rate; null keeps the report's order. */
export interface SortState {
  column: string;
  direction: 'ascending' | 'descending';
}

/** The order a table opens in: attendance by most "did not attend" first; others as reported. */
export function defaultSort(report: ReportName, table: string): SortState | null {
  if (report === 'attendance' && table === 'agency') return { column: 'didNotAttend', direction: 'descending' };
  return null;
}

/** The sort after choosing a column: the same column turns round; a new count starts highest first. */
export function nextSort(current: SortState | null, column: string): SortState {
  if (current?.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'label' ? 'ascending' : 'descending' };
}

/**
 * Rows in a sort's order (the period's values; ties by the key's words), or as reported when
 * there is no sort. The sort is stable, so equal rows keep the report's order.
 */
export function sortRows(
  rows: readonly ComparedRow[],
  sort: SortState | null,
  rates: readonly RateSpec[],
): ComparedRow[] {
  if (sort === null) return [...rows];
  const rateSpec = rates.find((r) => r.id === sort.column);
  const value = (r: ComparedRow): number =>
    rateSpec ? (rateSpec.of(r.current) ?? -1) : sort.column === 'label' ? 0 : (r.current[sort.column] ?? 0);
  const byLabel = (a: ComparedRow, b: ComparedRow) => a.label.localeCompare(b.label, 'en-GB');
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) =>
    sort.column === 'label' ? sign * byLabel(a, b) : sign * (value(a) - value(b)) || byLabel(a, b),
  );
}

// ---------------------------------------------------------------------------------------------
// Files: one grid, written as CSV or as a sheet of the workbook.

export type GridValue = string | number | null;

export interface Grid {
  header: string[];
  rows: GridValue[][];
}

function periodWords(p: ReportPeriod): string {
  return `${p.from} to ${p.to}`;
}

/** Rates in files: a percentage with one decimal place, or empty. */
function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

/**
 * One table as a grid: the key column, then for each measure (and rate) the period's value and
 * the year before's, and a last "Total" row from the report's totals.
 */
export function tableGrid(report: Report, spec: TableSpec): Grid {
  const rates = rateSpecs(report.report, spec.id);
  const now = periodWords(report.period);
  const before = periodWords(report.previousPeriod);
  const header = [
    spec.keyLabel,
    ...spec.measures.flatMap((m) => [`${m.label} (${now})`, `${m.label} (${before})`]),
    ...rates.flatMap((r) => [`${r.label} % (${now})`, `${r.label} % (${before})`]),
  ];
  const line = (label: string, current: Record<string, number>, previous: Record<string, number>): GridValue[] => [
    label,
    ...spec.measures.flatMap((m) => [current[m.id] ?? 0, previous[m.id] ?? 0]),
    ...rates.flatMap((r) => [percent(r.of(current)), percent(r.of(previous))]),
  ];
  const sorted = sortRows(
    comparedRows(spec, report.current, report.previous),
    defaultSort(report.report, spec.id),
    rates,
  );
  const totals = comparedTotals(spec, report.current, report.previous);
  return {
    header,
    rows: [...sorted.map((r) => line(r.label, r.current, r.previous)), line('Total', totals.current, totals.previous)],
  };
}

/** A table's CSV file (with the byte-order mark Excel needs to read "Zoë"). */
export function tableCsv(report: Report, spec: TableSpec): string {
  const grid = tableGrid(report, spec);
  return csvFile(grid.header, grid.rows);
}

/** `cp-register-attendance-2025-12-01-to-2026-11-30`, and the table's id for one table's file. */
export function fileStem(report: Report, table?: string): string {
  const parts = ['cp-register', report.report, ...(table ? [table] : []), report.period.from, 'to', report.period.to];
  return parts.join('-');
}

/** Characters Excel refuses in a sheet's name. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/**
 * Sheet names for a report's tables: Excel allows 31 characters and no `[ ] : * ? / \`, and
 * each must differ. A long title keeps what follows its last comma ("By challenged agency").
 */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const clean = title.replace(SHEET_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
    let name = clean;
    if (name.length > SHEET_MAX) {
      const tail = clean.slice(clean.lastIndexOf(', ') + 2);
      const capitalised = tail.charAt(0).toUpperCase() + tail.slice(1);
      name =
        clean.includes(', ') && capitalised.length <= SHEET_MAX
          ? capitalised
          : `${clean.slice(0, SHEET_MAX - 1).trimEnd()}…`;
    }
    let unique = name;
    for (let i = 2; used.has(unique.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      unique = `${name.slice(0, SHEET_MAX - suffix.length)}${suffix}`;
    }
    used.add(unique.toLowerCase());
    return unique;
  });
}

/** The sheets of a report's workbook: one per table, then (escalations) time to resolution and learning. */
export function workbookSheets(report: Report): { title: string; grid: Grid }[] {
  const sheets = REPORT_TABLES[report.report].map((spec) => ({ title: spec.title, grid: tableGrid(report, spec) }));
  if (report.report === 'escalations') {
    sheets.push({ title: 'Time to resolution', grid: timeToResolutionGrid(report) });
    sheets.push({ title: 'Learning', grid: learningGrid(report) });
  }
  return sheets;
}

/** Working days to resolution, for both periods. */
export function timeToResolutionGrid(report: Report): Grid {
  const now = report.current.timeToResolution;
  const before = report.previous.timeToResolution;
  const row = (label: string, pick: (t: NonNullable<typeof now>) => number | null): GridValue[] => [
    label,
    now ? pick(now) : null,
    before ? pick(before) : null,
  ];
  return {
    header: ['Measure', periodWords(report.period), periodWords(report.previousPeriod)],
    rows: [
      row('Escalations resolved', (t) => t.resolved),
      row('Median working days to resolution', (t) => t.medianWorkingDays),
      row('Mean working days to resolution', (t) => t.meanWorkingDays),
      row('Longest, in working days', (t) => t.longestWorkingDays),
    ],
  };
}

/** What was learned, from the escalations closed in the period. */
export function learningGrid(report: Report): Grid {
  return {
    header: ['Escalation', 'Closed on', 'Status', 'Challenged agency', 'Nature', 'Learning', 'Restorative debrief'],
    rows: report.current.learning.map((l) => [
      l.escalationId,
      l.closedOn,
      l.status === 'resolved' ? 'Resolved' : 'Closed unresolved',
      l.challengedAgency,
      l.natures.join('; '),
      l.learning,
      l.restorativeDebrief,
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// The records behind a count.

/** Where a record behind a count opens: its conference or escalation; an Appendix 3 row, its conference. */
export function recordHref(record: RecordRef): string | null {
  switch (record.kind) {
    case 'conference':
      return `#/conferences/${record.id}`;
    case 'escalation':
      return `#/escalations/${record.id}`;
    case 'agency-escalation':
      return record.conferenceId === null ? null : `#/conferences/${record.conferenceId}`;
  }
}
