import type { EscalationFormInput } from '../../../../shared/forms/escalation-record';
import type { Escalation } from '../../../../shared/schemas/escalation';
import type { Candidate, MakeOptions, SourceDeps } from './source';

/** What the escalation forms (Appendix 5, the Croydon form, the review meeting record) share. */

/** One escalation as a candidate: the title may name the child (it stays in the register); the file name never does. */
export function escalationCandidate(id: number, title: string, filePrefix: string): Candidate {
  return {
    entity: 'escalation',
    entityId: id,
    periodFrom: null,
    periodTo: null,
    title,
    fileName: `${filePrefix}-escalation-${id}.pdf`,
  };
}

/** Everything an escalation form is made from: the escalation as its page shows it, and the letterhead. */
export async function escalationFormInput(
  deps: SourceDeps,
  c: Candidate,
  options: MakeOptions,
  initialsOnly = options.initialsOnly,
): Promise<EscalationFormInput & { escalation: Escalation }> {
  const s = await deps.settings();
  return {
    partnership: s.partnershipName,
    marking: s.protectiveMarking,
    generatedOn: options.generatedOn,
    escalation: await deps.escalations.get(c.entityId),
    initialsOnly,
  };
}
