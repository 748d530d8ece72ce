import { readKeyringRow, writeKeyringRow } from './keyring-row';
import type { PgRegisterDb } from './pg-query';
import type { SyncRegisterDb } from './query';

/** Tables the engines keep for themselves, not the register's records. */
const NOT_COPIED = new Set(['schema_migrations', 'sqlite_sequence']);
/** Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters in one). */
const BATCH = 500;

export interface MoveCounts {
  /** Rows per table, as read from the embedded register. */
  tables: Record<string, number>;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** The embedded register's tables, each after the tables its foreign keys point to. */
function tablesInOrder(source: SyncRegisterDb): string[] {
  const c = source.connection;
  const names = (
    c
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  )
    .map((t) => t.name)
    .filter((n) => !NOT_COPIED.has(n));
  const parents = new Map(
    names.map((n) => [
      n,
      (c.pragma(`foreign_key_list(${quote(n)})`) as { table: string }[]).map((f) => f.table).filter((t) => t !== n),
    ]),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) place(parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const n of names) place(n, new Set());
  return ordered;
}

/**
 * Copies an embedded register, row for row with the same ids, into an empty PostgreSQL register
 * (one made by its migrations and holding nothing), with the keyring, so every user signs in
 * with the same password and the audit chain's hashes stay valid. All in one PostgreSQL
 * transaction: a failure leaves the target as it was. The caller checks the result afterwards.
 */
export async function copyToPostgres(
  source: SyncRegisterDb,
  keyring: string,
  target: PgRegisterDb,
): Promise<MoveCounts> {
  await target.migrate();
  const counts: Record<string, number> = {};
  await target.transaction(async () => {
    if ((await readKeyringRow(target)) !== null) {
      throw new MoveRefused('The PostgreSQL register already has users: move into an empty database.');
    }
    const tables = tablesInOrder(source);
    for (const table of tables) {
      const held = await target.sql<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`);
      if ((held[0]?.n ?? 0) > 0) {
        throw new MoveRefused(`The PostgreSQL register already holds records (${table}): move into an empty database.`);
      }
    }
    for (const table of tables) {
      const statement = source.connection.prepare(`SELECT * FROM ${quote(table)}`);
      const columns = statement.columns().map((col) => col.name);
      let batch: unknown[][] = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const values = batch
          .map((_, r) => `(${columns.map((__, k) => `$${r * columns.length + k + 1}`).join(', ')})`)
          .join(', ');
        await target.sql(
          `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values}`,
          batch.flat(),
        );
        copied += batch.length;
        batch = [];
      };
      for (const row of statement.raw(true).iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      counts[table] = copied;
      // Identity columns carry on after the largest id copied (ids are never reused).
      const identity = await target.sql<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_identity = 'YES'",
        [table],
      );
      for (const { column_name: column } of identity) {
        await target.sql(
          `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT max(${quote(column)}) FROM ${quote(table)}))
            WHERE EXISTS (SELECT 1 FROM ${quote(table)})`,
          [table, column],
        );
      }
    }
    await writeKeyringRow(target, keyring);
  });
  return { tables: counts };
}

/** Rows per table of a PostgreSQL register, for checking a move. */
export async function countRows(target: PgRegisterDb, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = (await target.sql<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`))[0]?.n ?? 0;
  }
  return counts;
}

export class MoveRefused extends Error {
  override name = 'MoveRefused';
}
