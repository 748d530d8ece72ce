import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openRegisterDb, RegisterDamagedError, RegisterOpenError, type OpenOptions } from './db/connection';
import { checkDatabase, isCorruptionError } from './db/integrity';
import type { PgRegisterDb } from './db/pg-query';
import { SqliteRegisterDb, type RegisterDb, type SyncRegisterDb } from './db/query';
import type { RestoreOutcome } from '../../../shared/schemas/backups';
import { createBackupsService } from './services/backups-service';
import { createAgenciesService } from './services/agencies-service';
import { createAgencyEscalationsService } from './services/agency-escalations-service';
import { createAuditService } from './services/audit-service';
import { createCalendarService } from './services/calendar-service';
import { createLiveConferenceService } from './services/live-conference-service';
import { createConferencesService } from './services/conferences-service';
import { createDemoService } from './services/demo-service';
import { createEscalationsService } from './services/escalations-service';
import { createRepositories, type ServiceContext } from './services/context';
import { createReportsService } from './services/reports-service';
import { createAnnualReturnService } from './services/annual-return-service';
import { createRetentionService } from './services/retention-service';
import { createSettingsService } from './services/settings-service';
import { createUsersService } from './services/users-service';
import { loadShippedSnapshot } from './snapshot';
import { appendix3Source } from './documents/appendix3-source';
import { appendix5Source } from './documents/appendix5-source';
import { croydonNotificationSource } from './documents/croydon-notification-source';
import { decisionLetterSource } from './documents/decision-letter-source';
import { dissentRecordSource } from './documents/dissent-record-source';
import { reconveneNoticeSource } from './documents/reconvene-notice-source';
import { reviewMeetingRecordSource } from './documents/review-meeting-record-source';
import type { SourceDeps } from './documents/source';
import { createDocumentsService } from './services/documents-service';
import { createExportsService } from './services/exports-service';

export interface RegisterOptions extends OpenOptions {
  /** The user name to record until one is set in Settings; the OS account name by default. */
  defaultUserName?: string;
  /** Where letters and exports go unless the user picks a folder; `CPREG_DOCUMENTS` or ~/Documents. */
  documentsDir?: string;
  /** When a user last signed in (the keyring keeps it, so signing in writes nothing here). */
  lastSignIn?: (name: string) => Promise<string | null>;
  /**
   * Automatic backups (daily on opening, always on closing) into the backup folder; on unless
   * turned off (the tests' temp registers, and the CLI, whose commands each open and close).
   */
  automaticBackups?: boolean;
  /**
   * Skip the integrity check on opening because the opener runs it itself, beside the open
   * register (the gate's background check, `db/background-check.ts`), holding writes until it
   * has passed. Without it the check runs here, before anything else.
   */
  checkedByOpener?: boolean;
  /**
   * How this register is replaced by one of its backups (`backups.restore`): the opener closes
   * it, restores the file and opens it again. Without it the channel says to use the CLI.
   */
  restore?: (file: string) => Promise<RestoreOutcome> | RestoreOutcome;
}

/** How the register stood when it opened. */
export type RegisterHealth = { state: 'ok' } | { state: 'damaged'; detail: string };

/**
 * Opens the file and checks it (`PRAGMA quick_check`, about a second on the large demo register):
 * a damaged register (the check fails, or SQLite finds a corrupt page while opening) is opened
 * again read-only, so nothing makes the damage worse and a backup can be restored.
 */
function openChecked(path: string, options: RegisterOptions): { db: SyncRegisterDb; health: RegisterHealth } {
  try {
    // Checked before any pending migration runs, so a damaged file is never written to.
    const check =
      path === ':memory:' || options.checkedByOpener
        ? undefined
        : (db: SyncRegisterDb) => checkDatabase(db, 'quick_check');
    const db = openRegisterDb(path, { ...options, ...(check ? { check } : {}) });
    return { db, health: { state: 'ok' } };
  } catch (error) {
    if (error instanceof RegisterDamagedError) return openDamaged(path, options, error.detail);
    if (!isCorruptionError(error)) throw error;
    return openDamaged(
      path,
      options,
      `SQLite found damage while opening it (${String((error as { code: unknown }).code)})`,
    );
  }
}

function openDamaged(
  path: string,
  options: RegisterOptions,
  detail: string,
): { db: SyncRegisterDb; health: RegisterHealth } {
  try {
    const db = openRegisterDb(path, { ...options, readonly: true, mustExist: true });
    return { db, health: { state: 'damaged', detail } };
  } catch (error) {
    throw new RegisterOpenError(
      `The register at ${path} is damaged (${detail}) and cannot be opened even to read it (${error instanceof Error ? error.message : 'unknown error'}). Restore a backup: cpreg --db "${path}" restore --from FILE`,
    );
  }
}

function osUserName(): string {
  try {
    return userInfo().username || 'Register user';
  } catch {
    return 'Register user';
  }
}

/**
 * Opens a register file and wires its services: the one object the desktop shell, browser mode,
 * the CLI and the tests all use.
 */
export async function openRegister(path: string, options: RegisterOptions = {}) {
  const { db: sqlite, health } = openChecked(path, options);
  const db = new SqliteRegisterDb(sqlite);
  try {
    return await wire({ db, sqlite: db, path, health }, options);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Opens a unit's register on PostgreSQL (`url` is postgres://…): brings its schema up to date and
 * wires the same services as the embedded register's. `where` names it without its password.
 */
export async function openPgRegister(db: PgRegisterDb, options: RegisterOptions = {}) {
  await db.migrate(options.now);
  return wire({ db, sqlite: null, path: db.where, health: { state: 'ok' } }, options);
}

interface Opened {
  db: RegisterDb;
  /** The embedded register's connection (backups, integrity); null on PostgreSQL. */
  sqlite: SqliteRegisterDb | null;
  /** The register file, or a PostgreSQL register's address without its password. */
  path: string;
  health: RegisterHealth;
}

async function wire({ db, sqlite, path, health }: Opened, options: RegisterOptions) {
  const readOnly = health.state === 'damaged' || options.readonly === true;
  const ctx: ServiceContext = {
    db,
    repos: createRepositories(db),
    now: options.now ?? (() => new Date()),
    snapshot: loadShippedSnapshot(),
    defaultUserName: options.defaultUserName ?? process.env['CPREG_USER'] ?? osUserName(),
  };
  const calendar = createCalendarService(ctx, () => settings);
  const settings = createSettingsService(ctx, () => calendar.invalidate());
  const agencies = createAgenciesService(ctx, settings);
  const conferences = createConferencesService(ctx, settings);
  const live = createLiveConferenceService(ctx, settings, calendar);
  const agencyEscalations = createAgencyEscalationsService(ctx, settings, live);
  const escalations = createEscalationsService(ctx, settings, calendar, live);
  if (!readOnly) await escalations.ensureShipped();
  await escalations.ensureShipped();
  const retention = createRetentionService(ctx, settings);
  const reports = createReportsService(ctx, settings, calendar);
  const demo = createDemoService(ctx, calendar, escalations);
  const users = createUsersService(ctx, async () => settings.actor(), options.lastSignIn);
  const audit = createAuditService(ctx);
  const documentsDir =
    options.documentsDir ?? process.env['CPREG_DOCUMENTS'] ?? join(homedir(), 'Documents', 'CP Conference Register');
  const deps: SourceDeps = { ctx, settings: async () => settings.get(), live, escalations, agencyEscalations };
  const documents = createDocumentsService(
    ctx,
    settings,
    [
      appendix3Source(deps),
      appendix5Source(deps),
      croydonNotificationSource(deps),
      reviewMeetingRecordSource(deps),
      decisionLetterSource(deps),
      reconveneNoticeSource(deps),
      dissentRecordSource(deps),
    ],
    join(documentsDir, 'Letters and forms'),
  );
  const exports = createExportsService(
    ctx,
    settings,
    documents,
    agencyEscalations,
    escalations,
    join(documentsDir, 'Exports'),
  );
  if (!readOnly) await exports.recoverInterrupted();
  const annualReturn = createAnnualReturnService(ctx, settings, reports, join(documentsDir, 'Reports'));
  const backups = createBackupsService(ctx, settings, {
    registerPath: path,
    sqlite,
    key: options.key,
    readOnly,
    restore: options.restore,
  });
  const automaticBackups = sqlite !== null && (options.automaticBackups ?? true);
  if (automaticBackups) await backups.runDue('opening');
  let closed = false;
  return {
    path,
    db,
    /** The embedded register's own connection; null on PostgreSQL. */
    sqlite,
    engine: db.engine,
    health,
    readOnly,
    now: ctx.now,
    repos: ctx.repos,
    settings,
    calendar,
    agencies,
    conferences,
    live,
    demo,
    agencyEscalations,
    escalations,
    documents,
    exports,
    users,
    audit,
    backups,
    reports,
    annualReturn,
    /** Closes the register, first writing the closing backup (unless automatic backups are off). */
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        if (automaticBackups) await backups.runDue('closing');
      } finally {
        await db.close();
      }
    },
    retention,
  };
}
export type Register = Awaited<ReturnType<typeof wire>>;
