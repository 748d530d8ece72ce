import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openRegisterDb, type OpenOptions } from './db/connection';
import { createAgenciesService } from './services/agencies-service';
import { createAgencyEscalationsService } from './services/agency-escalations-service';
import { createCalendarService } from './services/calendar-service';
import { createLiveConferenceService } from './services/live-conference-service';
import { createConferencesService } from './services/conferences-service';
import { createDemoService } from './services/demo-service';
import { createEscalationsService } from './services/escalations-service';
import { createRepositories, type ServiceContext } from './services/context';
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
  lastSignIn?: (name: string) => string | null;
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
export function openRegister(path: string, options: RegisterOptions = {}) {
  const db = openRegisterDb(path, options);
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
  escalations.ensureShipped();
  const demo = createDemoService(ctx, calendar, escalations);
  const users = createUsersService(ctx, () => settings.actor(), options.lastSignIn);
  const documentsDir =
    options.documentsDir ?? process.env['CPREG_DOCUMENTS'] ?? join(homedir(), 'Documents', 'CP Conference Register');
  const deps: SourceDeps = { ctx, settings: () => settings.get(), live, escalations, agencyEscalations };
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
  return {
    path,
    db,
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
    close: () => db.close(),
  };
}
export type Register = ReturnType<typeof openRegister>;
