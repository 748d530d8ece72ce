import type { Migration } from './types';

/**
 * 013: the usual set of agencies for conferences, chosen in Settings by an administrator and
 * offered on the chair's screen to invite in one step. A row per agency (not a JSON list among the
 * settings) so an agency in the set is a foreign key: it cannot be deleted while it is there.
 * The set is part of the settings to the people editing them; the settings' version covers it.
 * Shipped: never edit; add a new numbered migration (a SQLite and PostgreSQL pair) instead.
 */
export const migration013: Migration = {
  id: 13,
  name: 'usual-agencies',
  sql: `
CREATE TABLE usual_agencies (
  agency_id INTEGER PRIMARY KEY REFERENCES agencies (id)
) STRICT;
`,
};
