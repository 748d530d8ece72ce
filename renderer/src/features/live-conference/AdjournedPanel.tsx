import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { scheduleReconvenedInputSchema, type LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { navigate } from '../../app/use-hash-route';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, EMPTY_DATE, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, errorsFromIssues, type FieldRef } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { ReconvenedStatus } from './ReconvenedStatus';
import type { LiveConferenceState } from './use-live-conference';
import { childName, interimWords, reconveneBy } from './wording';

function fieldFor(path: string): FieldRef {
  if (path === 'time') return 'reconvene-time';
  if (path === 'venue') return 'reconvene-venue';
  return { fieldId: 'reconvene-date', targetId: 'reconvene-date-day' };
}

/**
 * An adjourned conference: the date to reconvene by, who is on a plan meanwhile, and a one-step
 * form to schedule the reconvened conference (which carries the children and invitations).
 */
export function AdjournedPanel({ live, state }: { live: LiveConference; state: LiveConferenceState }) {
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [time, setTime] = useState(live.conference.time);
  const [venue, setVenue] = useState(live.conference.venue);
  const [busy, setBusy] = useState(false);
  const by = reconveneBy(live);
  const adjourned = live.children.filter((c) => c.recorded?.decision === 'adjourned');
  const reconvenedId = live.conference.reconvenedById;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const draft = { conferenceId: live.conference.id, date: datePartsToString(date), time, venue };
    const parsed = scheduleReconvenedInputSchema.safeParse(draft);
    if (!parsed.success) {
      state.setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke('conferences.scheduleReconvened', parsed.data);
    setBusy(false);
    if (result.ok) {
      navigate(`/conferences/${result.value.id}`, {
        heading: 'Reconvened conference scheduled',
        body: `${formatLongDate(result.value.date)} at ${result.value.time}, ${result.value.venue}.`,
      });
    } else {
      state.setErrors(errorsFromApi(result.error, fieldFor));
    }
  }

  return (
    <section className="app-adjourned" aria-labelledby="reconvene-heading" data-testid="adjourned-panel">
      <h2 className="govuk-heading-m" id="reconvene-heading" tabIndex={-1}>
        Adjourned{by ? `: reconvene by ${formatLongDate(by)}` : ''}
      </h2>
      <ul className="govuk-list">
        {adjourned.map((child) => (
          <li key={child.id}>
            {childName(child)}:{' '}
            {child.recorded?.interimPlan
              ? `${interimWords(live.conference.decidesAs, child.givenName)} (until the reconvened conference).`
              : 'no interim plan.'}
          </li>
        ))}
      </ul>
      {reconvenedId !== null ? (
        <ReconvenedStatus id={reconvenedId} />
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <h3 className="govuk-heading-s">Schedule the reconvened conference</h3>
          <DateInput
            id="reconvene-date"
            legend="Date of the reconvened conference"
            hint={by ? `No later than ${formatLongDate(by)}` : undefined}
            value={date}
            onChange={setDate}
            error={errorFor(state.errors, 'reconvene-date')}
          />
          <TextInput
            id="reconvene-time"
            label="Start time"
            hint="For example, 09:30 or 14:00"
            value={time}
            onChange={setTime}
            error={errorFor(state.errors, 'reconvene-time')}
            widthClassName="govuk-input--width-5"
          />
          <TextInput
            id="reconvene-venue"
            label="Venue"
            value={venue}
            onChange={setVenue}
            error={errorFor(state.errors, 'reconvene-venue')}
            widthClassName="govuk-input--width-20"
          />
          <button type="submit" className="govuk-button">
            Schedule reconvened conference
          </button>
        </form>
      )}
    </section>
  );
}
