import type { DissentRecordModel } from '../../../../shared/forms/dissent-record';
import { drawLetterOpening, FIELD_LABEL_SHARE } from './decision-letter-pdf';
import { FormWriter, type RenderOptions } from './kit';

/**
 * Lays out the dissent record: the conference, any Principal Officer review, then per child the
 * decision and the minority's reasons in full.
 */
export function drawDissentRecord(model: DissentRecordModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  drawLetterOpening(w, model, model.heading, false);
  for (const p of model.introduction) w.paragraph(p);
  // The escalation first: the minority's reasons that follow may run over several pages.
  if (model.principalOfficerReview) {
    w.heading('Principal Officer review');
    w.paragraph(model.principalOfficerReview.text);
    for (const line of model.principalOfficerReview.children) w.paragraph(line, { bold: true });
  }
  for (const child of model.children) {
    w.heading(child.name);
    w.fields(child.fields, FIELD_LABEL_SHARE);
    // Reasons get most of the width: they are recorded in full and may run over several pages.
    w.table(
      child.columns.map((header, i) => ({ header, width: [1.2, 1.3, 0.7, 3.8][i] ?? 1 })),
      child.rows,
    );
  }
  if (model.noMinority) w.paragraph(model.noMinority);
  return w.finish();
}
