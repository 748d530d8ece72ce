import type { agencyEscalationsContract } from '../../../../shared/ipc/contract/agency-escalations';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The agency escalations channels (`shared/ipc/contract/agency-escalations.ts`): each a thin call into a service. */
export function agencyEscalationsHandlers({
  agencyEscalations,
}: Register): HandlerMap<keyof typeof agencyEscalationsContract> {
  return {
    'agencyEscalations.forConference': async (i) => agencyEscalations.forConference(i.conferenceId),
    'agencyEscalations.raiseFromConference': async (i) => agencyEscalations.raiseFromConference(i),
    'agencyEscalations.raiseByHand': async (i) => agencyEscalations.raiseByHand(i),
    'agencyEscalations.withdraw': async (i) => agencyEscalations.withdraw(i.id, i.reason),
    'returns.summary': async (i) => agencyEscalations.summaryPage(i.from, i.to, i),
    'returns.get': async (i) => agencyEscalations.returnFor(i.agencyId, i.from, i.to),
    'returns.markSent': async (i) => agencyEscalations.markSent(i),
    'returns.recordResponse': async (i) => agencyEscalations.recordResponse(i.returnId, i.responseOn, i.response),
  };
}
