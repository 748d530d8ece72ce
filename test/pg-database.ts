import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_MIGRATIONS } from '../electron/main/register/db/migrations-pg';
import { applyPgMigrations } from '../electron/main/register/db/pg-schema';

/** A new, empty database on the test cluster; `drop()` ends its connections and removes it. */
export interface PgTestDatabase {
  /** postgres://… naming the new database, for the code under test to connect to. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

function urlOf(database: string, cluster: string = testPgUrl()): string {
  const url = new URL(cluster);
  url.pathname = `/${database}`;
  return url.toString();
}

let template: Promise<string> | null = null;

/**
 * A database with this version's PostgreSQL migrations applied, made once per cluster (the test
 * workers take turns by an advisory lock) and copied for each test that wants a register rather
 * than an empty database: copying is much quicker than migrating each time.
 */
async function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const digest = createHash('sha256');
    for (const m of PG_MIGRATIONS) digest.update(`${m.id}\n${m.sql}`);
    const name = `cpreg_template_${digest.digest('hex').slice(0, 12)}`;
    await withAdmin(async (client) => {
      await client.query('SELECT pg_advisory_lock(7170)');
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount) return;
        await client.query(`CREATE DATABASE "${name}"`);
        const register = new pg.Client({ connectionString: urlOf(name) });
        await register.connect();
        try {
          await applyPgMigrations(register);
        } finally {
          await register.end();
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock(7170)');
      }
    });
    return name;
  })();
  return template;
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

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>, cluster: string = testPgUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: cluster });
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
export async function freshPgDatabase(
  options: {
    migrated?: boolean;
    /** Another cluster's URL (the restartable one) instead of TEST_PG_URL's; `migrated` is then ignored. */
    cluster?: string;
  } = {},
): Promise<PgTestDatabase> {
  const cluster = options.cluster ?? testPgUrl();
  const name = `cpreg_test_${randomBytes(8).toString('hex')}`;
  // The name is ours (fixed prefix, hex), so quoting it as an identifier is safe.
  const template = options.migrated && !options.cluster ? ` TEMPLATE "${await migratedTemplate()}"` : '';
  await withAdmin(async (client) => client.query(`CREATE DATABASE "${name}"${template}`), cluster);
  const url = urlOf(name, cluster);
  let dropped = false;
  return {
    url,
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE terminates the database's remaining connections (a pool a failed test left open)
      // before dropping it, rather than failing because it is in use.
      await withAdmin(async (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), cluster);
    },
  };
}
