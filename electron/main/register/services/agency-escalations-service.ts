import type { z } from 'zod';
import { addDays, localIsoDate } from '../../../../shared/dates';
import { happenedProblem } from '../../../../shared/record-dates';
import { describeIssues } from '../../../../shared/ipc/result';
import {
  contributionIncidents,
  REPEAT_IN_PERIOD,
  REPEAT_IN_YEAR,
  type AgencyEscalation,
  type EscalationReason,
  type ReturnSummary,
  type ReturnSummarySort,
  type raiseFromConferenceInputSchema,
  type raiseByHandInputSchema,
  type markSentInputSchema,
} from '../../../../shared/schemas/agency-escalation';
import { compareBy, pageFromSorted, type Page, type PageRequest } from '../../../../shared/schemas/paging';
import { audit, auditChange, type ServiceContext } from './context';
import { ServiceError, invalid, notFound } from './errors';
import type { LiveConferenceService } from './live-conference-service';
import type { SettingsService } from './settings-service';

/**
 * Agency contribution escalations (Kirklees Appendix 3) and the returns that carry them to each
 * agency's safeguarding lead.
 */
export function createAgencyEscalationsService(
  ctx: ServiceContext<'agencies' | 'agencyEscalations' | 'audit' | 'corrections'>,
  settings: SettingsService,
  live: LiveConferenceService,
) {
  const repo = ctx.repos.agencyEscalations;

  async function mustAgency(id: number) {
    const agency = await ctx.repos.agencies.get(id);
    if (!agency) throw invalid('agencyId', 'Choose an agency from the directory');
    return agency;
  }

  async function created(id: number | null, what: string): Promise<AgencyEscalation> {
    if (id === null) throw new ServiceError('conflict', `${what} is already escalated`);
    const row = await repo.get(id);
    if (!row) throw notFound('escalation', id);
    await audit(ctx, await settings.actor(), 'create', 'agency_escalation', id, undefined, row);
    return row;
  }

  /** What the conference's attendance and reports suggest escalating, less what is already raised. */
  async function suggestions(conferenceId: number) {
    const conference = await live.get(conferenceId);
    const raised = new Set(
      (await repo.forConference(conferenceId))
        .filter((e) => e.withdrawnOn === null)
        .map((e) => `${e.agencyId}:${e.reason}`),
    );
    const list: { agencyId: number; agencyName: string; reason: EscalationReason }[] = [];
    for (const inv of conference.invitations) {
      const reasons = contributionIncidents(inv);
      for (const reason of reasons) {
        if (!raised.has(`${inv.agencyId}:${reason}`))
          list.push({ agencyId: inv.agencyId, agencyName: inv.agencyName, reason });
      }
    }
    return list;
  }

  return {
    suggestions,

    async forConference(conferenceId: number) {
      return { raised: await repo.forConference(conferenceId), suggestions: await suggestions(conferenceId) };
    },

    /** One step from the chair's screen: the meeting, family, chair and representative come from the conference. */
    async raiseFromConference(i: z.output<typeof raiseFromConferenceInputSchema>) {
      return ctx.db.transaction(async () => {
        const conference = await live.get(i.conferenceId);
        const inv = conference.invitations.find((x) => x.agencyId === i.agencyId);
        if (!inv) throw invalid('agencyId', 'That agency was not invited to this conference');
        const id = await repo.insert(
          {
            agencyId: i.agencyId,
            conferenceId: i.conferenceId,
            meetingDate: conference.conference.date,
            familyIdentifier: conference.conference.familyName,
            chairName: conference.conference.chairName,
            representativeName: inv.representativeName,
            reason: i.reason,
            reasonDetail: i.reasonDetail,
          },
          ctx.now().toISOString(),
        );
        return created(id, `${inv.agencyName}’s “${i.reason}” at this conference`);
      });
    },

    /**
     * Withdraws a mistaken escalation with the reason: it stays in the register, marked withdrawn
     * (who, when and why are kept), and leaves returns, counts and exports from now on.
     */
    async withdraw(id: number, reason: string): Promise<AgencyEscalation> {
      return ctx.db.transaction(async () => {
        const before = await repo.get(id);
        if (!before) throw notFound('agency escalation', id);
        if (before.withdrawnOn) {
          throw new ServiceError('conflict', `This escalation was already withdrawn on ${before.withdrawnOn}`);
        }
        const at = ctx.now().toISOString();
        const on = localIsoDate(ctx.now());
        await repo.withdraw(id, on, reason);
        await ctx.repos.corrections.insert({
          entity: 'agency-escalation',
          entityId: id,
          childId: null,
          kind: 'withdrawal',
          reason,
          changes: [
            {
              field: 'status',
              label: 'Status',
              before: before.returnId ? 'Sent in a return' : 'Raised',
              after: 'Withdrawn',
            },
          ],
          at,
          actor: await settings.actor(),
        });
        const after = await repo.get(id);
        if (!after) throw notFound('agency escalation', id);
        await auditChange(
          ctx,
          await settings.actor(),
          'withdraw',
          'agency_escalation',
          id,
          { ...before },
          { ...after, reason },
        );
        return after;
      });
    },

    async raiseByHand(i: z.output<typeof raiseByHandInputSchema>) {
      return ctx.db.transaction(async () => {
        await mustAgency(i.agencyId);
        const problem = happenedProblem(i.meetingDate, localIsoDate(ctx.now()), 'The date of the meeting');
        if (problem) throw invalid('meetingDate', problem);
        const id = await repo.insert({ ...i, conferenceId: null }, ctx.now().toISOString());
        return created(id, 'This');
      });
    },

    /**
     * Every agency with escalations in the period (counts by reason, what is unsent, repeat
     * non-attendance), repeat non-attendance first, then the most escalations.
     */
    async summary(from: string, to: string): Promise<ReturnSummary[]> {
      return (
        await this.summaryPage(from, to, {
          page: 1,
          pageSize: Number.MAX_SAFE_INTEGER,
          sort: 'priority',
          direction: 'asc',
        })
      ).items;
    },

    /** A page of the overview for a period, in the order asked (the channel's). */
    async summaryPage(from: string, to: string, p: PageRequest<ReturnSummarySort>): Promise<Page<ReturnSummary>> {
      const counts = await repo.countsByAgency(from, to);
      const yearCounts = await repo.nonAttendanceCounts(addDays(to, -364), to);
      const byAgency = new Map<number, ReturnSummary>();
      for (const c of counts) {
        const agency = await ctx.repos.agencies.get(c.agency_id);
        if (!agency) continue;
        const entry = byAgency.get(c.agency_id) ?? {
          agencyId: agency.id,
          agencyName: agency.name,
          leadName: agency.leadName,
          leadEmail: agency.leadEmail,
          counts: { 'did-not-attend': 0, 'no-report': 0, 'late-report': 0, other: 0 },
          total: 0,
          notYetSent: 0,
          repeatNonAttendance: false,
          nonAttendanceLast12Months: yearCounts.get(c.agency_id) ?? 0,
        };
        entry.counts[c.reason as EscalationReason] += c.n;
        entry.total += c.n;
        entry.notYetSent += Number(c.unsent);
        entry.repeatNonAttendance =
          entry.counts['did-not-attend'] >= REPEAT_IN_PERIOD || entry.nonAttendanceLast12Months >= REPEAT_IN_YEAR;
        byAgency.set(c.agency_id, entry);
      }
      // Sorted and paged here: each agency's line is counted up from several queries (and its
      // repeat non-attendance from a rule), and there is one line per agency, a few dozen at most.
      const priority = (a: ReturnSummary, b: ReturnSummary) =>
        Number(b.repeatNonAttendance) - Number(a.repeatNonAttendance) ||
        b.total - a.total ||
        a.agencyName.localeCompare(b.agencyName, 'en-GB');
      const sort = p.sort;
      let order: (a: ReturnSummary, b: ReturnSummary) => number;
      if (sort === 'priority') order = p.direction === 'asc' ? priority : (a, b) => priority(b, a);
      else {
        const value = (x: ReturnSummary): string | number =>
          sort === 'agency'
            ? x.agencyName
            : sort === 'total'
              ? x.total
              : sort === 'not-yet-sent'
                ? x.notYetSent
                : x.counts[sort];
        const byColumn = compareBy(value, p.direction);
        order = (a, b) => byColumn(a, b) || priority(a, b);
      }
      return pageFromSorted([...byAgency.values()].sort(order), p);
    },

    /** One agency's return for a period: the Appendix 3 rows, and the returns already sent. */
    async returnFor(agencyId: number, from: string, to: string) {
      const agency = await mustAgency(agencyId);
      return {
        agency,
        rows: await repo.forAgency(agencyId, from, to),
        withdrawn: await repo.forAgency(agencyId, from, to, true),
        returns: await repo.returnsForAgency(agencyId, from, to),
      };
    },

    /** Marks the period's unsent rows as sent to the safeguarding lead, as one return. */
    async markSent(i: z.output<typeof markSentInputSchema>) {
      return ctx.db.transaction(async () => {
        await mustAgency(i.agencyId);
        const issues = [];
        if (i.sentOn < i.from)
          issues.push({ path: 'sentOn', message: 'The return cannot be sent before the period starts' });
        const future = happenedProblem(i.sentOn, localIsoDate(ctx.now()), 'The date the return was sent');
        if (future) issues.push({ path: 'sentOn', message: future });
        if (issues.length) throw new ServiceError('invalid-input', describeIssues(issues), issues);
        const at = ctx.now().toISOString();
        const returnId = await repo.insertReturn(i, at);
        const attached = await repo.attachToReturn(returnId, i.agencyId, i.from, i.to);
        if (attached === 0) throw new ServiceError('conflict', 'Every escalation in this period has already been sent');
        const sent = await repo.getReturn(returnId);
        await audit(ctx, await settings.actor(), 'create', 'agency_return', returnId, undefined, {
          ...sent,
          escalations: attached,
        });
        return { ...(await this.returnFor(i.agencyId, i.from, i.to)), attached };
      });
    },

    async recordResponse(returnId: number, responseOn: string, response: string) {
      return ctx.db.transaction(async () => {
        const before = await repo.getReturn(returnId);
        if (!before) throw notFound('return', returnId);
        if (responseOn < before.sentOn)
          throw invalid('responseOn', `The response cannot come before the return was sent (${before.sentOn})`);
        const future = happenedProblem(responseOn, localIsoDate(ctx.now()), 'The date of the response');
        if (future) throw invalid('responseOn', future);
        await repo.recordResponse(returnId, responseOn, response, ctx.now().toISOString());
        const after = await repo.getReturn(returnId);
        if (!after) throw notFound('return', returnId);
        await auditChange(
          ctx,
          await settings.actor(),
          'update',
          'agency_return',
          returnId,
          { ...before },
          { ...after },
        );
        return after;
      });
    },
  };
}
export type AgencyEscalationsService = Awaited<ReturnType<typeof createAgencyEscalationsService>>;
