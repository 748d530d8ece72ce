import {
  GENESIS_HASH,
  eventHash,
  payloadDigest,
  verifyChain,
  type ChainVerdict,
  type StoredChainEvent,
  type StoredPayload,
} from '../audit-chain';
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
  /** The values before and after were erased (retention): before and after are undefined. */
  redacted: boolean;
}

export type { ChainVerdict };

type EventRow = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
};

const parse = (json: string | null | undefined): unknown =>
  json === null || json === undefined ? undefined : (JSON.parse(json) as unknown);

function chainEvent(r: EventRow): StoredChainEvent {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The audit trail: append-only and hash-chained (see `audit-chain.ts`). Events are written only by
 * `append`, which computes the next id itself so the id is part of the hash; the register's
 * triggers refuse any update or deletion of an event.
 */
export function createAuditRepository(db: RegisterDb) {
  const events = () =>
    qb
      .selectFrom('audit_events as e')
      .leftJoin('audit_payloads as p', 'p.event_id', 'e.id')
      .select([
        'e.id',
        'e.at',
        'e.actor',
        'e.action',
        'e.entity',
        'e.entity_id',
        'e.before_digest',
        'e.after_digest',
        'p.event_id as payload_id',
        'p.before_json',
        'p.after_json',
      ]);

  function stored(r: {
    id: number;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: number;
    before_digest: string | null;
    after_digest: string | null;
    payload_id: number | null;
    before_json: string | null;
    after_json: string | null;
  }): StoredAuditEvent {
    const redacted = r.payload_id === null && (r.before_digest !== null || r.after_digest !== null);
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action as AuditAction,
      entity: r.entity,
      entityId: r.entity_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      redacted,
    };
  }

  async function head(): Promise<{ id: number; hash: string } | null> {
    return (
      (await db.first(qb.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1))) ?? null
    );
  }

  /**
   * The highest id the register has issued to an event: SQLite keeps it even if the tail is
   * deleted. PostgreSQL's triggers refuse deleting events and truncating the table, and a
   * sequence is not rolled back with its transaction, so there it is the last event's id.
   */
  async function issuedUpTo(): Promise<number> {
    if (db.engine === 'postgres') return (await head())?.id ?? 0;
    return (
      (await db.first(qb.selectFrom('sqlite_sequence').select('seq').where('name', '=', 'audit_events')))?.seq ?? 0
    );
  }

  async function count(): Promise<number> {
    return (await db.first(qb.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
  }

  /** Event id → the id of the erasure event that lists it in `redactedEvents`. */
  async function erasures(): Promise<Map<number, number>> {
    const rows = await db.all(
      qb
        .selectFrom('audit_events as e')
        .innerJoin('audit_payloads as p', 'p.event_id', 'e.id')
        .select(['e.id', 'p.after_json'])
        .where('e.action', '=', 'erase')
        .orderBy('e.id'),
    );
    const erasedBy = new Map<number, number>();
    for (const r of rows) {
      let listed: unknown;
      try {
        listed = (parse(r.after_json) as { redactedEvents?: unknown } | undefined)?.redactedEvents;
      } catch {
        continue; // a damaged erasure payload fails its own digest check
      }
      if (!Array.isArray(listed)) continue;
      for (const id of listed) if (typeof id === 'number' && !erasedBy.has(id)) erasedBy.set(id, r.id);
    }
    return erasedBy;
  }

  /** The payloads of the events with ids from `low` to `high`, read at once. */
  async function payloadsBetween(low: number, high: number): Promise<Map<number, StoredPayload>> {
    const rows = await db.all(
      qb
        .selectFrom('audit_payloads')
        .select(['event_id', 'before_json', 'after_json'])
        .where('event_id', '>=', low)
        .where('event_id', '<=', high),
    );
    return new Map(rows.map((r) => [r.event_id, { beforeJson: r.before_json, afterJson: r.after_json }]));
  }

  async function check(rows: EventRow[], start: { id: number; hash: string } | null): Promise<ChainVerdict> {
    const chain = rows.map(chainEvent);
    const payloads =
      chain.length === 0
        ? new Map<number, StoredPayload>()
        : await payloadsBetween(chain[0]?.id ?? 0, chain.at(-1)?.id ?? 0);
    return verifyChain({
      events: chain,
      start,
      hashIds: new Map(chain.map((e) => [e.hash, e.id])),
      payload: (id) => payloads.get(id),
      erasedBy: await erasures(),
      issuedUpTo: await issuedUpTo(),
      total: await count(),
    });
  }

  return {
    /**
     * Appends an event in the caller's transaction: its id (the next the register issues), its
     * payloads' digests and the hash linking it to the event before. Returns its id.
     */
    async append(event: AuditEvent): Promise<number> {
      // In the caller's transaction, or one of its own: the lock and the link go together.
      return db.transaction(async () => {
        // Two writers at once on PostgreSQL would both link to the same last event.
        await db.lock('audit-chain');
        const last = await head();
        const id = Math.max(last?.id ?? 0, await issuedUpTo()) + 1;
        const beforeJson = event.before === undefined ? null : JSON.stringify(event.before);
        const afterJson = event.after === undefined ? null : JSON.stringify(event.after);
        const fields = {
          id,
          at: event.at,
          actor: event.actor,
          action: event.action,
          entity: event.entity,
          entityId: event.entityId,
          beforeDigest: payloadDigest(beforeJson),
          afterDigest: payloadDigest(afterJson),
        };
        const prevHash = last?.hash ?? GENESIS_HASH;
        await db.run(
          qb.insertInto('audit_events').values({
            id,
            at: fields.at,
            actor: fields.actor,
            action: fields.action,
            entity: fields.entity,
            entity_id: fields.entityId,
            before_digest: fields.beforeDigest,
            after_digest: fields.afterDigest,
            prev_hash: prevHash,
            hash: eventHash(prevHash, fields),
          }),
        );
        if (beforeJson !== null || afterJson !== null) {
          await db.run(
            qb.insertInto('audit_payloads').values({ event_id: id, before_json: beforeJson, after_json: afterJson }),
          );
        }
        return id;
      });
    },

    /** The history of one record, oldest first. */
    async forRecord(entity: string, entityId: number): Promise<StoredAuditEvent[]> {
      return (
        await db.all(events().where('e.entity', '=', entity).where('e.entity_id', '=', entityId).orderBy('e.id'))
      ).map(stored);
    },

    /** A page of the whole trail, newest first, with how many events there are. */
    async list(page: { offset: number; limit: number }): Promise<{ total: number; events: StoredAuditEvent[] }> {
      return {
        total: await count(),
        events: (await db.all(events().orderBy('e.id', 'desc').limit(page.limit).offset(page.offset))).map(stored),
      };
    },

    /** The last event's id and hash (to keep outside the register and compare), or null when empty. */
    head,

    /** One event's hash, or undefined when there is no such event. */
    async hashOf(id: number): Promise<string | undefined> {
      return (await db.first(qb.selectFrom('audit_events').select('hash').where('id', '=', id)))?.hash;
    },

    count,

    /** Checks the whole chain, oldest first; names the first broken event and what is wrong with it. */
    async verify(): Promise<ChainVerdict> {
      return check(await db.all(qb.selectFrom('audit_events').selectAll().orderBy('id')), null);
    },

    /**
     * Checks the last `n` events (at opening), taking the event before them as given: they must
     * follow it, compute, and have their payloads (or an erasure covering them).
     */
    async verifyTail(n: number): Promise<ChainVerdict> {
      const tail = (await db.all(qb.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(n))).reverse();
      const first = tail[0];
      const start = first
        ? ((await db.first(
            qb
              .selectFrom('audit_events')
              .select(['id', 'hash'])
              .where('id', '<', first.id)
              .orderBy('id', 'desc')
              .limit(1),
          )) ?? null)
        : null;
      return check(tail, start);
    },

    /**
     * Erasure (retention): deletes the payloads (values before and after) of every event about
     * these records, keeping the events and their digests so the chain still verifies. Returns the
     * ids of the events whose payloads were deleted, in order; the caller then appends an `erase`
     * event listing them in `redactedEvents` (without personal data), in the same transaction, or
     * `verify()` reports the payloads missing.
     */
    async redactRecords(refs: readonly { entity: string; entityId: number }[]): Promise<number[]> {
      const ids = new Set<number>();
      for (const ref of refs) {
        const rows = await db.all(
          qb
            .selectFrom('audit_events as e')
            .innerJoin('audit_payloads as p', 'p.event_id', 'e.id')
            .select('e.id')
            .where('e.entity', '=', ref.entity)
            .where('e.entity_id', '=', ref.entityId),
        );
        for (const r of rows) ids.add(r.id);
      }
      const sorted = [...ids].sort((a, b) => a - b);
      for (const id of sorted) await db.run(qb.deleteFrom('audit_payloads').where('event_id', '=', id));
      return sorted;
    },
  };
}
export type AuditRepository = Awaited<ReturnType<typeof createAuditRepository>>;
