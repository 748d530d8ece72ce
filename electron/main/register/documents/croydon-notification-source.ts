import { initials } from '../../../../shared/escalation-protocols';
import { protocolSchema } from '../../../../shared/escalation-protocols';
import { croydonModel, croydonProblems } from '../../../../shared/forms/croydon-notification';
import { formalRecordProblem } from '../../../../shared/forms/formal-record';
import { drawCroydonNotification } from '../pdf/croydon-notification-pdf';
import { escalationCandidate, escalationFormInput } from './escalation-documents';
import type { Candidate, DocumentSource, MakeOptions, SourceDeps } from './source';

/**
 * Croydon Escalation Notification Forms: one per escalation under the Croydon CSCP protocol (or a
 * copy adjusted from it), opened in the period, that has reached its first formal stage (stage 3,
 * where the form is first completed).
 */
export function croydonNotificationSource(deps: SourceDeps): DocumentSource {
  const repo = deps.ctx.repos.escalations;

  // Initials, as on the form itself ("use family initials only").
  const candidateFor = (id: number, subjectName: string): Candidate =>
    escalationCandidate(
      id,
      `Croydon Escalation Notification Form: ${initials(subjectName)} (escalation ${id})`,
      'croydon-notification',
    );
  const input = async (c: Candidate, options: MakeOptions) => escalationFormInput(deps, c, options, true);

  return {
    kind: 'croydon-notification',
    async candidates(from, to) {
      return (await repo.openedBetween(from, to))
        .filter((row) => {
          const protocol = protocolSchema.parse(JSON.parse(row.definition_json) as unknown);
          const first = protocol.stages.find((s) => s.formalRecord);
          return protocol.record === 'croydon-notification' && first !== undefined && row.reached >= first.number;
        })
        .map((row) => candidateFor(row.id, row.subject_name));
    },
    async candidate(id) {
      const row = await repo.escalation(id);
      return row ? candidateFor(row.id, row.subject_name) : undefined;
    },
    async problems(c, options) {
      const data = await input(c, options);
      const wrong = formalRecordProblem('croydon-notification', data.escalation.protocol);
      return wrong ? [wrong] : croydonProblems(data);
    },
    render: async (c, options) =>
      drawCroydonNotification(croydonModel(await input(c, options)), { password: options.password }),
  };
}
