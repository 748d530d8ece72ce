import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import type { Escalation } from '../../../../shared/schemas/escalation';
import { MAX_LONG_TEXT } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor } from '../../components/form-errors';
import { Textarea } from '../../components/Textarea';
import { fieldMapper, partsOf, SummaryRow, today } from './escalation-parts';
import type { FormProps } from './types';

const fieldFor = fieldMapper({ on: 'debrief-on', notes: 'debrief-notes' }, ['on']);

/**
 * The stage that follows resolution (Kirklees stage 7, the restorative debrief), shown after the
 * clocked stages: what it is, that it has no time limit, and what was recorded.
 */
export function ResolutionStageCard({
  escalation,
  stage,
}: {
  escalation: Escalation;
  stage: { number: number; name: string };
}) {
  const spec = escalation.protocol.stages.find((s) => s.number === stage.number);
  const recorded = escalation.debriefOn !== null || escalation.restorativeDebrief !== null;
  return (
    <div className="govuk-summary-card" data-testid={`stage-${stage.number}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          Stage {stage.number}: {stage.name} <strong className="govuk-tag govuk-tag--grey">After resolution</strong>
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="Time limit">
            None: it follows resolution and is not reached by escalating, so it has no clock
          </SummaryRow>
          {spec?.what && <SummaryRow label="What happens">{spec.what}</SummaryRow>}
          {recorded ? (
            <>
              {escalation.debriefOn && <SummaryRow label="Held">{formatLongDate(escalation.debriefOn)}</SummaryRow>}
              <SummaryRow label="Notes">
                <span className="app-pre-line">{escalation.restorativeDebrief ?? 'Not recorded'}</span>
              </SummaryRow>
            </>
          ) : (
            <SummaryRow label="Recorded">
              {escalation.status === 'open'
                ? 'Not yet: it is offered once the escalation is closed as resolved'
                : escalation.status === 'resolved'
                  ? 'Not yet'
                  : 'Not offered: the escalation closed without resolution'}
            </SummaryRow>
          )}
        </dl>
      </div>
    </div>
  );
}

/** Records the restorative debrief after a resolved escalation: its date and notes, no clock. */
export function DebriefForm({
  escalation,
  stage,
  errors,
  send,
}: FormProps & { stage: { number: number; name: string } }) {
  const [on, setOn] = useState<DateParts>(partsOf(escalation.debriefOn ?? today()));
  const [notes, setNotes] = useState(escalation.restorativeDebrief ?? '');
  const recorded = escalation.debriefOn !== null || escalation.restorativeDebrief !== null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () => invoke('escalations.recordDebrief', { escalationId: escalation.id, on: datePartsToString(on), notes }),
      fieldFor,
      `Stage ${stage.number} recorded: ${stage.name}`,
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="debrief-heading">
      <h2 className="govuk-heading-m" id="debrief-heading">
        {recorded
          ? `Change the record of stage ${stage.number}: ${stage.name}`
          : `Stage ${stage.number}: ${stage.name}`}
      </h2>
      <p className="govuk-body">
        The difference was resolved. Following resolution, consider a restorative debrief for those involved, to keep
        working relationships positive, and whether local procedures need to change. It has no time limit.
      </p>
      <DateInput
        id="debrief-on"
        legend="Date of the debrief"
        value={on}
        onChange={setOn}
        error={errorFor(errors, 'debrief-on')}
      />
      <Textarea
        id="debrief-notes"
        label="What the debrief covered and agreed"
        hint="Including any changes to local procedures"
        rows={4}
        value={notes}
        onChange={setNotes}
        error={errorFor(errors, 'debrief-notes')}
        characterLimit={MAX_LONG_TEXT}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Record the debrief
      </button>
    </form>
  );
}
