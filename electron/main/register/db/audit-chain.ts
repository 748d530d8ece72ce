import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain. Each event's hash covers the hash of the event before it, its
 * own id, its fields and the digests of its payloads (the values before and after), so an event
 * edited, deleted, inserted or moved with plain SQL (even by someone holding the register's key
 * who dropped the append-only triggers) no longer computes, or no longer links, and `verifyChain`
 * names the first such event.
 *
 * The payloads are kept apart (`audit_payloads`) and covered by their digests only, so personal
 * data in them can be erased under retention while the chain stays verifiable: a missing payload
 * is accepted only when a later `erase` event lists its event.
 *
 * What it cannot detect on its own: the newest events cut off, or the whole chain recomputed from
 * some point, by someone who writes their own hashes (sha256 is public). `sqlite_sequence` catches
 * a tail cut off by a plain DELETE, unless that is edited too; the answer to both is to keep the
 * head (`head()`: the last id and hash) outside the register file and compare it.
 */

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);
export const CHAIN_VERSION = 'cpreg-audit-v1';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The digest of a payload as stored (its JSON text), or null when there is none. */
export function payloadDigest(json: string | null): string | null {
  return json === null ? null : sha256Hex(json);
}

export interface ChainFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number;
  beforeDigest: string | null;
  afterDigest: string | null;
}

/**
 * The one hash function: sha256 over a JSON array of the version tag, the previous hash and the
 * event's fields. A JSON array of strings, numbers and nulls has one serialisation, so this is
 * canonical without a canonicalising library.
 */
export function eventHash(prevHash: string, e: ChainFields): string {
  return sha256Hex(
    JSON.stringify([
      CHAIN_VERSION,
      prevHash,
      e.id,
      e.at,
      e.actor,
      e.action,
      e.entity,
      e.entityId,
      e.beforeDigest,
      e.afterDigest,
    ]),
  );
}

export interface StoredChainEvent extends ChainFields {
  prevHash: string;
  hash: string;
}

export interface StoredPayload {
  beforeJson: string | null;
  afterJson: string | null;
}

export type ChainVerdict =
  { ok: true; events: number } | { ok: false; events: number; firstBroken: { id: number; problem: string } };

export interface ChainInput {
  /** The events to check, in id order. */
  events: readonly StoredChainEvent[];
  /** The event the checked events follow (null: they start the chain at id 1). */
  start: { id: number; hash: string } | null;
  /** Every stored hash and the id it is stored on (for naming an event moved out of order). */
  hashIds: ReadonlyMap<string, number>;
  /** The payload of an event, or undefined when its row is gone. */
  payload: (id: number) => StoredPayload | undefined;
  /** Events whose payload a later erasure removed: event id → the erasure event's id. */
  erasedBy: ReadonlyMap<number, number>;
  /** The highest id the register has issued (`sqlite_sequence`), to catch a tail cut off. */
  issuedUpTo: number;
  /** How many events the register holds in all (for the verdict). */
  total: number;
}

/** Checks a run of events against the chain; the first problem found is named in words. */
export function verifyChain(input: ChainInput): ChainVerdict {
  const { events, hashIds, total } = input;
  let expectedId = (input.start?.id ?? 0) + 1;
  let expectedPrev = input.start?.hash ?? GENESIS_HASH;
  const broken = (id: number, problem: string): ChainVerdict => ({
    ok: false,
    events: total,
    firstBroken: { id, problem },
  });

  for (let n = 0; n < events.length; n++) {
    const e = events[n];
    if (!e) break;
    const next = events[n + 1];
    if (e.id !== expectedId) {
      return broken(
        e.id,
        expectedId === e.id - 1
          ? `an event before it is missing: event ${expectedId} is not in the register`
          : `an event before it is missing: events ${expectedId} to ${e.id - 1} are not in the register`,
      );
    }
    const linked = e.prevHash === expectedPrev;
    const valid = eventHash(e.prevHash, e) === e.hash;
    const pointsTo = hashIds.get(e.prevHash);
    if (!linked && pointsTo !== undefined && pointsTo >= e.id) {
      return broken(e.id, `out of order: it was recorded after event ${pointsTo}`);
    }
    if (!valid) {
      const nextChains = next !== undefined && next.prevHash === e.hash;
      if (nextChains && linked) return broken(e.id, 'its contents changed: they no longer match its hash');
      if (nextChains) return broken(e.id, 'an event before it is missing: it links to an event not in the register');
      if (next !== undefined) return broken(e.id, 'not in the chain: it was not recorded by the app (inserted)');
      return linked
        ? broken(e.id, 'its contents changed (or it was added outside the app): they do not match its hash')
        : broken(e.id, 'not in the chain: it does not follow the event before it');
    }
    if (!linked) {
      return broken(
        e.id,
        pointsTo === undefined
          ? 'an event before it is missing: it links to an event not in the register'
          : `not in the chain: it links to event ${pointsTo}, not to event ${e.id - 1}`,
      );
    }
    const payload = input.payload(e.id);
    if (payload === undefined) {
      if (e.beforeDigest !== null || e.afterDigest !== null) {
        const erasure = input.erasedBy.get(e.id);
        if (erasure === undefined || erasure <= e.id) {
          return broken(e.id, 'its payload is missing without an erasure event covering it');
        }
      }
    } else if (
      payloadDigest(payload.beforeJson) !== e.beforeDigest ||
      payloadDigest(payload.afterJson) !== e.afterDigest
    ) {
      return broken(e.id, 'its payload (the values before and after) does not match its digest');
    }
    expectedId = e.id + 1;
    expectedPrev = e.hash;
  }
  if (input.issuedUpTo >= expectedId) {
    return broken(
      expectedId,
      `events from ${expectedId} to ${input.issuedUpTo} are missing from the end of the trail (the register issued them)`,
    );
  }
  return { ok: true, events: total };
}
