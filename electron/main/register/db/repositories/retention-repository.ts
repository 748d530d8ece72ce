import { qb, type RegisterDb } from '../query';

/** A legal hold in force on a family's records. */
export interface LegalHold {
  id: number;
  familyId: number;
  reason: string;
  placedBy: string;
  placedAt: string;
}

/** What the retention rule needs about each family, and what the list shows. */
export interface FamilyRetentionFacts {
  familyId: number;
  familyName: string;
  lastRecordOn: string;
  childrenBornOn: (string | null)[];
}

/** A record the erase removed, named as the audit trail names it. */
export interface ErasedRef {
  entity: string;
  entityId: number;
}

/** The date part of an ISO instant, or a date as it is. */
function day(value: string | null | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

function later(a: string | undefined, b: string | null): string | undefined {
  if (b === null) return a;
  return a === undefined || b > a ? b : a;
}

/**
 * Retention and legal holds: the facts each family's retention date is worked out from, the
 * holds, and the erase of everything the register holds about one family.
 */
export function createRetentionRepository(db: RegisterDb) {
  /** Each escalation's family: its own, or its child's, or its conference's. */
  async function escalationFamilies(): Promise<Map<number, number>> {
    const rows = await db.all(
      qb
        .selectFrom('escalations as e')
        .leftJoin('children as ch', 'ch.id', 'e.child_id')
        .leftJoin('conferences as co', 'co.id', 'e.conference_id')
        .select((eb) => ['e.id', eb.fn.coalesce('e.family_id', 'ch.family_id', 'co.family_id').as('family_id')]),
    );
    const map = new Map<number, number>();
    for (const r of rows) if (r.family_id !== null) map.set(r.id, r.family_id);
    return map;
  }

  return {
    /**
     * Every family with the date of its latest record: the family, its children and conferences
     * as created or last changed, each conference's date and cancellation, each decision, each
     * agency escalation raised or withdrawn at its conferences, and each escalation about it
     * (opened, responded to, closed, debriefed, its actions and review meetings).
     */
    async facts(): Promise<FamilyRetentionFacts[]> {
      const last = new Map<number, string>();
      const note = (familyId: number, ...dates: (string | null | undefined)[]) => {
        let current = last.get(familyId);
        for (const d of dates) current = later(current, day(d));
        if (current !== undefined) last.set(familyId, current);
      };
      const families = await db.all(qb.selectFrom('families').select(['id', 'name', 'created_at', 'updated_at']));
      for (const f of families) note(f.id, f.created_at, f.updated_at);

      const births = new Map<number, (string | null)[]>();
      for (const c of await db.all(qb.selectFrom('children').select(['family_id', 'date_of_birth', 'updated_at']))) {
        note(c.family_id, c.updated_at);
        births.set(c.family_id, [...(births.get(c.family_id) ?? []), c.date_of_birth]);
      }
      for (const c of await db.all(
        qb
          .selectFrom('conferences')
          .select((eb) => [
            'family_id',
            eb.fn.max('date').as('date'),
            eb.fn.max('cancelled_on').as('cancelled_on'),
            eb.fn.max('updated_at').as('updated_at'),
          ])
          .groupBy('family_id'),
      )) {
        note(c.family_id, c.date, c.cancelled_on, c.updated_at);
      }
      for (const o of await db.all(
        qb
          .selectFrom('child_outcomes as o')
          .innerJoin('conferences as c', 'c.id', 'o.conference_id')
          .select((eb) => ['c.family_id', eb.fn.max('o.decided_at').as('decided_at')])
          .groupBy('c.family_id'),
      )) {
        note(o.family_id, o.decided_at);
      }
      for (const a of await db.all(
        qb
          .selectFrom('agency_escalations as a')
          .innerJoin('conferences as c', 'c.id', 'a.conference_id')
          .select((eb) => [
            'c.family_id',
            eb.fn.max('a.meeting_date').as('meeting_date'),
            eb.fn.max('a.withdrawn_on').as('withdrawn_on'),
          ])
          .groupBy('c.family_id'),
      )) {
        note(a.family_id, a.meeting_date, a.withdrawn_on);
      }

      const familyOf = await escalationFamilies();
      const noteEscalation = (escalationId: number, ...dates: (string | null | undefined)[]) => {
        const familyId = familyOf.get(escalationId);
        if (familyId !== undefined) note(familyId, ...dates);
      };
      for (const e of await db.all(
        qb.selectFrom('escalations').select(['id', 'opened_on', 'closed_on', 'debrief_on', 'updated_at']),
      )) {
        noteEscalation(e.id, e.opened_on, e.closed_on, e.debrief_on, e.updated_at);
      }
      for (const s of await db.all(
        qb
          .selectFrom('escalation_stages')
          .select((eb) => [
            'escalation_id',
            eb.fn.max('opened_on').as('opened_on'),
            eb.fn.max('response_on').as('response_on'),
            eb.fn.max('closed_on').as('closed_on'),
          ])
          .groupBy('escalation_id'),
      )) {
        noteEscalation(s.escalation_id, s.opened_on, s.response_on, s.closed_on);
      }
      for (const a of await db.all(
        qb
          .selectFrom('escalation_actions')
          .select((eb) => [
            'escalation_id',
            eb.fn.max('agreed_on').as('agreed_on'),
            eb.fn.max('completed_on').as('completed_on'),
          ])
          .groupBy('escalation_id'),
      )) {
        noteEscalation(a.escalation_id, a.agreed_on, a.completed_on);
      }
      for (const m of await db.all(
        qb
          .selectFrom('review_meetings')
          .select((eb) => ['escalation_id', eb.fn.max('held_on').as('held_on')])
          .groupBy('escalation_id'),
      )) {
        noteEscalation(m.escalation_id, m.held_on);
      }

      return families.map((f) => ({
        familyId: f.id,
        familyName: f.name,
        lastRecordOn: last.get(f.id) ?? f.created_at.slice(0, 10),
        childrenBornOn: births.get(f.id) ?? [],
      }));
    },

    async familyName(familyId: number): Promise<string | undefined> {
      return (await db.first(qb.selectFrom('families').select('name').where('id', '=', familyId)))?.name;
    },

    /** The holds in force, by family. */
    async holdsInForce(): Promise<Map<number, LegalHold>> {
      const rows = await db.all(qb.selectFrom('legal_holds').selectAll().where('lifted_at', 'is', null));
      return new Map(
        rows.map((r) => [
          r.family_id,
          { id: r.id, familyId: r.family_id, reason: r.reason, placedBy: r.placed_by, placedAt: r.placed_at },
        ]),
      );
    },

    async holdInForce(familyId: number): Promise<LegalHold | undefined> {
      const r = await db.first(
        qb.selectFrom('legal_holds').selectAll().where('family_id', '=', familyId).where('lifted_at', 'is', null),
      );
      return r
        ? { id: r.id, familyId: r.family_id, reason: r.reason, placedBy: r.placed_by, placedAt: r.placed_at }
        : undefined;
    },

    async placeHold(familyId: number, reason: string, by: string, at: string): Promise<number> {
      return db.insert(
        qb
          .insertInto('legal_holds')
          .values({ family_id: familyId, reason, placed_by: by, placed_at: at })
          .returning('id'),
      );
    },

    async liftHold(id: number, reason: string, by: string, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('legal_holds')
          .set({ lifted_by: by, lifted_at: at, lift_reason: reason })
          .where('id', '=', id)
          .where('lifted_at', 'is', null),
      );
    },

    /**
     * Deletes, for good, every row the register holds about one family: its children and
     * conferences and everything recorded on them (invitations and attendance, views, the
     * chair's no-view records, decisions, what fell due, Principal Officer follow-ups, agency
     * escalations raised at them), its escalations (stages, actions, review meetings), the
     * corrections and generated-document records of all of these, and its legal holds. A
     * sharing-log entry is about an agency's export, not the family: it stays, with the erased
     * records taken out of its list of records. Returns the rows deleted per table, the sharing-log
     * entries so changed, and every erased record as the audit trail names it. Run inside the caller's transaction.
     */
    async eraseFamily(
      familyId: number,
    ): Promise<{ counts: Record<string, number>; sharingLogUpdated: number; refs: ErasedRef[] }> {
      const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
      const childIds = ids(await db.all(qb.selectFrom('children').select('id').where('family_id', '=', familyId)));
      const conferenceIds = ids(
        await db.all(qb.selectFrom('conferences').select('id').where('family_id', '=', familyId)),
      );
      const followUpIds =
        conferenceIds.length + childIds.length === 0
          ? []
          : ids(
              await db.all(
                qb
                  .selectFrom('follow_ups')
                  .select('id')
                  .where((eb) =>
                    eb.or([
                      ...(conferenceIds.length ? [eb('conference_id', 'in', conferenceIds)] : []),
                      ...(childIds.length ? [eb('child_id', 'in', childIds)] : []),
                    ]),
                  ),
              ),
            );
      const escalationIds = ids(
        await db.all(
          qb
            .selectFrom('escalations')
            .select('id')
            .where((eb) =>
              eb.or([
                eb('family_id', '=', familyId),
                ...(childIds.length ? [eb('child_id', 'in', childIds)] : []),
                ...(conferenceIds.length ? [eb('conference_id', 'in', conferenceIds)] : []),
                ...(followUpIds.length ? [eb('follow_up_id', 'in', followUpIds)] : []),
              ]),
            ),
        ),
      );
      const agencyEscalationIds = conferenceIds.length
        ? ids(
            await db.all(qb.selectFrom('agency_escalations').select('id').where('conference_id', 'in', conferenceIds)),
          )
        : [];
      const correctionIds = ids(
        await db.all(
          qb
            .selectFrom('corrections')
            .select('id')
            .where((eb) =>
              eb.or([
                ...(conferenceIds.length
                  ? [eb.and([eb('entity', '=', 'conference'), eb('entity_id', 'in', conferenceIds)])]
                  : []),
                ...(escalationIds.length
                  ? [eb.and([eb('entity', '=', 'escalation'), eb('entity_id', 'in', escalationIds)])]
                  : []),
                ...(agencyEscalationIds.length
                  ? [eb.and([eb('entity', '=', 'agency-escalation'), eb('entity_id', 'in', agencyEscalationIds)])]
                  : []),
                ...(childIds.length ? [eb('child_id', 'in', childIds)] : []),
              ]),
            ),
        ),
      );
      const documentIds = ids(
        await db.all(
          qb
            .selectFrom('generated_documents')
            .select('id')
            .where((eb) =>
              eb.or([
                ...(conferenceIds.length
                  ? [eb.and([eb('entity', '=', 'conference'), eb('entity_id', 'in', conferenceIds)])]
                  : []),
                ...(escalationIds.length
                  ? [eb.and([eb('entity', '=', 'escalation'), eb('entity_id', 'in', escalationIds)])]
                  : []),
              ]),
            ),
        ),
      );

      const counts: Record<string, number> = {};
      const count = (table: string, changes: number) => {
        counts[table] = (counts[table] ?? 0) + changes;
      };

      // Children first: what hangs off a record goes before the record it references.
      if (documentIds.length) {
        count(
          'generated_documents',
          (await db.run(qb.deleteFrom('generated_documents').where('id', 'in', documentIds))).changes,
        );
      }
      if (correctionIds.length) {
        // Another record's document marked superseded by one of these corrections keeps the mark
        // (when), not the link to a correction that no longer exists.
        await db.run(
          qb
            .updateTable('generated_documents')
            .set({ superseded_by: null })
            .where('superseded_by', 'in', correctionIds),
        );
        count('corrections', (await db.run(qb.deleteFrom('corrections').where('id', 'in', correctionIds))).changes);
      }
      if (escalationIds.length) {
        for (const table of ['review_meetings', 'escalation_stages', 'escalation_actions'] as const) {
          count(table, (await db.run(qb.deleteFrom(table).where('escalation_id', 'in', escalationIds))).changes);
        }
        count('escalations', (await db.run(qb.deleteFrom('escalations').where('id', 'in', escalationIds))).changes);
      }
      if (followUpIds.length) {
        count('follow_ups', (await db.run(qb.deleteFrom('follow_ups').where('id', 'in', followUpIds))).changes);
      }
      if (agencyEscalationIds.length) {
        count(
          'agency_escalations',
          (await db.run(qb.deleteFrom('agency_escalations').where('id', 'in', agencyEscalationIds))).changes,
        );
      }
      for (const table of ['child_views', 'child_no_views', 'child_outcomes', 'child_tasks'] as const) {
        if (conferenceIds.length + childIds.length === 0) break;
        count(
          table,
          (
            await db.run(
              qb
                .deleteFrom(table)
                .where((eb) =>
                  eb.or([
                    ...(conferenceIds.length ? [eb('conference_id', 'in', conferenceIds)] : []),
                    ...(childIds.length ? [eb('child_id', 'in', childIds)] : []),
                  ]),
                ),
            )
          ).changes,
        );
      }
      if (conferenceIds.length) {
        for (const table of ['conference_tasks', 'conference_agencies'] as const) {
          count(table, (await db.run(qb.deleteFrom(table).where('conference_id', 'in', conferenceIds))).changes);
        }
      }
      if (conferenceIds.length + childIds.length > 0) {
        count(
          'conference_children',
          (
            await db.run(
              qb
                .deleteFrom('conference_children')
                .where((eb) =>
                  eb.or([
                    ...(conferenceIds.length ? [eb('conference_id', 'in', conferenceIds)] : []),
                    ...(childIds.length ? [eb('child_id', 'in', childIds)] : []),
                  ]),
                ),
            )
          ).changes,
        );
      }
      if (conferenceIds.length) {
        // A reconvened conference references the one it reconvenes, both the family's.
        await db.run(qb.updateTable('conferences').set({ reconvenes_id: null }).where('id', 'in', conferenceIds));
        // The search terms hold the chair's, the children's and the family's names: erased with them.
        await db.run(qb.deleteFrom('conference_search_terms').where('conference_id', 'in', conferenceIds));
        count('conferences', (await db.run(qb.deleteFrom('conferences').where('id', 'in', conferenceIds))).changes);
      }
      if (childIds.length) {
        await db.run(qb.deleteFrom('child_search_terms').where('child_id', 'in', childIds));
        count('children', (await db.run(qb.deleteFrom('children').where('id', 'in', childIds))).changes);
      }
      count('legal_holds', (await db.run(qb.deleteFrom('legal_holds').where('family_id', '=', familyId))).changes);
      await db.run(qb.deleteFrom('family_search_terms').where('family_id', '=', familyId));
      count('families', (await db.run(qb.deleteFrom('families').where('id', '=', familyId))).changes);

      // The sharing log keeps each export to an agency; only the erased records leave its list.
      const erased = new Set([
        ...escalationIds.map((id) => `escalation:${id}`),
        ...agencyEscalationIds.map((id) => `agency_escalation:${id}`),
      ]);
      let sharingLogUpdated = 0;
      if (erased.size) {
        for (const s of await db.all(qb.selectFrom('sharing_log').select(['id', 'records_json']))) {
          const records = JSON.parse(s.records_json) as { entity: string; id: number }[];
          const kept = records.filter((r) => !erased.has(`${r.entity}:${r.id}`));
          if (kept.length === records.length) continue;
          await db.run(
            qb
              .updateTable('sharing_log')
              .set({ records_json: JSON.stringify(kept) })
              .where('id', '=', s.id),
          );
          sharingLogUpdated += 1;
        }
      }

      const refs: ErasedRef[] = [
        { entity: 'family', entityId: familyId },
        ...childIds.map((entityId) => ({ entity: 'child', entityId })),
        ...conferenceIds.map((entityId) => ({ entity: 'conference', entityId })),
        ...escalationIds.map((entityId) => ({ entity: 'escalation', entityId })),
        ...agencyEscalationIds.map((entityId) => ({ entity: 'agency_escalation', entityId })),
        ...documentIds.map((entityId) => ({ entity: 'generated_document', entityId })),
      ];
      return { counts, sharingLogUpdated, refs };
    },
  };
}
export type RetentionRepository = Awaited<ReturnType<typeof createRetentionRepository>>;
