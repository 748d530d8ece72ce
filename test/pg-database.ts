import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A new, empty database on the test cluster; `drop()` ends its connections and removes it. */
export interface PgTestDatabase {
  /** postgres://… naming the new database, for the code under test to connect to. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** The test cluster's URL, or a clear error saying how to get one. */
export function testPgUrl(): string {
  const url = process.env['TEST_PG_URL'];
  if (!url) {
    throw new Error(
      'TEST_PG_URL is not set: run the PostgreSQL tests through scripts/with-pg.sh (for example `bash scripts/with-pg.sh npx vitest run --project integration`), which starts a throwaway cluster and sets it, or set TEST_PG_URL to a PostgreSQL you may create databases on.',
    );
  }
  return url;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPgUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database named `cpreg_test_<random hex>` on the cluster at TEST_PG_URL: each test gets
 * its own, so tests never see each other's rows and can run in parallel.
 */
export async function freshPgDatabase(): Promise<PgTestDatabase> {
  const name = `cpreg_test_${randomBytes(8).toString('hex')}`;
  // The name is ours (fixed prefix, hex), so quoting it as an identifier is safe.
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPgUrl());
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE terminates the database's remaining connections (a pool a failed test left open)
      // before dropping it, rather than failing because it is in use.
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
