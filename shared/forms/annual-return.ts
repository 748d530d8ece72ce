import { barChart, type BarChart } from '../charts';
import { REPORT_NAMES, REPORT_TABLES, type ReportName, type TableSpec } from '../reports';
import type { Report, ReportTablesOutput } from '../schemas/reports';
import { formatDate, type DocumentFrame } from './frame';

/**
 * The partnership's annual return (issue 12): the four reports for 1 January to 31 December of a
 * year, each beside the year before, as tables and bar charts, then the escalations' time to
 * resolution and what was learned at closing. Kirklees shares learning with the partnership's
 * business unit, the generic procedure reports "numbers of escalations and the types of
 * challenges resolved", Croydon feeds its quality improvement group: this is the one document
 * for all three. Pure: built from `reports.get`'s answers, laid out by `pdf/annual-return-pdf.ts`.
 */
export interface AnnualReturnInput {
  year: number;
  partnership: string;
  marking: string;
  /** YYYY-MM-DD: printed as "made on" and fixed as the PDF's creation date. */
  generatedOn: string;
  /** Each report for the year (with the year before), as `reports.get` answers it. */
  reports: { readonly [R in ReportName]: Report };
}

export interface AnnualColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
}

/** A grid of numbers: a header row, and rows whose first cell names the row. */
export interface AnnualGrid {
  /** Which part of a table this is, when a wide table is split to fit A4; null otherwise. */
  caption: string | null;
  columns: AnnualColumn[];
  rows: string[][];
}

/** A table of the return: the numbers in full (in parts, when wide), with its chart. */
export interface AnnualTable {
  id: string;
  title: string;
  grids: AnnualGrid[];
  /** Said instead of rows when nothing was counted in either year. */
  empty: string;
  /** Laid out by `barChart` (as on the Reports screen); null when there is nothing to draw. */
  chart: BarChart | null;
  /** Printed under the chart: what it shows, in words. */
  chartCaption: string | null;
}

/** One escalation's learning, as label and value pairs. */
export interface AnnualLearningEntry {
  heading: string;
  fields: [string, string][];
}

export interface AnnualSection {
  /** Also the contents entry's anchor. */
  id: ReportName | 'learning';
  heading: string;
  paragraphs: string[];
  tables: AnnualTable[];
  /** Escalations only: time from opening to resolution, this year and last. */
  timeToResolution: AnnualTable | null;
  /** Learning and themes only: the themes table and each escalation's learning. */
  themes: AnnualTable | null;
  learning: AnnualLearningEntry[];
}

export interface AnnualReturnModel {
  frame: DocumentFrame;
  title: string;
  /** Under the title on the first page: the partnership, the year, when it was made. */
  titleLines: string[];
  introduction: string[];
  contentsHeading: string;
  contents: { id: AnnualSection['id']; label: string }[];
  sections: AnnualSection[];
}

/** A chart shows at most this many rows (the largest); its table beside it has them all. */
export const MAX_CHART_ROWS = 20;
/**
 * Up to this many measures sit side by side, a column for each year; more, and each year has its
 * own row, so every number keeps a column of its own on A4.
 */
const MEASURES_SIDE_BY_SIDE = 2;
/** At most this many measures in one grid: a wider table is split into parts (attendance's seven). */
const MEASURES_PER_GRID = 5;

const SECTIONS: { readonly [R in ReportName]: { heading: string; intro: string } } = {
  conferences: {
    heading: 'Conferences',
    intro:
      'Conferences held in the year by type, decisions for children by how they were reached, child protection plans started, continued and ended by category, and adjourned conferences against the 15-working-day limit for reconvening.',
  },
  attendance: {
    heading: 'Agency contribution',
    intro:
      'Each agency’s attendance at the conferences it was invited to in the year, and whether its report arrived on time, late or not at all.',
  },
  returns: {
    heading: 'Appendix 3 returns',
    intro:
      'Incidents recorded for agencies’ safeguarding leads (non-attendance, no report, a late report), by agency and by reason, and agencies that repeatedly did not attend.',
  },
  escalations: {
    heading: 'Escalations',
    intro:
      'Professional disagreements escalated under the partnership’s resolution protocols: opened and resolved in the year, and still open or overdue at its end, by agency, nature of the difference, protocol, highest stage reached and immediate risk.',
  },
};

const LEARNING_HEADING = 'Learning and themes';

/** Whole numbers as the reports print them ("1,234"). */
function count(n: number): string {
  return n.toLocaleString('en-GB');
}

interface MergedRow {
  key: string;
  label: string;
  current: Record<string, number>;
  previous: Record<string, number>;
}

/**
 * A table's rows for both years: this year's in its order, then any key counted only last year
 * (a fixed-order table has every key in both years, so only label-ordered tables gain rows; they
 * are ordered by label again, as `shared/reports.ts` orders them).
 */
export function mergedRows(
  current: ReportTablesOutput,
  previous: ReportTablesOutput,
  spec: Pick<TableSpec, 'id'>,
): MergedRow[] {
  const now = current.tables[spec.id] ?? [];
  const before = new Map((previous.tables[spec.id] ?? []).map((r) => [r.key, r]));
  const rows: MergedRow[] = now.map((r) => ({
    key: r.key,
    label: r.label,
    current: r.counts,
    previous: before.get(r.key)?.counts ?? {},
  }));
  const seen = new Set(now.map((r) => r.key));
  const onlyBefore = [...before.values()].filter((r) => !seen.has(r.key));
  if (onlyBefore.length === 0) return rows;
  rows.push(...onlyBefore.map((r) => ({ key: r.key, label: r.label, current: {}, previous: r.counts })));
  return rows.sort((a, b) => a.label.localeCompare(b.label, 'en-GB') || a.key.localeCompare(b.key));
}

/** Splits measures into as few parts as fit, of as even a size as can be (seven: four and three). */
export function measureParts<T>(measures: readonly T[], most = MEASURES_PER_GRID): T[][] {
  const parts = Math.max(1, Math.ceil(measures.length / most));
  const size = Math.ceil(measures.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < measures.length; i += size) out.push(measures.slice(i, i + size));
  return out.length ? out : [[]];
}

/**
 * One report table for the return. One or two measures sit side by side, each with this year's and
 * last year's column; a wider table gives each year its own row (and, past five measures, comes in
 * parts), so every number stays in a column of its own and each header word fits A4.
 */
export function annualTable(
  report: ReportName,
  spec: TableSpec,
  data: Pick<Report, 'current' | 'previous'>,
  year: number,
): AnnualTable {
  const thisYear = String(year);
  const lastYear = String(year - 1);
  const rows = mergedRows(data.current, data.previous, spec);
  const of = (counts: Record<string, number> | undefined, measure: string) => count(counts?.[measure] ?? 0);
  const totals = { current: data.current.totals[spec.id], previous: data.previous.totals[spec.id] };
  const grids: AnnualGrid[] = [];
  if (spec.measures.length <= MEASURES_SIDE_BY_SIDE) {
    const line = (
      label: string,
      now: Record<string, number> | undefined,
      before: Record<string, number> | undefined,
    ) => [label, ...spec.measures.flatMap((m) => [of(now, m.id), of(before, m.id)])];
    grids.push({
      caption: null,
      columns: [
        { header: spec.keyLabel, width: 2.6 },
        ...spec.measures.flatMap((m) => [
          { header: `${m.label}, ${thisYear}`, width: 1 },
          { header: `${m.label}, ${lastYear}`, width: 1 },
        ]),
      ],
      rows: [
        ...rows.map((r) => line(r.label, r.current, r.previous)),
        ...(rows.length ? [line('Total', totals.current, totals.previous)] : []),
      ],
    });
  } else {
    const parts = measureParts(spec.measures);
    parts.forEach((measures, i) => {
      const pair = (
        label: string,
        now: Record<string, number> | undefined,
        before: Record<string, number> | undefined,
      ) => [
        [label, thisYear, ...measures.map((m) => of(now, m.id))],
        [label, lastYear, ...measures.map((m) => of(before, m.id))],
      ];
      grids.push({
        caption:
          parts.length === 1
            ? null
            : `${spec.title}, part ${i + 1} of ${parts.length}: ${measures.map((m) => m.label.toLowerCase()).join(', ')}`,
        columns: [
          { header: spec.keyLabel, width: 1.9 },
          { header: 'Year', width: 0.6 },
          ...measures.map((m) => ({ header: m.label, width: 1 })),
        ],
        rows: [
          ...rows.flatMap((r) => pair(r.label, r.current, r.previous)),
          ...(rows.length ? pair('Total', totals.current, totals.previous) : []),
        ],
      });
    });
  }

  const measureId = spec.chartMeasure ?? spec.measures[0]?.id ?? '';
  const measure = spec.measures.find((m) => m.id === measureId)?.label ?? measureId;
  const bars = rows.map((r) => ({
    key: r.key,
    label: r.label,
    value: r.current[measureId] ?? 0,
    previous: r.previous[measureId] ?? 0,
  }));
  const many = bars.length > MAX_CHART_ROWS;
  // Many rows (agencies, say) would run the chart off the page: it shows the largest, the table all.
  const shown = many
    ? [...bars]
        .sort((a, b) => b.value - a.value || b.previous - a.previous || a.label.localeCompare(b.label, 'en-GB'))
        .slice(0, MAX_CHART_ROWS)
    : bars;
  const chartTitle = many ? `${spec.title}: the ${MAX_CHART_ROWS} largest` : spec.title;
  const chart =
    shown.length === 0
      ? null
      : barChart({ title: chartTitle, measure, rows: shown, currentLabel: thisYear, previousLabel: lastYear });
  return {
    id: `${report}-${spec.id}`,
    title: spec.title,
    grids,
    empty: `Nothing was counted in ${lastYear} or ${thisYear}.`,
    chart,
    chartCaption:
      chart === null
        ? null
        : `The chart shows “${measure}”, ${thisYear} as the thicker bar and ${lastYear} beneath it${
            many ? `, for the ${MAX_CHART_ROWS} largest of ${bars.length}; the table has them all` : ''
          }.`,
  };
}

function days(n: number | null): string {
  return n === null ? 'None resolved' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })}`;
}

/** Working days from opening to resolution, for the escalations resolved in each year. */
export function timeToResolutionTable(data: Pick<Report, 'current' | 'previous'>, year: number): AnnualTable {
  const now = data.current.timeToResolution;
  const before = data.previous.timeToResolution;
  const line = (label: string, pick: (t: NonNullable<typeof now>) => number | null, asDays: boolean) => {
    const cell = (t: typeof now) => {
      const value = t ? pick(t) : null;
      return asDays ? days(value) : count(value ?? 0);
    };
    return [label, cell(now), cell(before)];
  };
  return {
    id: 'escalations-time-to-resolution',
    title: 'Time to resolution',
    grids: [
      {
        caption: null,
        columns: [
          { header: 'Escalations resolved in the year', width: 3 },
          { header: String(year), width: 1 },
          { header: String(year - 1), width: 1 },
        ],
        rows: [
          line('Resolved', (t) => t.resolved, false),
          line('Median working days from opening', (t) => t.medianWorkingDays, true),
          line('Mean working days from opening', (t) => t.meanWorkingDays, true),
          line('Longest, in working days', (t) => t.longestWorkingDays, true),
        ],
      },
    ],
    empty: 'None resolved',
    chart: null,
    chartCaption: null,
  };
}

/** The natures of the differences behind the learning recorded in the year, most frequent first. */
export function themesTable(data: Pick<Report, 'current'>, year: number): AnnualTable {
  const byNature = new Map<string, number>();
  for (const entry of data.current.learning) {
    for (const nature of entry.natures) byNature.set(nature, (byNature.get(nature) ?? 0) + 1);
  }
  const rows = [...byNature.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB'));
  return {
    id: 'learning-themes',
    title: `Themes: the natures of the differences closed with learning recorded in ${year}`,
    grids: [
      {
        caption: null,
        columns: [
          { header: 'Nature of the difference', width: 3 },
          { header: 'Escalations', width: 1 },
        ],
        rows: rows.map(([nature, n]) => [nature, count(n)]),
      },
    ],
    empty: `No learning was recorded at closing in ${year}.`,
    chart: null,
    chartCaption: null,
  };
}

/** Each escalation closed in the year with learning or a restorative debrief recorded. */
export function learningEntries(data: Pick<Report, 'current'>): AnnualLearningEntry[] {
  return data.current.learning.map((e) => ({
    heading: `Escalation ${e.escalationId}, closed ${formatDate(e.closedOn) ?? e.closedOn}`,
    fields: [
      ['Outcome', e.status === 'resolved' ? 'Resolved' : 'Closed unresolved'],
      ['Challenged agency', e.challengedAgency],
      ['Nature of the difference', e.natures.length ? e.natures.join('; ') : 'Not recorded'],
      ['Learning', e.learning?.trim() ? e.learning : 'Not recorded'],
      ['Restorative debrief', e.restorativeDebrief?.trim() ? e.restorativeDebrief : 'Not recorded'],
    ],
  }));
}

export function annualReturnTitle(year: number): string {
  return `Annual return ${year}`;
}

/** The annual return's file name: no record's name, ASCII, ends `.pdf`. */
export function annualReturnFileName(year: number): string {
  return `annual-return-${year}.pdf`;
}

export function annualReturnModel(input: AnnualReturnInput): AnnualReturnModel {
  const { year } = input;
  const title = annualReturnTitle(year);
  const escalations = input.reports.escalations;
  const yearEnd = `${year}-12-31`;
  const countedOn = escalations.countedOn;
  const introduction = [
    `This return counts the register’s records for 1 January to 31 December ${year}, each beside the same period of ${year - 1}. Each table gives the numbers in full; its chart shows one of its counts, ${year} above ${year - 1}.`,
    'Totals count each record once, so a total can be less than the sum of its rows: an escalation about two natures of difference is one escalation.',
  ];
  if (countedOn < yearEnd) {
    introduction.push(
      `The year is not over: what is open or overdue “at the end” is counted on ${formatDate(countedOn) ?? countedOn}, the day this return was made.`,
    );
  }
  const sections: AnnualSection[] = REPORT_NAMES.map((report) => ({
    id: report,
    heading: SECTIONS[report].heading,
    paragraphs: [SECTIONS[report].intro],
    tables: REPORT_TABLES[report].map((spec) => annualTable(report, spec, input.reports[report], year)),
    timeToResolution: report === 'escalations' ? timeToResolutionTable(escalations, year) : null,
    themes: null,
    learning: [],
  }));
  const learning = learningEntries(escalations);
  sections.push({
    id: 'learning',
    heading: LEARNING_HEADING,
    paragraphs: [
      learning.length === 0
        ? `No escalation closed in ${year} had learning or a restorative debrief recorded.`
        : `What was learned, recorded when each escalation was closed in ${year} (${count(learning.length)} escalation${learning.length === 1 ? '' : 's'}), and any restorative debrief, for sharing with the partnership’s business unit.`,
    ],
    tables: [],
    timeToResolution: null,
    themes: themesTable(escalations, year),
    learning,
  });
  return {
    frame: { title, partnership: input.partnership, marking: input.marking, generatedOn: input.generatedOn },
    title,
    titleLines: [
      input.partnership,
      `1 January to 31 December ${year}, compared with ${year - 1}`,
      `Made on ${formatDate(input.generatedOn) ?? input.generatedOn}`,
    ],
    introduction,
    contentsHeading: 'Contents',
    contents: sections.map((s) => ({ id: s.id, label: s.heading })),
    sections,
  };
}
