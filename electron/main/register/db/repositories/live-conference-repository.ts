import type { AgencyType } from '../../../../../shared/schemas/agency';
import type { ConferenceType } from '../../../../../shared/schemas/conference';
import type {
  Attendance,
  Category,
  Decision,
  DueSort,
  ReportState,
} from '../../../../../shared/schemas/live-conference';
import type {
  ChildDueKind,
  ChildTaskClosure,
  ConferenceDueKind,
  ConferenceTaskClosure,
} from '../../../../../shared/conference-deadlines';
import { sql } from 'kysely';
import { qb, type RegisterDb } from '../query';
import { nextVersion } from '../sql-helpers';
import { pageOffset, type Page, type PageRequest } from '../../../../../shared/schemas/paging';
import { DUE_KIND_LABELS } from '../../../../../shared/conference-deadlines';

/** The status column: a cancelled conference keeps the status it had ('scheduled') and a cancellation date. */
export type ConferenceStatus = 'scheduled' | 'concluded' | 'adjourned';

/** What each kind of item is called on screen, for sorting by "What" as the list reads. */
const DUE_SORT_LABELS: Record<string, string> = {
  ...DUE_KIND_LABELS,
  'principal-officer-review': 'Principal Officer review',
};

export interface InvitationRow {
  agencyId: number;
  agencyName: string;
  agencyType: AgencyType;
  quoracyGroup: string | null;
  representativeName: string | null;
  representativeRole: string | null;
  attendance: Attendance | null;
  report: ReportState;
  reportReceivedOn: string | null;
  version: number;
}

export interface ViewRow {
  childId: number;
  agencyId: number;
  view: 'plan' | 'no-plan';
  reasons: string;
  version: number;
}

export interface OutcomeRow {
  childId: number;
  result: 'unanimous' | 'majority' | 'equally-divided' | 'chair-decision';
  decision: Decision;
  interimPlan: boolean;
  reconveneBy: string | null;
  category: Category | null;
  escalation: 'principal-officer-review' | null;
  decidedAt: string;
  version: number;
}

export interface NoViewRow {
  childId: number;
  agencyId: number;
  reason: string;
  version: number;
}

export interface DueTaskRow {
  conferenceId: number;
  conferenceDate: string;
  conferenceType: ConferenceType;
  familyName: string;
  childId: number | null;
  childName: string | null;
  kind: string;
  due: string;
}

export interface ChildTaskRow {
  conferenceId: number;
  childId: number;
  kind: ChildDueKind;
  due: string;
  done: string | null;
  closedBy: ChildTaskClosure | null;
}

function toDueTaskRow(r: {
  conference_id: number;
  date: string;
  type: string;
  name: string;
  kind: string;
  due_on: string;
  child_id?: number | null;
  given_name?: string | null;
  child_family_name?: string | null;
}): DueTaskRow {
  return {
    conferenceId: r.conference_id,
    conferenceDate: r.date,
    conferenceType: r.type as ConferenceType,
    familyName: r.name,
    childId: r.child_id ?? null,
    childName: r.given_name ? `${r.given_name} ${r.child_family_name ?? ''}`.trim() : null,
    kind: r.kind,
    due: r.due_on,
  };
}

/** SQL for the live conference: invitations, attendance, views, outcomes, tasks, follow-ups. */
export function createLiveConferenceRepository(db: RegisterDb) {
  return {
    async state(id: number) {
      const row = await db.first(
        qb
          .selectFrom('conferences')
          .select([
            'id',
            'type',
            'date',
            'time',
            'family_id',
            'status',
            'reconvenes_id',
            'inquorate_reason',
            'cancelled_on',
            'cancel_reason',
          ])
          .where('id', '=', id),
      );
      if (!row) return undefined;
      // A cancelled reconvened conference no longer reconvenes anything: another can be scheduled.
      const reconvenedBy = await db.first(
        qb
          .selectFrom('conferences')
          .select(['id', 'status'])
          .where('reconvenes_id', '=', id)
          .where('cancelled_on', 'is', null),
      );
      return {
        id: row.id,
        type: row.type as ConferenceType,
        date: row.date,
        time: row.time,
        familyId: row.family_id,
        status: row.status as ConferenceStatus,
        cancelledOn: row.cancelled_on,
        cancelReason: row.cancel_reason,
        reconvenesId: row.reconvenes_id,
        reconvenedById: reconvenedBy?.id ?? null,
        reconvenedStatus: (reconvenedBy?.status ?? null) as ConferenceStatus | null,
        inquorateReason: row.inquorate_reason,
      };
    },

    async setStatus(id: number, status: ConferenceStatus, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('conferences')
          .set({ status, updated_at: at, version: nextVersion('conferences') })
          .where('id', '=', id),
      );
    },

    async setInquorateReason(id: number, reason: string | null, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('conferences')
          .set({ inquorate_reason: reason, updated_at: at, version: nextVersion('conferences') })
          .where('id', '=', id),
      );
    },

    async redate(id: number, date: string, time: string, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('conferences')
          .set({ date, time, updated_at: at, version: nextVersion('conferences') })
          .where('id', '=', id),
      );
    },

    async setReconvenes(id: number, reconvenesId: number, at: string): Promise<void> {
      await db.run(
        qb
          .updateTable('conferences')
          .set({ reconvenes_id: reconvenesId, updated_at: at, version: nextVersion('conferences') })
          .where('id', '=', id),
      );
    },

    async invitations(conferenceId: number): Promise<InvitationRow[]> {
      return (
        await db.all(
          qb
            .selectFrom('conference_agencies as ca')
            .innerJoin('agencies as a', 'a.id', 'ca.agency_id')
            .select([
              'ca.agency_id',
              'a.name',
              'a.type',
              'a.quoracy_group',
              'ca.representative_name',
              'ca.representative_role',
              'ca.attendance',
              'ca.report',
              'ca.report_received_on',
              'ca.version',
            ])
            .where('ca.conference_id', '=', conferenceId)
            .orderBy('a.type')
            .orderBy('a.name'),
        )
      ).map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.name,
        agencyType: r.type as AgencyType,
        quoracyGroup: r.quoracy_group,
        representativeName: r.representative_name,
        representativeRole: r.representative_role,
        attendance: r.attendance as Attendance | null,
        report: r.report as ReportState,
        reportReceivedOn: r.report_received_on,
        version: r.version,
      }));
    },

    /**
     * The family's last conference before this one (by date, then by when it was made) that has
     * agencies invited and was not cancelled; null when there is none.
     */
    async lastInvitedBefore(
      familyId: number,
      conferenceId: number,
      date: string,
    ): Promise<{ id: number; date: string } | null> {
      const row = await db.first(
        qb
          .selectFrom('conferences as c')
          .select(['c.id', 'c.date'])
          .where('c.family_id', '=', familyId)
          .where('c.id', '!=', conferenceId)
          .where('c.cancelled_on', 'is', null)
          .where((eb) =>
            eb.or([eb('c.date', '<', date), eb.and([eb('c.date', '=', date), eb('c.id', '<', conferenceId)])]),
          )
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('conference_agencies as ca')
                .select('ca.agency_id')
                .whereRef('ca.conference_id', '=', 'c.id'),
            ),
          )
          .orderBy('c.date', 'desc')
          .orderBy('c.id', 'desc')
          .limit(1),
      );
      return row ? { id: row.id, date: row.date } : null;
    },

    async upsertInvitation(
      conferenceId: number,
      agencyId: number,
      name: string | null,
      role: string | null,
      at: string,
    ): Promise<void> {
      await db.run(
        qb
          .insertInto('conference_agencies')
          .values({
            conference_id: conferenceId,
            agency_id: agencyId,
            representative_name: name,
            representative_role: role,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc.columns(['conference_id', 'agency_id']).doUpdateSet({
              representative_name: name,
              representative_role: role,
              updated_at: at,
              version: nextVersion('conference_agencies'),
            }),
          ),
      );
    },

    async removeInvitation(conferenceId: number, agencyId: number): Promise<void> {
      await db.run(
        qb
          .deleteFrom('conference_agencies')
          .where('conference_id', '=', conferenceId)
          .where('agency_id', '=', agencyId),
      );
    },

    async setAttendance(
      conferenceId: number,
      agencyId: number,
      attendance: Attendance | null,
      at: string,
    ): Promise<void> {
      await db.run(
        qb
          .updateTable('conference_agencies')
          .set({ attendance, updated_at: at, version: nextVersion('conference_agencies') })
          .where('conference_id', '=', conferenceId)
          .where('agency_id', '=', agencyId),
      );
    },

    async setReport(
      conferenceId: number,
      agencyId: number,
      report: ReportState,
      receivedOn: string | null,
      at: string,
    ): Promise<void> {
      await db.run(
        qb
          .updateTable('conference_agencies')
          .set({ report, report_received_on: receivedOn, updated_at: at, version: nextVersion('conference_agencies') })
          .where('conference_id', '=', conferenceId)
          .where('agency_id', '=', agencyId),
      );
    },

    /**
     * Claims a conference for an edit made from a screen that loaded it at `version`: counts its
     * version up only if it still has that one. False means someone else changed it first.
     */
    async claimConference(id: number, version: number): Promise<boolean> {
      const query = qb
        .updateTable('conferences')
        .set({ version: nextVersion('conferences') })
        .where('id', '=', id)
        .where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },

    /** As `claimConference`, for one agency's invitation (its attendance and report). */
    async claimInvitation(conferenceId: number, agencyId: number, version: number): Promise<boolean> {
      const query = qb
        .updateTable('conference_agencies')
        .set({ version: nextVersion('conference_agencies') })
        .where('conference_id', '=', conferenceId)
        .where('agency_id', '=', agencyId)
        .where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },

    /** As `claimConference`, for a child's recorded decision. */
    async claimOutcome(conferenceId: number, childId: number, version: number): Promise<boolean> {
      const query = qb
        .updateTable('child_outcomes')
        .set({ version: nextVersion('child_outcomes') })
        .where('conference_id', '=', conferenceId)
        .where('child_id', '=', childId)
        .where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },

    /**
     * The version of what one agency said for one child: its view or the chair's record that it
     * gave none (one replaces the other and carries the version on), 0 while there is neither.
     */
    async slotVersion(conferenceId: number, childId: number, agencyId: number): Promise<number> {
      let version = 0;
      for (const table of ['child_views', 'child_no_views'] as const) {
        const row = await db.first(
          qb
            .selectFrom(table)
            .select('version')
            .where('conference_id', '=', conferenceId)
            .where('child_id', '=', childId)
            .where('agency_id', '=', agencyId),
        );
        version = Math.max(version, row?.version ?? 0);
      }
      return version;
    },

    /**
     * As `claimConference`, for what one agency said for one child (see `slotVersion`); version 0
     * claims a slot still empty.
     */
    async claimSlot(conferenceId: number, childId: number, agencyId: number, version: number): Promise<boolean> {
      if (version === 0) return (await this.slotVersion(conferenceId, childId, agencyId)) === 0;
      for (const table of ['child_views', 'child_no_views'] as const) {
        const query = qb
          .updateTable(table)
          .set({ version: nextVersion(table) })
          .where('conference_id', '=', conferenceId)
          .where('child_id', '=', childId)
          .where('agency_id', '=', agencyId)
          .where('version', '=', version);
        if ((await db.run(query)).changes > 0) return true;
      }
      return false;
    },

    async views(conferenceId: number): Promise<ViewRow[]> {
      return (
        await db.all(
          qb
            .selectFrom('child_views')
            .select(['child_id', 'agency_id', 'view', 'reasons', 'version'])
            .where('conference_id', '=', conferenceId),
        )
      ).map((r) => ({
        childId: r.child_id,
        agencyId: r.agency_id,
        view: r.view as ViewRow['view'],
        reasons: r.reasons,
        version: r.version,
      }));
    },

    /** Writes a view with the version its slot (view or record of no view) is to have now. */
    async upsertView(conferenceId: number, v: ViewRow, at: string): Promise<void> {
      await db.run(
        qb
          .insertInto('child_views')
          .values({
            conference_id: conferenceId,
            child_id: v.childId,
            agency_id: v.agencyId,
            view: v.view,
            reasons: v.reasons,
            updated_at: at,
            version: v.version,
          })
          .onConflict((oc) =>
            oc
              .columns(['conference_id', 'child_id', 'agency_id'])
              .doUpdateSet({ view: v.view, reasons: v.reasons, updated_at: at, version: v.version }),
          ),
      );
    },

    async deleteView(conferenceId: number, childId: number, agencyId: number): Promise<void> {
      await db.run(
        qb
          .deleteFrom('child_views')
          .where('conference_id', '=', conferenceId)
          .where('child_id', '=', childId)
          .where('agency_id', '=', agencyId),
      );
    },

    async noViews(conferenceId: number): Promise<NoViewRow[]> {
      return (
        await db.all(
          qb
            .selectFrom('child_no_views')
            .select(['child_id', 'agency_id', 'reason', 'version'])
            .where('conference_id', '=', conferenceId),
        )
      ).map((r) => ({ childId: r.child_id, agencyId: r.agency_id, reason: r.reason, version: r.version }));
    },

    async upsertNoView(conferenceId: number, v: NoViewRow, at: string): Promise<void> {
      await db.run(
        qb
          .insertInto('child_no_views')
          .values({
            conference_id: conferenceId,
            child_id: v.childId,
            agency_id: v.agencyId,
            reason: v.reason,
            updated_at: at,
            version: v.version,
          })
          .onConflict((oc) =>
            oc
              .columns(['conference_id', 'child_id', 'agency_id'])
              .doUpdateSet({ reason: v.reason, updated_at: at, version: v.version }),
          ),
      );
    },

    async deleteNoView(conferenceId: number, childId: number, agencyId: number): Promise<void> {
      await db.run(
        qb
          .deleteFrom('child_no_views')
          .where('conference_id', '=', conferenceId)
          .where('child_id', '=', childId)
          .where('agency_id', '=', agencyId),
      );
    },

    async outcomes(conferenceId: number): Promise<OutcomeRow[]> {
      return (await db.all(qb.selectFrom('child_outcomes').selectAll().where('conference_id', '=', conferenceId))).map(
        (r) => ({
          childId: r.child_id,
          result: r.result as OutcomeRow['result'],
          decision: r.decision as Decision,
          interimPlan: r.interim_plan === 1,
          reconveneBy: r.reconvene_by,
          category: r.category as Category | null,
          escalation: r.escalation as OutcomeRow['escalation'],
          decidedAt: r.decided_at,
          version: r.version,
        }),
      );
    },

    async insertOutcome(conferenceId: number, o: Omit<OutcomeRow, 'version'>): Promise<void> {
      await db.run(
        qb.insertInto('child_outcomes').values({
          conference_id: conferenceId,
          child_id: o.childId,
          result: o.result,
          decision: o.decision,
          interim_plan: o.interimPlan ? 1 : 0,
          reconvene_by: o.reconveneBy,
          category: o.category,
          escalation: o.escalation,
          decided_at: o.decidedAt,
        }),
      );
    },

    /** Replaces a child's recorded outcome (an amendment: the correction row keeps the old values). */
    async updateOutcome(conferenceId: number, o: Omit<OutcomeRow, 'version'>): Promise<void> {
      await db.run(
        qb
          .updateTable('child_outcomes')
          .set({
            result: o.result,
            decision: o.decision,
            interim_plan: o.interimPlan ? 1 : 0,
            reconvene_by: o.reconveneBy,
            category: o.category,
            escalation: o.escalation,
            version: nextVersion('child_outcomes'),
          })
          .where('conference_id', '=', conferenceId)
          .where('child_id', '=', o.childId),
      );
    },

    /** Each child's categories in conference order (first = initial, last = latest). */
    async categoryHistory(childIds: readonly number[]): Promise<Map<number, Category[]>> {
      const history = new Map<number, Category[]>();
      if (childIds.length === 0) return history;
      const rows = await db.all(
        qb
          .selectFrom('child_outcomes as o')
          .innerJoin('conferences as c', 'c.id', 'o.conference_id')
          .select(['o.child_id', 'o.category'])
          .where('o.child_id', 'in', childIds)
          .where('o.category', 'is not', null)
          .orderBy('c.date')
          .orderBy('c.time')
          .orderBy('c.id'),
      );
      for (const r of rows) {
        const list = history.get(r.child_id) ?? [];
        list.push(r.category as Category);
        history.set(r.child_id, list);
      }
      return history;
    },

    async upsertTasks(conferenceId: number, tasks: readonly { kind: ConferenceDueKind; due: string }[]): Promise<void> {
      for (const t of tasks) {
        await db.run(
          qb
            .insertInto('conference_tasks')
            .values({ conference_id: conferenceId, kind: t.kind, due_on: t.due, done_on: null })
            .onConflict((oc) =>
              oc
                .columns(['conference_id', 'kind'])
                .doUpdateSet({ due_on: t.due, version: nextVersion('conference_tasks') }),
            ),
        );
      }
    },

    async completeTask(
      conferenceId: number,
      kind: ConferenceDueKind,
      on: string,
      closedBy: ConferenceTaskClosure,
    ): Promise<number> {
      return (
        await db.run(
          qb
            .updateTable('conference_tasks')
            .set({ done_on: on, closed_by: closedBy, version: nextVersion('conference_tasks') })
            .where('conference_id', '=', conferenceId)
            .where('kind', '=', kind)
            .where('done_on', 'is', null),
        )
      ).changes;
    },

    /** Opens a conference's item again (a decision letter due again after an amended decision). */
    async reopenTask(conferenceId: number, kind: ConferenceDueKind, due: string): Promise<number> {
      return (
        await db.run(
          qb
            .updateTable('conference_tasks')
            .set({ due_on: due, done_on: null, closed_by: null, version: nextVersion('conference_tasks') })
            .where('conference_id', '=', conferenceId)
            .where('kind', '=', kind),
        )
      ).changes;
    },

    async insertChildTasks(
      conferenceId: number,
      childId: number,
      tasks: readonly { kind: ChildDueKind; due: string }[],
    ): Promise<void> {
      for (const t of tasks) {
        await db.run(
          qb.insertInto('child_tasks').values({
            conference_id: conferenceId,
            child_id: childId,
            kind: t.kind,
            due_on: t.due,
            done_on: null,
            closed_by: null,
          }),
        );
      }
    },

    /** What one conference scheduled for each child. */
    async childTasks(conferenceId: number): Promise<ChildTaskRow[]> {
      return (
        await db.all(
          qb
            .selectFrom('child_tasks')
            .select(['conference_id', 'child_id', 'kind', 'due_on', 'done_on', 'closed_by'])
            .where('conference_id', '=', conferenceId)
            .orderBy('due_on'),
        )
      ).map((r) => ({
        conferenceId: r.conference_id,
        childId: r.child_id,
        kind: r.kind as ChildDueKind,
        due: r.due_on,
        done: r.done_on,
        closedBy: r.closed_by as ChildTaskClosure | null,
      }));
    },

    /** Removes a conference's open items for a child, to schedule them again (an amended decision). */
    async deleteOpenChildTasks(conferenceId: number, childId: number): Promise<void> {
      await db.run(
        qb
          .deleteFrom('child_tasks')
          .where('conference_id', '=', conferenceId)
          .where('child_id', '=', childId)
          .where('done_on', 'is', null),
      );
    },

    async completeChildTask(
      conferenceId: number,
      childId: number,
      kind: ChildDueKind,
      on: string,
      closedBy: ChildTaskClosure,
    ): Promise<number> {
      return (
        await db.run(
          qb
            .updateTable('child_tasks')
            .set({ done_on: on, closed_by: closedBy, version: nextVersion('child_tasks') })
            .where('conference_id', '=', conferenceId)
            .where('child_id', '=', childId)
            .where('kind', '=', kind)
            .where('done_on', 'is', null),
        )
      ).changes;
    },

    /**
     * Closes a child's open items of one kind from conferences held before `beforeDate` (a review
     * held answers the review that was due); returns how many closed.
     */
    async closeEarlierChildTasks(
      childId: number,
      kind: ChildDueKind,
      exceptConferenceId: number,
      beforeDate: string,
      on: string,
      closedBy: ChildTaskClosure,
    ): Promise<number> {
      return (
        await db.run(
          qb
            .updateTable('child_tasks')
            .set({ done_on: on, closed_by: closedBy, version: nextVersion('child_tasks') })
            .where('child_id', '=', childId)
            .where('kind', '=', kind)
            .where('done_on', 'is', null)
            .where('conference_id', '!=', exceptConferenceId)
            // Correlated, so each of the child's few items looks up its own conference by key.
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('conferences as c')
                  .select('c.id')
                  .whereRef('c.id', '=', 'child_tasks.conference_id')
                  .where('c.date', '<=', beforeDate),
              ),
            ),
        )
      ).changes;
    },

    async insertFollowUp(
      f: { kind: 'principal-officer-review'; conferenceId: number; childId: number; openedOn: string; dueOn: string },
      at: string,
    ): Promise<number> {
      return db.insert(
        qb
          .insertInto('follow_ups')
          .values({
            kind: f.kind,
            conference_id: f.conferenceId,
            child_id: f.childId,
            opened_on: f.openedOn,
            due_on: f.dueOn,
            closed_on: null,
            created_at: at,
          })
          .returning('id'),
      );
    },

    /** The follow-up a conference opened for a child (a Principal Officer review), if any. */
    async followUpFor(conferenceId: number, childId: number): Promise<number | null> {
      return (
        (
          await db.first(
            qb
              .selectFrom('follow_ups')
              .select('id')
              .where('conference_id', '=', conferenceId)
              .where('child_id', '=', childId),
          )
        )?.id ?? null
      );
    },

    async closeFollowUp(id: number, on: string): Promise<void> {
      await db.run(
        qb
          .updateTable('follow_ups')
          .set({ closed_on: on, version: nextVersion('follow_ups') })
          .where('id', '=', id)
          .where('closed_on', 'is', null),
      );
    },

    /**
     * A page of what falls due, open items of the three kinds (a conference's own tasks, its
     * children's, Principal Officer reviews) in one UNION ALL, sorted and cut in SQL; and how
     * many are open in all. The ties go soonest first, then by conference, child and kind.
     */
    async openDue(p: PageRequest<DueSort>): Promise<Page<DueTaskRow>> {
      const tasks = qb
        .selectFrom('conference_tasks as t')
        .innerJoin('conferences as c', 'c.id', 't.conference_id')
        .innerJoin('families as f', 'f.id', 'c.family_id')
        .select([
          't.conference_id',
          'c.date',
          'c.type',
          'f.name',
          't.kind',
          't.due_on',
          sql<number | null>`CAST(NULL AS bigint)`.as('child_id'),
          sql<string | null>`CAST(NULL AS text)`.as('given_name'),
          sql<string | null>`CAST(NULL AS text)`.as('child_family_name'),
        ])
        .where('t.done_on', 'is', null);
      const childTasks = qb
        .selectFrom('child_tasks as t')
        .innerJoin('conferences as c', 'c.id', 't.conference_id')
        .innerJoin('families as f', 'f.id', 'c.family_id')
        .innerJoin('children as ch', 'ch.id', 't.child_id')
        .select([
          't.conference_id',
          'c.date',
          'c.type',
          'f.name',
          't.kind',
          't.due_on',
          sql<number | null>`t.child_id`.as('child_id'),
          sql<string | null>`ch.given_name`.as('given_name'),
          sql<string | null>`ch.family_name`.as('child_family_name'),
        ])
        .where('t.done_on', 'is', null);
      const followUps = qb
        .selectFrom('follow_ups as u')
        .innerJoin('conferences as c', 'c.id', 'u.conference_id')
        .innerJoin('families as f', 'f.id', 'c.family_id')
        .innerJoin('children as ch', 'ch.id', 'u.child_id')
        .select([
          'u.conference_id',
          'c.date',
          'c.type',
          'f.name',
          'u.kind',
          'u.due_on',
          sql<number | null>`u.child_id`.as('child_id'),
          sql<string | null>`ch.given_name`.as('given_name'),
          sql<string | null>`ch.family_name`.as('child_family_name'),
        ])
        .where('u.closed_on', 'is', null);
      const open = qb.selectFrom(tasks.unionAll(childTasks).unionAll(followUps).as('d'));
      const total = Number((await db.first(open.select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0);
      const labels = sql.join(
        Object.entries(DUE_SORT_LABELS).map(([kind, label]) => sql`WHEN ${kind} THEN ${label}`),
        sql` `,
      );
      const column = {
        due: sql`d.due_on`,
        what: sql`CASE d.kind ${labels} ELSE d.kind END`,
        family: sql`lower(d.name)`,
        child: sql`lower(coalesce(d.given_name || ' ' || d.child_family_name, ''))`,
        conference: sql`d.date`,
      }[p.sort];
      const rows = await db.all(
        open
          .selectAll()
          .orderBy(column, p.direction)
          .orderBy('d.due_on')
          .orderBy('d.conference_id')
          .orderBy(sql`coalesce(d.child_id, 0)`)
          .orderBy('d.kind')
          .limit(p.pageSize)
          .offset(pageOffset(p)),
      );
      return { items: rows.map(toDueTaskRow), total, page: p.page, pageSize: p.pageSize };
    },

    /** Adjourned conferences, with the conference that reconvenes each (if scheduled). */
    async adjourned(limit: number) {
      return (
        await db.all(
          qb
            .selectFrom('conferences as c')
            .innerJoin('families as f', 'f.id', 'c.family_id')
            .leftJoin('conferences as r', (join) =>
              join.onRef('r.reconvenes_id', '=', 'c.id').on('r.cancelled_on', 'is', null),
            )
            .select([
              'c.id',
              'c.type',
              'c.date',
              'f.name as family_name',
              'r.id as reconvened_id',
              'r.date as reconvened_date',
              'r.status as reconvened_status',
            ])
            .where('c.status', '=', 'adjourned')
            .orderBy('c.date', 'desc')
            .limit(limit),
        )
      ).map((r) => ({
        id: r.id,
        type: r.type as ConferenceType,
        date: r.date,
        familyName: r.family_name,
        reconvenedId: r.reconvened_id,
        reconvenedDate: r.reconvened_date,
        reconvenedStatus: r.reconvened_status as ConferenceStatus | null,
      }));
    },

    /** Adjourned children of several conferences, with their interim plan and reconvene-by. */
    async adjournedChildren(conferenceIds: readonly number[]) {
      if (conferenceIds.length === 0) return [];
      return db.all(
        qb
          .selectFrom('child_outcomes as o')
          .innerJoin('children as ch', 'ch.id', 'o.child_id')
          .select(['o.conference_id', 'ch.id', 'ch.given_name', 'ch.family_name', 'o.interim_plan', 'o.reconvene_by'])
          .where('o.conference_id', 'in', conferenceIds)
          .where('o.decision', '=', 'adjourned'),
      );
    },

    /** Scheduled conferences in a date range with at least one report still awaited. */
    async reportsOutstanding(from: string, to: string) {
      return db.all(
        qb
          .selectFrom('conferences as c')
          .innerJoin('families as f', 'f.id', 'c.family_id')
          .innerJoin('conference_agencies as ca', 'ca.conference_id', 'c.id')
          .innerJoin('agencies as a', 'a.id', 'ca.agency_id')
          .select([
            'c.id',
            'c.type',
            'c.date',
            'c.time',
            'c.reconvenes_id',
            'f.name as family_name',
            'a.name as agency_name',
          ])
          .where('c.status', '=', 'scheduled')
          .where('c.cancelled_on', 'is', null)
          .where('c.date', '>=', from)
          .where('c.date', '<=', to)
          .where('ca.report', '=', 'awaited')
          .orderBy('c.date')
          .orderBy('c.time')
          .orderBy('a.name'),
      );
    },
  };
}
export type LiveConferenceRepository = Awaited<ReturnType<typeof createLiveConferenceRepository>>;
