import { withoutPassword } from '../addresses';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  createQueryId,
  PostgresQueryCompiler,
  type Compilable,
  type OperationNodeSource,
  type RootOperationNode,
} from 'kysely';
import pg from 'pg';
import { PG_MIGRATIONS } from './migrations-pg';
import { applyPgMigrations } from './pg-schema';
import type { RegisterDb } from './query';

/** pg answers 64-bit integers (ids, counts, sums) and numerics as text; the register's fit a JS number. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

const compiler = new PostgresQueryCompiler();

/** Transaction-scoped advisory locks, by name (arbitrary fixed numbers). */
const LOCKS = { 'audit-chain': 0x617564697400 } as const;

/** The statement for PostgreSQL of a query the repositories built once (with the shared builder). */
function compile(query: Compilable<unknown>) {
  const node = (query as unknown as OperationNodeSource).toOperationNode() as RootOperationNode;
  return compiler.compileQuery(node, createQueryId());
}

interface OpenTransaction {
  client: pg.PoolClient;
  open: boolean;
  savepoints: number;
}

/** Error codes PostgreSQL gives when it loses the connection or is shutting down. */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/**
 * A unit's register on PostgreSQL behind the same interface as the embedded one. A transaction
 * checks one connection out of the pool and every query inside it (found by AsyncLocalStorage,
 * across awaits) runs on that connection; a query outside any transaction takes a connection of
 * its own. Several commands therefore run at once, each isolated by PostgreSQL.
 */
export class PgRegisterDb implements RegisterDb {
  readonly engine = 'postgres' as const;
  private readonly context = new AsyncLocalStorage<OpenTransaction>();

  constructor(
    readonly pool: pg.Pool,
    /** The register's address without its password, for messages and the header. */
    readonly where: string,
  ) {}

  static open(url: string, max = 10): PgRegisterDb {
    const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'cpreg' });
    // A connection the server drops while idle (a restart) is removed from the pool and the next
    // query opens a new one; the error must not take the process down.
    pool.on('error', () => undefined);
    return new PgRegisterDb(pool, withoutPassword(url));
  }

  /** Applies any pending PostgreSQL migrations (one transaction, on one connection). */
  async migrate(now: () => Date = () => new Date()): Promise<number[]> {
    const client = await this.retrying(async () => this.pool.connect());
    try {
      return await applyPgMigrations(client, PG_MIGRATIONS, now);
    } finally {
      client.release();
    }
  }

  private current(): pg.PoolClient | null {
    const tx = this.context.getStore();
    return tx?.open ? tx.client : null;
  }

  private async query<R>(query: Compilable<unknown>): Promise<pg.QueryResult<R & pg.QueryResultRow>> {
    const compiled = compile(query);
    const client = this.current();
    const values = compiled.parameters as unknown[];
    if (client) return client.query<R & pg.QueryResultRow>(compiled.sql, values);
    return this.retrying(async () => this.pool.query<R & pg.QueryResultRow>(compiled.sql, values));
  }

  /**
   * Outside a transaction a statement that failed because the connection was lost (the server
   * restarted) is tried once more on a new connection. Inside one it is not: the transaction is
   * gone with the connection, and the command fails whole.
   */
  private async retrying<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      return run();
    }
  }

  async all<R>(query: Compilable<R>): Promise<R[]> {
    return (await this.query<R>(query)).rows;
  }

  async first<R>(query: Compilable<R>): Promise<R | undefined> {
    return (await this.query<R>(query)).rows[0];
  }

  async run(query: Compilable<unknown>): Promise<{ changes: number }> {
    return { changes: (await this.query(query)).rowCount ?? 0 };
  }

  async insert(query: Compilable<{ id: number }>): Promise<number> {
    const row = (await this.query<{ id: number }>(query)).rows[0];
    if (!row) throw new Error('The insert answered no id');
    return Number(row.id);
  }

  /** Raw SQL for what only the data layer does (migrations, the keyring row, locks). */
  async sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = this.current();
    if (client) return (await client.query<R>(text, values)).rows;
    return (await this.retrying(async () => this.pool.query<R>(text, values))).rows;
  }

  async lock(name: 'audit-chain'): Promise<void> {
    const client = this.current();
    if (!client) throw new Error(`The ${name} lock is taken inside a transaction`);
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS[name]]);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const current = this.context.getStore();
    if (current?.open) return this.savepoint(current, fn);
    const client = await this.begin();
    const tx: OpenTransaction = { client, open: true, savepoints: 0 };
    let broken = false;
    try {
      const value = await this.context.run(tx, fn);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      tx.open = false;
      client.release(broken ? true : undefined);
    }
  }

  /**
   * A connection with a transaction begun. A pooled connection the server dropped meanwhile (a
   * restart) fails at BEGIN, before anything is done: it is discarded and a new one tried, once.
   */
  private async begin(): Promise<pg.PoolClient> {
    for (let attempt = 0; ; attempt += 1) {
      const client = await this.retrying(async () => this.pool.connect());
      try {
        await client.query('BEGIN');
        return client;
      } catch (error) {
        client.release(true);
        if (attempt > 0 || !isConnectionLost(error)) throw error;
      }
    }
  }

  private async savepoint<T>(tx: OpenTransaction, fn: () => Promise<T>): Promise<T> {
    const name = `sp${++tx.savepoints}`;
    await tx.client.query(`SAVEPOINT ${name}`);
    try {
      const value = await fn();
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (error) {
      await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_LOST.has(code)) return true;
  return /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE/.test(error.message);
}
