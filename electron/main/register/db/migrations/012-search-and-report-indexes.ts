import { searchTerms } from '../../../../../shared/search-key';
import type { Migration } from './types';

/**
 * 012: search that ignores case and accents, answered from an index; indexes for the reports.
 * - `family_search_terms`, `child_search_terms` and `conference_search_terms` hold the search
 *   terms (`shared/search-key.ts`) of each family (name, case reference), child (names, case
 *   reference) and conference (the chair's name): "Zoë O’Brien" is found by "zoe" and "obrien".
 *   A search looks its words up by prefix (`term >= 'zoe' AND term < 'zoe' || U+10FFFF`) on the
 *   key (term first), in binary order as the terms are stored. The repositories write a record's
 *   terms with it and delete them before it (the foreign keys make sure of that).
 * - Plain indexes the reports need: escalations by the day opened and the day closed, agency
 *   escalations by meeting date (conferences by date and invitations by agency have theirs).
 * The code step fills the terms of the records already there.
 * Shipped: never edit; add a new numbered migration (a SQLite and PostgreSQL pair) instead.
 */
export const migration012: Migration = {
  id: 12,
  name: 'search-and-report-indexes',
  sql: `
CREATE TABLE family_search_terms (
  term TEXT NOT NULL,
  family_id INTEGER NOT NULL REFERENCES families (id),
  PRIMARY KEY (term, family_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX family_search_terms_by_family ON family_search_terms (family_id);

CREATE TABLE child_search_terms (
  term TEXT NOT NULL,
  child_id INTEGER NOT NULL REFERENCES children (id),
  PRIMARY KEY (term, child_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX child_search_terms_by_child ON child_search_terms (child_id);

CREATE TABLE conference_search_terms (
  term TEXT NOT NULL,
  conference_id INTEGER NOT NULL REFERENCES conferences (id),
  PRIMARY KEY (term, conference_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conference_search_terms_by_conference ON conference_search_terms (conference_id);

CREATE INDEX escalations_by_opened ON escalations (opened_on);
CREATE INDEX escalations_by_closed ON escalations (closed_on);
CREATE INDEX agency_escalations_by_meeting_date ON agency_escalations (meeting_date);
`,
  after(db) {
    // Raw statements: a migration is frozen in time, not tied to today's schema types.
    const c = db.connection;
    const fill = (select: string, insert: string, terms: (row: Record<string, string | null>) => string[]) => {
      const statement = c.prepare(insert);
      // All read first: better-sqlite3 runs no other statement while one is being iterated.
      const rows = c.prepare(select).all() as (Record<string, string | null> & { id: number })[];
      for (const row of rows) {
        for (const term of terms(row)) statement.run(term, row.id);
      }
    };
    fill(
      'SELECT id, name, case_reference FROM families',
      'INSERT INTO family_search_terms (term, family_id) VALUES (?, ?)',
      (r) => searchTerms(r['name'], r['case_reference']),
    );
    fill(
      'SELECT id, given_name, family_name, case_reference FROM children',
      'INSERT INTO child_search_terms (term, child_id) VALUES (?, ?)',
      (r) => searchTerms(r['given_name'], r['family_name'], r['case_reference']),
    );
    fill(
      'SELECT id, chair_name FROM conferences',
      'INSERT INTO conference_search_terms (term, conference_id) VALUES (?, ?)',
      (r) => searchTerms(r['chair_name']),
    );
  },
};
