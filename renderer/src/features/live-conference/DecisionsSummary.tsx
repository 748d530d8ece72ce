import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { stepPath } from './chair-steps';
import { childName, recordedText } from './wording';

/** The Decisions step's heading and each child's decision in a line, linked to the child's step and, once recorded, to amending it. */
export function DecisionsSummary({ live }: { live: LiveConference }) {
  return (
    <section aria-labelledby="decisions-heading" className="app-chair-section" data-testid="decisions-summary">
      <h2 className="govuk-heading-m" id="decisions-heading" tabIndex={-1}>
        Decisions
      </h2>
      <dl className="govuk-summary-list">
        {live.children.map((child) => (
          <div className="govuk-summary-list__row" key={child.id}>
            <dt className="govuk-summary-list__key">{childName(child)}</dt>
            <dd className="govuk-summary-list__value" data-testid={`decision-summary-line-${child.id}`}>
              {child.recorded ? recordedText(child.recorded) : 'Not recorded yet'}
            </dd>
            <dd className="govuk-summary-list__actions">
              <ul className="govuk-summary-list__actions-list">
                <li className="govuk-summary-list__actions-list-item">
                  <a
                    className="govuk-link"
                    href={`#${stepPath(live.conference.id, { kind: 'child', childId: child.id })}`}
                  >
                    {child.recorded ? 'View' : 'Record'}
                    <span className="govuk-visually-hidden"> the decision for {childName(child)}</span>
                  </a>
                </li>
                {child.recorded && live.conference.status !== 'cancelled' && (
                  <li className="govuk-summary-list__actions-list-item">
                    <a className="govuk-link" href={`#/conferences/${live.conference.id}/children/${child.id}/amend`}>
                      Amend<span className="govuk-visually-hidden"> the decision for {child.givenName}</span>
                    </a>
                  </li>
                )}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
