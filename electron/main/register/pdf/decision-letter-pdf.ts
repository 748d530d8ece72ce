import type { LetterParts } from '../../../../shared/forms/conference-letter';
import type { DecisionLetterModel } from '../../../../shared/forms/decision-letter';
import { FormWriter, type RenderOptions } from './kit';

/** The share of a fields table its labels take, the same in every conference document so they line up. */
export const FIELD_LABEL_SHARE = 0.28;

/** The letterhead, title, date, addressee with the distribution list, and the conference's details. */
export function drawLetterOpening(w: FormWriter, model: LetterParts, title: string, distribution = true): void {
  w.paragraph(model.letterhead.join('\n'), { bold: true });
  if (model.letterheadContact) w.paragraph(model.letterheadContact);
  w.title(title);
  w.paragraph(model.dateLine);
  if (distribution) {
    w.paragraph(model.addressee, { bold: true });
    w.table(
      model.distributionColumns.map((header, i) => ({ header, width: [1.6, 1.8, 1.1][i] ?? 1 })),
      model.distribution,
      'No one was invited',
    );
  }
  w.heading('The conference');
  w.fields(model.conferenceFields, FIELD_LABEL_SHARE);
}

/** Lays out the decision letter: opening, each child's decision, what happens next, contact. */
export function drawDecisionLetter(model: DecisionLetterModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  drawLetterOpening(w, model, model.heading);
  w.paragraph(model.introduction);
  for (const child of model.children) {
    w.heading(child.name);
    w.fields(child.fields, FIELD_LABEL_SHARE);
  }
  if (model.minorityNote) w.paragraph(model.minorityNote);
  w.heading('What happens next');
  if (model.nextSteps.length > 0) w.fields(model.nextSteps, FIELD_LABEL_SHARE);
  else w.paragraph('Nothing further was scheduled by this conference.');
  w.paragraph(model.contact);
  w.space(4);
  w.paragraph(model.closing.join('\n'));
  return w.finish();
}
