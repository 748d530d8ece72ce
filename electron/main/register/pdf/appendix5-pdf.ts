import type { Appendix5Model } from '../../../../shared/forms/appendix5';
import { FormWriter, type RenderOptions } from './kit';

const PERSON_WIDTHS = [1.3, 1.5, 1.5, 1.5];

/**
 * Lays out the Appendix 5 record in the paper form's order: the child and the escalation, the
 * stage and nature ticks, the details, who escalated to whom and the response (per formal stage
 * reached), the outcome's actions, additional comments, and blank lines to sign.
 */
export function drawAppendix5(model: Appendix5Model, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  w.title(model.title);
  w.paragraph(model.partnershipLine, { bold: true });
  w.paragraph(model.purpose);
  w.fields(model.subject, 0.36);
  w.paragraph(model.stageLabel, { bold: true });
  w.checklist(model.stageTicks);
  w.paragraph(model.natureLabel, { bold: true });
  w.checklist(model.natureTicks);
  w.longField(model.detailsLabel, model.details);
  const columns = model.personColumns.map((header, i) => ({ header, width: PERSON_WIDTHS[i] ?? 1 }));
  for (const round of model.rounds) {
    w.heading(round.heading);
    w.table(columns, round.people, 'Not recorded', { rowHeaders: true });
    w.paragraph(model.responseHeading, { bold: true });
    w.table(columns, [round.responseFrom], 'Not recorded', { rowHeaders: true });
    w.fields([[model.responseDateLabel, round.responseDate]], 0.36);
    w.longField(model.responseSummaryLabel, round.responseSummary);
  }
  w.heading(model.outcomeHeading);
  w.table(
    model.actionColumns.map((header, i) => ({ header, width: [3, 1.4, 1.4][i] ?? 1 })),
    model.actions,
    model.noActions,
  );
  w.longField(model.commentsLabel, model.comments);
  w.signatureBlock(model.signature);
  return w.finish();
}
