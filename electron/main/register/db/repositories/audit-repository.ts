import { qb, type RegisterDb } from '../query';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'cancel'
  | 'amend'
  | 'withdraw'
  | 'deactivate'
  | 'reactivate'
  | 'import'
  | 'settings'
  /** A family's records erased for good after their retention date (no personal data). */
  | 'erase'
  /** A legal hold placed on or lifted from a family's records. */
  | 'hold'
  | 'lift-hold';

export interface AuditEvent {
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: number;
  before: unknown;
  after: unknown;
}

export interface StoredAuditEvent extends AuditEvent {
  id: number;
}

export function createAuditRepository(db: RegisterDb) {
  return {
    append(event: AuditEvent): void {
      db.run(
        qb.insertInto('audit_events').values({
          at: event.at,
          actor: event.actor,
          action: event.action,
          entity: event.entity,
          entity_id: event.entityId,
          before_json: event.before === undefined ? null : JSON.stringify(event.before),
          after_json: event.after === undefined ? null : JSON.stringify(event.after),
        }),
      );
    },

    /** The history of one record, oldest first. */
    forRecord(entity: string, entityId: number): StoredAuditEvent[] {
      return db
        .all(
          qb
            .selectFrom('audit_events')
            .selectAll()
            .where('entity', '=', entity)
            .where('entity_id', '=', entityId)
            .orderBy('id'),
        )
        .map((r) => ({
          id: r.id,
          at: r.at,
          actor: r.actor,
          action: r.action as AuditAction,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before_json === null ? undefined : (JSON.parse(r.before_json) as unknown),
          after: r.after_json === null ? undefined : (JSON.parse(r.after_json) as unknown),
        }));
    },

    /**
     * PLACEHOLDER for the lead to replace at merge with the audit rebuild's own
     * `redactRecords` (which deletes each event's payload from the payload table). Here: blanks
     * the values before and after of every event about the given records, so what an erased
     * record held leaves the trail, and returns those events' ids (ascending). The events
     * themselves (who, when, what kind, which record) stay.
     */
    redactRecords(refs: { entity: string; entityId: number }[]): number[] {
      const byEntity = new Map<string, number[]>();
      for (const r of refs) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.entityId]);
      const ids: number[] = [];
      for (const [entity, entityIds] of byEntity) {
        const rows = db.all(
          qb.selectFrom('audit_events').select('id').where('entity', '=', entity).where('entity_id', 'in', entityIds),
        );
        ids.push(...rows.map((r) => r.id));
        db.run(
          qb
            .updateTable('audit_events')
            .set({ before_json: null, after_json: null })
            .where('entity', '=', entity)
            .where('entity_id', 'in', entityIds),
        );
      }
      return ids.sort((a, b) => a - b);
    },

    count(): number {
      return db.first(qb.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
