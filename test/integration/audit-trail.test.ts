import { embedded } from '../embedded';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, eventHash, payloadDigest } from '../../electron/main/register/db/audit-chain';
import { openRegisterDb } from '../../electron/main/register/db/connection';
import { MIGRATIONS } from '../../electron/main/register/db/migrations';
import { openRegister, type Register } from '../../electron/main/register/register';
import { caller } from './call';
import {
  cliRegister,
  healthVisiting,
  rawConnection,
  reopen,
  signedInEnv,
  tempDir,
  tempRegister,
  onPostgres,
} from './helpers';
import { CPREG_BIN } from './cpreg-bin';

const opened: Register[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.close();
});

/** A register with `n` audit events made by the app itself (agencies added and edited). */
async function withEvents(n: number): Promise<Register> {
  const r = await tempRegister();
  const call = caller(r);
  const a = await call.ok('agencies.create', healthVisiting);
  for (let i = 1; i < n; i++)
    await call.ok('agencies.update', {
      id: a.id,
      version: await call.version.agency(a.id),
      fields: { ...healthVisiting, leadName: `Lead ${i}` },
    });
  expect(await r.repos.audit.count()).toBe(n);
  return r;
}

/** What someone holding the key could do: drop the append-only triggers and edit with plain SQL. */
function dropTriggers(r: Register): void {
  embedded(r).connection.exec(`
    DROP TRIGGER audit_events_no_update;
    DROP TRIGGER audit_events_no_delete;
    DROP TRIGGER audit_payloads_no_update;
    PRAGMA foreign_keys = OFF;
  `);
}

const broken = async (r: Register) => {
  const v = await r.repos.audit.verify();
  if (v.ok) expect.fail('the audit trail verified, but was tampered with');
  return v.firstBroken;
};

describe('the audit chain', () => {
  it.skipIf(onPostgres)('links every event to the one before from a fixed genesis, with ids in the hash', async () => {
    const r = await withEvents(3);
    const rows = embedded(r).connection.prepare('SELECT * FROM audit_events ORDER BY id').all() as {
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
    }[];
    expect(rows.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    let prev = GENESIS_HASH;
    for (const e of rows) {
      const p = embedded(r).connection.prepare('SELECT * FROM audit_payloads WHERE event_id = ?').get(e.id) as {
        before_json: string | null;
        after_json: string | null;
      };
      expect(e.before_digest).toBe(payloadDigest(p.before_json));
      expect(e.after_digest).toBe(payloadDigest(p.after_json));
      expect(e.prev_hash).toBe(prev);
      expect(e.hash).toBe(
        eventHash(prev, {
          id: e.id,
          at: e.at,
          actor: e.actor,
          action: e.action,
          entity: e.entity,
          entityId: e.entity_id,
          beforeDigest: e.before_digest,
          afterDigest: e.after_digest,
        }),
      );
      prev = e.hash;
    }
    expect(await r.repos.audit.verify()).toEqual({ ok: true, events: 3 });
    expect(await r.repos.audit.verifyTail(2)).toEqual({ ok: true, events: 3 });
    expect(await r.repos.audit.head()).toEqual({ id: 3, hash: prev });
  });

  it.skipIf(onPostgres)(
    'is append-only: the register refuses to change or delete an event, or change its values',
    async () => {
      const r = await withEvents(2);
      const c = embedded(r).connection;
      expect(() => c.prepare("UPDATE audit_events SET actor = 'Someone else' WHERE id = 1").run()).toThrow(
        /append-only/,
      );
      expect(() => c.prepare('DELETE FROM audit_events WHERE id = 2').run()).toThrow(/append-only/);
      expect(() => c.prepare("UPDATE audit_payloads SET after_json = '{}' WHERE event_id = 1").run()).toThrow(
        /append-only/,
      );
      expect(await r.repos.audit.verify()).toEqual({ ok: true, events: 2 });
    },
  );

  it.skipIf(onPostgres)('never reuses an id, and a gap in the ids is reported', async () => {
    const r = await withEvents(4);
    dropTriggers(r);
    embedded(r).connection.prepare('DELETE FROM audit_events WHERE id = 4').run();
    // The tail cut off by a plain DELETE: SQLite still remembers issuing id 4.
    expect(await broken(r)).toEqual({ id: 4, problem: expect.stringMatching(/missing from the end/) as unknown });
    embedded(r).connection.prepare('DELETE FROM audit_events WHERE id IN (2, 3)').run();
    expect(await broken(r)).toEqual({
      id: 2,
      problem: 'events from 2 to 4 are missing from the end of the trail (the register issued them)',
    });
    // The next event gets id 5, never a reused 2, 3 or 4.
    await caller(r).ok('agencies.create', { ...healthVisiting, name: 'Another Agency' });
    expect((await r.repos.audit.head())?.id).toBe(5);
    expect(await broken(r)).toEqual({
      id: 5,
      problem: 'an event before it is missing: events 2 to 4 are not in the register',
    });
  });

  describe.skipIf(onPostgres)('names the first event tampered with, even with the triggers dropped', () => {
    it('edited', async () => {
      const r = await withEvents(5);
      dropTriggers(r);
      embedded(r).connection.prepare("UPDATE audit_events SET actor = 'Someone else' WHERE id = 3").run();
      expect(await broken(r)).toEqual({ id: 3, problem: 'its contents changed: they no longer match its hash' });
    });

    it('edited payload (the values before and after)', async () => {
      const r = await withEvents(5);
      dropTriggers(r);
      embedded(r)
        .connection.prepare(`UPDATE audit_payloads SET after_json = '{"leadName":"Forged"}' WHERE event_id = 2`)
        .run();
      expect(await broken(r)).toEqual({
        id: 2,
        problem: 'its payload (the values before and after) does not match its digest',
      });
    });

    it('deleted (and the ids after it renumbered to hide the gap)', async () => {
      const r = await withEvents(5);
      dropTriggers(r);
      const c = embedded(r).connection;
      c.prepare('DELETE FROM audit_payloads WHERE event_id = 3').run();
      c.prepare('DELETE FROM audit_events WHERE id = 3').run();
      c.prepare('UPDATE audit_events SET id = id + 100 WHERE id > 3').run();
      c.prepare('UPDATE audit_events SET id = id - 101 WHERE id > 100').run();
      c.prepare('UPDATE audit_payloads SET event_id = event_id - 1 WHERE event_id > 3').run();
      c.prepare("UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_events'").run();
      expect(await broken(r)).toEqual({
        id: 3,
        problem: 'an event before it is missing: it links to an event not in the register',
      });
    });

    it('deleted (leaving a gap)', async () => {
      const r = await withEvents(5);
      dropTriggers(r);
      embedded(r).connection.prepare('DELETE FROM audit_events WHERE id = 2').run();
      expect(await broken(r)).toEqual({
        id: 3,
        problem: 'an event before it is missing: event 2 is not in the register',
      });
    });

    it('inserted', async () => {
      const r = await withEvents(5);
      dropTriggers(r);
      const c = embedded(r).connection;
      const e2 = c.prepare('SELECT hash FROM audit_events WHERE id = 2').get() as { hash: string };
      c.prepare('UPDATE audit_events SET id = id + 100 WHERE id >= 3').run();
      c.prepare('UPDATE audit_events SET id = id - 99 WHERE id > 100').run();
      c.prepare(
        `INSERT INTO audit_events (id, at, actor, action, entity, entity_id, before_digest, after_digest, prev_hash, hash)
         VALUES (3, '2026-03-02T09:30:00.000Z', 'Test Chair', 'delete', 'agency', 1, NULL, NULL, ?, ?)`,
      ).run(e2.hash, 'f'.repeat(64));
      expect(await broken(r)).toEqual({
        id: 3,
        problem: 'not in the chain: it was not recorded by the app (inserted)',
      });
    });

    it('reordered', async () => {
      const r = await withEvents(5);
      dropTriggers(r);
      const c = embedded(r).connection;
      c.prepare('UPDATE audit_events SET id = 100 WHERE id = 2').run();
      c.prepare('UPDATE audit_events SET id = 2 WHERE id = 3').run();
      c.prepare('UPDATE audit_events SET id = 3 WHERE id = 100').run();
      expect(await broken(r)).toEqual({ id: 2, problem: 'out of order: it was recorded after event 3' });
    });
  });

  it.skipIf(onPostgres)('checks the tail at opening: the last events, trusting the one before them', async () => {
    const r = await withEvents(6);
    dropTriggers(r);
    embedded(r).connection.prepare("UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE id = 2").run();
    expect(await r.repos.audit.verifyTail(3)).toEqual({ ok: true, events: 6 });
    embedded(r).connection.prepare("UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE id = 5").run();
    expect(await r.repos.audit.verifyTail(3)).toMatchObject({ ok: false, firstBroken: { id: 5 } });
  });

  it('accepts a payload erased only when a later erasure event lists its event', async () => {
    const r = await withEvents(3);
    const a = (await r.repos.agencies.all(true))[0];
    if (!a) throw new Error('no agency');
    const redacted = await r.db.transaction(async () =>
      r.repos.audit.redactRecords([{ entity: 'agency', entityId: a.id }]),
    );
    expect(redacted).toEqual([1, 2, 3]);
    expect(await broken(r)).toEqual({ id: 1, problem: 'its payload is missing without an erasure event covering it' });
    await r.repos.audit.append({
      at: '2026-03-03T10:00:00.000Z',
      actor: 'Test Administrator',
      action: 'erase',
      entity: 'family',
      entityId: 1,
      before: undefined,
      after: { redactedEvents: [1, 2] },
    });
    expect(await broken(r)).toEqual({ id: 3, problem: 'its payload is missing without an erasure event covering it' });
    await r.repos.audit.append({
      at: '2026-03-03T10:00:00.000Z',
      actor: 'Test Administrator',
      action: 'erase',
      entity: 'family',
      entityId: 1,
      before: undefined,
      after: { redactedEvents: [3] },
    });
    expect(await r.repos.audit.verify()).toEqual({ ok: true, events: 5 });
    const history = await r.repos.audit.forRecord('agency', a.id);
    expect(history.map((e) => [e.redacted, e.before, e.after])).toEqual([
      [true, undefined, undefined],
      [true, undefined, undefined],
      [true, undefined, undefined],
    ]);
  });
});

describe.skipIf(onPostgres)('migration 007 (the audit chain)', () => {
  it('from empty: the tables, and an empty trail that verifies', async () => {
    const path = join(tempDir(), 'register.sqlite');
    const db = openRegisterDb(path);
    const tables = db.connection
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
      .all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual([
      'audit_events_no_delete',
      'audit_events_no_update',
      'audit_payloads_no_update',
    ]);
    db.close();
    const r = await tempRegister();
    expect(await r.repos.audit.verify()).toEqual({ ok: true, events: 0 });
    expect(await r.repos.audit.head()).toBeNull();
  });

  it('upgrades a 006 register: events keep their ids and payloads, and the chain is computed in id order', async () => {
    const path = join(tempDir(), 'register.sqlite');
    const v6 = openRegisterDb(path, { migrations: MIGRATIONS.slice(0, 6) });
    v6.connection.exec(`
      INSERT INTO audit_events (id, at, actor, action, entity, entity_id, before_json, after_json) VALUES
        (1, '2026-01-01T10:00:00.000Z', 'Chair A', 'create', 'agency', 1, NULL, '{"name":"Police"}'),
        (2, '2026-01-02T10:00:00.000Z', 'Chair B', 'update', 'agency', 1, '{"name":"Police"}', '{"name":"Police Service"}'),
        (3, '2026-01-03T10:00:00.000Z', 'Chair A', 'settings', 'settings', 1, NULL, NULL);
    `);
    v6.close();
    const db = openRegisterDb(path);
    const c = db.connection;
    expect(
      c.prepare('SELECT id, actor, prev_hash = ? AS first FROM audit_events ORDER BY id').all(GENESIS_HASH),
    ).toEqual([
      { id: 1, actor: 'Chair A', first: 1 },
      { id: 2, actor: 'Chair B', first: 0 },
      { id: 3, actor: 'Chair A', first: 0 },
    ]);
    expect(c.prepare('SELECT event_id, before_json, after_json FROM audit_payloads ORDER BY 1').all()).toEqual([
      { event_id: 1, before_json: null, after_json: '{"name":"Police"}' },
      { event_id: 2, before_json: '{"name":"Police"}', after_json: '{"name":"Police Service"}' },
    ]);
    expect(c.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'audit_events_v6'").get()).toEqual({ n: 0 });
    expect(() => c.prepare('DELETE FROM audit_events WHERE id = 1').run()).toThrow(/append-only/);
    db.close();
    const r = await openAt(path);
    expect(await r.repos.audit.verify()).toEqual({ ok: true, events: 3 });
    expect((await r.repos.audit.forRecord('agency', 1)).map((e) => [e.id, e.before, e.after])).toEqual([
      [1, undefined, { name: 'Police' }],
      [2, { name: 'Police' }, { name: 'Police Service' }],
    ]);
    // New events carry on the chain, with the next id.
    await caller(r).ok('agencies.create', healthVisiting);
    expect((await r.repos.audit.head())?.id).toBe(4);
    expect(await r.repos.audit.verify()).toEqual({ ok: true, events: 4 });
  });
});

/** Opens an existing register file as the app does; closed after the test. */
async function openAt(path: string): Promise<Register> {
  const r = await openRegister(path, {
    defaultUserName: 'Test Chair',
    now: () => new Date('2026-03-02T09:30:00.000Z'),
  });
  opened.push(r);
  return r;
}

describe('the audit channels', () => {
  it('list newest first, check the chain, and give a record’s history; the whole trail only to administrators and auditors', async () => {
    const r = await withEvents(3);
    const call = caller(r);
    expect(await call.ok('audit.verify', {})).toEqual({ ok: true, events: 3 });
    const page = await call.ok('audit.list', { offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.events.map((e) => e.id)).toEqual([3, 2]);
    expect((await call.ok('audit.list', { offset: 2, limit: 2 })).events.map((e) => e.id)).toEqual([1]);
    expect((await call.refused('audit.list', { offset: 0, limit: 201 })).code).toBe('invalid-input');
    const history = await call.ok('audit.forRecord', { entity: 'agency', entityId: 1 });
    expect(history.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(history[2]).toMatchObject({
      before: { leadName: 'Lead 1' },
      after: { leadName: 'Lead 2' },
      redacted: false,
    });

    const chair = caller(r, { name: 'A Chair', roles: ['chair'] });
    expect((await chair.refused('audit.verify', {})).code).toBe('forbidden');
    expect((await chair.refused('audit.list', {})).code).toBe('forbidden');
    expect(await chair.ok('audit.forRecord', { entity: 'agency', entityId: 1 })).toHaveLength(3);
    const auditor = caller(r, { name: 'An Auditor', roles: ['auditor'] });
    expect(await auditor.ok('audit.verify', {})).toEqual({ ok: true, events: 3 });
    expect((await auditor.ok('audit.list', {})).total).toBe(3);
  });
});

describe.skipIf(onPostgres)('cpreg audit verify', () => {
  const BIN = CPREG_BIN;
  const cpreg = (args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, CPREG_DB: '', ...signedInEnv() },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('exits 0 when the chain is whole and 1 naming the first broken event', async () => {
    const db = await cliRegister(async (r) => {
      const call = caller(r);
      const a = await call.ok('agencies.create', healthVisiting);
      await call.ok('agencies.update', {
        id: a.id,
        version: await call.version.agency(a.id),
        fields: { ...healthVisiting, leadName: 'Another Lead' },
      });
      await call.ok('agencies.setActive', { id: a.id, active: false });
    });
    const check = await reopen(db);
    const events = await check.repos.audit.count();
    await check.close();
    expect(cpreg(['--db', db, 'audit', 'verify'])).toEqual({
      code: 0,
      stdout: `Audit trail whole: ${events} events\n`,
      stderr: '',
    });
    const raw = rawConnection(db);
    raw.exec("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'Someone else' WHERE id = 2");
    raw.close();
    expect(cpreg(['--db', db, 'audit', 'verify'])).toEqual({
      code: 1,
      stdout: 'Audit trail broken at event 2: its contents changed: they no longer match its hash\n',
      stderr: '',
    });
  });
});
