import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { RegisterSchema } from './schema';

/**
 * Kysely builds and type-checks the SQL once, for both engines; each engine's `RegisterDb`
 * compiles the query for its own dialect and runs it. Repositories are written against this
 * builder and the `RegisterDb` interface only, never against an engine.
 */
export const qb = new Kysely<RegisterSchema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export type QueryBuilder = typeof qb;

export type Engine = 'sqlite' | 'postgres';

/**
 * The register's database, as every repository sees it, on either engine. Every method is
 * asynchronous. `transaction` runs its function as one transaction: all of it is written, or (if
 * it throws) none of it; calls made inside it (however deep, across awaits) join it, and a nested
 * `transaction` becomes a savepoint. Calls from outside wait until it has finished, so no one
 * sees another command's uncommitted work.
 */
export interface RegisterDb {
  readonly engine: Engine;
  all<R>(query: Compilable<R>): Promise<R[]>;
  first<R>(query: Compilable<R>): Promise<R | undefined>;
  run(query: Compilable<unknown>): Promise<{ changes: number }>;
  /** Runs an insert that ends `.returning('id')` and answers the new row's id. */
  insert(query: Compilable<{ id: number }>): Promise<number>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other transaction holds the lock named `name`, and
   * holds it until this one ends (appending to the audit chain, whose next link depends on the
   * last). On SQLite, where one transaction runs at a time, it is already held.
   */
  lock(name: 'audit-chain'): Promise<void>;
  close(): Promise<void>;
}

/**
 * The SQLite register's connection with synchronous statements (better-sqlite3), for what only
 * SQLite does and must do in one synchronous step: opening, migrating (a migration's code step),
 * integrity checks, backups. Statements are prepared once and cached by their SQL text.
 */
export class SyncRegisterDb {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly connection: BetterSqlite3.Database) {}

  private statement(sqlText: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(sqlText);
    if (!stmt) {
      stmt = this.connection.prepare(sqlText);
      this.statements.set(sqlText, stmt);
    }
    return stmt;
  }

  all<R>(query: Compilable<R>): R[] {
    const compiled = query.compile();
    return this.statement(compiled.sql).all(...(compiled.parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const compiled = query.compile();
    return this.statement(compiled.sql).get(...(compiled.parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const compiled = query.compile();
    const info = this.statement(compiled.sql).run(...(compiled.parameters as unknown[]));
    return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
  }

  /** Runs `fn` in one transaction; nested calls become savepoints. */
  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn)();
  }

  close(): void {
    this.statements.clear();
    this.connection.close();
  }
}

/** The transaction a piece of asynchronous work runs in, while it is open. */
interface OpenTransaction {
  open: boolean;
  savepoints: number;
}

/**
 * The embedded register behind the asynchronous interface. better-sqlite3 answers at once, so a
 * statement costs no more than before; what the interface adds is the transaction's boundary
 * across awaits: one transaction at a time holds the connection (a queue), the work inside it
 * is found by AsyncLocalStorage, and anything else waits its turn.
 */
export class SqliteRegisterDb implements RegisterDb {
  readonly engine = 'sqlite' as const;
  private readonly context = new AsyncLocalStorage<OpenTransaction>();
  /** Resolves when the transaction holding the connection (if any) has finished. */
  private held: Promise<void> | null = null;

  constructor(readonly sync: SyncRegisterDb) {}

  get connection(): BetterSqlite3.Database {
    return this.sync.connection;
  }

  private inside(): boolean {
    return this.context.getStore()?.open === true;
  }

  /** Runs `step` once no other transaction holds the connection. */
  private async turn<T>(step: () => T): Promise<T> {
    while (this.held && !this.inside()) await this.held;
    return step();
  }

  async all<R>(query: Compilable<R>): Promise<R[]> {
    return this.turn(() => this.sync.all(query));
  }

  async first<R>(query: Compilable<R>): Promise<R | undefined> {
    return this.turn(() => this.sync.first(query));
  }

  async run(query: Compilable<unknown>): Promise<{ changes: number }> {
    return this.turn(() => this.sync.run(query));
  }

  async insert(query: Compilable<{ id: number }>): Promise<number> {
    return this.turn(() => {
      const row = this.sync.first(query);
      if (!row) throw new Error('The insert answered no id');
      return Number(row.id);
    });
  }

  async lock(): Promise<void> {
    // One transaction at a time holds the connection: every lock is already this one's.
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const current = this.context.getStore();
    if (current?.open) return this.savepoint(current, fn);
    while (this.held) await this.held;
    let release = () => {};
    this.held = new Promise<void>((resolve) => (release = resolve));
    const tx: OpenTransaction = { open: true, savepoints: 0 };
    const connection = this.sync.connection;
    try {
      connection.exec('BEGIN');
      const value = await this.context.run(tx, fn);
      connection.exec('COMMIT');
      return value;
    } catch (error) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      throw error;
    } finally {
      tx.open = false;
      this.held = null;
      release();
    }
  }

  private async savepoint<T>(tx: OpenTransaction, fn: () => Promise<T>): Promise<T> {
    const name = `sp${++tx.savepoints}`;
    const connection = this.sync.connection;
    connection.exec(`SAVEPOINT ${name}`);
    try {
      const value = await fn();
      connection.exec(`RELEASE ${name}`);
      return value;
    } catch (error) {
      connection.exec(`ROLLBACK TO ${name}`);
      connection.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  /**
   * Runs `fn` on the synchronous connection once no transaction holds it, and holds it meanwhile,
   * outside any transaction (what SQLite refuses to do inside one: `VACUUM INTO` for a backup).
   */
  async exclusive<T>(fn: (sync: SyncRegisterDb) => T): Promise<T> {
    if (this.inside()) throw new Error('exclusive() cannot run inside a transaction');
    while (this.held) await this.held;
    let release = () => {};
    this.held = new Promise<void>((resolve) => (release = resolve));
    try {
      return fn(this.sync);
    } finally {
      this.held = null;
      release();
    }
  }

  async close(): Promise<void> {
    while (this.held) await this.held;
    this.sync.close();
  }
}
