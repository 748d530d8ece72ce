import type { DissentRecordModel } from '../../../../shared/forms/dissent-record';
import { drawLetterOpening } from './decision-letter-pdf';
import { FormWriter, type RenderOptions } from './kit';

/** Lays out the dissent record: the conference, then per child the decision and the minority's reasons in full. */
export function drawDissentRecord(model: DissentRecordModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  drawLetterOpening(w, model, model.heading, false);
  for (const p of model.introduction) w.paragraph(p);
  for (const child of model.children) {
    w.heading(child.name);
    w.fields(child.fields, 0.26);
    w.table(
      child.columns.map((header, i) => ({ header, width: [1.3, 1.3, 0.8, 3.6][i] ?? 1 })),
      child.rows,
    );
  }
  if (model.noMinority) w.paragraph(model.noMinority);
  if (model.principalOfficerReview) {
    w.heading('Principal Officer review');
    w.paragraph(model.principalOfficerReview.text);
    w.table(
      model.principalOfficerReview.columns.map((header, i) => ({ header, width: [2, 1.4][i] ?? 1 })),
      model.principalOfficerReview.rows,
    );
  }
  return w.finish();
}
