import type { Migration } from './types';

/**
 * 006: records a unit can rely on.
 * - What falls due for a child (first core group, next review) is kept per child, so a sibling
 *   decided at a conference that adjourns another still has its core group and review scheduled;
 *   existing rows move across for each child whose decision called for them. A task records what
 *   closed it (done by hand, the review held, the plan ended, the letter made, an amendment).
 * - The chair's record that an attending agency gave no view for a child, and why.
 * - A scheduled conference cancelled, with the reason.
 * - Corrections made openly: an amended decision, corrected escalation details, a withdrawn
 *   agency escalation, each with who, when, why and the values before and after.
 * - Documents made from values later amended are marked superseded; the written record of a
 *   Principal Officer review meeting (North Lincolnshire) becomes a kind of document (the table
 *   is rebuilt: its kind CHECK cannot be altered in place, and nothing references it).
 * - An escalation's reason for starting at a later stage, and the date of its restorative
 *   debrief; the Principal Officer review meeting's record.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration006: Migration = {
  id: 6,
  name: 'per-child-and-corrections',
  sql: `
CREATE TABLE child_tasks (
  conference_id INTEGER NOT NULL,
  child_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('first-core-group', 'next-review')),
  due_on TEXT NOT NULL,
  done_on TEXT,
  closed_by TEXT CHECK (closed_by IN ('done', 'review-held', 'plan-ended', 'amended')),
  PRIMARY KEY (conference_id, child_id, kind),
  FOREIGN KEY (conference_id, child_id) REFERENCES conference_children (conference_id, child_id),
  CHECK ((done_on IS NULL) = (closed_by IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX child_tasks_open_by_due ON child_tasks (due_on) WHERE done_on IS NULL;
CREATE INDEX child_tasks_by_child ON child_tasks (child_id, kind);

INSERT INTO child_tasks (conference_id, child_id, kind, due_on, done_on, closed_by)
SELECT t.conference_id, o.child_id, t.kind, t.due_on, t.done_on,
       CASE WHEN t.done_on IS NULL THEN NULL ELSE 'done' END
  FROM conference_tasks t
  JOIN child_outcomes o ON o.conference_id = t.conference_id
 WHERE (t.kind = 'next-review' AND o.decision IN ('plan', 'plan-continues'))
    OR (t.kind = 'first-core-group' AND o.decision = 'plan');
DELETE FROM conference_tasks WHERE kind IN ('first-core-group', 'next-review');

UPDATE child_tasks
   SET done_on = (SELECT min(c2.date)
                    FROM child_outcomes o2
                    JOIN conferences c2 ON c2.id = o2.conference_id
                    JOIN conferences c1 ON c1.id = child_tasks.conference_id
                   WHERE o2.child_id = child_tasks.child_id AND o2.decision <> 'adjourned' AND c2.date > c1.date),
       closed_by = 'review-held'
 WHERE kind = 'next-review' AND done_on IS NULL
   AND EXISTS (SELECT 1
                 FROM child_outcomes o2
                 JOIN conferences c2 ON c2.id = o2.conference_id
                 JOIN conferences c1 ON c1.id = child_tasks.conference_id
                WHERE o2.child_id = child_tasks.child_id AND o2.decision <> 'adjourned' AND c2.date > c1.date);

ALTER TABLE conference_tasks ADD COLUMN closed_by TEXT
  CHECK (closed_by IN ('done', 'letter-made', 'reconvened', 'amended'));
UPDATE conference_tasks SET closed_by = 'done' WHERE done_on IS NOT NULL;

CREATE TABLE child_no_views (
  conference_id INTEGER NOT NULL,
  child_id INTEGER NOT NULL,
  agency_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (conference_id, child_id, agency_id),
  FOREIGN KEY (conference_id, child_id) REFERENCES conference_children (conference_id, child_id),
  FOREIGN KEY (conference_id, agency_id) REFERENCES conference_agencies (conference_id, agency_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE conferences ADD COLUMN cancelled_on TEXT;
ALTER TABLE conferences ADD COLUMN cancel_reason TEXT
  CHECK ((cancel_reason IS NULL) = (cancelled_on IS NULL));

CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('conference', 'escalation', 'agency-escalation')),
  entity_id INTEGER NOT NULL,
  child_id INTEGER REFERENCES children (id),
  kind TEXT NOT NULL CHECK (kind IN ('decision', 'details', 'withdrawal')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  changes_json TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX corrections_by_record ON corrections (entity, entity_id);

CREATE TABLE generated_documents_006 (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('appendix3', 'appendix5', 'croydon-notification', 'review-meeting-record', 'decision-letter', 'reconvene-notice', 'dissent-record')),
  entity TEXT NOT NULL CHECK (entity IN ('agency', 'escalation', 'conference')),
  entity_id INTEGER NOT NULL,
  period_from TEXT,
  period_to TEXT,
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  batch_id TEXT,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  superseded_at TEXT,
  superseded_by INTEGER REFERENCES corrections (id),
  CHECK ((period_from IS NULL) = (period_to IS NULL)),
  CHECK (superseded_by IS NULL OR superseded_at IS NOT NULL)
) STRICT;
INSERT INTO generated_documents_006
  (id, kind, entity, entity_id, period_from, period_to, title, file_name, sha256, bytes, batch_id, generated_at, generated_by)
SELECT id, kind, entity, entity_id, period_from, period_to, title, file_name, sha256, bytes, batch_id, generated_at, generated_by
  FROM generated_documents;
DROP TABLE generated_documents;
ALTER TABLE generated_documents_006 RENAME TO generated_documents;
CREATE INDEX generated_documents_by_record ON generated_documents (entity, entity_id);
CREATE INDEX generated_documents_by_kind ON generated_documents (kind, generated_at);

ALTER TABLE agency_escalations ADD COLUMN withdrawn_on TEXT;
ALTER TABLE agency_escalations ADD COLUMN withdrawn_reason TEXT
  CHECK ((withdrawn_reason IS NULL) = (withdrawn_on IS NULL));
DROP INDEX agency_escalations_once_per_conference;
CREATE UNIQUE INDEX agency_escalations_once_per_conference
  ON agency_escalations (conference_id, agency_id, reason)
  WHERE conference_id IS NOT NULL AND reason <> 'other' AND withdrawn_on IS NULL;
CREATE INDEX agency_escalations_by_conference ON agency_escalations (conference_id);
CREATE INDEX escalations_by_conference ON escalations (conference_id);

ALTER TABLE escalations ADD COLUMN start_reason TEXT;
ALTER TABLE escalations ADD COLUMN debrief_on TEXT;

CREATE TABLE review_meetings (
  escalation_id INTEGER NOT NULL,
  stage_number INTEGER NOT NULL,
  held_on TEXT NOT NULL,
  review_type TEXT NOT NULL,
  chaired_by TEXT NOT NULL,
  attendees TEXT NOT NULL,
  discussion TEXT NOT NULL,
  disagreements TEXT NOT NULL,
  agreements TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (escalation_id, stage_number),
  FOREIGN KEY (escalation_id, stage_number) REFERENCES escalation_stages (escalation_id, number)
) STRICT, WITHOUT ROWID;
`,
};
