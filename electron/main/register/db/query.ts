import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { RegisterSchema } from './schema';

/**
 * Kysely builds and type-checks the SQL; better-sqlite3 runs it synchronously. Kysely's own
 * execution path is asynchronous, which would split a service's work across promise ticks and
 * make "one transaction per command" harder to guarantee; compiling and running the statement
 * ourselves keeps each command one synchronous better-sqlite3 transaction, and lets us cache
 * prepared statements by their SQL text.
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

export class RegisterDb {
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

  /**
   * Runs `fn` in one transaction: all of it is written, or (if it throws) none of it. Nested
   * calls become savepoints.
   */
  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn)();
  }

  close(): void {
    this.statements.clear();
    this.connection.close();
  }
}
