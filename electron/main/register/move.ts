import { copyToPostgres, countRows, MoveRefused } from './db/move';
import { PgRegisterDb } from './db/pg-query';
import type { SyncRegisterDb } from './db/query';
import { openPgRegister } from './register';
import { ServiceError } from './services/errors';

/**
 * `cpreg move-to --pg URL`: copies an embedded register into an empty PostgreSQL register, then
 * checks it there, opened as the app opens it: every table's row count, and the whole audit
 * chain. A refusal (the target is not empty) changes nothing; a check that fails says which.
 */
export async function moveRegister(
  source: SyncRegisterDb,
  keyring: string,
  url: string,
): Promise<{ tables: Record<string, number>; users: number; events: number }> {
  const target = PgRegisterDb.open(url, 4);
  let moved;
  try {
    moved = await copyToPostgres(source, keyring, target);
  } catch (error) {
    await target.close();
    if (error instanceof MoveRefused) throw new ServiceError('conflict', error.message);
    throw error;
  }
  const register = await openPgRegister(target, { automaticBackups: false });
  try {
    const counts = await countRows(target, Object.keys(moved.tables));
    const differing = Object.entries(moved.tables).filter(([table, n]) => counts[table] !== n);
    if (differing.length > 0) {
      throw new Error(
        `The move did not check out: ${differing.map(([t, n]) => `${t} has ${counts[t]} rows, not ${n}`).join('; ')}`,
      );
    }
    const verdict = await register.audit.verify();
    if (!verdict.ok) {
      throw new Error(
        `The move did not check out: the audit trail there is broken at event ${verdict.firstBroken.id} (${verdict.firstBroken.problem})`,
      );
    }
    return { tables: moved.tables, users: moved.tables['users'] ?? 0, events: verdict.events };
  } finally {
    await register.close();
  }
}
