import { protocolSchema } from '../../../../shared/escalation-protocols';
import { appendix5Model, appendix5Problems } from '../../../../shared/forms/appendix5';
import { formalRecordProblem } from '../../../../shared/forms/formal-record';
import { drawAppendix5 } from '../pdf/appendix5-pdf';
import { escalationCandidate, escalationFormInput } from './escalation-documents';
import type { Candidate, DocumentSource, SourceDeps } from './source';

/**
 * Appendix 5 Professional Difference Escalation Records: one per escalation under the Kirklees
 * protocol (or a copy adjusted from it) opened in the period that has reached a stage needing the
 * formal record (stages 5 and 6). Other protocols keep their own records.
 */
export function appendix5Source(deps: SourceDeps): DocumentSource {
  const repo = deps.ctx.repos.escalations;

  const candidateFor = (id: number, subjectName: string): Candidate =>
    escalationCandidate(
      id,
      `Appendix 5 Professional Difference Escalation Record: ${subjectName} (escalation ${id})`,
      'appendix5',
    );

  return {
    kind: 'appendix5',
    async candidates(from, to) {
      return (await repo.openedBetween(from, to))
        .filter((row) => {
          const protocol = protocolSchema.parse(JSON.parse(row.definition_json) as unknown);
          // Stages run in order, so reaching stage n means every stage up to n was reached.
          return (
            protocol.record === 'appendix5' && protocol.stages.some((s) => s.formalRecord && s.number <= row.reached)
          );
        })
        .map((row) => candidateFor(row.id, row.subject_name));
    },
    async candidate(id) {
      const row = await repo.escalation(id);
      return row ? candidateFor(row.id, row.subject_name) : undefined;
    },
    async problems(c, options) {
      const data = await escalationFormInput(deps, c, options);
      const wrong = formalRecordProblem('appendix5', data.escalation.protocol);
      return wrong ? [wrong] : appendix5Problems(data);
    },
    render: async (c, options) =>
      drawAppendix5(appendix5Model(await escalationFormInput(deps, c, options)), { password: options.password }),
  };
}
