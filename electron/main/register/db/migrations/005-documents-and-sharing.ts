import type { Migration } from './types';

/**
 * 005: forms, letters and exports. Every generated document is recorded against its record (what,
 * when, by whom, and a hash of the bytes written); every export to a safeguarding lead is written
 * to the sharing log (what, to whom, when, why, by whom, which records). The Croydon Escalation
 * Notification Form's fields that no earlier table held: the child's gender, ethnicity and SEND,
 * and per stage the notifier's email, the description of concerns and the key learning.
 * Shipped: never edit; add a new numbered migration instead.
 */
export const migration005: Migration = {
  id: 5,
  name: 'documents-and-sharing',
  sql: `
CREATE TABLE generated_documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('appendix3', 'appendix5', 'croydon-notification', 'decision-letter', 'reconvene-notice', 'dissent-record')),
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
  CHECK ((period_from IS NULL) = (period_to IS NULL))
) STRICT;
CREATE INDEX generated_documents_by_record ON generated_documents (entity, entity_id);
CREATE INDEX generated_documents_by_kind ON generated_documents (kind, generated_at);
CREATE TABLE sharing_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  recipient_name TEXT,
  recipient_email TEXT,
  purpose TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('folder', 'zip')),
  initials_only INTEGER NOT NULL CHECK (initials_only IN (0, 1)),
  password_protected INTEGER NOT NULL CHECK (password_protected IN (0, 1)),
  location TEXT NOT NULL,
  files_json TEXT NOT NULL,
  records_json TEXT NOT NULL,
  CHECK (period_to >= period_from)
) STRICT;
CREATE INDEX sharing_log_by_agency ON sharing_log (agency_id, at);
ALTER TABLE escalations ADD COLUMN subject_gender TEXT;
ALTER TABLE escalations ADD COLUMN subject_ethnicity TEXT;
ALTER TABLE escalations ADD COLUMN subject_send TEXT;
ALTER TABLE escalation_stages ADD COLUMN escalated_by_email TEXT;
ALTER TABLE escalation_stages ADD COLUMN concerns TEXT;
ALTER TABLE escalation_stages ADD COLUMN learning TEXT;
`,
};
