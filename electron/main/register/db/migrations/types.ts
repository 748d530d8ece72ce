import type { SyncRegisterDb } from '../query';

/**
 * A numbered migration: plain SQL, frozen the day it ships. The runner records a checksum of
 * each applied migration and refuses to open a register whose applied migration text has since
 * changed, so an edited migration is caught at once rather than silently diverging.
 */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
  /**
   * A step in code run after the SQL in the same transaction, for what SQL cannot do (hashing
   * the audit chain of events written before it existed). Frozen like the SQL; not checksummed,
   * because a bundler may rewrite a function's text.
   */
  readonly after?: (db: SyncRegisterDb) => void;
}
