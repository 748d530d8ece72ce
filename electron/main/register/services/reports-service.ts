import type { z } from 'zod';
import { reportDueDate } from '../../../../shared/conference-deadlines';
import { localIsoDate } from '../../../../shared/dates';
import { protocolSchema, type Protocol } from '../../../../shared/escalation-protocols';
import {
  attendanceRecords,
  attendanceReport,
  conferenceRecords,
  conferencesReport,
  endOfCount,
  escalationRecords,
  escalationsReport,
  previousYear,
  returnsFactsFrom,
  returnsRecords,
  returnsReport,
  type ConferenceFact,
  type EscalationFact,
  type InvitationFact,
  type RecordRef,
  type ReportName,
  type ReportPeriod,
  type ReportTables,
} from '../../../../shared/reports';
import {
  MAX_REPORT_RECORDS,
  type Report,
  type ReportRecords,
  type ReportTablesOutput,
  type reportInputSchema,
  type reportRecordsInputSchema,
} from '../../../../shared/schemas/reports';
import type { CalendarService } from './calendar-service';
import type { ServiceContext } from './context';
import { timescales } from './live-conference-service';
import type { SettingsService } from './settings-service';

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

  async function conferenceFacts(p: ReportPeriod): Promise<ConferenceFact[]> {
    return [...(await repo.heldConferences(p)), ...(await repo.decisions(p)), ...(await repo.adjournments(p))];
  }

  async function invitationFacts(p: ReportPeriod): Promise<InvitationFact[]> {
    const s = timescales(await settings.get());
    const cal = await calendar.calendarFor();
    // One due date per conference date and kind, however many agencies were invited.
    const due = new Map<string, string>();
    return (await repo.invitations(p)).map((r) => {
      const k = `${r.date}:${r.decidesAs}`;
      let reportDueOn = due.get(k);
      if (reportDueOn === undefined) {
        reportDueOn = reportDueDate(r.date, r.decidesAs, s, cal);
        due.set(k, reportDueOn);
      }
      return {
        conferenceId: r.conferenceId,
        date: r.date,
        agencyName: r.agencyName,
        attendance: r.attendance,
        report: r.report,
        reportReceivedOn: r.reportReceivedOn,
        reportDueOn,
        text: r.text,
      };
    });
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

  const incidentFacts = async (p: ReportPeriod) => repo.incidents({ from: returnsFactsFrom(p), to: p.to });

  async function tables(report: ReportName, p: ReportPeriod): Promise<ReportTablesOutput> {
    const plain = (t: ReportTables): ReportTablesOutput => ({ ...t, timeToResolution: null, learning: [] });
    switch (report) {
      case 'conferences':
        return plain(conferencesReport(await conferenceFacts(p), today()));
      case 'attendance':
        return plain(attendanceReport(await invitationFacts(p)));
      case 'returns':
        return plain(returnsReport(await incidentFacts(p), p));
      case 'escalations':
        return escalationsReport(await escalationFacts(p), p, today(), await calendar.calendarFor());
    }
  }

  async function records(i: z.output<typeof reportRecordsInputSchema>): Promise<RecordRef[]> {
    const p = { from: i.from, to: i.to };
    const want = { table: i.table, key: i.key, measure: i.measure };
    switch (i.report) {
      case 'conferences':
        return conferenceRecords(await conferenceFacts(p), today(), want);
      case 'attendance':
        return attendanceRecords(await invitationFacts(p), want);
      case 'returns':
        return returnsRecords(await incidentFacts(p), p, want);
      case 'escalations':
        return escalationRecords(await escalationFacts(p), p, today(), want);
    }
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
      const all = await records(i);
      return { records: all.slice(0, MAX_REPORT_RECORDS), total: all.length };
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
