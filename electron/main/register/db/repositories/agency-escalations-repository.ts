import type { AgencyEscalation, AgencyReturn, EscalationReason } from '../../../../../shared/schemas/agency-escalation';
import { qb, type RegisterDb } from '../query';
import { nextVersion } from '../sql-helpers';

export interface NewAgencyEscalation {
  agencyId: number;
  conferenceId: number | null;
  meetingDate: string;
  familyIdentifier: string;
  chairName: string;
  representativeName: string | null;
  reason: EscalationReason;
  reasonDetail: string | null;
}

const ROW_COLUMNS = [
  'e.id',
  'e.agency_id',
  'a.name as agency_name',
  'e.conference_id',
  'e.meeting_date',
  'e.family_identifier',
  'e.chair_name',
  'e.representative_name',
  'e.reason',
  'e.reason_detail',
  'e.return_id',
  'e.created_at',
  'e.withdrawn_on',
  'e.withdrawn_reason',
] as const;

function toEscalation(r: {
  id: number;
  agency_id: number;
  agency_name: string;
  conference_id: number | null;
  meeting_date: string;
  family_identifier: string;
  chair_name: string;
  representative_name: string | null;
  reason: string;
  reason_detail: string | null;
  return_id: number | null;
  created_at: string;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
}): AgencyEscalation {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    conferenceId: r.conference_id,
    meetingDate: r.meeting_date,
    familyIdentifier: r.family_identifier,
    chairName: r.chair_name,
    representativeName: r.representative_name,
    reason: r.reason as EscalationReason,
    reasonDetail: r.reason_detail,
    returnId: r.return_id,
    createdAt: r.created_at,
    withdrawnOn: r.withdrawn_on,
    withdrawnReason: r.withdrawn_reason,
  };
}

/** SQL for Appendix 3: agency escalations and the returns that carry them to safeguarding leads. */
export function createAgencyEscalationsRepository(db: RegisterDb) {
  const rows = () =>
    qb.selectFrom('agency_escalations as e').innerJoin('agencies as a', 'a.id', 'e.agency_id').select(ROW_COLUMNS);

  return {
    /** Inserts unless the same conference, agency and reason is already recorded; returns the id, or null. */
    async insert(e: NewAgencyEscalation, at: string): Promise<number | null> {
      const inserted = await db.first(
        qb
          .insertInto('agency_escalations')
          .values({
            agency_id: e.agencyId,
            conference_id: e.conferenceId,
            meeting_date: e.meetingDate,
            family_identifier: e.familyIdentifier,
            chair_name: e.chairName,
            representative_name: e.representativeName,
            reason: e.reason,
            reason_detail: e.reasonDetail,
            return_id: null,
            created_at: at,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id'),
      );
      return inserted ? Number(inserted.id) : null;
    },

    async get(id: number): Promise<AgencyEscalation | undefined> {
      const r = await db.first(rows().where('e.id', '=', id));
      return r ? toEscalation(r) : undefined;
    },

    async forConference(conferenceId: number): Promise<AgencyEscalation[]> {
      return (await db.all(rows().where('e.conference_id', '=', conferenceId).orderBy('e.id'))).map(toEscalation);
    },

    /** Withdraws a mistaken escalation: kept, marked withdrawn with the reason, left out of returns and counts. */
    async withdraw(id: number, on: string, reason: string): Promise<void> {
      await db.run(
        qb
          .updateTable('agency_escalations')
          .set({ withdrawn_on: on, withdrawn_reason: reason, version: nextVersion('agency_escalations') })
          .where('id', '=', id),
      );
    },

    /** One agency's rows for a period (meeting dates inclusive), oldest first: standing ones, or those withdrawn. */
    async forAgency(agencyId: number, from: string, to: string, withdrawn = false): Promise<AgencyEscalation[]> {
      return (
        await db.all(
          rows()
            .where('e.agency_id', '=', agencyId)
            .where('e.meeting_date', '>=', from)
            .where('e.meeting_date', '<=', to)
            .where('e.withdrawn_on', withdrawn ? 'is not' : 'is', null)
            .orderBy('e.meeting_date')
            .orderBy('e.id'),
        )
      ).map(toEscalation);
    },

    /** Per agency and reason: counts in the period, and how many are not yet in a sent return. */
    async countsByAgency(from: string, to: string) {
      return db.all(
        qb
          .selectFrom('agency_escalations')
          .select((eb) => [
            'agency_id',
            'reason',
            eb.fn.countAll<number>().as('n'),
            eb.fn.sum<number>(eb.case().when('return_id', 'is', null).then(1).else(0).end()).as('unsent'),
          ])
          .where('meeting_date', '>=', from)
          .where('meeting_date', '<=', to)
          .where('withdrawn_on', 'is', null)
          .groupBy(['agency_id', 'reason']),
      );
    },

    async nonAttendanceCounts(from: string, to: string): Promise<Map<number, number>> {
      return new Map(
        (
          await db.all(
            qb
              .selectFrom('agency_escalations')
              .select((eb) => ['agency_id', eb.fn.countAll<number>().as('n')])
              .where('reason', '=', 'did-not-attend')
              .where('meeting_date', '>=', from)
              .where('meeting_date', '<=', to)
              .where('withdrawn_on', 'is', null)
              .groupBy('agency_id'),
          )
        ).map((r) => [r.agency_id, r.n]),
      );
    },

    async insertReturn(
      r: { agencyId: number; from: string; to: string; sentOn: string; sentTo: string },
      at: string,
    ): Promise<number> {
      return db.insert(
        qb
          .insertInto('agency_returns')
          .values({
            agency_id: r.agencyId,
            period_from: r.from,
            period_to: r.to,
            sent_on: r.sentOn,
            sent_to: r.sentTo,
            response_on: null,
            response: null,
            created_at: at,
            updated_at: at,
          })
          .returning('id'),
      );
    },

    /** Attaches the period's rows not yet in a return; returns how many. */
    async attachToReturn(returnId: number, agencyId: number, from: string, to: string): Promise<number> {
      return (
        await db.run(
          qb
            .updateTable('agency_escalations')
            .set({ return_id: returnId, version: nextVersion('agency_escalations') })
            .where('agency_id', '=', agencyId)
            .where('meeting_date', '>=', from)
            .where('meeting_date', '<=', to)
            .where('withdrawn_on', 'is', null)
            .where('return_id', 'is', null),
        )
      ).changes;
    },

    async getReturn(id: number): Promise<AgencyReturn | undefined> {
      const r = await db.first(qb.selectFrom('agency_returns').selectAll().where('id', '=', id));
      return r
        ? {
            id: r.id,
            agencyId: r.agency_id,
            periodFrom: r.period_from,
            periodTo: r.period_to,
            sentOn: r.sent_on,
            sentTo: r.sent_to,
            responseOn: r.response_on,
            response: r.response,
          }
        : undefined;
    },

    async returnsForAgency(agencyId: number, from: string, to: string): Promise<AgencyReturn[]> {
      const ids = (
        await db.all(
          qb
            .selectFrom('agency_returns')
            .select('id')
            .where('agency_id', '=', agencyId)
            .where('period_to', '>=', from)
            .where('period_from', '<=', to)
            .orderBy('sent_on'),
        )
      ).map((r) => r.id);
      const returns: AgencyReturn[] = [];
      for (const id of ids) {
        const full = await this.getReturn(id);
        if (full) returns.push(full);
      }
      return returns;
    },

    async recordResponse(id: number, on: string, response: string, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('agency_returns')
          .set({ response_on: on, response, updated_at: at, version: nextVersion('agency_returns') })
          .where('id', '=', id),
      );
    },
  };
}
export type AgencyEscalationsRepository = Awaited<ReturnType<typeof createAgencyEscalationsRepository>>;
