import type { ReactNode } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { childName, STATUS_TAGS } from './wording';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-facts__item">
      <dt className="app-facts__key">{label}</dt>
      <dd className="app-facts__value">{children}</dd>
    </div>
  );
}

/** Focuses a child's section from a link, without touching the hash (it holds the route). */
export function focusChild(childId: number): void {
  const heading = document.getElementById(`child-${childId}-heading`);
  heading?.focus();
}

/** When and where, who chairs, the family and children, the status, and the linked conference. */
export function ConferenceHeader({ live }: { live: LiveConference }) {
  const { conference } = live;
  const tag = STATUS_TAGS[conference.status];
  return (
    <>
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
                  href={`#child-${child.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusChild(child.id);
                  }}
                >
                  {childName(child)}
                </a>
              </li>
            ))}
          </ul>
        </Fact>
      </dl>
      {conference.reconvenesId !== null && (
        <p className="govuk-body">
          This conference reconvenes an adjourned one.{' '}
          <a className="govuk-link" href={`#/conferences/${conference.reconvenesId}`}>
            Go to the adjourned conference
          </a>
        </p>
      )}
      {conference.reconvenedById !== null && (
        <p className="govuk-body">
          This conference was reconvened.{' '}
          <a className="govuk-link" href={`#/conferences/${conference.reconvenedById}`}>
            Go to the reconvened conference
          </a>
        </p>
      )}
    </>
  );
}
