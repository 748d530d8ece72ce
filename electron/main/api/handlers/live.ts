import type { liveContract } from '../../../../shared/ipc/contract/live';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The live channels (`shared/ipc/contract/live.ts`): each a thin call into a service. */
export function liveHandlers({ live }: Register): HandlerMap<keyof typeof liveContract> {
  return {
    'live.get': async (i) => live.get(i.id),
    'live.invite': async (i) => live.invite(i),
    'live.inviteMany': async (i) => live.inviteMany(i.conferenceId, i.agencyIds),
    'live.uninvite': async (i) => live.uninvite(i.conferenceId, i.agencyId),
    'live.setAttendance': async (i) => live.setAttendance(i.conferenceId, i.agencyId, i.attendance, i.version),
    'live.markAllAttended': async (i) => live.markAllAttended(i.conferenceId),
    'live.setReport': async (i) => live.setReport(i.conferenceId, i.agencyId, i.report, i.receivedOn, i.version),
    'live.setView': async (i) => live.setView(i),
    'live.setNoView': async (i) => live.setNoView(i),
    'live.setAllViews': async (i) => live.setAllViews(i),
    'live.copyViews': async (i) => live.copyViews(i.conferenceId, i.fromChildId, i.toChildId),
    'live.setInquorateReason': async (i) => live.setInquorateReason(i.conferenceId, i.reason),
    'live.redate': async (i) => live.redate(i.conferenceId, i.date, i.time),
    'live.recordDecision': async (i) => live.recordDecision(i),
    'live.amendDecision': async (i) => live.amendDecision(i),
    'due.list': async (i) => live.due(i),
    'due.complete': async (i) => live.completeTask(i.conferenceId, i.kind, i.childId),
  };
}
