import type { Appendix3Model } from '../../../../shared/forms/appendix3';
import { FormWriter, type RenderOptions } from './kit';

/** Lays out the Appendix 3 return: covering text, the table of incidents, contact and training. */
export function drawAppendix3(model: Appendix3Model, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  w.title('Appendix 3. Child Protection Case Conference escalation');
  w.heading(model.heading);
  w.paragraph(model.addressee, { bold: true });
  w.paragraph(model.periodLine);
  for (const p of model.introduction) w.paragraph(p);
  w.paragraph(model.issueLine);
  w.table(
    model.columns.map((header, i) => ({ header, width: [1.1, 1.6, 1.1, 1.2, 1.2, 1.8][i] ?? 1 })),
    model.rows,
  );
  w.paragraph(model.contact);
  w.paragraph(model.training);
  if (model.trainingLink) w.link(model.trainingLink);
  return w.finish();
}
