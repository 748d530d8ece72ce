import type { ConferenceType } from '../../../../../shared/schemas/conference';
import type { EscalationReason } from '../../../../../shared/schemas/agency-escalation';
import type { Nature } from '../../../../../shared/schemas/escalation';
import type { Attendance, Category, ReportState } from '../../../../../shared/schemas/live-conference';
import type {
  AdjournmentFact,
  DecisionFact,
  EscalationFact,
  EscalationStageFact,
  HeldConferenceFact,
  IncidentFact,
  ReportPeriod,
} from '../../../../../shared/reports';
import { qb, type RegisterDb } from '../query';

/** Held: the conference took place (concluded, or adjourned); not cancelled, not still to come. */
const HELD = ['concluded', 'adjourned'];

/** An invitation as read, before its report's due date is worked out (that needs the calendar). */
export interface InvitationRow {
  conferenceId: number;
  date: string;
  /** What the conference decides as: a reconvened one takes the kind of the one it reconvenes. */
  decidesAs: 'initial' | 'review';
  agencyName: string;
  attendance: Attendance | null;
  report: ReportState;
  reportReceivedOn: string | null;
  text: string;
}

/** An escalation as read, before its protocol says which stages have a clock. */
export type EscalationRow = Omit<EscalationFact, 'stages'> & {
  protocolDefinition: string;
  stages: Omit<EscalationStageFact, 'clocked'>[];
};

/**
 * SQL for the reports (issue 12): the facts of a period, read in a few queries each, which the
 * pure counts in `shared/reports.ts` turn into tables. Dates are inclusive.
 */
export function createReportsRepository(db: RegisterDb) {
  const held = (p: ReportPeriod) =>
    qb
      .selectFrom('conferences as c')
      .innerJoin('families as f', 'f.id', 'c.family_id')
      .where('c.date', '>=', p.from)
      .where('c.date', '<=', p.to)
      .where('c.status', 'in', HELD);

  return {
    async heldConferences(p: ReportPeriod): Promise<HeldConferenceFact[]> {
      const rows = await db.all(held(p).select(['c.id', 'c.date', 'c.type', 'f.name']));
      return rows.map((r) => ({
        kind: 'conference',
        id: r.id,
        date: r.date,
        type: r.type as ConferenceType,
        text: r.name,
      }));
    },

    async decisions(p: ReportPeriod): Promise<DecisionFact[]> {
      const rows = await db.all(
        held(p)
          .innerJoin('child_outcomes as o', 'o.conference_id', 'c.id')
          .innerJoin('children as ch', 'ch.id', 'o.child_id')
          .select([
            'c.id',
            'c.date',
            'c.type',
            'o.result',
            'o.decision',
            'o.category',
            'o.escalation',
            'ch.given_name',
            'ch.family_name',
          ]),
      );
      return rows.map((r) => ({
        kind: 'decision',
        conferenceId: r.id,
        date: r.date,
        conferenceType: r.type as ConferenceType,
        result: r.result as DecisionFact['result'],
        decision: r.decision as DecisionFact['decision'],
        category: r.category as Category | null,
        principalOfficerReview: r.escalation === 'principal-officer-review',
        text: `${r.given_name} ${r.family_name}`,
      }));
    },

    /** Conferences held in the period that adjourned, with the earliest day to reconvene and the reconvening conference. */
    async adjournments(p: ReportPeriod): Promise<AdjournmentFact[]> {
      const rows = await db.all(
        held(p)
          .innerJoin('child_outcomes as o', (j) =>
            j.onRef('o.conference_id', '=', 'c.id').on('o.decision', '=', 'adjourned'),
          )
          .leftJoin('conferences as r', (j) =>
            j.onRef('r.reconvenes_id', '=', 'c.id').on('r.status', '!=', 'cancelled'),
          )
          .select((eb) => [
            'c.id',
            'c.date',
            'f.name',
            eb.fn.min('o.reconvene_by').as('reconvene_by'),
            eb.fn.min('r.date').as('reconvened_on'),
          ])
          .groupBy(['c.id', 'c.date', 'f.name']),
      );
      return rows.map((r) => ({
        kind: 'adjournment',
        conferenceId: r.id,
        date: r.date,
        reconveneBy: r.reconvene_by ?? null,
        reconvenedOn: r.reconvened_on ?? null,
        text: r.name,
      }));
    },

    async invitations(p: ReportPeriod): Promise<InvitationRow[]> {
      const rows = await db.all(
        held(p)
          .innerJoin('conference_agencies as ca', 'ca.conference_id', 'c.id')
          .innerJoin('agencies as a', 'a.id', 'ca.agency_id')
          // A reconvened conference decides as the one it reconvenes (itself perhaps reconvened once).
          .leftJoin('conferences as b', 'b.id', 'c.reconvenes_id')
          .leftJoin('conferences as bb', 'bb.id', 'b.reconvenes_id')
          .select([
            'c.id',
            'c.date',
            'c.type',
            'b.type as base_type',
            'bb.type as base_base_type',
            'a.name as agency_name',
            'ca.attendance',
            'ca.report',
            'ca.report_received_on',
            'f.name',
          ]),
      );
      return rows.map((r) => {
        const decidesAs =
          r.type !== 'reconvened' ? r.type : r.base_type !== 'reconvened' ? r.base_type : r.base_base_type;
        return {
          conferenceId: r.id,
          date: r.date,
          decidesAs: decidesAs === 'review' ? 'review' : 'initial',
          agencyName: r.agency_name,
          attendance: r.attendance as Attendance | null,
          report: r.report as ReportState,
          reportReceivedOn: r.report_received_on,
          text: r.name,
        };
      });
    },

    /** Standing (not withdrawn) Appendix 3 incidents with meeting dates in the period. */
    async incidents(p: ReportPeriod): Promise<IncidentFact[]> {
      const rows = await db.all(
        qb
          .selectFrom('agency_escalations as e')
          .innerJoin('agencies as a', 'a.id', 'e.agency_id')
          .select(['e.id', 'a.name', 'e.conference_id', 'e.meeting_date', 'e.reason', 'e.family_identifier'])
          .where('e.meeting_date', '>=', p.from)
          .where('e.meeting_date', '<=', p.to)
          .where('e.withdrawn_on', 'is', null),
      );
      return rows.map((r) => ({
        id: r.id,
        agencyName: r.name,
        conferenceId: r.conference_id,
        meetingDate: r.meeting_date,
        reason: r.reason as EscalationReason,
        text: r.family_identifier,
      }));
    },

    /** Escalations that touch the period: opened by its end and not closed before its start. */
    async escalations(p: ReportPeriod): Promise<EscalationRow[]> {
      const touching = qb
        .selectFrom('escalations as e')
        .where('e.opened_on', '<=', p.to)
        .where((eb) => eb.or([eb('e.closed_on', 'is', null), eb('e.closed_on', '>=', p.from)]));
      const rows = await db.all(
        touching
          .innerJoin('protocols as pr', 'pr.id', 'e.protocol_id')
          .innerJoin('agencies as ai', 'ai.id', 'e.initiating_agency_id')
          .innerJoin('agencies as ac', 'ac.id', 'e.challenged_agency_id')
          .select([
            'e.id',
            'e.opened_on',
            'e.closed_on',
            'e.status',
            'e.natures_json',
            'e.immediate_risk',
            'e.learning',
            'e.restorative_debrief',
            'e.subject_name',
            'pr.name as protocol_name',
            'pr.definition_json',
            'ai.name as initiating_name',
            'ac.name as challenged_name',
          ]),
      );
      const stages = await db.all(
        touching
          .innerJoin('escalation_stages as s', 's.escalation_id', 'e.id')
          .select(['s.escalation_id', 's.number', 's.opened_on', 's.due_on', 's.closed_on'])
          .orderBy('s.escalation_id')
          .orderBy('s.number'),
      );
      const byEscalation = new Map<number, Omit<EscalationStageFact, 'clocked'>[]>();
      for (const s of stages) {
        const list = byEscalation.get(s.escalation_id) ?? [];
        list.push({ number: s.number, openedOn: s.opened_on, dueOn: s.due_on, closedOn: s.closed_on });
        byEscalation.set(s.escalation_id, list);
      }
      return rows.map((r) => ({
        id: r.id,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        status: r.status as EscalationFact['status'],
        initiatingAgency: r.initiating_name,
        challengedAgency: r.challenged_name,
        natures: JSON.parse(r.natures_json) as Nature[],
        protocol: r.protocol_name,
        protocolDefinition: r.definition_json,
        immediateRisk: r.immediate_risk === 1,
        learning: r.learning,
        restorativeDebrief: r.restorative_debrief,
        text: r.subject_name,
        stages: byEscalation.get(r.id) ?? [],
      }));
    },
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
