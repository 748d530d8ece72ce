import { decisionLetterModel, decisionLetterProblems } from '../../../../shared/forms/decision-letter';
import { drawDecisionLetter } from '../pdf/decision-letter-pdf';
import { conferenceCandidate, conferenceLetterInput } from './conference-documents';
import type { DocumentSource, SourceDeps } from './source';

/** Decision letters: one per concluded or adjourned conference whose letter falls due in the period. */
export function decisionLetterSource(deps: SourceDeps): DocumentSource {
  const { conferenceLetters } = deps.ctx.repos;
  return {
    kind: 'decision-letter',
    candidates: async (from, to) =>
      (await conferenceLetters.decisionLettersDue(from, to)).map((row) => conferenceCandidate('decision-letter', row)),
    async candidate(id) {
      const row = await conferenceLetters.conference(id);
      return row ? conferenceCandidate('decision-letter', row) : undefined;
    },
    problems: async (c, options) => decisionLetterProblems(await conferenceLetterInput(deps, c.entityId, options)),
    render: async (c, options) =>
      drawDecisionLetter(decisionLetterModel(await conferenceLetterInput(deps, c.entityId, options)), {
        password: options.password,
      }),
  };
}
