import { userInfo } from 'node:os';
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
import { loadShippedSnapshot } from './snapshot';

export interface RegisterOptions extends OpenOptions {
  /** The user name to record until one is set in Settings; the OS account name by default. */
  defaultUserName?: string;
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
    close: () => db.close(),
  };
}
export type Register = ReturnType<typeof openRegister>;
