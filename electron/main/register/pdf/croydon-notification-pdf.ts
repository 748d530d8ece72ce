import type { CroydonModel } from '../../../../shared/forms/croydon-notification';
import { FormWriter, type RenderOptions } from './kit';

const LABEL_SHARE = 0.36;

/**
 * Lays out the Croydon Escalation Notification Form: when to complete it, the person completing
 * it, the child (initials only), then stages 3, 4 and 5 each with its instruction and fields.
 */
export function drawCroydonNotification(model: CroydonModel, options: RenderOptions = {}): Buffer {
  const w = new FormWriter(model.frame, options);
  w.title(model.title);
  for (const p of model.purpose) w.paragraph(p);
  w.paragraph(model.whenLabel, { bold: true });
  for (const item of model.when) w.paragraph(`•  ${item}`);
  w.heading(model.personHeading);
  w.fields(model.person, LABEL_SHARE);
  w.heading(model.childHeading);
  w.fields(model.child, LABEL_SHARE);
  for (const stage of model.stages) {
    // A stage's heading, instruction and question stay together on one page.
    w.keepTogether(150);
    w.heading(stage.heading);
    w.paragraph(stage.instruction, { small: true });
    if (stage.notReached) w.paragraph(stage.notReached, { bold: true });
    w.longField(stage.concernsLabel, stage.concerns);
    // The form's note on the question ("If yes, … below. If no, move to section n") goes just
    // above the one table of answers it refers to.
    if (stage.resolved) w.paragraph(stage.resolved.note, { small: true });
    w.fields(
      stage.resolved ? [[stage.resolved.label, stage.resolved.value], ...stage.fields] : stage.fields,
      LABEL_SHARE,
    );
  }
  w.paragraph(model.submit, { bold: true });
  return w.finish();
}
