import type { DueKind } from '../../../../../shared/conference-deadlines';
import { qb, type RegisterDb } from '../query';

/** A conference a letter may be made for, as a document source lists it. */
export interface LetterConferenceRow {
  id: number;
  date: string;
  time: string;
  type: string;
  status: string;
  familyName: string;
}

function toRow(r: { id: number; date: string; time: string; type: string; status: string; name: string }) {
  return { id: r.id, date: r.date, time: r.time, type: r.type, status: r.status, familyName: r.name };
}

const CONFERENCE_COLUMNS = ['c.id', 'c.date', 'c.time', 'c.type', 'c.status', 'f.name'] as const;

/**
 * SQL for the conference documents (decision letter, reconvene notice, dissent record): which
 * conferences fall in a period, and what a conference scheduled after it (its tasks and any
 * Principal Officer review). Read only.
 */
export function createConferenceLettersRepository(db: RegisterDb) {
  const conferences = () =>
    qb.selectFrom('conferences as c').innerJoin('families as f', 'f.id', 'c.family_id').select(CONFERENCE_COLUMNS);

  return {
    /** One conference with its family's name, whatever its status. */
    async conference(id: number): Promise<LetterConferenceRow | undefined> {
      const row = await db.first(conferences().where('c.id', '=', id));
      return row ? toRow(row) : undefined;
    },

    /** Concluded or adjourned conferences whose decision letter falls due in the period. */
    async decisionLettersDue(from: string, to: string): Promise<LetterConferenceRow[]> {
      return (
        await db.all(
          conferences()
            .innerJoin('conference_tasks as t', 't.conference_id', 'c.id')
            .where('t.kind', '=', 'decision-letter')
            .where('t.due_on', '>=', from)
            .where('t.due_on', '<=', to)
            .where('c.status', 'in', ['concluded', 'adjourned'])
            .orderBy('c.date')
            .orderBy('c.time')
            .orderBy('c.id'),
        )
      ).map(toRow);
    },

    /** Conferences held in the period with the given statuses, by date, time and id. */
    async heldIn(from: string, to: string, statuses: readonly string[]): Promise<LetterConferenceRow[]> {
      if (statuses.length === 0) return [];
      return (
        await db.all(
          conferences()
            .where('c.date', '>=', from)
            .where('c.date', '<=', to)
            .where('c.status', 'in', [...statuses])
            .orderBy('c.date')
            .orderBy('c.time')
            .orderBy('c.id'),
        )
      ).map(toRow);
    },

    /**
     * What the conference scheduled after its decisions: its own items (decision letter, minutes,
     * reconvening) and each child's (first core group, next review), by due date.
     */
    async tasks(
      conferenceId: number,
    ): Promise<{ kind: DueKind; due: string; done: string | null; childId: number | null }[]> {
      const own = (
        await db.all(
          qb
            .selectFrom('conference_tasks')
            .select(['kind', 'due_on', 'done_on'])
            .where('conference_id', '=', conferenceId),
        )
      ).map((r) => ({ kind: r.kind as DueKind, due: r.due_on, done: r.done_on, childId: null }));
      const children = (
        await db.all(
          qb
            .selectFrom('child_tasks')
            .select(['kind', 'due_on', 'done_on', 'child_id'])
            .where('conference_id', '=', conferenceId),
        )
      ).map((r) => ({ kind: r.kind as DueKind, due: r.due_on, done: r.done_on, childId: r.child_id }));
      return [...own, ...children].sort(
        (a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || (a.childId ?? 0) - (b.childId ?? 0),
      );
    },

    /** Principal Officer reviews the conference opened (a reconvened conference still divided). */
    async principalOfficerReviews(conferenceId: number): Promise<{ childId: number; due: string }[]> {
      return (
        await db.all(
          qb
            .selectFrom('follow_ups')
            .select(['child_id', 'due_on'])
            .where('conference_id', '=', conferenceId)
            .where('kind', '=', 'principal-officer-review')
            .orderBy('child_id'),
        )
      ).map((r) => ({ childId: r.child_id, due: r.due_on }));
    },
  };
}
export type ConferenceLettersRepository = Awaited<ReturnType<typeof createConferenceLettersRepository>>;
