import { reconveneNoticeModel, reconveneNoticeProblems } from '../../../../shared/forms/reconvene-notice';
import { drawReconveneNotice } from '../pdf/reconvene-notice-pdf';
import { conferenceCandidate, conferenceLetterInput } from './conference-documents';
import type { DocumentSource, SourceDeps } from './source';

/** Adjournment and reconvene notices: one per adjourned conference held in the period. */
export function reconveneNoticeSource(deps: SourceDeps): DocumentSource {
  const { conferenceLetters } = deps.ctx.repos;
  return {
    kind: 'reconvene-notice',
    candidates: (from, to) =>
      conferenceLetters.heldIn(from, to, ['adjourned']).map((row) => conferenceCandidate('reconvene-notice', row)),
    candidate(id) {
      const row = conferenceLetters.conference(id);
      return row ? conferenceCandidate('reconvene-notice', row) : undefined;
    },
    problems: (c, options) => reconveneNoticeProblems(conferenceLetterInput(deps, c.entityId, options)),
    render: (c, options) =>
      drawReconveneNotice(reconveneNoticeModel(conferenceLetterInput(deps, c.entityId, options)), {
        password: options.password,
      }),
  };
}
