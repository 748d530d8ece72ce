import type { Migration } from './types';

/**
 * 003: agency contribution escalations (Kirklees Appendix 3). One row per incident (an agency did
 * not attend, sent no report, sent it late, or another stated issue), grouped per agency and
 * period into a return that goes to the agency's safeguarding lead.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration003: Migration = {
  id: 3,
  name: 'agency-escalations',
  sql: `
CREATE TABLE agency_returns (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  sent_to TEXT NOT NULL,
  response_on TEXT,
  response TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (period_to >= period_from),
  CHECK ((response_on IS NULL) = (response IS NULL))
) STRICT;
CREATE INDEX agency_returns_by_agency ON agency_returns (agency_id, period_from);

CREATE TABLE agency_escalations (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  conference_id INTEGER REFERENCES conferences (id),
  meeting_date TEXT NOT NULL,
  family_identifier TEXT NOT NULL,
  chair_name TEXT NOT NULL,
  representative_name TEXT,
  reason TEXT NOT NULL CHECK (reason IN ('did-not-attend', 'no-report', 'late-report', 'other')),
  reason_detail TEXT,
  return_id INTEGER REFERENCES agency_returns (id),
  created_at TEXT NOT NULL,
  CHECK (reason <> 'other' OR reason_detail IS NOT NULL)
) STRICT;
CREATE INDEX agency_escalations_by_agency ON agency_escalations (agency_id, meeting_date);
CREATE UNIQUE INDEX agency_escalations_once_per_conference
  ON agency_escalations (conference_id, agency_id, reason) WHERE conference_id IS NOT NULL AND reason <> 'other';
`,
};
