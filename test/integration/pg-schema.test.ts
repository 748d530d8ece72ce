import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterDb } from '../../electron/main/register/db/connection';
import { pgMigration001 } from '../../electron/main/register/db/migrations-pg/001-register';
import { pgMigration002 } from '../../electron/main/register/db/migrations-pg/002-record-versions';
import { pgMigration003 } from '../../electron/main/register/db/migrations-pg/003-search-and-report-indexes';
import { pgMigration004 } from '../../electron/main/register/db/migrations-pg/004-usual-agencies';
import { PG_MIGRATIONS } from '../../electron/main/register/db/migrations-pg';
import { applyPgMigrations, pgMigrationChecksum } from '../../electron/main/register/db/pg-schema';
import { freshPgDatabase, type PgTestDatabase } from '../pg-database';

/**
 * The PostgreSQL schema against the SQLite one it translates: a SQLite register migrated to
 * version 10 and a PostgreSQL register made by PG_MIGRATIONS must have the same tables, columns
 * (in order, with their NOT NULL-ness and a matching type), keys, unique sets, foreign keys,
 * CHECK constraints and named indexes, and the audit trail must refuse the same changes with the
 * same words. Run with `bash scripts/with-pg.sh npx vitest run --project integration test/integration/pg-schema.test.ts`.
 */

const NOW = new Date('2026-03-02T09:30:00.000Z');
const HASH = 'a'.repeat(64);

let sqliteDir = '';
let sqlite: Database.Database;

/** The SQLite register at version 10, opened raw (read-only) to read its catalogue. */
beforeAll(() => {
  sqliteDir = mkdtempSync(join(tmpdir(), 'cpreg-pg-schema-'));
  const path = join(sqliteDir, 'register.sqlite');
  openRegisterDb(path, { now: () => NOW }).close();
  sqlite = new Database(path);
});
afterAll(() => {
  sqlite.close();
  rmSync(sqliteDir, { recursive: true, force: true });
});

const opened: { database: PgTestDatabase; client: pg.Client }[] = [];
afterEach(async () => {
  while (opened.length > 0) {
    const next = opened.pop();
    if (!next) break;
    await next.client.end().catch(() => undefined);
    await next.database.drop();
  }
});

/** A connection to a new, empty PostgreSQL database, closed and dropped after the test. */
async function freshClient(): Promise<pg.Client> {
  const database = await freshPgDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  opened.push({ database, client });
  return client;
}

async function pgRegister(): Promise<pg.Client> {
  const client = await freshClient();
  await applyPgMigrations(client, PG_MIGRATIONS, () => NOW);
  return client;
}

// --- SQLite's catalogue ------------------------------------------------------------------------

function sqliteTables(): string[] {
  return (
    sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
}

interface Column {
  name: string;
  notNull: boolean;
  type: string;
}

function sqliteColumns(table: string): Column[] {
  const rows = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }[];
  // A primary key column is NOT NULL on PostgreSQL always; on SQLite a TEXT PRIMARY KEY of a rowid
  // table (settings.key) is declared nullable, a quirk SQLite keeps for compatibility: the register
  // never stores a NULL key, so PostgreSQL's stricter rule loses nothing.
  return rows.map((c) => ({ name: c.name, notNull: c.notnull === 1 || c.pk > 0, type: c.type }));
}

function sqliteKey(table: string): string[] {
  const rows = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];
  return rows
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

interface IndexInfo {
  table: string;
  columns: string[];
  unique: boolean;
  partial: boolean;
}

/** An index's key columns, a NOCASE one written as PostgreSQL's `lower(col)`. */
function sqliteIndexColumns(index: string): string[] {
  const rows = sqlite.prepare(`PRAGMA index_xinfo("${index}")`).all() as {
    name: string | null;
    key: number;
    coll: string;
  }[];
  return rows.filter((r) => r.key === 1).map((r) => (r.coll === 'NOCASE' ? `lower(${r.name})` : String(r.name)));
}

function sqliteIndexList(table: string): { name: string; unique: number; origin: string; partial: number }[] {
  return sqlite.prepare(`PRAGMA index_list("${table}")`).all() as {
    name: string;
    unique: number;
    origin: string;
    partial: number;
  }[];
}

/** Named indexes (`CREATE INDEX`), not the automatic ones behind a key or UNIQUE. */
function sqliteNamedIndexes(): Map<string, IndexInfo> {
  const found = new Map<string, IndexInfo>();
  for (const table of sqliteTables()) {
    for (const ix of sqliteIndexList(table)) {
      if (ix.name.startsWith('sqlite_autoindex_')) continue;
      found.set(ix.name, {
        table,
        columns: sqliteIndexColumns(ix.name),
        unique: ix.unique === 1,
        partial: ix.partial === 1,
      });
    }
  }
  return found;
}

/** What may not repeat, per table: the key, each UNIQUE, each unique index. */
function sqliteUniqueSets(table: string): string[] {
  const sets = [`(${sqliteKey(table).join(', ')})`];
  for (const ix of sqliteIndexList(table)) {
    if (ix.unique !== 1 || ix.origin === 'pk') continue;
    sets.push(`(${sqliteIndexColumns(ix.name).join(', ')})${ix.partial === 1 ? ' partial' : ''}`);
  }
  return sets.sort();
}

function sqliteForeignKeys(table: string): string[] {
  const rows = sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
    id: number;
    seq: number;
    table: string;
    from: string;
    to: string;
    on_update: string;
    on_delete: string;
  }[];
  const byId = new Map<number, typeof rows>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  return [...byId.values()]
    .map((parts) => {
      parts.sort((a, b) => a.seq - b.seq);
      const first = parts[0];
      if (!first) throw new Error('empty foreign key');
      return `(${parts.map((p) => p.from).join(', ')}) -> ${first.table} (${parts.map((p) => p.to).join(', ')}) on delete ${first.on_delete} on update ${first.on_update}`;
    })
    .sort();
}

/** CHECK constraints as written in the table's SQL (SQLite folds each ALTER into that text). */
function sqliteCheckCount(table: string): number {
  const row = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as {
    sql: string;
  };
  return (row.sql.match(/\bCHECK\s*\(/gi) ?? []).length;
}

// --- PostgreSQL's catalogue --------------------------------------------------------------------

/** Tables only a PostgreSQL register has. */
const PG_ONLY_TABLES = ['register_keyring'];

/** The ids of every PostgreSQL migration, as a new register records them. */
const ALL_IDS = PG_MIGRATIONS.map((m) => m.id);

async function pgTables(client: pg.Client): Promise<string[]> {
  const r = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return r.rows.map((t) => t.table_name);
}

async function pgColumns(client: pg.Client, table: string): Promise<Column[]> {
  const r = await client.query<{ column_name: string; is_nullable: string; data_type: string }>(
    `SELECT column_name, is_nullable, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((c) => ({ name: c.column_name, notNull: c.is_nullable === 'NO', type: c.data_type }));
}

interface PgIndex extends IndexInfo {
  name: string;
  constraint: boolean;
}

async function pgIndexes(client: pg.Client): Promise<PgIndex[]> {
  const r = await client.query<{
    name: string;
    table: string;
    unique: boolean;
    partial: boolean;
    constraint: boolean;
    columns: string[];
  }>(
    `SELECT i.relname AS name, t.relname AS "table", x.indisunique AS "unique", x.indpred IS NOT NULL AS partial,
            EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) AS "constraint",
            ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = current_schema()::text::regnamespace
      ORDER BY i.relname`,
  );
  // pg_get_indexdef quotes a column named like a keyword ("time").
  return r.rows.map((ix) => ({ ...ix, columns: ix.columns.map((c) => c.replace(/^"(.*)"$/, '$1')) }));
}

async function pgForeignKeys(client: pg.Client, table: string): Promise<string[]> {
  const action: Record<string, string> = {
    a: 'NO ACTION',
    r: 'RESTRICT',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
  };
  const r = await client.query<{ cols: string[]; target: string; target_cols: string[]; del: string; upd: string }>(
    `SELECT ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
            f.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS target_cols,
            c.confdeltype AS del, c.confupdtype AS upd
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class f ON f.oid = c.confrelid
      WHERE c.contype = 'f' AND t.relname = $1 AND t.relnamespace = current_schema()::text::regnamespace`,
    [table],
  );
  return r.rows
    .map(
      (fk) =>
        `(${fk.cols.join(', ')}) -> ${fk.target} (${fk.target_cols.join(', ')}) on delete ${action[fk.del]} on update ${action[fk.upd]}`,
    )
    .sort();
}

async function pgCheckCount(client: pg.Client, table: string): Promise<number> {
  const r = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'c' AND t.relname = $1 AND t.relnamespace = current_schema()::text::regnamespace`,
    [table],
  );
  return r.rows[0]?.n ?? -1;
}

/** SQLite's declared type, and the PostgreSQL types the translation allows for it. */
const TYPES: Record<string, string[]> = {
  INTEGER: ['bigint', 'integer'],
  TEXT: ['text'],
  REAL: ['double precision'],
};

async function pgError(client: pg.Client, statement: string): Promise<string> {
  try {
    await client.query(statement);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

function sqliteError(connection: Database.Database, statement: string): string {
  try {
    connection.prepare(statement).run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

async function pgContent(client: pg.Client): Promise<Record<string, unknown[]>> {
  const content: Record<string, unknown[]> = {};
  for (const table of await pgTables(client)) {
    content[table] = (await client.query(`SELECT * FROM "${table}" ORDER BY 1`)).rows;
  }
  return content;
}

describe.skipIf(!process.env['TEST_PG_URL'])('the PostgreSQL schema', () => {
  it('has the tables of a SQLite register at version 10, with the same columns in the same order', async () => {
    const client = await pgRegister();
    const tables = sqliteTables();
    expect(tables.length).toBeGreaterThan(20);
    expect((await pgTables(client)).filter((t) => !PG_ONLY_TABLES.includes(t))).toEqual(tables);
    // The keyring is a file beside an embedded register; a unit's register keeps it in one row.
    expect(await pgTables(client)).toContain('register_keyring');
    for (const table of tables) {
      const want = sqliteColumns(table);
      const got = await pgColumns(client, table);
      expect(
        got.map((c) => [c.name, c.notNull]),
        table,
      ).toEqual(want.map((c) => [c.name, c.notNull]));
      for (const [i, column] of want.entries()) {
        expect(TYPES[column.type], `${table}.${column.name} ${column.type}`).toContain(got[i]?.type);
      }
    }
  });

  it('keeps the keys, unique sets, foreign keys (and their ON DELETE) and CHECK constraints', async () => {
    const client = await pgRegister();
    const indexes = await pgIndexes(client);
    for (const table of sqliteTables()) {
      const pgUnique = indexes
        .filter((ix) => ix.table === table && ix.unique)
        .map((ix) => `(${ix.columns.join(', ')})${ix.partial ? ' partial' : ''}`)
        .sort();
      expect(pgUnique, `${table} unique`).toEqual(sqliteUniqueSets(table));
      expect(await pgForeignKeys(client, table), `${table} foreign keys`).toEqual(sqliteForeignKeys(table));
      expect(await pgCheckCount(client, table), `${table} CHECKs`).toBe(sqliteCheckCount(table));
    }
    // Ids are generated, never reused (SQLite's INTEGER PRIMARY KEY, AUTOINCREMENT or not).
    const identities = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES' ORDER BY table_name`,
    );
    const rowidIds = sqliteTables().filter((t) => {
      const key = sqliteColumns(t).filter((c) => sqliteKey(t).includes(c.name));
      return t !== 'schema_migrations' && key.length === 1 && key[0]?.name === 'id' && key[0].type === 'INTEGER';
    });
    expect(identities.rows.map((r) => r.table_name)).toEqual(rowidIds);
  });

  it('has every named index of the SQLite register, on the same table and columns, as unique and as partial', async () => {
    const client = await pgRegister();
    const pgByName = new Map((await pgIndexes(client)).map((ix) => [ix.name, ix]));
    const named = sqliteNamedIndexes();
    expect(named.size).toBeGreaterThan(30);
    for (const [name, want] of named) {
      const got = pgByName.get(name);
      expect(got, `index ${name}`).toBeDefined();
      expect({ table: got?.table, columns: got?.columns, unique: got?.unique, partial: got?.partial }, name).toEqual(
        want,
      );
    }
    // Besides them: the indexes behind keys and UNIQUE constraints, and agencies' case-insensitive
    // unique name (SQLite's `COLLATE NOCASE UNIQUE`).
    const extra = [...pgByName.values()].filter((ix) => !named.has(ix.name) && !ix.constraint).map((ix) => ix.name);
    expect(extra).toEqual(['agencies_name_nocase']);
  });

  it('refuses a second agency whose name differs only in case, as SQLite does', async () => {
    const client = await pgRegister();
    const insert = (name: string) =>
      `INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('${name}', 'health', 'x', 'x')`;
    await client.query(insert('Synthetic Health Trust'));
    expect(await pgError(client, insert('SYNTHETIC health trust'))).toMatch(/agencies_name_nocase/);
  });

  it('keeps the audit trail append-only with the words SQLite uses', async () => {
    const client = await pgRegister();
    const insertEvent = `INSERT INTO audit_events (at, actor, action, entity, entity_id, prev_hash, hash)
      VALUES ('2026-03-02T09:30:00.000Z', 'Test Chair', 'create', 'family', 1, '${'0'.repeat(64)}', '${HASH}')`;
    const insertPayload = `INSERT INTO audit_payloads (event_id, before_json, after_json) VALUES (1, NULL, '{}')`;
    await client.query(insertEvent);
    await client.query(insertPayload);

    // The same statements on a copy of the SQLite register.
    const copy = new Database(':memory:');
    try {
      copy.exec(
        (
          sqlite.prepare("SELECT group_concat(sql, ';') AS s FROM sqlite_schema WHERE name LIKE 'audit_%'").get() as {
            s: string;
          }
        ).s,
      );
      copy.prepare(insertEvent).run();
      copy.prepare(insertPayload).run();
      const refused = [
        "UPDATE audit_events SET actor = 'Someone else' WHERE id = 1",
        'DELETE FROM audit_events WHERE id = 1',
        'UPDATE audit_payloads SET after_json = \'{"changed":1}\' WHERE event_id = 1',
      ];
      for (const statement of refused) {
        const words = sqliteError(copy, statement);
        expect(words).toMatch(/append-only/);
        expect(await pgError(client, statement), statement).toBe(words);
      }
      // An erasure deletes a payload, on both.
      expect(sqliteError(copy, 'DELETE FROM audit_payloads WHERE event_id = 1')).toBe('no error');
      expect(await pgError(client, 'DELETE FROM audit_payloads WHERE event_id = 1')).toBe('no error');
    } finally {
      copy.close();
    }
    // TRUNCATE (PostgreSQL only) skips row triggers; it is refused too.
    expect(await pgError(client, 'TRUNCATE audit_events CASCADE')).toBe(
      'The audit trail is append-only: an audit event cannot be deleted.',
    );
    const left = await client.query<{ actor: string }>('SELECT actor FROM audit_events');
    expect(left.rows).toEqual([{ actor: 'Test Chair' }]);
  });

  it('records the migration once, with its checksum; a second application changes nothing', async () => {
    const client = await freshClient();
    expect(await applyPgMigrations(client, PG_MIGRATIONS, () => NOW)).toEqual(ALL_IDS);
    const ledger = async () => (await client.query('SELECT * FROM schema_migrations ORDER BY id')).rows;
    expect(await ledger()).toEqual([
      { id: 10, name: 'register', checksum: pgMigrationChecksum(pgMigration001), applied_at: NOW.toISOString() },
      {
        id: 11,
        name: 'record-versions',
        checksum: pgMigrationChecksum(pgMigration002),
        applied_at: NOW.toISOString(),
      },
      {
        id: 12,
        name: 'search-and-report-indexes',
        checksum: pgMigrationChecksum(pgMigration003),
        applied_at: NOW.toISOString(),
      },
      {
        id: 13,
        name: 'usual-agencies',
        checksum: pgMigrationChecksum(pgMigration004),
        applied_at: NOW.toISOString(),
      },
    ]);
    const before = await pgContent(client);
    expect(await applyPgMigrations(client, PG_MIGRATIONS, () => new Date('2027-01-01T00:00:00.000Z'))).toEqual([]);
    expect(await pgContent(client)).toEqual(before);
  });

  it('applies a migration once when two connections open a new register at the same moment', async () => {
    const first = await freshClient();
    const database = opened.at(-1)?.database;
    if (!database) throw new Error('no database');
    const second = new pg.Client({ connectionString: database.url });
    await second.connect();
    try {
      const results = await Promise.all([
        applyPgMigrations(first, PG_MIGRATIONS, () => NOW),
        applyPgMigrations(second, PG_MIGRATIONS, () => NOW),
      ]);
      expect(results.map((ids) => ids.join()).sort()).toEqual(['', ALL_IDS.join()]);
      const ledger = await first.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(ledger.rows).toEqual(ALL_IDS.map((id) => ({ id })));
    } finally {
      await second.end();
    }
  });

  it('refuses a register whose applied migration has since been edited, changing nothing', async () => {
    const client = await pgRegister();
    await client.query(`INSERT INTO settings (key, value) VALUES ('synthetic', '1')`);
    const before = await pgContent(client);
    const edited = { ...pgMigration001, sql: `${pgMigration001.sql}\nCREATE TABLE extra (x integer);` };
    await expect(applyPgMigrations(client, [edited, ...PG_MIGRATIONS.slice(1)], () => NOW)).rejects.toThrow(
      'Migration 10 "register" has changed since it was applied to this register; shipped migrations must never be edited.',
    );
    expect(await pgContent(client)).toEqual(before);
  });

  it('011 (record versions) upgrades a version-10 register: every row it versions gets version 1, kept on both engines alike', async () => {
    const client = await freshClient();
    expect(await applyPgMigrations(client, [pgMigration001], () => NOW)).toEqual([10]);
    await client.query(
      "INSERT INTO agencies (name, type, active, created_at, updated_at) VALUES ('Police', 'police', 1, 'x', 'x')",
    );
    await client.query(`INSERT INTO settings (key, value) VALUES ('unitName', '"Unit"')`);
    expect(await applyPgMigrations(client, [pgMigration001, pgMigration002], () => NOW)).toEqual([11]);
    expect((await client.query('SELECT name, version FROM agencies')).rows).toEqual([{ name: 'Police', version: 1 }]);
    expect((await client.query('SELECT key, version FROM settings')).rows).toEqual([{ key: 'unitName', version: 1 }]);
    // The same tables have a version on each engine (the catalogue test compares the rest).
    const versioned = async () =>
      (
        await client.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_name = 'version' ORDER BY table_name`,
        )
      ).rows.map((r) => r.table_name);
    const onSqlite = sqliteTables().filter((t) => sqliteColumns(t).some((c) => c.name === 'version'));
    expect(await versioned()).toEqual(onSqlite);
    expect(onSqlite).toContain('conferences');
  });

  it('012 (search and report indexes) upgrades a version-11 register: the terms of the records already there, found on the index', async () => {
    const client = await freshClient();
    expect(await applyPgMigrations(client, [pgMigration001, pgMigration002], () => NOW)).toEqual([10, 11]);
    await client.query(
      "INSERT INTO families (name, case_reference, created_at, updated_at) VALUES ('O’Brien', 'CR-2024/0012', 'x', 'x')",
    );
    await client.query(
      "INSERT INTO children (family_id, given_name, family_name, date_of_birth, created_at, updated_at) VALUES (1, 'Zoë', 'Brontë', '2020-01-01', 'x', 'x')",
    );
    await client.query(
      "INSERT INTO conferences (type, date, time, venue, chair_name, family_id, created_at, updated_at) VALUES ('initial', '2026-01-05', '10:00', 'Room 1', 'Siân Ní Bhriain', 1, 'x', 'x')",
    );
    expect(await applyPgMigrations(client, PG_MIGRATIONS.slice(0, 3), () => NOW)).toEqual([12]);
    const terms = async (table: string) =>
      (await client.query<{ term: string }>(`SELECT term FROM ${table} ORDER BY term`)).rows.map((r) => r.term);
    // The same terms as SQLite's migration makes (test/integration/migrations.test.ts).
    expect(await terms('family_search_terms')).toEqual(['0012', '2024', 'cr', 'cr20240012', 'obrien']);
    expect(await terms('child_search_terms')).toEqual(['bronte', 'zoe']);
    expect(await terms('conference_search_terms')).toEqual(['bhriain', 'ni', 'sian', 'siannibhriain']);
    // A prefix search is a range on the key, answered from its index (sequential scans off, so
    // the planner shows whether it can use the index at all on a table this small).
    await client.query('SET enable_seqscan = off');
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT child_id FROM child_search_terms WHERE term >= $1 AND term < $2',
      ['zo', 'zo\u{10FFFF}'],
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
      /Index (Only )?Scan (using|on) child_search_terms_pkey/,
    );
    const found = await client.query(
      'SELECT child_id::int AS child_id FROM child_search_terms WHERE term >= $1 AND term < $2',
      ['zo', 'zo\u{10FFFF}'],
    );
    expect(found.rows).toEqual([{ child_id: 1 }]);
    await client.query('RESET enable_seqscan');
    const indexes = (await pgIndexes(client)).map((ix) => ix.name);
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
    expect(await pgError(client, 'DELETE FROM children WHERE id = 1')).toMatch(/foreign key/);
  });

  it('013 (usual agencies) upgrades a version-12 register: the set starts empty and holds only agencies of the directory', async () => {
    const client = await freshClient();
    expect(await applyPgMigrations(client, PG_MIGRATIONS.slice(0, 3), () => NOW)).toEqual([10, 11, 12]);
    await client.query(
      "INSERT INTO agencies (name, type, active, created_at, updated_at) VALUES ('Police', 'police', 1, 'x', 'x')",
    );
    expect(await applyPgMigrations(client, PG_MIGRATIONS, () => NOW)).toEqual([13]);
    expect((await client.query('SELECT agency_id FROM usual_agencies')).rows).toEqual([]);
    await client.query('INSERT INTO usual_agencies (agency_id) VALUES (1)');
    expect(await pgError(client, 'INSERT INTO usual_agencies (agency_id) VALUES (99)')).toMatch(/foreign key/);
    expect(await pgError(client, 'INSERT INTO usual_agencies (agency_id) VALUES (1)')).toMatch(/duplicate key/);
    // An agency in the usual set cannot be deleted from under it.
    expect(await pgError(client, 'DELETE FROM agencies WHERE id = 1')).toMatch(/foreign key/);
  });

  it('refuses a register a newer version updated, changing nothing', async () => {
    const client = await pgRegister();
    await client.query(
      `INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (99, 'from-the-future', 'x', 'x')`,
    );
    const before = await pgContent(client);
    await expect(applyPgMigrations(client, PG_MIGRATIONS, () => NOW)).rejects.toThrow(
      /newer version of CP Conference Register \(migration 99 "from-the-future"\); install the newer version/,
    );
    expect(await pgContent(client)).toEqual(before);
  });

  it("refuses another application's database, changing nothing", async () => {
    const client = await freshClient();
    await client.query('CREATE TABLE invoices (id integer PRIMARY KEY, total integer NOT NULL)');
    await client.query('INSERT INTO invoices VALUES (1, 100)');
    await expect(applyPgMigrations(client, PG_MIGRATIONS, () => NOW)).rejects.toThrow(
      /a database but not a CP Conference Register register; nothing in it was changed/,
    );
    expect(await pgContent(client)).toEqual({ invoices: [{ id: 1, total: 100 }] });
  });

  it('applies all pending migrations in one transaction: a failing one leaves the database empty', async () => {
    const client = await freshClient();
    const broken = { id: 99, name: 'broken', sql: 'CREATE TABLE half_done (x integer); SELECT 1 / 0;' };
    await expect(applyPgMigrations(client, [...PG_MIGRATIONS, broken], () => NOW)).rejects.toThrow(
      /Migration 99 "broken" failed on PostgreSQL \(division by zero\); nothing in the database was changed/,
    );
    expect(await pgTables(client)).toEqual([]);
    // The connection is usable afterwards: the transaction was rolled back.
    expect(await applyPgMigrations(client, PG_MIGRATIONS, () => NOW)).toEqual(ALL_IDS);
  });
});
