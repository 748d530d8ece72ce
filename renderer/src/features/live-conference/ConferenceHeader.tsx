import type { ReactNode } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { stepPath } from './chair-steps';
import { childName, listWords, recordedOnConference, STATUS_TAGS } from './wording';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-facts__item">
      <dt className="app-facts__key">{label}</dt>
      <dd className="app-facts__value">{children}</dd>
    </div>
  );
}

/**
 * Corrections made openly, while the conference is still scheduled: its details changed, the
 * conference cancelled with a reason, or deleted when it was made by mistake (offered only while
 * nothing is recorded on it; otherwise the screen says why, in the register's words).
 */
function Corrections({ live }: { live: LiveConference }) {
  const { conference } = live;
  if (conference.status !== 'scheduled') return null;
  const recorded = recordedOnConference(live);
  const base = `#/conferences/${conference.id}`;
  return (
    <div className="app-corrections" data-testid="conference-corrections">
      <ul className="govuk-list app-inline-links govuk-!-margin-bottom-1" aria-label="Correct this conference">
        <li>
          <a className="govuk-link" href={`${base}/edit`}>
            Change conference details
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}/cancel`}>
            Cancel this conference
          </a>
        </li>
        {recorded.length === 0 && (
          <li>
            <a className="govuk-link" href={`${base}/delete`}>
              Delete this conference<span className="govuk-visually-hidden"> (made by mistake)</span>
            </a>
          </li>
        )}
      </ul>
      {recorded.length > 0 && (
        <p className="govuk-body-s app-secondary-text" data-testid="cannot-delete">
          This conference has {listWords(recorded)} recorded, so it cannot be deleted: cancel it instead, with the
          reason.
        </p>
      )}
    </div>
  );
}

/** When and where, who chairs, the family and children, the status, and the linked conference. */
export function ConferenceHeader({ live }: { live: LiveConference }) {
  const { conference } = live;
  const tag = STATUS_TAGS[conference.status];
  return (
    <>
      {conference.status === 'cancelled' && (
        <div className="govuk-inset-text app-cancelled" data-testid="cancelled-notice">
          <p className="govuk-body govuk-!-font-weight-bold">
            This conference was cancelled
            {conference.cancelledOn ? ` on ${formatLongDate(conference.cancelledOn)}` : ''}.
          </p>
          {conference.cancelReason && (
            <p className="govuk-body app-pre-line govuk-!-margin-bottom-0">Reason: {conference.cancelReason}</p>
          )}
        </div>
      )}
      <dl className="app-facts govuk-body">
        <Fact label="Date and time">
          {formatLongDate(conference.date)} at {conference.time}
        </Fact>
        <Fact label="Venue">{conference.venue}</Fact>
        <Fact label="Chair">{conference.chairName}</Fact>
        <Fact label="Status">
          <strong className={tag.className} data-testid="conference-status">
            {tag.text}
          </strong>
        </Fact>
        <Fact label="Children">
          <ul className="govuk-list govuk-!-margin-bottom-0" aria-label="Children considered">
            {live.children.map((child) => (
              <li key={child.id}>
                <a
                  className="govuk-link"
                  href={`#${stepPath(live.conference.id, { kind: 'child', childId: child.id })}`}
                >
                  {childName(child)}
                </a>
              </li>
            ))}
          </ul>
        </Fact>
      </dl>
      <Corrections live={live} />
      {conference.reconvenesId !== null && (
        <p className="govuk-body">
          This conference reconvenes an adjourned one
          {conference.mustBeHeldBy ? `, and must be held by ${formatLongDate(conference.mustBeHeldBy)}` : ''}.{' '}
          <a className="govuk-link" href={`#/conferences/${conference.reconvenesId}`}>
            Go to the adjourned conference
          </a>
        </p>
      )}
    </>
  );
}
