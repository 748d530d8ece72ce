import { filterAsync } from '../../../../shared/async';
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
    candidates: async (from, to) =>
      // Which views are the minority is the outcome rule's to say, so it is worked out here
      // from each conference's recorded decisions rather than in SQL.
      (
        await filterAsync(await conferenceLetters.heldIn(from, to, ['concluded', 'adjourned']), async (row) =>
          (await deps.live.get(row.id)).children.some((child) => minorityViews(child).length > 0),
        )
      ).map((row) => conferenceCandidate('dissent-record', row)),
    async candidate(id) {
      const row = await conferenceLetters.conference(id);
      return row ? conferenceCandidate('dissent-record', row) : undefined;
    },
    problems: async (c, options) => dissentRecordProblems(await conferenceLetterInput(deps, c.entityId, options)),
    render: async (c, options) =>
      drawDissentRecord(dissentRecordModel(await conferenceLetterInput(deps, c.entityId, options)), {
        password: options.password,
      }),
  };
}
