import { initials } from '../../../../shared/escalation-protocols';
import { protocolSchema } from '../../../../shared/escalation-protocols';
import { croydonModel, croydonProblems } from '../../../../shared/forms/croydon-notification';
import { formalRecordProblem } from '../../../../shared/forms/formal-record';
import type { EscalationFormInput } from '../../../../shared/forms/escalation-record';
import { drawCroydonNotification } from '../pdf/croydon-notification-pdf';
import type { Candidate, DocumentSource, MakeOptions, SourceDeps } from './source';

/**
 * Croydon Escalation Notification Forms: one per escalation under the Croydon CSCP protocol (or a
 * copy adjusted from it), opened in the period, that has reached its first formal stage (stage 3,
 * where the form is first completed).
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
        .filter((row) => {
          const protocol = protocolSchema.parse(JSON.parse(row.definition_json) as unknown);
          const first = protocol.stages.find((s) => s.formalRecord);
          return protocol.record === 'croydon-notification' && first !== undefined && row.reached >= first.number;
        })
        .map((row) => candidateFor(row.id, row.subject_name));
    },
    candidate(id) {
      const row = repo.escalation(id);
      return row ? candidateFor(row.id, row.subject_name) : undefined;
    },
    problems(c, options) {
      const wrong = formalRecordProblem('croydon-notification', deps.escalations.get(c.entityId).protocol);
      return wrong ? [wrong] : croydonProblems(input(c, options));
    },
    render: (c, options) => drawCroydonNotification(croydonModel(input(c, options)), { password: options.password }),
  };
}
