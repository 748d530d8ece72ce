import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { conferenceUpdateInputSchema } from '../../../../shared/schemas/conference';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { errorsFromApi, errorsFromIssues, pathToId, type FieldRef, type FormError } from '../../components/form-errors';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import { WarningText } from '../../components/WarningText';
import { WhenAndWhereFields } from './WhenAndWhereFields';
import { ConferenceNotLoaded, conferenceTitle, NotScheduled } from './conference-parts';

const TITLE = 'Change conference details';

function toParts(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

function fieldFor(path: string): FieldRef {
  if (path === 'date' || path === '') return { fieldId: 'date', targetId: 'date-day' };
  return pathToId(path);
}

/**
 * Corrects a scheduled conference's date, start time, venue or chair. Only what changed is sent.
 * A new date clears the attendance recorded (invitations and reports are kept), as re-dating
 * does; a reconvened conference must stay within its limit, which is shown, and the register
 * refuses a later date, naming the limit.
 */
function EditForm({ live, onLoadCurrent }: { live: LiveConference; onLoadCurrent: () => void }) {
  const { conference } = live;
  const [date, setDate] = useState<DateParts>(toParts(conference.date));
  const [time, setTime] = useState(conference.time);
  const [venue, setVenue] = useState(conference.venue);
  const [chairName, setChairName] = useState(conference.chairName);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const attendanceTaken = live.invitations.some((i) => i.attendance !== null);
  const viewsGiven = live.children.some((c) => c.views.length > 0 || c.noViews.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const newDate = datePartsToString(date);
    const draft = {
      id: conference.id,
      version: conference.version,
      ...(newDate !== conference.date ? { date: newDate } : {}),
      ...(time.trim() !== conference.time ? { time: time.trim() } : {}),
      ...(venue.trim() !== conference.venue ? { venue } : {}),
      ...(chairName.trim() !== conference.chairName ? { chairName } : {}),
    };
    const parsed = conferenceUpdateInputSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke('conferences.update', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error, fieldFor));
      return;
    }
    const after = result.value.conference;
    const moved = after.date !== conference.date;
    const cleared = moved && attendanceTaken;
    navigate(`/conferences/${conference.id}`, {
      heading: 'Conference details changed',
      body: [
        moved ? `The conference is now on ${formatLongDate(after.date)} at ${after.time}.` : null,
        cleared ? 'The attendance recorded has been cleared: take it again on the day.' : null,
      ]
        .filter(Boolean)
        .join(' '),
    });
  }

  const dateHint = [
    conference.mustBeHeldBy
      ? `This reconvened conference must be held by ${formatLongDate(conference.mustBeHeldBy)}.`
      : null,
    'A new date clears the attendance recorded; invitations and reports are kept.',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Page title={TITLE} caption={conferenceTitle(live)} errors={errors}>
      {viewsGiven ? (
        <WarningText>
          Views have been given at this conference, so its date and time cannot be changed: record the decisions
          instead. The venue and chair can still be corrected.
        </WarningText>
      ) : (
        attendanceTaken && (
          <WarningText>
            Attendance has been recorded for this conference. If you change the date, it is cleared and taken again on
            the day.
          </WarningText>
        )
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <WhenAndWhereFields
          date={date}
          time={time}
          venue={venue}
          chairName={chairName}
          onDate={setDate}
          onTime={setTime}
          onVenue={setVenue}
          onChairName={setChairName}
          errors={errors}
          dateHint={dateHint}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Save changes
          </button>
          <LoadCurrentVersion errors={errors} onLoad={onLoadCurrent} />
          <a href={`#/conferences/${conference.id}`} className="govuk-link">
            Back to the conference without saving
          </a>
        </div>
      </form>
    </Page>
  );
}

export function EditConferencePage({ id }: { id: number }) {
  const { data, error, reload } = useApi('live.get', { id });
  if (!data) return <ConferenceNotLoaded title={TITLE} error={error} />;
  if (data.conference.status !== 'scheduled')
    return <NotScheduled live={data} title={TITLE} cannot="cannot be changed" />;
  // Keyed by version: loading the current version after a refused save starts the form afresh.
  return <EditForm key={data.conference.version} live={data} onLoadCurrent={reload} />;
}
