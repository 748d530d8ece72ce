import { initials } from '../../../../shared/escalation-protocols';
import {
  CROYDON_FIRST_STAGE,
  CROYDON_PROTOCOL_KEY,
  croydonModel,
  croydonProblems,
} from '../../../../shared/forms/croydon-notification';
import type { EscalationFormInput } from '../../../../shared/forms/escalation-record';
import { drawCroydonNotification } from '../pdf/croydon-notification-pdf';
import type { Candidate, DocumentSource, MakeOptions, SourceDeps } from './source';

/**
 * Croydon Escalation Notification Forms: one per escalation under the Croydon CSCP protocol,
 * opened in the period, that has reached stage 3 (where the form is first completed).
 */
export function croydonNotificationSource(deps: SourceDeps): DocumentSource {
  const repo = deps.ctx.repos.escalations;

  function candidateFor(id: number, subjectName: string): Candidate {
    return {
      entity: 'escalation',
      entityId: id,
      periodFrom: null,
      periodTo: null,
      // Initials, as on the form itself ("use family initials only").
      title: `Croydon Escalation Notification Form: ${initials(subjectName)} (escalation ${id})`,
      fileName: `croydon-notification-escalation-${id}.pdf`,
    };
  }

  function input(c: Candidate, options: MakeOptions): EscalationFormInput {
    const s = deps.settings();
    return {
      partnership: s.partnershipName,
      marking: s.protectiveMarking,
      generatedOn: options.generatedOn,
      escalation: deps.escalations.get(c.entityId),
      initialsOnly: true,
    };
  }

  return {
    kind: 'croydon-notification',
    candidates(from, to) {
      return repo
        .openedBetween(from, to)
        .filter((row) => row.protocol_key === CROYDON_PROTOCOL_KEY && row.reached >= CROYDON_FIRST_STAGE)
        .map((row) => candidateFor(row.id, row.subject_name));
    },
    candidate(id) {
      const row = repo.escalation(id);
      return row ? candidateFor(row.id, row.subject_name) : undefined;
    },
    problems: (c, options) => croydonProblems(input(c, options)),
    render: (c, options) => drawCroydonNotification(croydonModel(input(c, options)), { password: options.password }),
  };
}
