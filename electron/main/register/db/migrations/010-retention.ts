import type { Migration } from './types';

/**
 * 010: retention and legal hold. A legal hold keeps a family's records past their retention date
 * (litigation, an inquiry, a complaint): who placed it, when and why, and who lifted it and why.
 * A lifted hold is kept as a record of the decision; at most one hold per family is in force.
 * The index by family serves the retention list and the erase, which deletes a family's holds
 * with the rest of its records.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration010: Migration = {
  id: 10,
  name: 'retention',
  sql: `
CREATE TABLE legal_holds (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL REFERENCES families (id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  placed_by TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  lifted_by TEXT,
  lifted_at TEXT,
  lift_reason TEXT,
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL)),
  CHECK ((lifted_at IS NULL) = (lift_reason IS NULL)),
  CHECK (lift_reason IS NULL OR length(trim(lift_reason)) > 0)
) STRICT;
CREATE UNIQUE INDEX legal_holds_in_force ON legal_holds (family_id) WHERE lifted_at IS NULL;
CREATE INDEX legal_holds_by_family ON legal_holds (family_id);
CREATE INDEX escalations_by_family ON escalations (family_id);
CREATE INDEX escalations_by_child ON escalations (child_id);
CREATE INDEX corrections_by_child ON corrections (child_id);
`,
};
