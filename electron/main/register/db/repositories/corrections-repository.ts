import type { Change, Correction } from '../../../../../shared/schemas/live-conference';
import { qb, type RegisterDb } from '../query';

export type CorrectionEntity = 'conference' | 'escalation' | 'agency-escalation';

export interface NewCorrection {
  entity: CorrectionEntity;
  entityId: number;
  childId: number | null;
  kind: Correction['kind'];
  reason: string;
  changes: readonly Change[];
  at: string;
  actor: string;
}

/**
 * Corrections made openly: an amended decision, corrected escalation details, a withdrawn
 * agency escalation. Each keeps who, when, why and each changed field before and after; rows are
 * only ever added.
 */
export function createCorrectionsRepository(db: RegisterDb) {
  return {
    async insert(c: NewCorrection): Promise<number> {
      return db.insert(
        qb
          .insertInto('corrections')
          .values({
            entity: c.entity,
            entity_id: c.entityId,
            child_id: c.childId,
            kind: c.kind,
            reason: c.reason,
            before_json: JSON.stringify(Object.fromEntries(c.changes.map((x) => [x.field, x.before]))),
            after_json: JSON.stringify(Object.fromEntries(c.changes.map((x) => [x.field, x.after]))),
            changes_json: JSON.stringify(c.changes),
            at: c.at,
            actor: c.actor,
          })
          .returning('id'),
      );
    },

    /** A record's corrections, oldest first. */
    async forRecord(entity: CorrectionEntity, entityId: number): Promise<Correction[]> {
      return (
        await db.all(
          qb
            .selectFrom('corrections')
            .selectAll()
            .where('entity', '=', entity)
            .where('entity_id', '=', entityId)
            .orderBy('id'),
        )
      ).map((r) => ({
        id: r.id,
        kind: r.kind as Correction['kind'],
        childId: r.child_id,
        at: r.at,
        actor: r.actor,
        reason: r.reason,
        changes: JSON.parse(r.changes_json) as Change[],
      }));
    },
  };
}
export type CorrectionsRepository = Awaited<ReturnType<typeof createCorrectionsRepository>>;
