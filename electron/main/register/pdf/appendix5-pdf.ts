import type { Appendix5Model } from '../../../../shared/forms/appendix5';
import { FormWriter, type RenderOptions } from './kit';

/** The label column's share of the width, the same in every table so the labels line up. */
const LABEL_SHARE = 0.34;
const PERSON_WIDTHS = [LABEL_SHARE, (1 - LABEL_SHARE) / 3, (1 - LABEL_SHARE) / 3, (1 - LABEL_SHARE) / 3];

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
  w.fields(model.subject, LABEL_SHARE);
  w.paragraph(model.stageLabel, { bold: true });
  w.checklist(model.stageTicks);
  w.paragraph(model.natureLabel, { bold: true });
  w.checklist(model.natureTicks);
  w.longField(model.detailsLabel, model.details);
  const columns = model.personColumns.map((header, i) => ({ header, width: PERSON_WIDTHS[i] ?? 1 }));
  for (const round of model.rounds) {
    // Who escalated to whom and the response at a stage stay together on one page where they fit.
    w.keepTogether(230);
    w.heading(round.heading);
    w.table(columns, round.people, 'Not recorded', { rowHeaders: true });
    w.paragraph(model.responseHeading, { bold: true });
    w.table(columns, [round.responseFrom], 'Not recorded', { rowHeaders: true });
    w.fields([[model.responseDateLabel, round.responseDate]], LABEL_SHARE);
    w.longField(model.responseSummaryLabel, round.responseSummary);
  }
  w.keepTogether(90);
  w.heading(model.outcomeHeading);
  w.table(
    model.actionColumns.map((header, i) => ({ header, width: [3, 1.4, 1.4][i] ?? 1 })),
    model.actions,
    model.noActions,
  );
  w.longField(model.commentsLabel, model.comments);
  w.space(10);
  w.signatureBlock(model.signature);
  return w.finish();
}
