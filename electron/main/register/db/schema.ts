import type { Generated, Selectable } from 'kysely';

/**
 * Row types of the register's tables, for the query builder. They stay inside `db/`:
 * repositories map them to the domain types in `shared/` before anything leaves.
 */
export interface SettingsTable {
  key: string;
  value: string;
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
}

export interface ConferenceChildrenTable {
  conference_id: number;
  child_id: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number;
  before_json: string | null;
  after_json: string | null;
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

export interface SchemaMigrationsTable {
  id: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export interface RegisterSchema {
  settings: SettingsTable;
  agencies: AgenciesTable;
  families: FamiliesTable;
  children: ChildrenTable;
  conferences: ConferencesTable;
  conference_children: ConferenceChildrenTable;
  audit_events: AuditEventsTable;
  bank_holidays: BankHolidaysTable;
  closure_days: ClosureDaysTable;
  schema_migrations: SchemaMigrationsTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type ChildRow = Selectable<ChildrenTable>;
