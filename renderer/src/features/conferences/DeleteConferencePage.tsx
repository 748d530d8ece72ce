import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { errorsFromApi, type FormError } from '../../components/form-errors';
import { WarningText } from '../../components/WarningText';
import { listWords, recordedOnConference } from '../live-conference/wording';
import { ConferenceNotLoaded, ConferenceSummaryLine, conferenceTitle } from './conference-parts';

const TITLE = 'Delete this conference';

/**
 * The confirmation step before a conference made by mistake is deleted. Offered only while
 * nothing is recorded on it; when something is (attendance, reports, views, decisions, an
 * escalation, a document), the page says so, in the register's words, and offers cancelling
 * instead. The register says what is recorded (`conference.recorded`), and refuses the same way.
 */
function DeleteForm({ live }: { live: LiveConference }) {
  const { conference } = live;
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const recorded = recordedOnConference(live);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await invoke('conferences.delete', { id: conference.id });
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error));
      setRefused(true);
      return;
    }
    navigate('/conferences', {
      heading: 'Conference deleted',
      body: `The ${CONFERENCE_TYPE_LABELS[conference.type].toLowerCase()} conference for the ${conference.familyName} family on ${formatLongDate(conference.date)} was deleted.`,
    });
  }

  const canCancel = conference.status === 'scheduled';
  const cancelInstead = canCancel && (
    <p className="govuk-body">
      <a href={`#/conferences/${conference.id}/cancel`} className="govuk-link">
        Cancel the conference instead
      </a>
    </p>
  );

  return (
    <Page title={TITLE} caption={conferenceTitle(live)} errors={errors}>
      <ConferenceSummaryLine live={live} />
      {recorded.length > 0 ? (
        <>
          <p className="govuk-body" data-testid="cannot-delete">
            This conference has {listWords(recorded)} recorded, so it cannot be deleted
            {canCancel ? ': cancel it instead, with the reason.' : '.'}
          </p>
          {cancelInstead}
        </>
      ) : (
        <>
          <p className="govuk-body">
            Delete a conference only when it was made by mistake: for the wrong family, say, or entered twice. It is
            removed from the register; the audit trail keeps a record that it was deleted, and by whom. A conference
            that is not going ahead is cancelled instead, with the reason, and stays in the register.
          </p>
          <WarningText>A deleted conference cannot be brought back.</WarningText>
          {refused && cancelInstead}
          <form noValidate onSubmit={(event) => void submit(event)}>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--warning">
                Delete the conference
              </button>
              <a href={`#/conferences/${conference.id}`} className="govuk-link">
                Keep the conference
              </a>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}

export function DeleteConferencePage({ id }: { id: number }) {
  const { data, error } = useApi('live.get', { id });
  if (!data) return <ConferenceNotLoaded title={TITLE} error={error} />;
  return <DeleteForm live={data} />;
}
