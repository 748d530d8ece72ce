/**
 * The names of the contract's channels, with no schema attached, so the sandboxed preload can
 * keep its allow-list without bundling zod. `contract.ts` must define exactly these.
 */
export const CHANNEL_NAMES = [
  'agencies.list',
  'agencies.all',
  'agencies.get',
  'agencies.findByName',
  'agencies.import',
  'agencies.create',
  'agencies.update',
  'agencies.setActive',
  'families.search',
  'conferences.list',
  'conferences.get',
  'conferences.create',
  'conferences.update',
  'conferences.cancel',
  'conferences.delete',
  'families.matches',
  'settings.get',
  'settings.update',
  'holidays.status',
  'holidays.import',
  'workingDays.calculate',
  'workingDays.calendar',
  'live.get',
  'live.invite',
  'live.inviteMany',
  'live.uninvite',
  'live.setAttendance',
  'live.markAllAttended',
  'live.setReport',
  'live.setView',
  'live.setNoView',
  'live.setAllViews',
  'live.copyViews',
  'live.setInquorateReason',
  'live.redate',
  'live.recordDecision',
  'live.amendDecision',
  'conferences.scheduleReconvened',
  'conferences.adjournments',
  'due.list',
  'due.complete',
  'conferences.reportsOutstanding',
  'agencyEscalations.forConference',
  'agencyEscalations.raiseFromConference',
  'agencyEscalations.raiseByHand',
  'agencyEscalations.withdraw',
  'returns.summary',
  'returns.get',
  'returns.markSent',
  'returns.recordResponse',
  'protocols.list',
  'protocols.choose',
  'protocols.save',
  'escalations.list',
  'escalations.get',
  'escalations.draftFromConference',
  'escalations.open',
  'escalations.respond',
  'escalations.escalate',
  'escalations.close',
  'escalations.recordDebrief',
  'escalations.recordReviewMeeting',
  'escalations.correct',
  'escalations.addAction',
  'escalations.completeAction',
  'documents.plan',
  'documents.startBatch',
  'documents.make',
  'documents.batchStatus',
  'documents.forRecord',
  'documents.recent',
  'exports.plan',
  'exports.run',
  'sharingLog.list',
  'session.status',
  'session.setup',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.changePassword',
  'users.list',
  'users.add',
  'users.setRoles',
  'users.disable',
  'users.enable',
  'users.resetPassword',
  'audit.verify',
  'audit.list',
  'audit.forRecord',
  'register.health',
  'backups.status',
  'backups.run',
  'backups.verify',
  'backups.restore',
  'retention.list',
  'retention.placeHold',
  'retention.liftHold',
  'retention.erase',
  'reports.get',
  'reports.records',
  'reports.annual',
] as const;

/**
 * Channels answered by the register's gate (sign-in and users) rather than by an open register:
 * before signing in there is no open register to answer them.
 */
export const SESSION_CHANNELS = [
  'session.status',
  'session.setup',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.changePassword',
  'users.list',
  'users.add',
  'users.setRoles',
  'users.disable',
  'users.enable',
  'users.resetPassword',
] as const satisfies readonly ChannelName[];
export type SessionChannel = (typeof SESSION_CHANNELS)[number];
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Channel names are part of the documented interface (`cpreg call`, scripts): when one is renamed
 * its old name keeps working here, mapped to the new one.
 */
export const CHANNEL_ALIASES: Readonly<Record<string, ChannelName>> = {
  /** Renamed when what falls due became per child as well as per conference. */
  'conferences.due': 'due.list',
  'conferences.completeTask': 'due.complete',
};

/** The channel a name refers to, through an old name if need be; null when there is none. */
export function resolveChannelName(name: unknown): ChannelName | null {
  if (typeof name !== 'string') return null;
  if ((CHANNEL_NAMES as readonly string[]).includes(name)) return name as ChannelName;
  return Object.prototype.hasOwnProperty.call(CHANNEL_ALIASES, name) ? (CHANNEL_ALIASES[name] ?? null) : null;
}
