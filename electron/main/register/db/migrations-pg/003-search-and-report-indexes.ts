import type pg from 'pg';
import { searchTerms } from '../../../../../shared/search-key';
import type { PgMigration } from './types';

/** Rows per INSERT: each row is two parameters of `unnest`'s two arrays, so any size will do. */
const BATCH = 5_000;

async function fill(
  client: pg.ClientBase,
  select: string,
  table: string,
  column: string,
  terms: (row: Record<string, string | null>) => string[],
): Promise<void> {
  const rows = (await client.query<Record<string, string | null> & { id: string | number }>(select)).rows;
  let termBatch: string[] = [];
  let idBatch: (string | number)[] = [];
  const flush = async () => {
    if (termBatch.length === 0) return;
    await client.query(`INSERT INTO ${table} (term, ${column}) SELECT * FROM unnest($1::text[], $2::bigint[])`, [
      termBatch,
      idBatch,
    ]);
    termBatch = [];
    idBatch = [];
  };
  for (const row of rows) {
    for (const term of terms(row)) {
      termBatch.push(term);
      idBatch.push(row.id);
    }
    if (termBatch.length >= BATCH) await flush();
  }
  await flush();
}

/**
 * 012 on PostgreSQL (the pair of `../migrations/012-search-and-report-indexes.ts`): search that
 * ignores case and accents, answered from an index; indexes for the reports.
 * - `family_search_terms`, `child_search_terms` and `conference_search_terms` hold the search
 *   terms (`shared/search-key.ts`) of each family, child and conference chair. The term is
 *   `COLLATE "C"` so the key's index answers a prefix range (`term >= $1 AND term < $2`) in
 *   byte order, as SQLite's binary collation does; the code step fills the existing records'.
 * - Plain indexes the reports need: escalations by the day opened and the day closed, agency
 *   escalations by meeting date.
 * Shipped: never edit; add a new numbered migration (a SQLite and PostgreSQL pair) instead.
 */
export const pgMigration003: PgMigration = {
  id: 12,
  name: 'search-and-report-indexes',
  sql: `
CREATE TABLE family_search_terms (
  term text COLLATE "C" NOT NULL,
  family_id bigint NOT NULL REFERENCES families (id),
  PRIMARY KEY (term, family_id)
);
CREATE INDEX family_search_terms_by_family ON family_search_terms (family_id);

CREATE TABLE child_search_terms (
  term text COLLATE "C" NOT NULL,
  child_id bigint NOT NULL REFERENCES children (id),
  PRIMARY KEY (term, child_id)
);
CREATE INDEX child_search_terms_by_child ON child_search_terms (child_id);

CREATE TABLE conference_search_terms (
  term text COLLATE "C" NOT NULL,
  conference_id bigint NOT NULL REFERENCES conferences (id),
  PRIMARY KEY (term, conference_id)
);
CREATE INDEX conference_search_terms_by_conference ON conference_search_terms (conference_id);

CREATE INDEX escalations_by_opened ON escalations (opened_on);
CREATE INDEX escalations_by_closed ON escalations (closed_on);
CREATE INDEX agency_escalations_by_meeting_date ON agency_escalations (meeting_date);
`,
  async after(client) {
    await fill(client, 'SELECT id, name, case_reference FROM families', 'family_search_terms', 'family_id', (r) =>
      searchTerms(r['name'], r['case_reference']),
    );
    await fill(
      client,
      'SELECT id, given_name, family_name, case_reference FROM children',
      'child_search_terms',
      'child_id',
      (r) => searchTerms(r['given_name'], r['family_name'], r['case_reference']),
    );
    await fill(client, 'SELECT id, chair_name FROM conferences', 'conference_search_terms', 'conference_id', (r) =>
      searchTerms(r['chair_name']),
    );
  },
};
