import type { z } from 'zod';
import { reportDueDate } from '../../../../shared/conference-deadlines';
import { localIsoDate } from '../../../../shared/dates';
import { protocolSchema, type Protocol } from '../../../../shared/escalation-protocols';
import {
  adjournmentCounts,
  adjournmentRecords,
  columnTotals,
  endOfCount,
  escalationRecords,
  escalationsReport,
  previousYear,
  repeatRows,
  repeatYearFrom,
  tableRows,
  type EscalationFact,
  type RecordRef,
  type ReportName,
  type ReportPeriod,
} from '../../../../shared/reports';
import {
  MAX_REPORT_RECORDS,
  type Report,
  type ReportRecords,
  type ReportTablesOutput,
  type reportInputSchema,
  type reportRecordsInputSchema,
} from '../../../../shared/schemas/reports';
import type { ReportDueDates } from '../db/repositories/reports-repository';
import type { CalendarService } from './calendar-service';
import type { ServiceContext } from './context';
import { timescales } from './live-conference-service';
import type { SettingsService } from './settings-service';
import { invalid } from './errors';

/**
 * The numbers managers and the partnership report: each report read for a period and the same
 * period a year before, counted by the pure rules in `shared/reports.ts`. Reads only.
 */
export function createReportsService(
  ctx: ServiceContext<'reports'>,
  settings: SettingsService,
  calendar: CalendarService,
) {
  const repo = ctx.repos.reports;
  const today = () => localIsoDate(ctx.now());

  /** When reports were due for each date with a held conference, deciding as initial or review. */
  async function dueDates(p: ReportPeriod): Promise<ReportDueDates[]> {
    const s = timescales(await settings.get());
    const cal = await calendar.calendarFor();
    return (await repo.heldDates(p)).map((date) => ({
      date,
      initial: reportDueDate(date, 'initial', s, cal),
      review: reportDueDate(date, 'review', s, cal),
    }));
  }

  async function escalationFacts(p: ReportPeriod): Promise<EscalationFact[]> {
    const protocols = new Map<string, Protocol>();
    return (await repo.escalations(p)).map(({ protocolDefinition, stages, ...e }) => {
      let protocol = protocols.get(protocolDefinition);
      if (!protocol) {
        protocol = protocolSchema.parse(JSON.parse(protocolDefinition) as unknown);
        protocols.set(protocolDefinition, protocol);
      }
      const spec = protocol;
      return {
        ...e,
        stages: stages.map((s) => ({
          ...s,
          clocked: !(spec.stages.find((x) => x.number === s.number)?.followsResolution ?? false),
        })),
      };
    });
  }

  async function tables(report: ReportName, p: ReportPeriod): Promise<ReportTablesOutput> {
    const plain = (
      counted: Record<string, ReturnType<typeof tableRows>>,
      totals: Record<string, Record<string, number>> = {},
    ) => ({
      tables: counted,
      totals: Object.fromEntries(
        Object.entries(counted).map(([table, rows]) => [table, totals[table] ?? columnTotals(report, table, rows)]),
      ),
      timeToResolution: null,
      learning: [],
    });
    switch (report) {
      case 'conferences': {
        const c = await repo.conferenceCounts(p);
        return plain(
          {
            type: tableRows(report, 'type', c.type),
            outcome: tableRows(report, 'outcome', c.outcome),
            category: tableRows(report, 'category', c.category),
            adjournment: tableRows(report, 'adjournment', adjournmentCounts(await repo.adjournments(p), today())),
          },
          c.totals,
        );
      }
      case 'attendance':
        return plain({ agency: tableRows(report, 'agency', await repo.attendanceCounts(p, await dueDates(p))) });
      case 'returns': {
        const perAgency = await repo.returnsCounts(p, repeatYearFrom(p));
        const standing = perAgency.filter((a) => (a.counts['total'] ?? 0) > 0);
        const byReason = ['did-not-attend', 'no-report', 'late-report', 'other'].map((key, i) => {
          const measure = ['didNotAttend', 'noReport', 'lateReport', 'other'][i] ?? '';
          return { key, counts: { incidents: standing.reduce((sum, a) => sum + (a.counts[measure] ?? 0), 0) } };
        });
        return plain({
          agency: tableRows(report, 'agency', standing),
          reason: tableRows(report, 'reason', byReason),
          repeat: tableRows(report, 'repeat', repeatRows(perAgency)),
        });
      }
      case 'escalations':
        return escalationsReport(await escalationFacts(p), p, today(), await calendar.calendarFor());
    }
  }

  async function records(
    i: z.output<typeof reportRecordsInputSchema>,
  ): Promise<{ records: RecordRef[]; total: number }> {
    const p = { from: i.from, to: i.to };
    const want = { table: i.table, key: i.key, measure: i.measure };
    const cut = (all: RecordRef[]) => ({ records: all.slice(0, MAX_REPORT_RECORDS), total: all.length });
    if (i.report === 'escalations') return cut(escalationRecords(await escalationFacts(p), p, today(), want));
    if (i.report === 'conferences' && i.table === 'adjournment')
      return cut(adjournmentRecords(await repo.adjournments(p), today(), i.key));
    const found = await repo.records(
      i.report,
      p,
      want,
      { dues: i.report === 'attendance' ? await dueDates(p) : [], yearFrom: repeatYearFrom(p) },
      MAX_REPORT_RECORDS,
    );
    if (!found) throw invalid('measure', `The ${i.report} report has no count “${i.measure}” in “${i.table}”`);
    return found;
  }

  return {
    /** A report for a period, with the same period a year before beside it. */
    async get(i: z.output<typeof reportInputSchema>): Promise<Report> {
      const period = { from: i.from, to: i.to };
      const previousPeriod = previousYear(period);
      return {
        report: i.report,
        period,
        previousPeriod,
        current: await tables(i.report, period),
        previous: await tables(i.report, previousPeriod),
        countedOn: endOfCount(period, today()),
      };
    },

    /** The records behind one count: the same rule that counted them lists them. */
    async records(i: z.output<typeof reportRecordsInputSchema>): Promise<ReportRecords> {
      return records(i);
    },

    /** The four reports for 1 January to 31 December of `year`, each with the year before (the annual return). */
    async annual(year: number): Promise<{ [R in ReportName]: Report }> {
      const period = { from: `${year}-01-01`, to: `${year}-12-31` };
      return {
        conferences: await this.get({ report: 'conferences', ...period }),
        attendance: await this.get({ report: 'attendance', ...period }),
        returns: await this.get({ report: 'returns', ...period }),
        escalations: await this.get({ report: 'escalations', ...period }),
      };
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
