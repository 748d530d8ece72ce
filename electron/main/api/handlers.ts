import type { SessionChannel } from '../../../shared/ipc/channels';
import { contract, type Channel } from '../../../shared/ipc/contract';
import { agenciesHandlers } from './handlers/agencies';
import { agencyEscalationsHandlers } from './handlers/agency-escalations';
import { auditHandlers } from './handlers/audit';
import { backupsHandlers } from './handlers/backups';
import { calendarHandlers } from './handlers/calendar';
import { conferencesHandlers } from './handlers/conferences';
import { documentsHandlers } from './handlers/documents';
import { escalationsHandlers } from './handlers/escalations';
import { liveHandlers } from './handlers/live';
import { reportsHandlers } from './handlers/reports';
import { retentionHandlers } from './handlers/retention';
import { settingsHandlers } from './handlers/settings';
import type { HandlerMap } from './handlers/types';
import type { Register } from '../register/register';
import { ServiceError } from '../register/services/errors';

/** Channels whose handlers finish later (they write files before committing their record). */
const ASYNC_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'exports.run',
  'backups.restore',
  'documents.make',
  // Gathers its reports in a transaction of its own, then draws and writes the PDF outside it.
  'reports.annual',
]);
/**
 * Channels that must not run inside a transaction: `VACUUM INTO` refuses to, and a backup's
 * checks read another file. They write nothing to the register.
 */
const OUTSIDE_TRANSACTION: ReadonlySet<Channel> = new Set<Channel>(['backups.status', 'backups.run', 'backups.verify']);

export type { HandlerMap };
/** Channels an open register answers (the rest, sign-in and users, are the gate's). */
export type RegisterChannel = Exclude<Channel, SessionChannel>;
export type Handlers = HandlerMap<RegisterChannel>;
/** What the dispatch is given: the open register's handlers, the gate's, or both. */
export type AnyHandlers = Partial<HandlerMap<Channel>>;

/**
 * Thrown inside a handler's transaction when what it would answer fails the channel's output
 * schema: the transaction rolls back, so a command never reports a failure after committing.
 */
export class OutputMismatch extends Error {
  override name = 'OutputMismatch';
  constructor(
    readonly channel: Channel,
    readonly issueCount: number,
  ) {
    super(`${channel}: output failed its schema`);
  }
}

/**
 * The handler map: one entry per channel, each a thin call into a service, joined from each
 * domain's part (`handlers/<domain>.ts`, beside `shared/ipc/contract/<domain>.ts`). Every synchronous
 * handler runs in one transaction together with the check of its output against the channel's
 * schema, so a command either succeeds whole (written, and answered as the contract says) or
 * changes nothing. The few asynchronous ones (exports, batches) commit their own work.
 */
export function createHandlers(register: Register): Handlers {
  const handlers: Handlers = {
    ...agenciesHandlers(register),
    ...conferencesHandlers(register),
    ...settingsHandlers(register),
    ...calendarHandlers(register),
    ...liveHandlers(register),
    ...agencyEscalationsHandlers(register),
    ...escalationsHandlers(register),
    ...documentsHandlers(register),
    ...auditHandlers(register),
    ...backupsHandlers(register),
    ...retentionHandlers(register),
    ...reportsHandlers(register),
  };
  for (const channel of Object.keys(handlers) as RegisterChannel[]) {
    // An asynchronous handler commits its own work once it has everything (better-sqlite3's
    // transactions are synchronous and cannot span an await).
    if (ASYNC_CHANNELS.has(channel) || OUTSIDE_TRANSACTION.has(channel)) continue;
    const handler = handlers[channel] as (input: unknown) => unknown;
    const output = contract[channel].output;
    Object.assign(handlers, {
      [channel]: async (input: unknown) =>
        register.db.transaction(async () => {
          const value = await handler(input);
          const checked = output.safeParse(value);
          if (!checked.success) throw new OutputMismatch(channel, checked.error.issues.length);
          return checked.data;
        }),
    });
  }
  return handlers;
}

export { ServiceError };
