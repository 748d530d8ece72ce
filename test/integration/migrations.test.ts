import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openRegisterDb } from '../../electron/main/register/db/connection';
import { MIGRATIONS } from '../../electron/main/register/db/migrations';
import type { Migration } from '../../electron/main/register/db/migrations/types';
import { tempDir } from './helpers';

/** The newest migration's id: what a register opened by this version is at. */
const LATEST = Math.max(...MIGRATIONS.map((m) => m.id));

const EXPECTED_TABLES = [
  'agencies',
  'agency_escalations',
  'agency_returns',
  'audit_events',
  'audit_payloads',
  'bank_holidays',
  'child_no_views',
  'child_outcomes',
  'child_search_terms',
  'child_tasks',
  'child_views',
  'children',
  'closure_days',
  'conference_agencies',
  'conference_children',
  'conference_search_terms',
  'conference_tasks',
  'conferences',
  'corrections',
  'escalation_actions',
  'escalation_stages',
  'escalations',
  'families',
  'family_search_terms',
  'follow_ups',
  'generated_documents',
  'legal_holds',
  'protocols',
  'review_meetings',
  'schema_migrations',
  'settings',
  'sharing_log',
  'users',
  'usual_agencies',
];

describe('opening a register from empty', () => {
  it('creates every table STRICT, in WAL with synchronous=FULL and foreign keys on', () => {
    const path = join(tempDir(), 'nested', 'folder', 'register.sqlite');
    const db = openRegisterDb(path);
    const c = db.connection;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('synchronous', { simple: true })).toBe(2);
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.id)));
    const tables = c
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.map((t) => t.name)).toEqual(EXPECTED_TABLES);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    expect(c.prepare('SELECT id, name FROM schema_migrations').all()).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name })),
    );
    db.close();
  });

  it('is idempotent: opening again applies nothing', () => {
    const path = join(tempDir(), 'register.sqlite');
    openRegisterDb(path).close();
    const db = openRegisterDb(path);
    expect(db.connection.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length,
    });
    db.close();
  });

  it('enforces foreign keys and STRICT types', () => {
    const db = openRegisterDb(join(tempDir(), 'register.sqlite'));
    const c = db.connection;
    expect(() =>
      c
        .prepare(
          "INSERT INTO children (family_id, given_name, family_name, date_of_birth, created_at, updated_at) VALUES (99, 'A', 'B', '2020-01-01', 'x', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      c
        .prepare(
          "INSERT INTO bank_holidays (division, date, title, bunting) VALUES ('scotland', '2026-01-01', 'x', 'yes')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });
});

describe('upgrading from an earlier version', () => {
  const next: Migration = {
    id: 99,
    name: 'test-only: agency notes',
    sql: 'ALTER TABLE agencies ADD COLUMN notes TEXT;',
  };

  it('applies only the pending migrations and keeps the data', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v1 = openRegisterDb(path, { migrations: [MIGRATIONS[0] as Migration] });
    v1.connection
      .prepare("INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('Police', 'police', 'x', 'x')")
      .run();
    v1.close();
    const v2 = openRegisterDb(path, { migrations: [...MIGRATIONS, next] });
    expect(v2.connection.prepare('SELECT name, notes FROM agencies').all()).toEqual([{ name: 'Police', notes: null }]);
    expect(v2.connection.pragma('user_version', { simple: true })).toBe(99);
    v2.close();
  });

  it('002 (live conference) upgrades a 001 register with its conferences intact', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v1 = openRegisterDb(path, { migrations: [MIGRATIONS[0] as Migration] });
    const c = v1.connection;
    c.prepare("INSERT INTO families (name, created_at, updated_at) VALUES ('Family A', 'x', 'x')").run();
    c.prepare(
      "INSERT INTO children (family_id, given_name, family_name, date_of_birth, created_at, updated_at) VALUES (1, 'A', 'A', '2020-01-01', 'x', 'x')",
    ).run();
    c.prepare(
      "INSERT INTO conferences (type, date, time, venue, chair_name, family_id, created_at, updated_at) VALUES ('initial', '2026-03-02', '10:00', 'Room 1', 'Chair', 1, 'x', 'x')",
    ).run();
    c.prepare('INSERT INTO conference_children (conference_id, child_id) VALUES (1, 1)').run();
    v1.close();
    const current = openRegisterDb(path);
    expect(
      current.connection.prepare('SELECT id, status, reconvenes_id, inquorate_reason FROM conferences').all(),
    ).toEqual([{ id: 1, status: 'scheduled', reconvenes_id: null, inquorate_reason: null }]);
    expect(current.connection.prepare('SELECT * FROM conference_children').all()).toEqual([
      { conference_id: 1, child_id: 1 },
    ]);
    current.close();
  });

  it('005 (documents and sharing) upgrades a 004 register with its escalations intact', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v4 = openRegisterDb(path, { migrations: MIGRATIONS.slice(0, 4) });
    const c = v4.connection;
    c.prepare("INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('Police', 'police', 'x', 'x')").run();
    c.prepare(
      "INSERT INTO protocols (key, version, name, definition_json, shipped, created_at) VALUES ('croydon', 1, 'Croydon', '{}', 1, 'x')",
    ).run();
    c.prepare(
      `INSERT INTO escalations (protocol_id, subject_name, initiating_agency_id, challenged_agency_id, natures_json,
        details, outcome_sought, opened_on, created_at, updated_at)
       VALUES (1, 'A B', 1, 1, '["other"]', 'Details', 'Sought', '2026-03-02', 'x', 'x')`,
    ).run();
    c.prepare(
      "INSERT INTO escalation_stages (escalation_id, number, opened_on, due_on, escalated_by_name) VALUES (1, 1, '2026-03-02', '2026-03-11', 'C D')",
    ).run();
    v4.close();
    const current = openRegisterDb(path);
    const k = current.connection;
    expect(
      k.prepare('SELECT subject_name, subject_gender, subject_ethnicity, subject_send FROM escalations').all(),
    ).toEqual([{ subject_name: 'A B', subject_gender: null, subject_ethnicity: null, subject_send: null }]);
    expect(
      k.prepare('SELECT escalated_by_name, escalated_by_email, concerns, learning FROM escalation_stages').all(),
    ).toEqual([{ escalated_by_name: 'C D', escalated_by_email: null, concerns: null, learning: null }]);
    expect(k.prepare('SELECT count(*) AS n FROM generated_documents').get()).toEqual({ n: 0 });
    expect(k.prepare('SELECT count(*) AS n FROM sharing_log').get()).toEqual({ n: 0 });
    expect(() =>
      k
        .prepare(
          "INSERT INTO sharing_log (at, actor, agency_id, purpose, period_from, period_to, format, initials_only, password_protected, location, files_json, records_json) VALUES ('x', 'x', 99, 'p', '2026-01-01', '2026-01-31', 'zip', 0, 0, 'l', '[]', '[]')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    current.close();
  });

  it('006 (per child, corrections) upgrades a 005 register: tasks move to each child whose decision called for them', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v5 = openRegisterDb(path, { migrations: MIGRATIONS.slice(0, 5) });
    const c = v5.connection;
    c.exec(`
      INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('Police', 'police', 'x', 'x');
      INSERT INTO families (name, created_at, updated_at) VALUES ('Family A', 'x', 'x');
      INSERT INTO children (family_id, given_name, family_name, date_of_birth, created_at, updated_at)
        VALUES (1, 'Ann', 'A', '2019-01-01', 'x', 'x'), (1, 'Bob', 'A', '2020-01-01', 'x', 'x');
      INSERT INTO conferences (type, date, time, venue, chair_name, family_id, created_at, updated_at, status)
        VALUES ('initial', '2025-09-01', '10:00', 'Room', 'Chair', 1, 'x', 'x', 'concluded'),
               ('review', '2025-12-01', '10:00', 'Room', 'Chair', 1, 'x', 'x', 'concluded');
      INSERT INTO conference_children VALUES (1, 1), (1, 2), (2, 1);
      INSERT INTO child_outcomes (conference_id, child_id, result, decision, interim_plan, category, decided_at)
        VALUES (1, 1, 'unanimous', 'plan', 0, 'NEG', 'x'), (1, 2, 'unanimous', 'no-plan', 0, NULL, 'x'),
               (2, 1, 'unanimous', 'plan-continues', 0, 'NEG', 'x');
      INSERT INTO conference_tasks (conference_id, kind, due_on, done_on) VALUES
        (1, 'decision-letter', '2025-09-02', '2025-09-02'), (1, 'first-core-group', '2025-09-15', '2025-09-15'),
        (1, 'next-review', '2025-12-01', NULL), (2, 'decision-letter', '2025-12-02', NULL),
        (2, 'next-review', '2026-06-01', NULL);
      INSERT INTO agency_escalations (agency_id, conference_id, meeting_date, family_identifier, chair_name, reason, created_at)
        VALUES (1, 1, '2025-09-01', 'Family A', 'Chair', 'did-not-attend', 'x');
      INSERT INTO generated_documents (kind, entity, entity_id, title, file_name, sha256, bytes, generated_at, generated_by)
        VALUES ('decision-letter', 'conference', 1, 'Letter', 'l.pdf', 'abc', 10, 'x', 'Chair');
    `);
    v5.close();
    const current = openRegisterDb(path);
    const k = current.connection;
    // Only the children whose decision called for them get the core group and review; the review
    // held in December answers the one due then.
    expect(
      k
        .prepare('SELECT conference_id, child_id, kind, due_on, done_on, closed_by FROM child_tasks ORDER BY 1, 2, 3')
        .all(),
    ).toEqual([
      {
        conference_id: 1,
        child_id: 1,
        kind: 'first-core-group',
        due_on: '2025-09-15',
        done_on: '2025-09-15',
        closed_by: 'done',
      },
      {
        conference_id: 1,
        child_id: 1,
        kind: 'next-review',
        due_on: '2025-12-01',
        done_on: '2025-12-01',
        closed_by: 'review-held',
      },
      { conference_id: 2, child_id: 1, kind: 'next-review', due_on: '2026-06-01', done_on: null, closed_by: null },
    ]);
    expect(
      k.prepare('SELECT conference_id, kind, done_on, closed_by FROM conference_tasks ORDER BY 1, 2').all(),
    ).toEqual([
      { conference_id: 1, kind: 'decision-letter', done_on: '2025-09-02', closed_by: 'done' },
      { conference_id: 2, kind: 'decision-letter', done_on: null, closed_by: null },
    ]);
    expect(k.prepare('SELECT id, kind, superseded_at FROM generated_documents').all()).toEqual([
      { id: 1, kind: 'decision-letter', superseded_at: null },
    ]);
    // A withdrawn agency escalation frees its conference, agency and reason to be raised again.
    k.prepare("UPDATE agency_escalations SET withdrawn_on = '2025-09-03', withdrawn_reason = 'Mistake'").run();
    k.prepare(
      "INSERT INTO agency_escalations (agency_id, conference_id, meeting_date, family_identifier, chair_name, reason, created_at) VALUES (1, 1, '2025-09-01', 'Family A', 'Chair', 'did-not-attend', 'x')",
    ).run();
    expect(() =>
      k
        .prepare(
          "INSERT INTO agency_escalations (agency_id, conference_id, meeting_date, family_identifier, chair_name, reason, created_at) VALUES (1, 1, '2025-09-01', 'Family A', 'Chair', 'did-not-attend', 'x')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => k.prepare("UPDATE conferences SET cancelled_on = '2025-09-01' WHERE id = 2").run()).toThrow(/CHECK/);
    expect(k.pragma('foreign_key_check')).toEqual([]);
    current.close();
  });

  it('010 (retention) upgrades a 006 register: families intact, legal holds one in force per family', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v6 = openRegisterDb(path, { migrations: MIGRATIONS.filter((m) => m.id <= 6) });
    v6.connection.prepare("INSERT INTO families (name, created_at, updated_at) VALUES ('Family A', 'x', 'x')").run();
    v6.close();
    const current = openRegisterDb(path);
    const k = current.connection;
    expect(k.prepare('SELECT id, name FROM families').all()).toEqual([{ id: 1, name: 'Family A' }]);
    expect(k.prepare('SELECT max(id) AS id FROM schema_migrations').get()).toEqual({ id: LATEST });
    const hold = k.prepare(
      "INSERT INTO legal_holds (family_id, reason, placed_by, placed_at) VALUES (?, 'Claim', 'Admin', '2026-03-02T09:00:00Z')",
    );
    hold.run(1);
    expect(() => hold.run(1)).toThrow(/UNIQUE/);
    expect(() => hold.run(2)).toThrow(/FOREIGN KEY/);
    expect(() => k.prepare("UPDATE legal_holds SET lifted_at = 'x', lifted_by = 'Admin' WHERE id = 1").run()).toThrow(
      /CHECK/,
    );
    k.prepare(
      "UPDATE legal_holds SET lifted_at = 'x', lifted_by = 'Admin', lift_reason = 'Settled' WHERE id = 1",
    ).run();
    hold.run(1);
    expect(k.prepare('SELECT count(*) AS n FROM legal_holds').get()).toEqual({ n: 2 });
    current.close();
  });

  it('011 (record versions) upgrades a 010 register: every row it versions gets version 1, and new rows too', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v10 = openRegisterDb(path, { migrations: MIGRATIONS.filter((m) => m.id <= 10) });
    v10.connection
      .prepare("INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('Police', 'police', 'x', 'x')")
      .run();
    v10.connection.prepare(`INSERT INTO settings (key, value) VALUES ('unitName', '"Unit"')`).run();
    v10.close();
    const current = openRegisterDb(path);
    const k = current.connection;
    expect(k.prepare('SELECT max(id) AS id FROM schema_migrations').get()).toEqual({ id: LATEST });
    expect(k.prepare('SELECT name, version FROM agencies').all()).toEqual([{ name: 'Police', version: 1 }]);
    expect(k.prepare('SELECT key, version FROM settings').all()).toEqual([{ key: 'unitName', version: 1 }]);
    k.prepare(
      "INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('School', 'education', 'x', 'x')",
    ).run();
    expect(k.prepare("SELECT version FROM agencies WHERE name = 'School'").get()).toEqual({ version: 1 });
    expect(() => k.prepare("UPDATE agencies SET version = NULL WHERE name = 'School'").run()).toThrow(/NOT NULL/);
    const versioned = (
      k
        .prepare(
          "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'version' ORDER BY m.name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    // protocols had a version of its own (the adjusted copy's number) since 004.
    expect(versioned).toEqual([
      'agencies',
      'agency_escalations',
      'agency_returns',
      'child_no_views',
      'child_outcomes',
      'child_tasks',
      'child_views',
      'conference_agencies',
      'conference_tasks',
      'conferences',
      'escalation_actions',
      'escalation_stages',
      'escalations',
      'follow_ups',
      'protocols',
      'settings',
    ]);
    current.close();
  });

  it('012 (search and report indexes) upgrades a 011 register: the terms of the families, children and chairs already there, found on the index', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v11 = openRegisterDb(path, { migrations: MIGRATIONS.filter((m) => m.id <= 11) });
    const upTo12 = MIGRATIONS.filter((m) => m.id <= 12);
    const c = v11.connection;
    c.prepare(
      "INSERT INTO families (name, case_reference, created_at, updated_at) VALUES ('O’Brien', 'CR-2024/0012', 'x', 'x')",
    ).run();
    c.prepare(
      "INSERT INTO children (family_id, given_name, family_name, date_of_birth, case_reference, created_at, updated_at) VALUES (1, 'Zoë', 'Brontë', '2020-01-01', NULL, 'x', 'x')",
    ).run();
    c.prepare(
      "INSERT INTO conferences (type, date, time, venue, chair_name, family_id, created_at, updated_at) VALUES ('initial', '2026-01-05', '10:00', 'Room 1', 'Siân Ní Bhriain', 1, 'x', 'x')",
    ).run();
    v11.close();
    const current = openRegisterDb(path, { migrations: upTo12 });
    const k = current.connection;
    expect(k.prepare('SELECT max(id) AS id FROM schema_migrations').get()).toEqual({ id: 12 });
    expect(k.prepare('SELECT term FROM family_search_terms ORDER BY term').all()).toEqual(
      ['0012', '2024', 'cr', 'cr20240012', 'obrien'].map((term) => ({ term })),
    );
    expect(k.prepare('SELECT term FROM child_search_terms ORDER BY term').all()).toEqual(
      ['bronte', 'zoe'].map((term) => ({ term })),
    );
    expect(k.prepare('SELECT term FROM conference_search_terms ORDER BY term').all()).toEqual(
      ['bhriain', 'ni', 'sian', 'siannibhriain'].map((term) => ({ term })),
    );
    // A prefix search is a range on the key, answered from its index.
    const plan = (
      k
        .prepare("EXPLAIN QUERY PLAN SELECT child_id FROM child_search_terms WHERE term >= 'zo' AND term < ?")
        .all('zo\u{10FFFF}') as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/SEARCH child_search_terms USING (COVERING |PRIMARY KEY|INDEX)/);
    expect(
      k.prepare("SELECT child_id FROM child_search_terms WHERE term >= 'zo' AND term < ?").all('zo\u{10FFFF}'),
    ).toEqual([{ child_id: 1 }]);
    // The reports' indexes.
    const indexes = (
      k.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE '%by_%'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'escalations_by_opened',
        'escalations_by_closed',
        'agency_escalations_by_meeting_date',
        'conferences_by_date',
        'conference_agencies_by_agency',
      ]),
    );
    // A term belongs to its record: it cannot outlive it.
    expect(() => k.prepare('DELETE FROM children WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    current.close();
  });

  it('013 (usual agencies) upgrades a 012 register: the set starts empty and holds only agencies of the directory', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v12 = openRegisterDb(path, { migrations: MIGRATIONS.filter((m) => m.id <= 12) });
    v12.connection
      .prepare("INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('Police', 'police', 'x', 'x')")
      .run();
    v12.close();
    const current = openRegisterDb(path);
    const k = current.connection;
    expect(k.prepare('SELECT max(id) AS id FROM schema_migrations').get()).toEqual({ id: 13 });
    expect(k.prepare('SELECT agency_id FROM usual_agencies').all()).toEqual([]);
    k.prepare('INSERT INTO usual_agencies (agency_id) VALUES (1)').run();
    expect(() => k.prepare('INSERT INTO usual_agencies (agency_id) VALUES (99)').run()).toThrow(/FOREIGN KEY/);
    expect(() => k.prepare('INSERT INTO usual_agencies (agency_id) VALUES (1)').run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => k.prepare("INSERT INTO usual_agencies (agency_id) VALUES ('one')").run()).toThrow(
      /datatype mismatch|cannot store TEXT/,
    );
    // An agency in the usual set cannot be deleted from under it.
    expect(() => k.prepare('DELETE FROM agencies WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    current.close();
  });

  it('rolls back every pending migration if one fails', () => {
    const path = join(tempDir(), 'register.sqlite');
    openRegisterDb(path, { migrations: [MIGRATIONS[0] as Migration] }).close();
    const broken: Migration = {
      id: 3,
      name: 'broken',
      sql: 'CREATE TABLE x (a TEXT) STRICT; SELECT * FROM no_such_table;',
    };
    expect(() => openRegisterDb(path, { migrations: [...MIGRATIONS, next, broken] })).toThrow(/no_such_table/);
    const raw = new Database(path);
    expect(raw.prepare('SELECT max(id) AS id FROM schema_migrations').get()).toEqual({ id: 1 });
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'child_views'").get()).toEqual({ n: 0 });
    expect(raw.prepare("SELECT count(*) AS n FROM pragma_table_info('agencies') WHERE name = 'notes'").get()).toEqual({
      n: 0,
    });
    raw.close();
  });

  it('refuses a register whose applied migration was edited', () => {
    const path = join(tempDir(), 'register.sqlite');
    openRegisterDb(path).close();
    const edited = MIGRATIONS.map((m) => (m.id === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => openRegisterDb(path, { migrations: edited })).toThrow(/Migration 1 "initial" has changed/);
  });

  it('refuses a register written by a newer version', () => {
    const path = join(tempDir(), 'register.sqlite');
    openRegisterDb(path, { migrations: [...MIGRATIONS, next] }).close();
    expect(() => openRegisterDb(path)).toThrow(/newer version/);
  });
});
