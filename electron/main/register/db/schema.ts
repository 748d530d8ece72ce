import type { Generated, Selectable } from 'kysely';

/**
 * Row types of the register's tables, for the query builder. They stay inside `db/`:
 * repositories map them to the domain types in `shared/` before anything leaves.
 */
export interface SettingsTable {
  key: string;
  value: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface AgenciesTable {
  id: Generated<number>;
  name: string;
  type: string;
  quoracy_group: string | null;
  lead_name: string | null;
  lead_job_title: string | null;
  lead_email: string | null;
  lead_phone: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface FamiliesTable {
  id: Generated<number>;
  name: string;
  case_reference: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChildrenTable {
  id: Generated<number>;
  family_id: number;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  expected_date: string | null;
  case_reference: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConferencesTable {
  id: Generated<number>;
  type: string;
  date: string;
  time: string;
  venue: string;
  chair_name: string;
  family_id: number;
  created_at: string;
  updated_at: string;
  /** 002 */
  status: Generated<string>;
  reconvenes_id: number | null;
  inquorate_reason: string | null;
  /** 006 */
  cancelled_on: Generated<string | null>;
  cancel_reason: Generated<string | null>;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface ConferenceChildrenTable {
  conference_id: number;
  child_id: number;
}

/** 007: hash-chained, append-only; the payloads are kept apart in `audit_payloads`. */
export interface AuditEventsTable {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
}

/** 007: the values before and after of an audit event; deleted only by an erasure. */
export interface AuditPayloadsTable {
  event_id: number;
  before_json: string | null;
  after_json: string | null;
}

/** SQLite's own record of the highest id issued to each AUTOINCREMENT table. */
export interface SqliteSequenceTable {
  name: string;
  seq: number;
}

export interface BankHolidaysTable {
  division: string;
  date: string;
  title: string;
  notes: string;
  bunting: number;
}

export interface ClosureDaysTable {
  date: string;
  reason: string;
}

export interface UsualAgenciesTable {
  agency_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  roles: string;
  active: number;
  created_at: string;
  created_by: string;
  password_changed_at: string;
}

export interface SchemaMigrationsTable {
  id: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export interface ConferenceAgenciesTable {
  conference_id: number;
  agency_id: number;
  representative_name: string | null;
  representative_role: string | null;
  attendance: string | null;
  report: Generated<string>;
  report_received_on: string | null;
  updated_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface ChildViewsTable {
  conference_id: number;
  child_id: number;
  agency_id: number;
  view: string;
  reasons: string;
  updated_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface ChildOutcomesTable {
  conference_id: number;
  child_id: number;
  result: string;
  decision: string;
  interim_plan: number;
  reconvene_by: string | null;
  category: string | null;
  escalation: string | null;
  decided_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface ConferenceTasksTable {
  conference_id: number;
  kind: string;
  due_on: string;
  done_on: string | null;
  /** 006 */
  closed_by: Generated<string | null>;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

/** 006: what falls due for one child after its decision. */
export interface ChildTasksTable {
  conference_id: number;
  child_id: number;
  kind: string;
  due_on: string;
  done_on: string | null;
  closed_by: string | null;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

/** 006: the chair's record that an attending agency gave no view for a child, and why. */
export interface ChildNoViewsTable {
  conference_id: number;
  child_id: number;
  agency_id: number;
  reason: string;
  updated_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

/** 006: corrections made openly, with who, when, why and the values before and after. */
export interface CorrectionsTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  child_id: number | null;
  kind: string;
  reason: string;
  before_json: string;
  after_json: string;
  /** Each changed field with its label, before and after, as shown. */
  changes_json: string;
  at: string;
  actor: string;
}

/** 006: the written record of a Principal Officer review meeting (North Lincolnshire SAfE). */
export interface ReviewMeetingsTable {
  escalation_id: number;
  stage_number: number;
  held_on: string;
  review_type: string;
  chaired_by: string;
  attendees: string;
  discussion: string;
  disagreements: string;
  agreements: string;
  updated_at: string;
}

export interface FollowUpsTable {
  id: Generated<number>;
  kind: string;
  conference_id: number;
  child_id: number;
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  created_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface AgencyReturnsTable {
  id: Generated<number>;
  agency_id: number;
  period_from: string;
  period_to: string;
  sent_on: string;
  sent_to: string;
  response_on: string | null;
  response: string | null;
  created_at: string;
  updated_at: string;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface AgencyEscalationsTable {
  id: Generated<number>;
  agency_id: number;
  conference_id: number | null;
  meeting_date: string;
  family_identifier: string;
  chair_name: string;
  representative_name: string | null;
  reason: string;
  reason_detail: string | null;
  return_id: number | null;
  created_at: string;
  /** 006 */
  withdrawn_on: Generated<string | null>;
  withdrawn_reason: Generated<string | null>;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface ProtocolsTable {
  id: Generated<number>;
  key: string;
  version: number;
  name: string;
  definition_json: string;
  shipped: number;
  created_at: string;
}

export interface EscalationsTable {
  id: Generated<number>;
  protocol_id: number;
  family_id: number | null;
  child_id: number | null;
  subject_name: string;
  subject_date_of_birth: string | null;
  subject_address: string | null;
  conference_id: number | null;
  follow_up_id: number | null;
  initiating_agency_id: number;
  challenged_agency_id: number;
  natures_json: string;
  nature_other: string | null;
  details: string;
  outcome_sought: string;
  immediate_risk: number;
  opened_on: string;
  status: Generated<string>;
  closed_on: string | null;
  learning: string | null;
  restorative_debrief: string | null;
  created_at: string;
  updated_at: string;
  /** 005: Croydon Escalation Notification Form. */
  subject_gender: Generated<string | null>;
  subject_ethnicity: Generated<string | null>;
  subject_send: Generated<string | null>;
  /** 006 */
  start_reason: Generated<string | null>;
  debrief_on: Generated<string | null>;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface EscalationStagesTable {
  escalation_id: number;
  number: number;
  opened_on: string;
  due_on: string;
  escalated_by_name: string;
  escalated_by_title: string | null;
  escalated_by_agency: string | null;
  escalated_to_name: string | null;
  escalated_to_title: string | null;
  escalated_to_agency: string | null;
  response_from_name: string | null;
  response_from_title: string | null;
  response_from_agency: string | null;
  response_on: string | null;
  response_summary: string | null;
  resolved: number | null;
  closed_on: string | null;
  /** 005: Croydon Escalation Notification Form. */
  escalated_by_email: Generated<string | null>;
  concerns: Generated<string | null>;
  learning: Generated<string | null>;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface GeneratedDocumentsTable {
  id: Generated<number>;
  kind: string;
  entity: string;
  entity_id: number;
  period_from: string | null;
  period_to: string | null;
  title: string;
  file_name: string;
  sha256: string;
  bytes: number;
  batch_id: string | null;
  generated_at: string;
  generated_by: string;
  /** 006 */
  superseded_at: Generated<string | null>;
  superseded_by: Generated<number | null>;
}

export interface SharingLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  agency_id: number;
  recipient_name: string | null;
  recipient_email: string | null;
  purpose: string;
  period_from: string;
  period_to: string;
  format: string;
  initials_only: number;
  password_protected: number;
  location: string;
  files_json: string;
  records_json: string;
  /** Migration 009: `started` before any file is written, `complete` after, `interrupted` if never finished. */
  status: Generated<string>;
  completed_at: string | null;
  email_draft: string | null;
}

export interface EscalationActionsTable {
  id: Generated<number>;
  escalation_id: number;
  action: string;
  by_whom: string;
  agreed_on: string;
  complete_by: string | null;
  completed_on: string | null;
  /** 011: the row's version, one more at every update. */
  version: Generated<number>;
}

export interface LegalHoldsTable {
  id: Generated<number>;
  family_id: number;
  reason: string;
  placed_by: string;
  placed_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
}

/** 012: the search terms (`shared/search-key.ts`) of a family, a child or a conference's chair. */
export interface FamilySearchTermsTable {
  term: string;
  family_id: number;
}

export interface ChildSearchTermsTable {
  term: string;
  child_id: number;
}

export interface ConferenceSearchTermsTable {
  term: string;
  conference_id: number;
}

export interface RegisterSchema {
  family_search_terms: FamilySearchTermsTable;
  child_search_terms: ChildSearchTermsTable;
  conference_search_terms: ConferenceSearchTermsTable;
  settings: SettingsTable;
  agencies: AgenciesTable;
  families: FamiliesTable;
  children: ChildrenTable;
  conferences: ConferencesTable;
  conference_children: ConferenceChildrenTable;
  audit_events: AuditEventsTable;
  audit_payloads: AuditPayloadsTable;
  sqlite_sequence: SqliteSequenceTable;
  bank_holidays: BankHolidaysTable;
  closure_days: ClosureDaysTable;
  usual_agencies: UsualAgenciesTable;
  schema_migrations: SchemaMigrationsTable;
  conference_agencies: ConferenceAgenciesTable;
  child_views: ChildViewsTable;
  child_outcomes: ChildOutcomesTable;
  conference_tasks: ConferenceTasksTable;
  child_tasks: ChildTasksTable;
  child_no_views: ChildNoViewsTable;
  corrections: CorrectionsTable;
  review_meetings: ReviewMeetingsTable;
  follow_ups: FollowUpsTable;
  agency_returns: AgencyReturnsTable;
  agency_escalations: AgencyEscalationsTable;
  protocols: ProtocolsTable;
  escalations: EscalationsTable;
  escalation_stages: EscalationStagesTable;
  escalation_actions: EscalationActionsTable;
  generated_documents: GeneratedDocumentsTable;
  sharing_log: SharingLogTable;
  users: UsersTable;
  legal_holds: LegalHoldsTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type ChildRow = Selectable<ChildrenTable>;
