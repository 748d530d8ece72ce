import { changedFields } from '../../../../shared/audit-changes';
import type { BankHolidayFeed } from '../../../../shared/bank-holidays';
import type { RegisterDb } from '../db/query';
import { createAgenciesRepository } from '../db/repositories/agencies-repository';
import { createAgencyEscalationsRepository } from '../db/repositories/agency-escalations-repository';
import { createAuditRepository, type AuditAction } from '../db/repositories/audit-repository';
import { createConferenceLettersRepository } from '../db/repositories/conference-letters-repository';
import { createConferencesRepository } from '../db/repositories/conferences-repository';
import { createCorrectionsRepository } from '../db/repositories/corrections-repository';
import { createDemoRepository } from '../db/repositories/demo-repository';
import { createDocumentsRepository } from '../db/repositories/documents-repository';
import { createEscalationsRepository } from '../db/repositories/escalations-repository';
import { createFamiliesRepository } from '../db/repositories/families-repository';
import { createHolidaysRepository } from '../db/repositories/holidays-repository';
import { createLiveConferenceRepository } from '../db/repositories/live-conference-repository';
import { createReportsRepository } from '../db/repositories/reports-repository';
import { createRetentionRepository } from '../db/repositories/retention-repository';
import { createSettingsRepository } from '../db/repositories/settings-repository';
import { createUsersRepository } from '../db/repositories/users-repository';

/** Every repository over one database, by name. */
export type Repositories = ReturnType<typeof createRepositories>;
export type RepositoryName = keyof Repositories;

/**
 * What a service is given: the database, the repositories it names (`R`; all of them by default),
 * a clock and the shipped data. Each service factory names the repositories it uses, so what it
 * can reach is in its signature; the register builds one context with all of them.
 */
export interface ServiceContext<R extends RepositoryName = RepositoryName> {
  db: RegisterDb;
  repos: Pick<Repositories, R>;
  now: () => Date;
  snapshot: BankHolidayFeed;
  defaultUserName: string;
}

export function createRepositories(db: RegisterDb) {
  return {
    agencies: createAgenciesRepository(db),
    agencyEscalations: createAgencyEscalationsRepository(db),
    audit: createAuditRepository(db),
    conferenceLetters: createConferenceLettersRepository(db),
    conferences: createConferencesRepository(db),
    corrections: createCorrectionsRepository(db),
    demo: createDemoRepository(db),
    documents: createDocumentsRepository(db),
    escalations: createEscalationsRepository(db),
    families: createFamiliesRepository(db),
    holidays: createHolidaysRepository(db),
    live: createLiveConferenceRepository(db),
    reports: createReportsRepository(db),
    retention: createRetentionRepository(db),
    settings: createSettingsRepository(db),
    users: createUsersRepository(db),
  };
}

/** Appends an audit event for a write, in the caller's transaction. */
export async function audit(
  ctx: ServiceContext<'audit'>,
  actor: string,
  action: AuditAction,
  entity: string,
  entityId: number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await ctx.repos.audit.append({ at: ctx.now().toISOString(), actor, action, entity, entityId, before, after });
}

/**
 * Appends an audit event holding only what changed between two states of a record (its values
 * before and after), with `keep` (what names the change) on both sides.
 */
export async function auditChange(
  ctx: ServiceContext<'audit'>,
  actor: string,
  action: AuditAction,
  entity: string,
  entityId: number,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  keep: Record<string, unknown> = {},
): Promise<void> {
  const c = changedFields(before, after, keep);
  await audit(ctx, actor, action, entity, entityId, c.before, c.after);
}
