import type { Role } from '../roles';
import type { ChannelName } from './channels';

/**
 * Who may call a channel: `public` before signing in (the sign-in channels only), `signed-in`
 * for any signed-in user (reading), or the roles that may. `writes` marks a channel that changes
 * the register: refused while the register is open read-only.
 */
export interface ChannelAccess {
  readonly who: 'public' | 'signed-in' | readonly Role[];
  readonly writes: boolean;
}

const read: ChannelAccess = { who: 'signed-in', writes: false };
const by = (...who: Role[]): ChannelAccess => ({ who, writes: true });
const readBy = (...who: Role[]): ChannelAccess => ({ who, writes: false });

/**
 * Every channel's access, checked in the dispatch for every front end (not only hidden on
 * screens). Typed over every channel name, so a new channel cannot be added without saying who
 * may call it.
 */
export const CHANNEL_ACCESS: { readonly [C in ChannelName]: ChannelAccess } = {
  'agencies.list': read,
  'agencies.all': read,
  'agencies.get': read,
  'agencies.findByName': read,
  'agencies.import': by('officer'),
  'agencies.create': by('officer'),
  'agencies.update': by('officer'),
  'agencies.setActive': by('officer'),
  'families.search': read,
  'families.matches': read,
  'conferences.list': read,
  'conferences.get': read,
  'conferences.create': by('chair', 'officer'),
  'conferences.update': by('chair', 'officer'),
  'conferences.cancel': by('chair', 'officer'),
  'conferences.delete': by('chair', 'officer'),
  'settings.get': read,
  'settings.update': by('administrator'),
  'holidays.status': read,
  'holidays.import': by('administrator'),
  'workingDays.calculate': read,
  'workingDays.calendar': read,
  'live.get': read,
  'live.invite': by('chair', 'officer'),
  'live.inviteMany': by('chair', 'officer'),
  'live.uninvite': by('chair', 'officer'),
  'live.setAttendance': by('chair'),
  'live.markAllAttended': by('chair'),
  'live.setReport': by('chair', 'officer'),
  'live.setView': by('chair'),
  'live.setNoView': by('chair'),
  'live.setAllViews': by('chair'),
  'live.copyViews': by('chair'),
  'live.setInquorateReason': by('chair'),
  'live.redate': by('chair', 'officer'),
  'live.recordDecision': by('chair'),
  'live.amendDecision': by('chair'),
  'conferences.scheduleReconvened': by('chair', 'officer'),
  'conferences.adjournments': read,
  'due.list': read,
  'due.complete': by('chair', 'officer'),
  'conferences.reportsOutstanding': read,
  'agencyEscalations.forConference': read,
  'agencyEscalations.raiseFromConference': by('chair', 'officer'),
  'agencyEscalations.raiseByHand': by('chair', 'officer'),
  'agencyEscalations.withdraw': by('chair', 'officer'),
  'returns.summary': read,
  'returns.get': read,
  'returns.markSent': by('officer'),
  'returns.recordResponse': by('officer'),
  'protocols.list': read,
  'protocols.choose': by('administrator'),
  'protocols.save': by('administrator'),
  'escalations.list': read,
  'escalations.get': read,
  'escalations.draftFromConference': read,
  'escalations.open': by('chair'),
  'escalations.respond': by('chair'),
  'escalations.escalate': by('chair'),
  'escalations.close': by('chair'),
  'escalations.recordDebrief': by('chair'),
  'escalations.recordReviewMeeting': by('chair'),
  'escalations.correct': by('chair'),
  'escalations.addAction': by('chair'),
  'escalations.completeAction': by('chair'),
  'documents.plan': read,
  'documents.startBatch': by('officer', 'chair'),
  'documents.make': by('officer', 'chair'),
  'documents.batchStatus': read,
  'documents.forRecord': read,
  'documents.recent': read,
  'exports.plan': readBy('officer'),
  'exports.run': by('officer'),
  'sharingLog.list': read,
  'session.status': { who: 'public', writes: false },
  'session.setup': { who: 'public', writes: false },
  'session.signIn': { who: 'public', writes: false },
  'session.unlock': { who: 'public', writes: false },
  'session.signOut': read,
  'session.lock': read,
  // A new password is wrapped into the key file and audited: a write.
  'session.changePassword': { who: 'signed-in', writes: true },
  'users.list': readBy('administrator'),
  'users.add': by('administrator'),
  'users.setRoles': by('administrator'),
  'users.disable': by('administrator'),
  'users.enable': by('administrator'),
  'users.resetPassword': by('administrator'),
  'audit.verify': readBy('administrator', 'auditor'),
  'audit.list': readBy('administrator', 'auditor'),
  'audit.forRecord': read,
  'register.health': read,
  'backups.status': readBy('administrator'),
  // A backup copies the register without changing it, so it may run while it is read-only.
  'backups.run': readBy('administrator'),
  'backups.verify': readBy('administrator'),
  'backups.restore': by('administrator'),
  'retention.list': readBy('administrator'),
  'retention.placeHold': by('administrator'),
  'retention.liftHold': by('administrator'),
  'retention.erase': by('administrator'),
  // The numbers: for managers, and for the unit (officers and administrators) making the returns.
  'reports.get': readBy('manager', 'officer', 'administrator'),
  'reports.records': readBy('manager', 'officer', 'administrator'),
  'reports.annual': readBy('manager', 'officer', 'administrator'),
};
