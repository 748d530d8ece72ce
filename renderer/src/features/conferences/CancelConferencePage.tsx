import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { conferenceCancelInputSchema } from '../../../../shared/schemas/conference';
import { MAX_REASON } from '../../../../shared/schemas/limits';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { errorFor, errorsFromApi, errorsFromIssues, type FieldRef, type FormError } from '../../components/form-errors';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import { Textarea } from '../../components/Textarea';
import { WarningText } from '../../components/WarningText';
import { ConferenceNotLoaded, ConferenceSummaryLine, conferenceTitle, NotScheduled } from './conference-parts';

const TITLE = 'Cancel this conference';

const fieldFor = (path: string): FieldRef => (path === 'reason' ? 'reason' : { fieldId: path, targetId: null });

/**
 * The confirmation step before a conference is cancelled: what is cancelled, that it stays in the
 * register marked cancelled with the reason, and the reason itself (required). Cancelling is not
 * deleting: the record, its invitations and reports are kept and shown, read-only.
 */
function CancelForm({ live, onLoadCurrent }: { live: LiveConference; onLoadCurrent: () => void }) {
  const { conference } = live;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = conferenceCancelInputSchema.safeParse({ id: conference.id, version: conference.version, reason });
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke('conferences.cancel', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error, fieldFor));
      return;
    }
    navigate(`/conferences/${conference.id}`, {
      heading: 'Conference cancelled',
      body: 'It stays in the register, marked cancelled, with your reason.',
    });
  }

  return (
    <Page title={TITLE} caption={conferenceTitle(live)} errors={errors}>
      <ConferenceSummaryLine live={live} />
      <WarningText>
        A cancelled conference stays in the register, marked cancelled, with the reason. Nothing more can be recorded on
        it. To hold it on another day instead, change its date.
      </WarningText>
      {conference.reconvenesId !== null && (
        <WarningText>
          This is a reconvened conference. Once it is cancelled, the adjourned conference is to be reconvened again,
          within the same limit{conference.mustBeHeldBy ? ` (by ${formatLongDate(conference.mustBeHeldBy)})` : ''}: to
          hold this one on another day within the limit, change its date instead.
        </WarningText>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Textarea
          id="reason"
          label="Why is the conference cancelled?"
          labelClassName="govuk-label--m"
          hint="For example, the family moved out of the area before the conference, or the child protection enquiry ended."
          value={reason}
          onChange={setReason}
          error={errorFor(errors, 'reason')}
          rows={4}
          characterLimit={MAX_REASON}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning">
            Cancel the conference
          </button>
          <LoadCurrentVersion errors={errors} onLoad={onLoadCurrent} />
          <a href={`#/conferences/${conference.id}`} className="govuk-link">
            Keep the conference
          </a>
          <a href={`#/conferences/${conference.id}/edit`} className="govuk-link">
            Change its date instead
          </a>
        </div>
      </form>
    </Page>
  );
}

export function CancelConferencePage({ id }: { id: number }) {
  const { data, error, reload } = useApi('live.get', { id });
  if (!data) return <ConferenceNotLoaded title={TITLE} error={error} />;
  if (data.conference.status !== 'scheduled')
    return <NotScheduled live={data} title={TITLE} cannot="cannot be cancelled" />;
  return <CancelForm key={data.conference.version} live={data} onLoadCurrent={reload} />;
}
