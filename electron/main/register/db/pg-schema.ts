import { createHash } from 'node:crypto';
import type pg from 'pg';
import { RegisterOpenError } from './connection';
import { PG_MIGRATIONS } from './migrations-pg';
import type { PgMigration } from './migrations-pg/types';

/** The sha256 of a migration's SQL, as recorded in `schema_migrations.checksum` (as on SQLite). */
export function pgMigrationChecksum(m: PgMigration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

/**
 * Two processes opening one new register at once (two unit servers, a server and `cpreg init`)
 * must not both apply the same migration: each takes this transaction-scoped advisory lock first,
 * so the second waits and then finds nothing pending. The number is arbitrary but fixed
 * ("cpreg" in ASCII).
 */
const MIGRATION_LOCK = 0x6370726567;

const SCHEMA_MIGRATIONS = `CREATE TABLE schema_migrations (
  id integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at text NOT NULL
)`;

/**
 * Brings a PostgreSQL register up to date: applies the pending migrations, in order, in one
 * transaction with the checks, so a refusal or a failure leaves the database exactly as it was
 * (PostgreSQL's DDL is transactional). Records each one's id, name, sha256 checksum and
 * `applied_at` (ISO) in `schema_migrations`, created here in an empty database.
 *
 * Refuses, changing nothing, a database that has tables but no `schema_migrations` (someone
 * else's database), a register holding a migration this version does not know (a newer version
 * updated it), and one whose applied migration's text has since changed; the messages are those
 * of the SQLite register (`connection.ts`).
 *
 * `client` is one dedicated connection (a `pg.Client`, or a `PoolClient` checked out of a pool)
 * with no transaction open; the tables are made in its current schema. Returns the ids applied.
 */
export async function applyPgMigrations(
  client: pg.ClientBase,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const tables = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
    );
    const hasLedger = tables.rows.some((t) => t.table_name === 'schema_migrations');
    if (tables.rows.length > 0 && !hasLedger) {
      throw new RegisterOpenError(
        'This PostgreSQL database is a database but not a CP Conference Register register; nothing in it was changed. Give an empty database (createdb) or an existing register.',
      );
    }
    if (!hasLedger) await client.query(SCHEMA_MIGRATIONS);

    const applied = await client.query<{ id: number; name: string; checksum: string }>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    );
    const known = new Map(migrations.map((m) => [m.id, m]));
    const unknown = applied.rows.find((row) => !known.has(row.id));
    if (unknown) {
      throw new RegisterOpenError(
        `This register was updated by a newer version of CP Conference Register (migration ${unknown.id} "${unknown.name}"); install the newer version to open it. Nothing in it was changed.`,
      );
    }
    for (const row of applied.rows) {
      const m = known.get(row.id);
      if (m && pgMigrationChecksum(m) !== row.checksum) {
        throw new RegisterOpenError(
          `Migration ${row.id} "${row.name}" has changed since it was applied to this register; shipped migrations must never be edited.`,
        );
      }
    }

    const done = new Set(applied.rows.map((r) => r.id));
    const pending = [...migrations].sort((a, b) => a.id - b.id).filter((m) => !done.has(m.id));
    for (const m of pending) {
      try {
        await client.query(m.sql);
        await m.after?.(client);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new RegisterOpenError(
          `Migration ${m.id} "${m.name}" failed on PostgreSQL (${detail}); nothing in the database was changed.`,
          { cause: error },
        );
      }
      await client.query('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
        m.id,
        m.name,
        pgMigrationChecksum(m),
        now().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return pending.map((m) => m.id);
  } catch (error) {
    // The refusal or failure is what the caller needs; a failed rollback (the connection is gone)
    // leaves nothing committed either.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
