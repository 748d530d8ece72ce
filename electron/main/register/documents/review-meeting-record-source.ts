import {
  reviewMeetingModel,
  reviewMeetingProblems,
  type ReviewMeetingInput,
} from '../../../../shared/forms/review-meeting-record';
import { drawReviewMeetingRecord } from '../pdf/review-meeting-record-pdf';
import type { Candidate, DocumentSource, MakeOptions, SourceDeps } from './source';

/**
 * The written record of a Principal Officer review meeting (North Lincolnshire SAfE, and copies
 * adjusted from it): one per escalation opened in the period whose meeting is recorded.
 */
export function reviewMeetingRecordSource(deps: SourceDeps): DocumentSource {
  const repo = deps.ctx.repos.escalations;

  function candidateFor(id: number, subjectName: string): Candidate {
    return {
      entity: 'escalation',
      entityId: id,
      periodFrom: null,
      periodTo: null,
      title: `Principal Officer review meeting record: ${subjectName} (escalation ${id})`,
      fileName: `review-meeting-record-escalation-${id}.pdf`,
    };
  }

  function input(c: Candidate, options: MakeOptions): ReviewMeetingInput {
    const s = deps.settings();
    return {
      partnership: s.partnershipName,
      marking: s.protectiveMarking,
      generatedOn: options.generatedOn,
      escalation: deps.escalations.get(c.entityId),
      initialsOnly: options.initialsOnly,
    };
  }

  return {
    kind: 'review-meeting-record',
    candidates(from, to) {
      return repo
        .openedBetween(from, to)
        .filter((row) => repo.reviewMeeting(row.id) !== undefined)
        .filter((row) => deps.escalations.get(row.id).protocol.record === 'review-meeting-record')
        .map((row) => candidateFor(row.id, row.subject_name));
    },
    candidate(id) {
      const row = repo.escalation(id);
      return row ? candidateFor(row.id, row.subject_name) : undefined;
    },
    problems: (c, options) => reviewMeetingProblems(input(c, options)),
    render: (c, options) =>
      drawReviewMeetingRecord(reviewMeetingModel(input(c, options)), { password: options.password }),
  };
}
