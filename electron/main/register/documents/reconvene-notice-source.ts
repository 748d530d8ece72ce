import { reconveneNoticeModel, reconveneNoticeProblems } from '../../../../shared/forms/reconvene-notice';
import { drawReconveneNotice } from '../pdf/reconvene-notice-pdf';
import { conferenceCandidate, conferenceLetterInput } from './conference-documents';
import type { DocumentSource, SourceDeps } from './source';

/** Adjournment and reconvene notices: one per adjourned conference held in the period. */
export function reconveneNoticeSource(deps: SourceDeps): DocumentSource {
  const { conferenceLetters } = deps.ctx.repos;
  return {
    kind: 'reconvene-notice',
    candidates: async (from, to) =>
      (await conferenceLetters.heldIn(from, to, ['adjourned'])).map((row) =>
        conferenceCandidate('reconvene-notice', row),
      ),
    async candidate(id) {
      const row = await conferenceLetters.conference(id);
      return row ? conferenceCandidate('reconvene-notice', row) : undefined;
    },
    problems: async (c, options) => reconveneNoticeProblems(await conferenceLetterInput(deps, c.entityId, options)),
    render: async (c, options) =>
      drawReconveneNotice(reconveneNoticeModel(await conferenceLetterInput(deps, c.entityId, options)), {
        password: options.password,
      }),
  };
}
