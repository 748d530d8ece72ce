import { filterAsync } from '../../../../shared/async';
import {
  reviewMeetingModel,
  reviewMeetingProblems,
  type ReviewMeetingInput,
} from '../../../../shared/forms/review-meeting-record';
import { drawReviewMeetingRecord } from '../pdf/review-meeting-record-pdf';
import { escalationCandidate, escalationFormInput } from './escalation-documents';
import type { Candidate, DocumentSource, MakeOptions, SourceDeps } from './source';

/**
 * The written record of a Principal Officer review meeting (North Lincolnshire SAfE, and copies
 * adjusted from it): one per escalation opened in the period whose meeting is recorded.
 */
export function reviewMeetingRecordSource(deps: SourceDeps): DocumentSource {
  const repo = deps.ctx.repos.escalations;

  const candidateFor = (id: number, subjectName: string): Candidate =>
    escalationCandidate(
      id,
      `Principal Officer review meeting record: ${subjectName} (escalation ${id})`,
      'review-meeting-record',
    );
  const input = async (c: Candidate, options: MakeOptions): Promise<ReviewMeetingInput> =>
    escalationFormInput(deps, c, options);

  return {
    kind: 'review-meeting-record',
    async candidates(from, to) {
      return (
        await filterAsync(
          await repo.openedBetween(from, to),
          async (row) =>
            (await repo.reviewMeeting(row.id)) !== undefined &&
            (await deps.escalations.get(row.id)).protocol.record === 'review-meeting-record',
        )
      ).map((row) => candidateFor(row.id, row.subject_name));
    },
    async candidate(id) {
      const row = await repo.escalation(id);
      return row ? candidateFor(row.id, row.subject_name) : undefined;
    },
    problems: async (c, options) => reviewMeetingProblems(await input(c, options)),
    render: async (c, options) =>
      drawReviewMeetingRecord(reviewMeetingModel(await input(c, options)), { password: options.password }),
  };
}
