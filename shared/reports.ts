import { addMonths } from './conference-deadlines';
import { addDays, toDayNumber } from './dates';
import { ESCALATION_REASON_LABELS, REPEAT_IN_PERIOD, REPEAT_IN_YEAR } from './schemas/agency-escalation';
import { CONFERENCE_TYPE_LABELS, type ConferenceType } from './schemas/conference';
import { NATURE_LABELS, type Nature } from './schemas/escalation';
import { CATEGORY_LABELS, type Category } from './schemas/live-conference';
import { workingDaysBetween, type WorkingDayCalendar } from './working-days';

/**
 * The numbers managers and the partnership report (issue 12; the generic procedure's "numbers of
 * escalations and the types of challenges resolved", Kirklees' learning shared with the business
 * unit). Each report is a pure count over facts the repositories read for a period: every fact
 * says which cells (table, row key, measure) it counts in, so a count and the records behind it
 * ("every count leads to the records behind it") come from the one function and cannot disagree.
 */

export const REPORT_NAMES = ['conferences', 'attendance', 'returns', 'escalations'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** A period, both dates inclusive. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** The same period a year before (29 February becomes 28 February). */
export function previousYear(p: ReportPeriod): ReportPeriod {
  return { from: addMonths(p.from, -12), to: addMonths(p.to, -12) };
}

export function inPeriod(date: string | null, p: ReportPeriod): boolean {
  return date !== null && date >= p.from && date <= p.to;
}

/** One measure of a table, with the words a screen, a CSV header and the annual return use. */
export interface MeasureSpec {
  id: string;
  label: string;
}

/** A table of a report: its rows are keyed (an agency, a category…), its columns are measures. */
export interface TableSpec {
  id: string;
  title: string;
  /** The heading of the key column. */
  keyLabel: string;
  measures: readonly MeasureSpec[];
  /** What the chart of this table shows: the measure drawn (the first when not said). */
  chartMeasure?: string;
}

const m = (id: string, label: string): MeasureSpec => ({ id, label });

const ESCALATION_MEASURES = [
  m('opened', 'Opened'),
  m('resolved', 'Resolved'),
  m('closedUnresolved', 'Closed unresolved'),
  m('open', 'Open at the end'),
  m('overdue', 'Overdue at the end'),
];

/** Every report's tables, in the order screens, files and the annual return show them. */
export const REPORT_TABLES: { readonly [R in ReportName]: readonly TableSpec[] } = {
  conferences: [
    { id: 'type', title: 'Conferences held, by type', keyLabel: 'Type', measures: [m('held', 'Held')] },
    {
      id: 'outcome',
      title: 'Decisions for children, by how they were reached',
      keyLabel: 'Outcome',
      measures: [m('decisions', 'Decisions')],
    },
    {
      id: 'category',
      title: 'Plans started, continued and ended, by category',
      keyLabel: 'Category',
      measures: [m('started', 'Started'), m('continued', 'Continued'), m('ended', 'Ended')],
      chartMeasure: 'started',
    },
    {
      id: 'adjournment',
      title: 'Adjournments against the 15-working-day limit',
      keyLabel: 'Reconvened conference',
      measures: [m('adjourned', 'Adjourned conferences')],
    },
  ],
  attendance: [
    {
      id: 'agency',
      title: 'Attendance and reports, by agency',
      keyLabel: 'Agency',
      measures: [
        m('invited', 'Invited'),
        m('attended', 'Attended'),
        m('apologies', 'Apologies'),
        m('didNotAttend', 'Did not attend'),
        m('reportsOnTime', 'Reports on time'),
        m('reportsLate', 'Reports late'),
        m('reportsMissing', 'Reports missing'),
      ],
      chartMeasure: 'didNotAttend',
    },
  ],
  returns: [
    {
      id: 'agency',
      title: 'Appendix 3 incidents, by agency',
      keyLabel: 'Agency',
      measures: [
        m('didNotAttend', ESCALATION_REASON_LABELS['did-not-attend']),
        m('noReport', ESCALATION_REASON_LABELS['no-report']),
        m('lateReport', ESCALATION_REASON_LABELS['late-report']),
        m('other', ESCALATION_REASON_LABELS.other),
        m('total', 'All incidents'),
      ],
      chartMeasure: 'total',
    },
    {
      id: 'reason',
      title: 'Appendix 3 incidents, by reason',
      keyLabel: 'Reason',
      measures: [m('incidents', 'Incidents')],
    },
    {
      id: 'repeat',
      title: 'Repeat non-attendance',
      keyLabel: 'Agency',
      measures: [m('inPeriod', 'Did not attend in the period'), m('last12Months', 'In the 12 months to its end')],
    },
  ],
  escalations: [
    {
      id: 'challenged-agency',
      title: 'Escalations, by challenged agency',
      keyLabel: 'Challenged agency',
      measures: ESCALATION_MEASURES,
    },
    {
      id: 'initiating-agency',
      title: 'Escalations, by initiating agency',
      keyLabel: 'Initiating agency',
      measures: ESCALATION_MEASURES,
    },
    {
      id: 'nature',
      title: 'Escalations, by nature of the difference',
      keyLabel: 'Nature',
      measures: ESCALATION_MEASURES,
    },
    { id: 'protocol', title: 'Escalations, by protocol', keyLabel: 'Protocol', measures: ESCALATION_MEASURES },
    {
      id: 'stage',
      title: 'Escalations, by highest stage reached',
      keyLabel: 'Highest stage',
      measures: ESCALATION_MEASURES,
    },
    {
      id: 'risk',
      title: 'Escalations where a child was at immediate risk',
      keyLabel: 'Immediate risk',
      measures: ESCALATION_MEASURES,
    },
  ],
};

export function tableSpec(report: ReportName, table: string): TableSpec | undefined {
  return REPORT_TABLES[report].find((t) => t.id === table);
}

/** A cell a fact counts in. */
export interface Cell {
  table: string;
  key: string;
  measure: string;
}

/** A row of a table: its key, the key in words, and a count per measure. */
export interface ReportRow {
  key: string;
  label: string;
  counts: Record<string, number>;
}

/** A report for one period: each table's rows, and each table's totals counted once per record. */
export interface ReportTables {
  tables: Record<string, ReportRow[]>;
  /** Records counted per measure (not the sum of the rows: an escalation of two natures counts once). */
  totals: Record<string, Record<string, number>>;
}

/** A record behind a count, to open from the report. */
export interface RecordRef {
  kind: 'conference' | 'escalation' | 'agency-escalation';
  id: number;
  /** The conference an agency escalation came from, to open it there. */
  conferenceId: number | null;
  date: string;
  text: string;
}

/** How a report counts its facts: the cells each counts in, the words for a key, the record it is. */
interface Counter<F> {
  report: ReportName;
  cells(f: F): Cell[];
  label(table: string, key: string): string;
  record(f: F): RecordRef;
  /** The order of a table's rows (default: the key's words). */
  order?(table: string): readonly string[] | undefined;
}

const zeros = (spec: TableSpec): Record<string, number> => Object.fromEntries(spec.measures.map((x) => [x.id, 0]));

function tally<F>(facts: readonly F[], counter: Counter<F>): ReportTables {
  const specs = REPORT_TABLES[counter.report];
  const rows = new Map<string, Map<string, ReportRow>>();
  const totals: Record<string, Record<string, number>> = {};
  for (const spec of specs) {
    rows.set(spec.id, new Map());
    totals[spec.id] = zeros(spec);
  }
  for (const f of facts) {
    const counted = new Set<string>();
    for (const c of counter.cells(f)) {
      const spec = specs.find((s) => s.id === c.table);
      const table = rows.get(c.table);
      if (!spec || !table) continue;
      let row = table.get(c.key);
      if (!row) {
        row = { key: c.key, label: counter.label(c.table, c.key), counts: zeros(spec) };
        table.set(c.key, row);
      }
      row.counts[c.measure] = (row.counts[c.measure] ?? 0) + 1;
      const once = `${c.table}\u0000${c.measure}`;
      const total = totals[c.table];
      if (!counted.has(once) && total) {
        counted.add(once);
        total[c.measure] = (total[c.measure] ?? 0) + 1;
      }
    }
  }
  const tables: Record<string, ReportRow[]> = {};
  for (const spec of specs) {
    const order = counter.order?.(spec.id);
    const list = [...(rows.get(spec.id)?.values() ?? [])];
    if (order) {
      // A fixed order (types, outcomes, categories): every row shown, zero or not.
      tables[spec.id] = order.map(
        (key) => list.find((r) => r.key === key) ?? { key, label: counter.label(spec.id, key), counts: zeros(spec) },
      );
    } else {
      tables[spec.id] = list.sort((a, b) => a.label.localeCompare(b.label, 'en-GB') || a.key.localeCompare(b.key));
    }
  }
  return { tables, totals };
}

function drill<F>(
  facts: readonly F[],
  counter: Counter<F>,
  want: { table: string; key?: string; measure: string },
): RecordRef[] {
  return facts
    .filter((f) =>
      counter
        .cells(f)
        .some(
          (c) => c.table === want.table && c.measure === want.measure && (want.key === undefined || c.key === want.key),
        ),
    )
    .map((f) => counter.record(f))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

// ---------------------------------------------------------------------------------------------
// Conferences, attendance and returns: counted in SQL (the reports repository holds each
// measure's condition, used both to count and to list the records), labelled and ordered here.

/** A row as counted: its key and a count per measure. */
export interface MeasureCounts {
  key: string;
  counts: Record<string, number>;
}

export const CONFERENCE_OUTCOMES = [
  'unanimous',
  'majority',
  'equally-divided',
  'chair-decision',
  'reconvened',
  'principal-officer-review',
] as const;
const OUTCOME_LABELS: Record<(typeof CONFERENCE_OUTCOMES)[number], string> = {
  unanimous: 'Unanimous',
  majority: 'Majority (minority reasons recorded)',
  'equally-divided': 'Equally divided: adjourned',
  'chair-decision': 'Chair’s decision at a reconvened conference',
  reconvened: 'Decided at a reconvened conference',
  'principal-officer-review': 'Escalated to a Principal Officer review',
};

export const ADJOURNMENT_STATES = ['within-limit', 'beyond-limit', 'not-scheduled', 'not-scheduled-overdue'] as const;
export type AdjournmentState = (typeof ADJOURNMENT_STATES)[number];
const ADJOURNMENT_LABELS: Record<AdjournmentState, string> = {
  'within-limit': 'Reconvened within 15 working days',
  'beyond-limit': 'Reconvened after the limit',
  'not-scheduled': 'Not yet reconvened, within the limit',
  'not-scheduled-overdue': 'Not reconvened, past the limit',
};

const NO_CATEGORY = 'not-recorded';
const REASON_KEYS = ['did-not-attend', 'no-report', 'late-report', 'other'] as const;

/** A row's key in words. */
export function keyLabel(report: ReportName, table: string, key: string): string {
  if (report === 'conferences') {
    if (table === 'type') return CONFERENCE_TYPE_LABELS[key as ConferenceType] ?? key;
    if (table === 'outcome') return OUTCOME_LABELS[key as keyof typeof OUTCOME_LABELS] ?? key;
    if (table === 'adjournment') return ADJOURNMENT_LABELS[key as AdjournmentState] ?? key;
    if (table === 'category')
      return key === NO_CATEGORY ? 'Category not recorded' : (CATEGORY_LABELS[key as Category] ?? key);
  }
  if (report === 'returns' && table === 'reason')
    return ESCALATION_REASON_LABELS[key as keyof typeof ESCALATION_REASON_LABELS] ?? key;
  if (report === 'escalations') {
    if (table === 'nature') return NATURE_LABELS[key as Nature] ?? key;
    if (table === 'stage') return `Stage ${key}`;
    if (table === 'risk') return key === 'immediate' ? 'Immediate risk' : 'Not at immediate risk';
  }
  return key;
}

/** A table whose rows are always shown in this order, zero or not (types, outcomes, reasons…). */
function fixedOrder(report: ReportName, table: string): readonly string[] | undefined {
  if (report === 'conferences') {
    if (table === 'type') return ['initial', 'review', 'reconvened'];
    if (table === 'outcome') return CONFERENCE_OUTCOMES;
    if (table === 'adjournment') return ADJOURNMENT_STATES;
    if (table === 'category') return [...Object.keys(CATEGORY_LABELS), NO_CATEGORY];
  }
  if (report === 'returns' && table === 'reason') return REASON_KEYS;
  if (report === 'escalations' && table === 'risk') return ['immediate', 'not-immediate'];
  return undefined;
}

/**
 * The rows of a table from its counts: labelled, every measure present, in the table's fixed
 * order (a category with nothing in it is left out) or else by their words.
 */
export function tableRows(report: ReportName, table: string, counted: readonly MeasureCounts[]): ReportRow[] {
  const spec = tableSpec(report, table);
  const measures = spec?.measures.map((x) => x.id) ?? [];
  const row = (key: string, counts: Record<string, number> = {}): ReportRow => ({
    key,
    label: keyLabel(report, table, key),
    counts: Object.fromEntries(measures.map((m) => [m, counts[m] ?? 0])),
  });
  const order = fixedOrder(report, table);
  if (order) {
    const rows = order.map((key) => row(key, counted.find((c) => c.key === key)?.counts));
    return table === 'category' ? rows.filter((r) => Object.values(r.counts).some((n) => n > 0)) : rows;
  }
  return counted
    .map((c) => row(c.key, c.counts))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB') || a.key.localeCompare(b.key));
}

/** Sums of each measure over a table's rows (right where each record is in one row). */
export function columnTotals(report: ReportName, table: string, rows: readonly ReportRow[]): Record<string, number> {
  const measures = tableSpec(report, table)?.measures.map((x) => x.id) ?? [];
  return Object.fromEntries(measures.map((m) => [m, rows.reduce((s, r) => s + (r.counts[m] ?? 0), 0)]));
}

/** A conference held in the period that adjourned, and the conference that reconvenes it, if any. */
export interface AdjournmentFact {
  kind: 'adjournment';
  conferenceId: number;
  date: string;
  /** The latest day to reconvene (15 working days; the earliest of its children's). */
  reconveneBy: string | null;
  /** The reconvening conference's date (not cancelled), or null when none is scheduled. */
  reconvenedOn: string | null;
  text: string;
}

/** Where an adjournment stands against its limit, as of `today`. */
export function adjournmentState(f: AdjournmentFact, today: string): AdjournmentState {
  const limit = f.reconveneBy ?? f.date;
  if (f.reconvenedOn !== null) return f.reconvenedOn <= limit ? 'within-limit' : 'beyond-limit';
  return today > limit ? 'not-scheduled-overdue' : 'not-scheduled';
}

export function adjournmentCounts(facts: readonly AdjournmentFact[], today: string): MeasureCounts[] {
  return ADJOURNMENT_STATES.map((key) => ({
    key,
    counts: { adjourned: facts.filter((f) => adjournmentState(f, today) === key).length },
  }));
}

export function adjournmentRecords(
  facts: readonly AdjournmentFact[],
  today: string,
  key: string | undefined,
): RecordRef[] {
  return facts
    .filter((f) => key === undefined || adjournmentState(f, today) === key)
    .map((f) => ({ kind: 'conference' as const, id: f.conferenceId, conferenceId: null, date: f.date, text: f.text }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

/** The first day of the 12 months to a period's end, over which repeat non-attendance is read. */
export function repeatYearFrom(period: ReportPeriod): string {
  return addDays(period.to, -364);
}

/** Repeat non-attendance, as the Returns screen says it: twice in the period, or three times in the 12 months to its end. */
export function repeatRows(perAgency: readonly MeasureCounts[]): MeasureCounts[] {
  return perAgency
    .filter(
      (a) => (a.counts['didNotAttend'] ?? 0) >= REPEAT_IN_PERIOD || (a.counts['last12Months'] ?? 0) >= REPEAT_IN_YEAR,
    )
    .map((a) => ({
      key: a.key,
      counts: { inPeriod: a.counts['didNotAttend'] ?? 0, last12Months: a.counts['last12Months'] ?? 0 },
    }));
}

// ---------------------------------------------------------------------------------------------
// Professional disagreement escalations.

export interface EscalationStageFact {
  number: number;
  openedOn: string;
  dueOn: string;
  closedOn: string | null;
  /** False for a stage that follows resolution (Kirklees' restorative debrief): it has no clock. */
  clocked: boolean;
}

export interface EscalationFact {
  id: number;
  openedOn: string;
  closedOn: string | null;
  status: 'open' | 'resolved' | 'closed-unresolved';
  initiatingAgency: string;
  challengedAgency: string;
  natures: Nature[];
  protocol: string;
  immediateRisk: boolean;
  stages: EscalationStageFact[];
  learning: string | null;
  restorativeDebrief: string | null;
  text: string;
}

/** Open on `day`: opened by then and not closed by then. */
export function openOn(f: EscalationFact, day: string): boolean {
  return f.openedOn <= day && (f.closedOn === null || f.closedOn > day);
}

/** The stage in hand on `day`: opened by then and not closed by then (the highest, if several). */
export function stageOn(f: EscalationFact, day: string): EscalationStageFact | null {
  const current = f.stages.filter((s) => s.openedOn <= day && (s.closedOn === null || s.closedOn > day));
  return current.sort((a, b) => b.number - a.number)[0] ?? null;
}

/** Overdue on `day`: open, and the stage in hand has a clock whose due date has passed. */
export function overdueOn(f: EscalationFact, day: string): boolean {
  if (!openOn(f, day)) return false;
  const s = stageOn(f, day);
  return s !== null && s.clocked && toDayNumber(s.dueOn) < toDayNumber(day);
}

/** The highest stage with a clock reached by `day`. */
export function highestStage(f: EscalationFact, day: string): number {
  const reached = f.stages.filter((s) => s.clocked && s.openedOn <= day).map((s) => s.number);
  return reached.length > 0 ? Math.max(...reached) : (f.stages[0]?.number ?? 1);
}

/**
 * The day the counts of "open" and "overdue" are taken: the period's end, or today when the
 * period has not ended yet (a stage due next week is not overdue today).
 */
export function endOfCount(period: ReportPeriod, today: string): string {
  return period.to < today ? period.to : today;
}

export const ESCALATION_REPORT_KEYS = [
  'challenged-agency',
  'initiating-agency',
  'nature',
  'protocol',
  'stage',
] as const;
export type EscalationReportKey = (typeof ESCALATION_REPORT_KEYS)[number];

function escalationKeys(f: EscalationFact, table: string, end: string): string[] {
  switch (table) {
    case 'challenged-agency':
      return [f.challengedAgency];
    case 'initiating-agency':
      return [f.initiatingAgency];
    case 'nature':
      return f.natures.length > 0 ? f.natures : ['other'];
    case 'protocol':
      return [f.protocol];
    case 'stage':
      return [String(highestStage(f, end))];
    case 'risk':
      return [f.immediateRisk ? 'immediate' : 'not-immediate'];
    default:
      return [];
  }
}

/** The measures an escalation counts in for a period (opened, resolved… in it; open, overdue at its end). */
export function escalationMeasures(f: EscalationFact, period: ReportPeriod, today: string): string[] {
  const end = endOfCount(period, today);
  const measures: string[] = [];
  if (inPeriod(f.openedOn, period)) measures.push('opened');
  if (f.status === 'resolved' && inPeriod(f.closedOn, period)) measures.push('resolved');
  if (f.status === 'closed-unresolved' && inPeriod(f.closedOn, period)) measures.push('closedUnresolved');
  if (openOn(f, end)) measures.push('open');
  if (overdueOn(f, end)) measures.push('overdue');
  return measures;
}

function escalationCounter(period: ReportPeriod, today: string): Counter<EscalationFact> {
  const end = endOfCount(period, today);
  return {
    report: 'escalations',
    cells(f) {
      const measures = escalationMeasures(f, period, today);
      return REPORT_TABLES.escalations.flatMap((t) =>
        escalationKeys(f, t.id, end).flatMap((key) => measures.map((measure) => ({ table: t.id, key, measure }))),
      );
    },
    label: (table, key) => keyLabel('escalations', table, key),
    record: (f) => ({ kind: 'escalation', id: f.id, conferenceId: null, date: f.openedOn, text: f.text }),
    order: (table) => fixedOrder('escalations', table),
  };
}

/** What was learned, from the escalations closed in the period. */
export interface LearningEntry {
  escalationId: number;
  closedOn: string;
  status: 'resolved' | 'closed-unresolved';
  challengedAgency: string;
  natures: string[];
  learning: string | null;
  restorativeDebrief: string | null;
}

/** Working days from opening to resolution, for the escalations resolved in the period. */
export interface TimeToResolution {
  resolved: number;
  medianWorkingDays: number | null;
  meanWorkingDays: number | null;
  longestWorkingDays: number | null;
}

export interface EscalationsReport extends ReportTables {
  timeToResolution: TimeToResolution;
  learning: LearningEntry[];
}

export function escalationsReport(
  facts: readonly EscalationFact[],
  period: ReportPeriod,
  today: string,
  calendar: WorkingDayCalendar,
): EscalationsReport {
  const counted = tally(facts, escalationCounter(period, today));
  const days = facts
    .filter((f) => f.status === 'resolved' && f.closedOn !== null && inPeriod(f.closedOn, period))
    .map((f) => Math.max(0, workingDaysBetween(f.openedOn, f.closedOn ?? f.openedOn, calendar)))
    .sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const median =
    days.length === 0
      ? null
      : days.length % 2 === 1
        ? (days[middle] ?? null)
        : ((days[middle - 1] ?? 0) + (days[middle] ?? 0)) / 2;
  const learning = facts
    .filter((f) => f.status !== 'open' && f.closedOn !== null && inPeriod(f.closedOn, period))
    .filter((f) => f.learning || f.restorativeDebrief)
    .map((f) => ({
      escalationId: f.id,
      closedOn: f.closedOn ?? '',
      status: f.status as 'resolved' | 'closed-unresolved',
      challengedAgency: f.challengedAgency,
      natures: f.natures.map((n) => NATURE_LABELS[n]),
      learning: f.learning,
      restorativeDebrief: f.restorativeDebrief,
    }))
    .sort((a, b) => (a.closedOn < b.closedOn ? -1 : a.closedOn > b.closedOn ? 1 : a.escalationId - b.escalationId));
  return {
    ...counted,
    timeToResolution: {
      resolved: days.length,
      medianWorkingDays: median,
      meanWorkingDays: days.length === 0 ? null : Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10,
      longestWorkingDays: days.length === 0 ? null : (days[days.length - 1] ?? null),
    },
    learning,
  };
}

// ---------------------------------------------------------------------------------------------
// The records behind a count.

export interface DrillRequest {
  table: string;
  key?: string;
  measure: string;
}

export function escalationRecords(
  facts: readonly EscalationFact[],
  period: ReportPeriod,
  today: string,
  want: DrillRequest,
): RecordRef[] {
  return drill(facts, escalationCounter(period, today), want);
}
