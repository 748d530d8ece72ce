import type { Migration } from './types';

/**
 * 002: the live conference. Invitations, attendance and reports per agency; each agency's view
 * per child; the outcome and decision per child; what falls due afterwards; reconvened
 * conferences linked to the adjourned one; Principal Officer reviews as follow-ups.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration002: Migration = {
  id: 2,
  name: 'live-conference',
  sql: `
ALTER TABLE conferences ADD COLUMN status TEXT NOT NULL DEFAULT 'scheduled'
  CHECK (status IN ('scheduled', 'concluded', 'adjourned'));
ALTER TABLE conferences ADD COLUMN reconvenes_id INTEGER REFERENCES conferences (id);
ALTER TABLE conferences ADD COLUMN inquorate_reason TEXT;
CREATE INDEX conferences_by_status ON conferences (status, date);
CREATE INDEX conferences_by_reconvenes ON conferences (reconvenes_id);

CREATE TABLE conference_agencies (
  conference_id INTEGER NOT NULL REFERENCES conferences (id),
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  representative_name TEXT,
  representative_role TEXT,
  attendance TEXT CHECK (attendance IN ('attended', 'apologies-with-report', 'apologies-no-report', 'did-not-attend')),
  report TEXT NOT NULL DEFAULT 'awaited' CHECK (report IN ('awaited', 'received', 'not-received')),
  report_received_on TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (conference_id, agency_id),
  CHECK ((report = 'received') = (report_received_on IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX conference_agencies_by_agency ON conference_agencies (agency_id);

CREATE TABLE child_views (
  conference_id INTEGER NOT NULL,
  child_id INTEGER NOT NULL,
  agency_id INTEGER NOT NULL,
  view TEXT NOT NULL CHECK (view IN ('plan', 'no-plan')),
  reasons TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (conference_id, child_id, agency_id),
  FOREIGN KEY (conference_id, child_id) REFERENCES conference_children (conference_id, child_id),
  FOREIGN KEY (conference_id, agency_id) REFERENCES conference_agencies (conference_id, agency_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE child_outcomes (
  conference_id INTEGER NOT NULL,
  child_id INTEGER NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('unanimous', 'majority', 'equally-divided', 'chair-decision')),
  decision TEXT NOT NULL CHECK (decision IN ('plan', 'no-plan', 'plan-continues', 'plan-ends', 'adjourned')),
  interim_plan INTEGER NOT NULL DEFAULT 0 CHECK (interim_plan IN (0, 1)),
  reconvene_by TEXT,
  category TEXT CHECK (category IN ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  escalation TEXT CHECK (escalation IN ('principal-officer-review')),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (conference_id, child_id),
  FOREIGN KEY (conference_id, child_id) REFERENCES conference_children (conference_id, child_id),
  CHECK ((decision IN ('plan', 'plan-continues')) = (category IS NOT NULL) OR decision = 'adjourned')
) STRICT, WITHOUT ROWID;
CREATE INDEX child_outcomes_by_child ON child_outcomes (child_id);

CREATE TABLE conference_tasks (
  conference_id INTEGER NOT NULL REFERENCES conferences (id),
  kind TEXT NOT NULL CHECK (kind IN ('decision-letter', 'minutes', 'first-core-group', 'next-review', 'reconvene')),
  due_on TEXT NOT NULL,
  done_on TEXT,
  PRIMARY KEY (conference_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX conference_tasks_open_by_due ON conference_tasks (due_on) WHERE done_on IS NULL;

CREATE TABLE follow_ups (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('principal-officer-review')),
  conference_id INTEGER NOT NULL REFERENCES conferences (id),
  child_id INTEGER NOT NULL REFERENCES children (id),
  opened_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  closed_on TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_open_by_due ON follow_ups (due_on) WHERE closed_on IS NULL;
`,
};
