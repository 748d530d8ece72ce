import type { Insertable } from 'kysely';
import { qb, type RegisterDb } from '../query';
import type { RegisterSchema } from '../schema';

type Table =
  | 'agencies'
  | 'families'
  | 'children'
  | 'conferences'
  | 'conference_children'
  | 'conference_agencies'
  | 'child_views'
  | 'child_outcomes'
  | 'conference_tasks'
  | 'child_tasks'
  | 'follow_ups'
  | 'agency_returns'
  | 'agency_escalations'
  | 'family_search_terms'
  | 'child_search_terms'
  | 'conference_search_terms';

/** Rows per statement: 999 variables is the historic SQLite limit; stay well inside newer ones. */
const VARIABLES_PER_STATEMENT = 30_000;

/** Bulk loading for the synthetic demo register (training and benchmarks). */
export function createDemoRepository(db: RegisterDb) {
  return {
    async isEmpty(): Promise<boolean> {
      const n = (await db.first(qb.selectFrom('conferences').select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
      const a = (await db.first(qb.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
      return n === 0 && a === 0;
    },

    async insertRows<T extends Table>(table: T, rows: readonly Insertable<RegisterSchema[T]>[]): Promise<void> {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0] as object).length;
      const batch = Math.max(1, Math.floor(VARIABLES_PER_STATEMENT / columns));
      for (let i = 0; i < rows.length; i += batch) {
        // Kysely's insert types are per-table; the generic table parameter needs this one cast.
        await db.run(qb.insertInto(table).values(rows.slice(i, i + batch) as never));
      }
    },
  };
}
export type DemoRepository = Awaited<ReturnType<typeof createDemoRepository>>;
