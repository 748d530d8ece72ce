import type { ReviewMeetingModel } from '../../../../shared/forms/review-meeting-record';
import { FormWriter, type RenderOptions } from './kit';

const LABEL_SHARE = 0.36;

/**
 * Lays out the written record of a Principal Officer review meeting: the child and the escalation,
 * the meeting, its key areas of discussion, disagreements and agreements, and the actions.
 */
export function drawReviewMeetingRecord(model: ReviewMeetingModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  w.title(model.title);
  w.paragraph(model.purpose);
  w.fields(model.subject, LABEL_SHARE);
  w.fields(model.meeting, LABEL_SHARE);
  for (const section of model.sections) w.longField(section.heading, section.text);
  w.keepTogether(90);
  w.heading(model.actionsHeading);
  w.table(
    model.actionColumns.map((header, i) => ({ header, width: [3, 1.4, 1.2, 1.2][i] ?? 1 })),
    model.actions,
    model.noActions,
  );
  w.paragraph(model.outcome, { bold: true });
  return w.finish();
}
