import type { Migration } from './types';

/**
 * 001: the first register. Agencies with their safeguarding leads, families and children,
 * conferences and the children they consider, the audit trail, settings and the calendar.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration001: Migration = {
  id: 1,
  name: 'initial',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('childrens-social-care','health','police','education','probation','housing','voluntary','other')),
  quoracy_group TEXT,
  lead_name TEXT,
  lead_job_title TEXT,
  lead_email TEXT,
  lead_phone TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE families (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  case_reference TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX families_by_name ON families (name COLLATE NOCASE);

CREATE TABLE children (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL REFERENCES families (id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT,
  expected_date TEXT,
  case_reference TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((date_of_birth IS NULL) <> (expected_date IS NULL))
) STRICT;
CREATE INDEX children_by_family ON children (family_id);

CREATE TABLE conferences (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('initial','review','reconvened')),
  date TEXT NOT NULL,
  time TEXT NOT NULL,
  venue TEXT NOT NULL,
  chair_name TEXT NOT NULL,
  family_id INTEGER NOT NULL REFERENCES families (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX conferences_by_date ON conferences (date, time);
CREATE INDEX conferences_by_family ON conferences (family_id);

CREATE TABLE conference_children (
  conference_id INTEGER NOT NULL REFERENCES conferences (id),
  child_id INTEGER NOT NULL REFERENCES children (id),
  PRIMARY KEY (conference_id, child_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conference_children_by_child ON conference_children (child_id);

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before_json TEXT,
  after_json TEXT
) STRICT;
CREATE INDEX audit_events_by_record ON audit_events (entity, entity_id);

CREATE TABLE bank_holidays (
  division TEXT NOT NULL CHECK (division IN ('england-and-wales','scotland','northern-ireland')),
  date TEXT NOT NULL,
  title TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  bunting INTEGER NOT NULL DEFAULT 0 CHECK (bunting IN (0, 1)),
  PRIMARY KEY (division, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE closure_days (
  date TEXT PRIMARY KEY,
  reason TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`,
};
