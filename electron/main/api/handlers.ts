import type { SessionChannel } from '../../../shared/ipc/channels';
import { contract, type Channel, type ChannelOutput, type ParsedInput } from '../../../shared/ipc/contract';
import type { Register } from '../register/register';
import { ServiceError } from '../register/services/errors';

/** Channels whose handlers finish later (they write files before committing their record). */
const ASYNC_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['exports.run', 'backups.restore']);
/**
 * Channels that must not run inside a transaction: `VACUUM INTO` refuses to, and a backup's
 * checks read another file. They write nothing to the register.
 */
const OUTSIDE_TRANSACTION: ReadonlySet<Channel> = new Set<Channel>(['backups.status', 'backups.run', 'backups.verify']);

/** A handler for each of some channels. */
export type HandlerMap<Cs extends Channel> = {
  [C in Cs]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
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
 * The handler map: one entry per channel, each a thin call into a service. Every synchronous
 * handler runs in one transaction together with the check of its output against the channel's
 * schema, so a command either succeeds whole (written, and answered as the contract says) or
 * changes nothing. The few asynchronous ones (exports, batches) commit their own work.
 */
export function createHandlers(register: Register): Handlers {
  const {
    audit,
    agencies,
    conferences,
    settings,
    calendar,
    live,
    agencyEscalations,
    escalations,
    documents,
    exports,
    retention,
  } = register;
  const handlers: Handlers = {
    'agencies.list': async (i) => agencies.list(i.search, i.includeInactive),
    'agencies.get': async (i) => agencies.get(i.id),
    'agencies.create': async (i) => agencies.create(i),
    'agencies.update': async (i) => agencies.update(i.id, i.fields, i.version),
    'agencies.setActive': async (i) => agencies.setActive(i.id, i.active, i.version),
    'families.search': async (i) => conferences.searchFamilies(i.search),
    'families.matches': async (i) => conferences.matches(i.family, i.children),
    'conferences.list': async (i) => conferences.list(i.search, i.limit),
    'conferences.get': async (i) => conferences.get(i.id),
    'conferences.create': async (i) => conferences.create(i),
    'conferences.update': async (i) => live.update(i),
    'conferences.cancel': async (i) => live.cancel(i.id, i.reason, i.version),
    'conferences.delete': async (i) => live.remove(i.id),
    'settings.get': async () => settings.getVersioned(),
    'settings.update': async (i) => settings.update(i),
    'holidays.status': async () => calendar.status(),
    'holidays.import': async (i) => calendar.importFeed(i.feed),
    'workingDays.calculate': async (i) => calendar.calculate(i),
    'live.get': async (i) => live.get(i.id),
    'live.invite': async (i) => live.invite(i),
    'live.uninvite': async (i) => live.uninvite(i.conferenceId, i.agencyId),
    'live.setAttendance': async (i) => live.setAttendance(i.conferenceId, i.agencyId, i.attendance, i.version),
    'live.setReport': async (i) => live.setReport(i.conferenceId, i.agencyId, i.report, i.receivedOn, i.version),
    'live.setView': async (i) => live.setView(i),
    'live.setNoView': async (i) => live.setNoView(i),
    'live.copyViews': async (i) => live.copyViews(i.conferenceId, i.fromChildId, i.toChildId),
    'live.setInquorateReason': async (i) => live.setInquorateReason(i.conferenceId, i.reason),
    'live.redate': async (i) => live.redate(i.conferenceId, i.date, i.time),
    'live.recordDecision': async (i) => live.recordDecision(i),
    'live.amendDecision': async (i) => live.amendDecision(i),
    'conferences.scheduleReconvened': async (i) => live.scheduleReconvened(i),
    'conferences.adjournments': async () => live.adjournments(),
    'due.list': async (i) => live.due(i.limit),
    'due.complete': async (i) => live.completeTask(i.conferenceId, i.kind, i.childId),
    'conferences.reportsOutstanding': async (i) => live.reportsOutstanding(i.weeks),
    'agencyEscalations.forConference': async (i) => agencyEscalations.forConference(i.conferenceId),
    'agencyEscalations.raiseFromConference': async (i) => agencyEscalations.raiseFromConference(i),
    'agencyEscalations.raiseByHand': async (i) => agencyEscalations.raiseByHand(i),
    'agencyEscalations.withdraw': async (i) => agencyEscalations.withdraw(i.id, i.reason),
    'returns.summary': async (i) => agencyEscalations.summary(i.from, i.to),
    'returns.get': async (i) => agencyEscalations.returnFor(i.agencyId, i.from, i.to),
    'returns.markSent': async (i) => agencyEscalations.markSent(i),
    'returns.recordResponse': async (i) => agencyEscalations.recordResponse(i.returnId, i.responseOn, i.response),
    'protocols.list': async () => escalations.protocols(),
    'protocols.choose': async (i) => escalations.choose(i.key),
    'protocols.save': async (i) => escalations.save(i.protocol),
    'escalations.list': async (i) => escalations.list(i),
    'escalations.get': async (i) => escalations.get(i.id),
    'escalations.draftFromConference': async (i) =>
      escalations.draftFromConference(i.conferenceId, i.childId, i.agencyId),
    'escalations.open': async (i) => escalations.open(i),
    'escalations.respond': async (i) => escalations.respond(i),
    'escalations.escalate': async (i) => escalations.escalate(i),
    'escalations.close': async (i) => escalations.close(i),
    'escalations.recordDebrief': async (i) => escalations.recordDebrief(i),
    'escalations.recordReviewMeeting': async (i) => escalations.recordReviewMeeting(i),
    'escalations.correct': async (i) => escalations.correct(i),
    'escalations.addAction': async (i) => escalations.addAction(i),
    'escalations.completeAction': async (i) => escalations.completeAction(i.actionId, i.on),
    'documents.plan': async (i) => documents.plan(i.kind, i.from, i.to),
    'documents.startBatch': async (i) => documents.start(i),
    'documents.batchStatus': (i) => documents.status(i.id),
    'documents.forRecord': async (i) => documents.forRecord(i.entity, i.entityId),
    'documents.recent': async (i) => documents.recent(i.limit),
    'exports.plan': async (i) => exports.plan(i.agencyId, i.from, i.to),
    'exports.run': async (i) => exports.run(i),
    'sharingLog.list': async (i) => exports.sharingLog(i.agencyId, i.limit),
    'audit.verify': async () => audit.verify(),
    'audit.list': async (i) => audit.list(i),
    'audit.forRecord': async (i) => audit.forRecord(i.entity, i.entityId),
    'register.health': () => ({
      state: register.health.state,
      detail: register.health.state === 'damaged' ? register.health.detail : null,
      readOnly: register.readOnly,
      path: register.path,
    }),
    'backups.status': async () => register.backups.status(),
    'backups.run': async () => register.backups.run('manual'),
    'backups.verify': async (i) => register.backups.verify(i.file),
    'backups.restore': async (i) => register.backups.restore(i.file),
    'retention.list': async (i) => retention.list(i),
    'retention.placeHold': async (i) => retention.placeHold(i.familyId, i.reason),
    'retention.liftHold': async (i) => retention.liftHold(i.familyId, i.reason),
    'retention.erase': async (i) => retention.erase(i.familyId, i.confirm),
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
