import { minorityViews } from '../../../../shared/forms/conference-letter';
import { dissentRecordModel, dissentRecordProblems } from '../../../../shared/forms/dissent-record';
import { drawDissentRecord } from '../pdf/dissent-record-pdf';
import { conferenceCandidate, conferenceLetterInput } from './conference-documents';
import type { DocumentSource, SourceDeps } from './source';

/** Dissent records: one per conference held in the period where an agency held a minority view. */
export function dissentRecordSource(deps: SourceDeps): DocumentSource {
  const { conferenceLetters } = deps.ctx.repos;
  return {
    kind: 'dissent-record',
    candidates: (from, to) =>
      conferenceLetters
        .heldIn(from, to, ['concluded', 'adjourned'])
        // Which views are the minority is the outcome rule's to say, so it is worked out here
        // from each conference's recorded decisions rather than in SQL.
        .filter((row) => deps.live.get(row.id).children.some((child) => minorityViews(child).length > 0))
        .map((row) => conferenceCandidate('dissent-record', row)),
    candidate(id) {
      const row = conferenceLetters.conference(id);
      return row ? conferenceCandidate('dissent-record', row) : undefined;
    },
    problems: (c, options) => dissentRecordProblems(conferenceLetterInput(deps, c.entityId, options)),
    render: (c, options) =>
      drawDissentRecord(dissentRecordModel(conferenceLetterInput(deps, c.entityId, options)), {
        password: options.password,
      }),
  };
}
