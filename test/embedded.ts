import type { SqliteRegisterDb } from '../electron/main/register/db/query';
import type { Register } from '../electron/main/register/register';

/**
 * The embedded register's own SQLite connection, for the tests that reach under the services
 * (tampering with the audit trail, reading the file's tables): they are about the embedded
 * register, and say so by failing here on PostgreSQL.
 */
export function embedded(r: Pick<Register, 'sqlite'>): SqliteRegisterDb {
  if (!r.sqlite) throw new Error('This test reaches into the embedded (SQLite) register');
  return r.sqlite;
}
