import type { ReconveneNoticeModel } from '../../../../shared/forms/reconvene-notice';
import { drawLetterOpening } from './decision-letter-pdf';
import { FormWriter, type RenderOptions } from './kit';

/** Lays out the adjournment and reconvene notice: opening, the rule, each adjourned child, the reconvened conference. */
export function drawReconveneNotice(model: ReconveneNoticeModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  drawLetterOpening(w, model, model.heading);
  w.paragraph(model.adjourned, { bold: true });
  w.heading('What happens when views are equally divided');
  for (const p of model.rule) w.paragraph(p);
  for (const child of model.children) {
    w.heading(child.name);
    w.fields(child.fields, 0.3);
  }
  if (model.otherChildren) w.paragraph(model.otherChildren);
  w.heading('The reconvened conference');
  w.paragraph(model.reconveneBy);
  if (model.reconvened) w.fields(model.reconvened, 0.26);
  if (model.dateToFollow) w.paragraph(model.dateToFollow, { bold: true });
  w.paragraph(model.contact);
  w.space(4);
  w.paragraph(model.closing.join('\n'));
  return w.finish();
}
