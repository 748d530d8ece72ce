import type { ApiError } from '../../../../shared/ipc/result';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { formatLongDate } from '../../../../shared/dates';
import { Page } from '../../app/Page';

/** "Initial conference, Alpha family": how a conference is named in a page title. */
export function conferenceTitle(live: LiveConference): string {
  return `${CONFERENCE_TYPE_LABELS[live.conference.type]} conference, ${live.conference.familyName} family`;
}

/** The conference a correction page is about, in a line: type, family, date and time, children. */
export function ConferenceSummaryLine({ live }: { live: LiveConference }) {
  const { conference } = live;
  return (
    <p className="govuk-body">
      {CONFERENCE_TYPE_LABELS[conference.type]} conference for the {conference.familyName} family on{' '}
      {formatLongDate(conference.date)} at {conference.time}, {conference.venue}, considering{' '}
      {live.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ')}.
    </p>
  );
}

/** While a correction page's conference loads, or when it cannot be read. */
export function ConferenceNotLoaded({ title, error }: { title: string; error: ApiError | null }) {
  if (!error) {
    return (
      <Page title={title}>
        <p className="govuk-body">Loading…</p>
      </Page>
    );
  }
  return (
    <Page title="Conference not found">
      <p className="govuk-body">
        {error.code === 'not-found' ? 'There is no conference with this number.' : error.message}
      </p>
      <p className="govuk-body">
        <a href="#/conferences" className="govuk-link">
          Back to conferences
        </a>
      </p>
    </Page>
  );
}

/** A correction that only a scheduled conference takes: what to say instead once it is not. */
export function NotScheduled({ live, title, cannot }: { live: LiveConference; title: string; cannot: string }) {
  const { conference } = live;
  const why =
    conference.status === 'cancelled'
      ? 'This conference was cancelled'
      : 'This conference has reached its decisions (a decision can be amended from the conference’s page)';
  return (
    <Page title={title} caption={conferenceTitle(live)}>
      <p className="govuk-body">
        {why}, so it {cannot}.
      </p>
      <p className="govuk-body">
        <a href={`#/conferences/${conference.id}`} className="govuk-link">
          Back to the conference
        </a>
      </p>
    </Page>
  );
}
