import type { Migration } from './types';

/**
 * 004: professional disagreement escalations. Protocols are stored as versioned data (the
 * validated definition as JSON); an escalation keeps the protocol version it started under.
 * Each stage records who escalated, to whom, when, its due date, the response and whether it
 * resolved; the outcome records actions, learning and the restorative debrief.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration004: Migration = {
  id: 4,
  name: 'professional-escalations',
  sql: `
CREATE TABLE protocols (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  definition_json TEXT NOT NULL,
  shipped INTEGER NOT NULL CHECK (shipped IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (key, version)
) STRICT;

CREATE TABLE escalations (
  id INTEGER PRIMARY KEY,
  protocol_id INTEGER NOT NULL REFERENCES protocols (id),
  family_id INTEGER REFERENCES families (id),
  child_id INTEGER REFERENCES children (id),
  subject_name TEXT NOT NULL,
  subject_date_of_birth TEXT,
  subject_address TEXT,
  conference_id INTEGER REFERENCES conferences (id),
  follow_up_id INTEGER REFERENCES follow_ups (id),
  initiating_agency_id INTEGER NOT NULL REFERENCES agencies (id),
  challenged_agency_id INTEGER NOT NULL REFERENCES agencies (id),
  natures_json TEXT NOT NULL,
  nature_other TEXT,
  details TEXT NOT NULL,
  outcome_sought TEXT NOT NULL,
  immediate_risk INTEGER NOT NULL DEFAULT 0 CHECK (immediate_risk IN (0, 1)),
  opened_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'closed-unresolved')),
  closed_on TEXT,
  learning TEXT,
  restorative_debrief TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK ((status = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX escalations_open ON escalations (status, immediate_risk);
CREATE INDEX escalations_by_agency ON escalations (challenged_agency_id);

CREATE TABLE escalation_stages (
  escalation_id INTEGER NOT NULL REFERENCES escalations (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  opened_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  escalated_by_name TEXT NOT NULL,
  escalated_by_title TEXT,
  escalated_by_agency TEXT,
  escalated_to_name TEXT,
  escalated_to_title TEXT,
  escalated_to_agency TEXT,
  response_from_name TEXT,
  response_from_title TEXT,
  response_from_agency TEXT,
  response_on TEXT,
  response_summary TEXT,
  resolved INTEGER CHECK (resolved IN (0, 1)),
  closed_on TEXT,
  PRIMARY KEY (escalation_id, number),
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK (response_on IS NULL OR response_on >= opened_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX escalation_stages_open_by_due ON escalation_stages (due_on) WHERE closed_on IS NULL;

CREATE TABLE escalation_actions (
  id INTEGER PRIMARY KEY,
  escalation_id INTEGER NOT NULL REFERENCES escalations (id),
  action TEXT NOT NULL,
  by_whom TEXT NOT NULL,
  agreed_on TEXT NOT NULL,
  complete_by TEXT,
  completed_on TEXT,
  CHECK (complete_by IS NULL OR complete_by >= agreed_on),
  CHECK (completed_on IS NULL OR completed_on >= agreed_on)
) STRICT;
CREATE INDEX escalation_actions_by_escalation ON escalation_actions (escalation_id);
`,
};
