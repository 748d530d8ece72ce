/**
 * A numbered migration: plain SQL, frozen the day it ships. The runner records a checksum of
 * each applied migration and refuses to open a register whose applied migration text has since
 * changed, so an edited migration is caught at once rather than silently diverging.
 */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}
