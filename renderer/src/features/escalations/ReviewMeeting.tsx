import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import type { ReviewMeeting } from '../../../../shared/schemas/escalation';
import { MAX_ATTENDEES, MAX_LONG_TEXT } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor } from '../../components/form-errors';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { fieldMapper, partsOf, SummaryRow, today } from './escalation-parts';
import type { FormProps } from './types';

/** Who attended: the register's own limit, read from the contract's schema. */

const TEXT_FIELDS = ['reviewType', 'chairedBy', 'attendees', 'discussion', 'disagreements', 'agreements'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const fieldFor = fieldMapper(
  { heldOn: 'meeting-heldOn', ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, `meeting-${f}`])) },
  ['heldOn'],
);

/**
 * The written record of the Principal Officer review meeting (North Lincolnshire SAfE: "A
 * written record will be made of the key areas of discussion, disagreement, agreements and
 * actions. This will be retained on the child's file"), as recorded.
 */
export function ReviewMeetingRecord({ meeting, stageName }: { meeting: ReviewMeeting; stageName: string }) {
  return (
    <div className="govuk-summary-card" data-testid="review-meeting-record">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          Written record of the Principal Officer review meeting (stage {meeting.stageNumber}: {stageName})
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="Date of the meeting">{formatLongDate(meeting.heldOn)}</SummaryRow>
          <SummaryRow label="Type of review">{meeting.reviewType}</SummaryRow>
          <SummaryRow label="Chaired by">{meeting.chairedBy}</SummaryRow>
          <SummaryRow label="Attended">
            <span className="app-pre-line">{meeting.attendees}</span>
          </SummaryRow>
          <SummaryRow label="Key areas of discussion">
            <span className="app-pre-line">{meeting.discussion}</span>
          </SummaryRow>
          <SummaryRow label="Disagreements">
            <span className="app-pre-line">{meeting.disagreements}</span>
          </SummaryRow>
          <SummaryRow label="Agreements">
            <span className="app-pre-line">{meeting.agreements}</span>
          </SummaryRow>
          <SummaryRow label="Actions">The escalation’s actions, listed under Actions</SummaryRow>
        </dl>
      </div>
    </div>
  );
}

/** Records (or, once recorded, corrects) the written record of the Principal Officer review meeting. */
export function ReviewMeetingForm({
  escalation,
  errors,
  send,
  onDone,
  focusOnMount = false,
}: FormProps & { onDone?: () => void; focusOnMount?: boolean }) {
  const recorded = escalation.reviewMeeting;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const [heldOn, setHeldOn] = useState<DateParts>(partsOf(recorded?.heldOn ?? today()));
  const [text, setText] = useState<Record<TextField, string>>(() => ({
    reviewType: recorded?.reviewType ?? '',
    chairedBy: recorded?.chairedBy ?? '',
    attendees: recorded?.attendees ?? '',
    discussion: recorded?.discussion ?? '',
    disagreements: recorded?.disagreements ?? '',
    agreements: recorded?.agreements ?? '',
  }));
  const set = (field: TextField) => (value: string) => setText((t) => ({ ...t, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await send(
      () =>
        invoke('escalations.recordReviewMeeting', {
          escalationId: escalation.id,
          heldOn: datePartsToString(heldOn),
          ...text,
        }),
      fieldFor,
      recorded ? 'Written record of the review meeting updated' : 'Written record of the review meeting saved',
    );
    if (ok) onDone?.();
  }

  const long = (field: TextField, label: string) => (
    <Textarea
      id={`meeting-${field}`}
      label={label}
      rows={3}
      value={text[field]}
      onChange={set(field)}
      error={errorFor(errors, `meeting-${field}`)}
      characterLimit={MAX_LONG_TEXT}
    />
  );

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="meeting-heading">
      <h2 className="govuk-heading-m" id="meeting-heading" tabIndex={-1} ref={heading}>
        {recorded ? 'Change the written record of the review meeting' : 'Record the Principal Officer review meeting'}
      </h2>
      <p className="govuk-body">
        The Principal Officer agrees the type of review and chairs the meeting. Its written record (the key areas of
        discussion, disagreements, agreements and actions) is kept on the child’s file. Add the actions agreed under
        Actions.
      </p>
      <DateInput
        id="meeting-heldOn"
        legend="Date of the meeting"
        value={heldOn}
        onChange={setHeldOn}
        error={errorFor(errors, 'meeting-heldOn')}
      />
      <TextInput
        id="meeting-reviewType"
        label="Type of review agreed by the Principal Officer"
        hint="For example, a multi-agency audit or a pit stop meeting"
        value={text.reviewType}
        onChange={set('reviewType')}
        error={errorFor(errors, 'meeting-reviewType')}
      />
      <TextInput
        id="meeting-chairedBy"
        label="Principal Officer who chaired the meeting"
        value={text.chairedBy}
        onChange={set('chairedBy')}
        error={errorFor(errors, 'meeting-chairedBy')}
        spellCheck={false}
      />
      <Textarea
        id="meeting-attendees"
        label="Who attended"
        hint="Names, job titles and agencies"
        rows={3}
        value={text.attendees}
        onChange={set('attendees')}
        error={errorFor(errors, 'meeting-attendees')}
        characterLimit={MAX_ATTENDEES}
      />
      {long('discussion', 'Key areas of discussion')}
      {long('disagreements', 'Disagreements')}
      {long('agreements', 'Agreements')}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          Save the written record
        </button>
        {onDone && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
