import type { ReconveneNoticeModel } from '../../../../shared/forms/reconvene-notice';
import { drawLetterOpening, FIELD_LABEL_SHARE } from './decision-letter-pdf';
import { FormWriter, type RenderOptions } from './kit';

/**
 * Lays out the adjournment and reconvene notice: the opening, then what matters most to the
 * reader (that the conference was adjourned and when it reconvenes), each adjourned child, and
 * the procedure's rule in plain words.
 */
export function drawReconveneNotice(model: ReconveneNoticeModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  drawLetterOpening(w, model, model.heading);
  w.paragraph(model.adjourned, { bold: true });
  w.heading('The reconvened conference');
  w.paragraph(model.reconveneBy);
  if (model.reconvened) w.fields(model.reconvened, FIELD_LABEL_SHARE);
  if (model.dateToFollow) w.paragraph(model.dateToFollow, { bold: true });
  for (const child of model.children) {
    w.heading(child.name);
    w.fields(child.fields, FIELD_LABEL_SHARE);
  }
  if (model.otherChildren) w.paragraph(model.otherChildren);
  w.heading('What happens when views are equally divided');
  for (const p of model.rule) w.paragraph(p);
  w.paragraph(model.contact);
  w.space(4);
  w.paragraph(model.closing.join('\n'));
  return w.finish();
}
