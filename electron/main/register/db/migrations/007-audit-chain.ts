import { GENESIS_HASH, eventHash, payloadDigest } from '../audit-chain';
import type { Migration } from './types';

/**
 * 007: a tamper-evident audit trail.
 * - `audit_events` is rebuilt so ids are never reused (AUTOINCREMENT) and each event carries the
 *   digests of its values before and after and its place in a hash chain (`prev_hash`, `hash`).
 * - The values before and after move to `audit_payloads`, so personal data in them can be erased
 *   under retention while the chain stays verifiable by the digests.
 * - Triggers refuse any change to an event and to a payload, and the deletion of an event:
 *   append-only. A payload may be deleted (an erasure, itself audited).
 * The existing events are copied, in id order and keeping their ids, by the code step, which
 * computes their digests and chain (SQL has no sha256), then drops the old table.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration007: Migration = {
  id: 7,
  name: 'audit-chain',
  sql: `
DROP INDEX audit_events_by_record;
ALTER TABLE audit_events RENAME TO audit_events_v6;

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before_digest TEXT CHECK (before_digest IS NULL OR length(before_digest) = 64),
  after_digest TEXT CHECK (after_digest IS NULL OR length(after_digest) = 64),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_events_by_record ON audit_events (entity, entity_id);

CREATE TABLE audit_payloads (
  event_id INTEGER PRIMARY KEY REFERENCES audit_events (id),
  before_json TEXT,
  after_json TEXT
) STRICT;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: an audit event cannot be changed.');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: an audit event cannot be deleted.');
END;
CREATE TRIGGER audit_payloads_no_update BEFORE UPDATE ON audit_payloads
BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: the values an audit event records cannot be changed.');
END;
`,
  after(db) {
    // Raw statements: a migration is frozen in time, not tied to today's schema types.
    const c = db.connection;
    const rows = c
      .prepare(
        'SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_events_v6 ORDER BY id',
      )
      .all() as {
      id: number;
      at: string;
      actor: string;
      action: string;
      entity: string;
      entity_id: number;
      before_json: string | null;
      after_json: string | null;
    }[];
    const insertEvent = c.prepare(
      `INSERT INTO audit_events (id, at, actor, action, entity, entity_id, before_digest, after_digest, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPayload = c.prepare('INSERT INTO audit_payloads (event_id, before_json, after_json) VALUES (?, ?, ?)');
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const fields = {
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        beforeDigest: payloadDigest(r.before_json),
        afterDigest: payloadDigest(r.after_json),
      };
      const hash = eventHash(prev, fields);
      insertEvent.run(
        r.id,
        r.at,
        r.actor,
        r.action,
        r.entity,
        r.entity_id,
        fields.beforeDigest,
        fields.afterDigest,
        prev,
        hash,
      );
      if (r.before_json !== null || r.after_json !== null) insertPayload.run(r.id, r.before_json, r.after_json);
      prev = hash;
    }
    c.exec('DROP TABLE audit_events_v6');
  },
};
