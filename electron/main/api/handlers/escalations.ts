import type { escalationsContract } from '../../../../shared/ipc/contract/escalations';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The escalations channels (`shared/ipc/contract/escalations.ts`): each a thin call into a service. */
export function escalationsHandlers({ escalations }: Register): HandlerMap<keyof typeof escalationsContract> {
  return {
    'protocols.list': async () => escalations.protocols(),
    'protocols.choose': async (i) => escalations.choose(i.key),
    'protocols.save': async (i) => escalations.save(i.protocol),
    'escalations.list': async (i) => escalations.page(i),
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
  };
}
