import type { ReactNode } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** One conference: when and where, who chairs it, the family and the children it considers. */
export function ConferencePage({ id }: { id: number }) {
  const { data: conference, error } = useApi('conferences.get', { id });

  if (error) {
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

  const heading = conference ? `${CONFERENCE_TYPE_LABELS[conference.type]} conference` : 'Conference';
  return (
    <Page title="Conference" heading={heading} caption={conference ? `${conference.familyName} family` : '\u00a0'}>
      {!conference ? (
        <p className="govuk-body">Loading…</p>
      ) : (
        <>
          <dl className="govuk-summary-list">
            <Row label="Type">{CONFERENCE_TYPE_LABELS[conference.type]} child protection conference</Row>
            <Row label="Date">{formatLongDate(conference.date)}</Row>
            <Row label="Start time">{conference.time}</Row>
            <Row label="Venue">{conference.venue}</Row>
            <Row label="Chair">{conference.chairName}</Row>
            <Row label="Family">{conference.familyName}</Row>
          </dl>
          <h2 className="govuk-heading-m">Children</h2>
          <ul className="govuk-list govuk-list--bullet" aria-label="Children considered">
            {conference.children.map((child) => (
              <li key={child.id}>
                {child.givenName} {child.familyName}
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <a href="#/conferences" className="govuk-link">
              Back to conferences
            </a>
          </p>
        </>
      )}
    </Page>
  );
}
