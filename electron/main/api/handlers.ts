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
    'agencies.list': (i) => agencies.list(i.search, i.includeInactive),
    'agencies.get': (i) => agencies.get(i.id),
    'agencies.create': (i) => agencies.create(i),
    'agencies.update': (i) => agencies.update(i.id, i.fields),
    'agencies.setActive': (i) => agencies.setActive(i.id, i.active),
    'families.search': (i) => conferences.searchFamilies(i.search),
    'families.matches': (i) => conferences.matches(i.family, i.children),
    'conferences.list': (i) => conferences.list(i.search, i.limit),
    'conferences.get': (i) => conferences.get(i.id),
    'conferences.create': (i) => conferences.create(i),
    'conferences.update': (i) => live.update(i),
    'conferences.cancel': (i) => live.cancel(i.id, i.reason),
    'conferences.delete': (i) => live.remove(i.id),
    'settings.get': () => settings.get(),
    'settings.update': (i) => settings.update(i),
    'holidays.status': () => calendar.status(),
    'holidays.import': (i) => calendar.importFeed(i.feed),
    'workingDays.calculate': (i) => calendar.calculate(i),
    'live.get': (i) => live.get(i.id),
    'live.invite': (i) => live.invite(i),
    'live.uninvite': (i) => live.uninvite(i.conferenceId, i.agencyId),
    'live.setAttendance': (i) => live.setAttendance(i.conferenceId, i.agencyId, i.attendance),
    'live.setReport': (i) => live.setReport(i.conferenceId, i.agencyId, i.report, i.receivedOn),
    'live.setView': (i) => live.setView(i),
    'live.setNoView': (i) => live.setNoView(i),
    'live.copyViews': (i) => live.copyViews(i.conferenceId, i.fromChildId, i.toChildId),
    'live.setInquorateReason': (i) => live.setInquorateReason(i.conferenceId, i.reason),
    'live.redate': (i) => live.redate(i.conferenceId, i.date, i.time),
    'live.recordDecision': (i) => live.recordDecision(i),
    'live.amendDecision': (i) => live.amendDecision(i),
    'conferences.scheduleReconvened': (i) => live.scheduleReconvened(i),
    'conferences.adjournments': () => live.adjournments(),
    'due.list': (i) => live.due(i.limit),
    'due.complete': (i) => live.completeTask(i.conferenceId, i.kind, i.childId),
    'conferences.reportsOutstanding': (i) => live.reportsOutstanding(i.weeks),
    'agencyEscalations.forConference': (i) => agencyEscalations.forConference(i.conferenceId),
    'agencyEscalations.raiseFromConference': (i) => agencyEscalations.raiseFromConference(i),
    'agencyEscalations.raiseByHand': (i) => agencyEscalations.raiseByHand(i),
    'agencyEscalations.withdraw': (i) => agencyEscalations.withdraw(i.id, i.reason),
    'returns.summary': (i) => agencyEscalations.summary(i.from, i.to),
    'returns.get': (i) => agencyEscalations.returnFor(i.agencyId, i.from, i.to),
    'returns.markSent': (i) => agencyEscalations.markSent(i),
    'returns.recordResponse': (i) => agencyEscalations.recordResponse(i.returnId, i.responseOn, i.response),
    'protocols.list': () => escalations.protocols(),
    'protocols.choose': (i) => escalations.choose(i.key),
    'protocols.save': (i) => escalations.save(i.protocol),
    'escalations.list': (i) => escalations.list(i),
    'escalations.get': (i) => escalations.get(i.id),
    'escalations.draftFromConference': (i) => escalations.draftFromConference(i.conferenceId, i.childId, i.agencyId),
    'escalations.open': (i) => escalations.open(i),
    'escalations.respond': (i) => escalations.respond(i),
    'escalations.escalate': (i) => escalations.escalate(i),
    'escalations.close': (i) => escalations.close(i),
    'escalations.recordDebrief': (i) => escalations.recordDebrief(i),
    'escalations.recordReviewMeeting': (i) => escalations.recordReviewMeeting(i),
    'escalations.correct': (i) => escalations.correct(i),
    'escalations.addAction': (i) => escalations.addAction(i),
    'escalations.completeAction': (i) => escalations.completeAction(i.actionId, i.on),
    'documents.plan': (i) => documents.plan(i.kind, i.from, i.to),
    'documents.startBatch': (i) => documents.start(i),
    'documents.batchStatus': (i) => documents.status(i.id),
    'documents.forRecord': (i) => documents.forRecord(i.entity, i.entityId),
    'documents.recent': (i) => documents.recent(i.limit),
    'exports.plan': (i) => exports.plan(i.agencyId, i.from, i.to),
    'exports.run': (i) => exports.run(i),
    'sharingLog.list': (i) => exports.sharingLog(i.agencyId, i.limit),
    'audit.verify': () => audit.verify(),
    'audit.list': (i) => audit.list(i),
    'audit.forRecord': (i) => audit.forRecord(i.entity, i.entityId),
    'register.health': () => ({
      state: register.health.state,
      detail: register.health.state === 'damaged' ? register.health.detail : null,
      readOnly: register.readOnly,
      path: register.path,
    }),
    'backups.status': () => register.backups.status(),
    'backups.run': () => register.backups.run('manual'),
    'backups.verify': (i) => register.backups.verify(i.file),
    'backups.restore': (i) => register.backups.restore(i.file),
    'retention.list': (i) => retention.list(i),
    'retention.placeHold': (i) => retention.placeHold(i.familyId, i.reason),
    'retention.liftHold': (i) => retention.liftHold(i.familyId, i.reason),
    'retention.erase': (i) => retention.erase(i.familyId, i.confirm),
  };
  for (const channel of Object.keys(handlers) as RegisterChannel[]) {
    // An asynchronous handler commits its own work once it has everything (better-sqlite3's
    // transactions are synchronous and cannot span an await).
    if (ASYNC_CHANNELS.has(channel) || OUTSIDE_TRANSACTION.has(channel)) continue;
    const handler = handlers[channel] as (input: unknown) => unknown;
    const output = contract[channel].output;
    Object.assign(handlers, {
      [channel]: (input: unknown) =>
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
