import type { Selectable } from 'kysely';
import { qb, type RegisterDb } from '../query';
import { nextVersion } from '../sql-helpers';
import type { EscalationActionsTable, EscalationStagesTable, EscalationsTable, ProtocolsTable } from '../schema';

export type ProtocolRow = Selectable<ProtocolsTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type StageRow = Selectable<EscalationStagesTable>;
export type ActionRow = Selectable<EscalationActionsTable>;

export interface Person {
  name: string | null;
  title: string | null;
  agency: string | null;
}

/** SQL for professional disagreement escalations and the protocols they run under. */
export function createEscalationsRepository(db: RegisterDb) {
  return {
    async protocols(): Promise<ProtocolRow[]> {
      return db.all(qb.selectFrom('protocols').selectAll().orderBy('key').orderBy('version'));
    },
    async protocol(id: number): Promise<ProtocolRow | undefined> {
      return db.first(qb.selectFrom('protocols').selectAll().where('id', '=', id));
    },
    async protocolByKey(key: string, version: number): Promise<ProtocolRow | undefined> {
      return db.first(qb.selectFrom('protocols').selectAll().where('key', '=', key).where('version', '=', version));
    },
    async latestVersion(key: string): Promise<number> {
      return (
        (
          await db.first(
            qb
              .selectFrom('protocols')
              .select((eb) => eb.fn.max<number>('version').as('v'))
              .where('key', '=', key),
          )
        )?.v ?? 0
      );
    },
    async insertProtocol(
      p: { key: string; version: number; name: string; definitionJson: string; shipped: boolean },
      at: string,
    ): Promise<number> {
      return db.insert(
        qb
          .insertInto('protocols')
          .values({
            key: p.key,
            version: p.version,
            name: p.name,
            definition_json: p.definitionJson,
            shipped: p.shipped ? 1 : 0,
            created_at: at,
          })
          .returning('id'),
      );
    },

    /** A shipped protocol's stored definition brought in line with the app's (a correction of the app's own data). */
    async updateShippedDefinition(id: number, name: string, definitionJson: string): Promise<void> {
      await db.run(
        qb
          .updateTable('protocols')
          .set({ name, definition_json: definitionJson })
          .where('id', '=', id)
          .where('shipped', '=', 1),
      );
    },

    async insertEscalation(
      e: Omit<
        EscalationRow,
        | 'id'
        | 'status'
        | 'closed_on'
        | 'learning'
        | 'restorative_debrief'
        | 'subject_gender'
        | 'subject_ethnicity'
        | 'subject_send'
        | 'start_reason'
        | 'debrief_on'
        | 'version'
      > &
        Partial<Pick<EscalationRow, 'subject_gender' | 'subject_ethnicity' | 'subject_send' | 'start_reason'>>,
    ): Promise<number> {
      return db.insert(
        qb
          .insertInto('escalations')
          .values({ ...e, closed_on: null, learning: null, restorative_debrief: null })
          .returning('id'),
      );
    },
    /**
     * Claims an escalation for an edit made from a screen that loaded it at `version`: counts its
     * version up only if it still has that one. False means someone else changed it first.
     */
    async claim(id: number, version: number): Promise<boolean> {
      const query = qb
        .updateTable('escalations')
        .set({ version: nextVersion('escalations') })
        .where('id', '=', id)
        .where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },
    /** Counts an escalation's version up: any change to it, its stages or actions included. */
    async bump(id: number): Promise<void> {
      await db.run(
        qb
          .updateTable('escalations')
          .set({ version: nextVersion('escalations') })
          .where('id', '=', id),
      );
    },
    async escalation(id: number): Promise<EscalationRow | undefined> {
      return db.first(qb.selectFrom('escalations').selectAll().where('id', '=', id));
    },
    async close(
      id: number,
      status: 'resolved' | 'closed-unresolved',
      on: string,
      learning: string | null,
      debrief: string | null,
      at: string,
    ): Promise<void> {
      await db.run(
        qb
          .updateTable('escalations')
          .set({
            status,
            closed_on: on,
            learning,
            restorative_debrief: debrief,
            updated_at: at,
            version: nextVersion('escalations'),
          })
          .where('id', '=', id),
      );
    },

    /** Corrects descriptive fields of an escalation (the correction row keeps the old values). */
    async updateDetails(
      id: number,
      fields: Partial<
        Pick<
          EscalationRow,
          | 'subject_name'
          | 'subject_date_of_birth'
          | 'subject_address'
          | 'initiating_agency_id'
          | 'challenged_agency_id'
          | 'natures_json'
          | 'nature_other'
          | 'details'
          | 'outcome_sought'
          | 'immediate_risk'
          | 'family_id'
          | 'child_id'
          | 'conference_id'
        >
      >,
      at: string,
    ): Promise<void> {
      await db.run(
        qb
          .updateTable('escalations')
          .set({ ...fields, updated_at: at, version: nextVersion('escalations') })
          .where('id', '=', id),
      );
    },

    async recordDebrief(id: number, on: string, notes: string, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('escalations')
          .set({ debrief_on: on, restorative_debrief: notes, updated_at: at, version: nextVersion('escalations') })
          .where('id', '=', id),
      );
    },

    async setStageDue(escalationId: number, number: number, dueOn: string): Promise<void> {
      await db.run(
        qb
          .updateTable('escalation_stages')
          .set({ due_on: dueOn, version: nextVersion('escalation_stages') })
          .where('escalation_id', '=', escalationId)
          .where('number', '=', number),
      );
    },

    async reviewMeeting(escalationId: number) {
      return db.first(
        qb
          .selectFrom('review_meetings')
          .selectAll()
          .where('escalation_id', '=', escalationId)
          .orderBy('stage_number', 'desc'),
      );
    },

    async upsertReviewMeeting(m: {
      escalationId: number;
      stageNumber: number;
      heldOn: string;
      reviewType: string;
      chairedBy: string;
      attendees: string;
      discussion: string;
      disagreements: string;
      agreements: string;
      at: string;
    }): Promise<void> {
      const values = {
        held_on: m.heldOn,
        review_type: m.reviewType,
        chaired_by: m.chairedBy,
        attendees: m.attendees,
        discussion: m.discussion,
        disagreements: m.disagreements,
        agreements: m.agreements,
        updated_at: m.at,
      };
      await db.run(
        qb
          .insertInto('review_meetings')
          .values({ escalation_id: m.escalationId, stage_number: m.stageNumber, ...values })
          .onConflict((oc) => oc.columns(['escalation_id', 'stage_number']).doUpdateSet(values)),
      );
    },

    async stages(escalationId: number): Promise<StageRow[]> {
      return db.all(
        qb.selectFrom('escalation_stages').selectAll().where('escalation_id', '=', escalationId).orderBy('number'),
      );
    },
    async insertStage(s: {
      escalationId: number;
      number: number;
      openedOn: string;
      dueOn: string;
      escalatedBy: Person & { name: string; email?: string | null };
      escalatedTo: Person;
      concerns?: string | null;
    }): Promise<void> {
      await db.run(
        qb.insertInto('escalation_stages').values({
          escalation_id: s.escalationId,
          number: s.number,
          opened_on: s.openedOn,
          due_on: s.dueOn,
          escalated_by_name: s.escalatedBy.name,
          escalated_by_title: s.escalatedBy.title,
          escalated_by_agency: s.escalatedBy.agency,
          escalated_by_email: s.escalatedBy.email ?? null,
          escalated_to_name: s.escalatedTo.name,
          escalated_to_title: s.escalatedTo.title,
          escalated_to_agency: s.escalatedTo.agency,
          concerns: s.concerns ?? null,
        }),
      );
    },
    async recordResponse(
      escalationId: number,
      number: number,
      r: Person & { on: string; summary: string; resolved: boolean; learning?: string | null },
    ): Promise<void> {
      await db.run(
        qb
          .updateTable('escalation_stages')
          .set({
            response_from_name: r.name,
            response_from_title: r.title,
            response_from_agency: r.agency,
            response_on: r.on,
            response_summary: r.summary,
            resolved: r.resolved ? 1 : 0,
            learning: r.learning ?? null,
            version: nextVersion('escalation_stages'),
          })
          .where('escalation_id', '=', escalationId)
          .where('number', '=', number),
      );
    },
    async closeStage(escalationId: number, number: number, on: string): Promise<void> {
      await db.run(
        qb
          .updateTable('escalation_stages')
          .set({ closed_on: on, version: nextVersion('escalation_stages') })
          .where('escalation_id', '=', escalationId)
          .where('number', '=', number),
      );
    },

    async actions(escalationId: number): Promise<ActionRow[]> {
      return db.all(
        qb.selectFrom('escalation_actions').selectAll().where('escalation_id', '=', escalationId).orderBy('id'),
      );
    },
    async insertAction(a: {
      escalationId: number;
      action: string;
      byWhom: string;
      agreedOn: string;
      completeBy: string | null;
    }): Promise<number> {
      return db.insert(
        qb
          .insertInto('escalation_actions')
          .values({
            escalation_id: a.escalationId,
            action: a.action,
            by_whom: a.byWhom,
            agreed_on: a.agreedOn,
            complete_by: a.completeBy,
            completed_on: null,
          })
          .returning('id'),
      );
    },
    async action(id: number): Promise<ActionRow | undefined> {
      return db.first(qb.selectFrom('escalation_actions').selectAll().where('id', '=', id));
    },
    async completeAction(id: number, on: string): Promise<void> {
      await db.run(
        qb
          .updateTable('escalation_actions')
          .set({ completed_on: on, version: nextVersion('escalation_actions') })
          .where('id', '=', id),
      );
    },

    /**
     * Escalations opened in a period (inclusive), with their protocol and the furthest stage each
     * has reached: what the formal-record forms (Appendix 5, the Croydon notification) are made from.
     */
    async openedBetween(from: string, to: string) {
      return db.all(
        qb
          .selectFrom('escalations as e')
          .innerJoin('protocols as p', 'p.id', 'e.protocol_id')
          .innerJoin('escalation_stages as s', 's.escalation_id', 'e.id')
          .select((eb) => [
            'e.id',
            'e.subject_name',
            'e.opened_on',
            'p.key as protocol_key',
            'p.definition_json',
            eb.fn.max<number>('s.number').as('reached'),
          ])
          .where('e.opened_on', '>=', from)
          .where('e.opened_on', '<=', to)
          .groupBy(['e.id', 'e.subject_name', 'e.opened_on', 'p.key', 'p.definition_json'])
          .orderBy('e.opened_on')
          .orderBy('e.id'),
      );
    },

    /**
     * Escalations of a status (or all) with their current stage (the open one; for a closed
     * escalation its last), agencies and protocol. Unsorted: the list's order needs each stage's
     * working-day clock, which the service computes.
     */
    async withCurrentStage(status: 'open' | 'resolved' | 'closed-unresolved' | 'all') {
      let query = qb
        .selectFrom('escalations as e')
        .innerJoin('escalation_stages as s', (join) =>
          join.onRef('s.escalation_id', '=', 'e.id').on((eb) =>
            eb.or([
              eb.and([eb('e.status', '=', 'open'), eb('s.closed_on', 'is', null)]),
              eb.and([
                eb('e.status', '<>', 'open'),
                eb(
                  's.number',
                  '=',
                  eb
                    .selectFrom('escalation_stages as last')
                    .select((x) => x.fn.max('last.number').as('n'))
                    .whereRef('last.escalation_id', '=', 'e.id'),
                ),
              ]),
            ]),
          ),
        )
        .innerJoin('protocols as p', 'p.id', 'e.protocol_id')
        .innerJoin('agencies as ai', 'ai.id', 'e.initiating_agency_id')
        .innerJoin('agencies as ac', 'ac.id', 'e.challenged_agency_id')
        .select([
          'e.id',
          'e.subject_name',
          'e.natures_json',
          'e.immediate_risk',
          'e.challenged_agency_id',
          'e.status',
          'e.opened_on',
          'e.closed_on',
          'p.key as protocol_key',
          'p.name as protocol_name',
          'p.definition_json',
          'ai.name as initiating_name',
          'ac.name as challenged_name',
          's.number',
          's.due_on',
        ]);
      if (status !== 'all') query = query.where('e.status', '=', status);
      return db.all(query);
    },
  };
}
export type EscalationsRepository = Awaited<ReturnType<typeof createEscalationsRepository>>;
