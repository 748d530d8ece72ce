import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import type { Adjournment } from '../../../../shared/schemas/live-conference';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { Page } from '../../app/Page';

const STATE_ORDER: Record<Adjournment['state'], number> = { 'to-schedule': 0, reconvening: 1, reconvened: 2 };

/**
 * Where the reconvening stands, from the register's `state`: still to be scheduled (by the
 * reconvene-by date), reconvening on its date (scheduled, not yet decided), or reconvened once the
 * reconvened conference has recorded its decisions.
 */
export function adjournmentStateText(a: Adjournment): string {
  switch (a.state) {
    case 'to-schedule':
      return `To be scheduled (by ${formatLongDate(a.reconveneBy)})`;
    case 'reconvening':
      return `Reconvening on ${a.reconvenedDate ? formatLongDate(a.reconvenedDate) : 'its date'}`;
    case 'reconvened':
      return `Reconvened on ${a.reconvenedDate ? formatLongDate(a.reconvenedDate) : 'its date'}`;
  }
}

function TimeLeft({ adjournment }: { adjournment: Adjournment }) {
  if (adjournment.state === 'reconvened') return <>Reconvened</>;
  if (adjournment.state === 'reconvening') return <>Scheduled</>;
  const left = adjournment.workingDaysLeft;
  if (left < 0) {
    return (
      <strong className="govuk-tag govuk-tag--red">Overdue by {plural(-left, 'working day', 'working days')}</strong>
    );
  }
  if (left === 0) return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  return <>{plural(left, 'working day', 'working days')} left</>;
}

/**
 * Adjourned conferences: where each reconvening stands, each reconvene-by date (15 working days after an equally divided
 * view), the working days left, the children on a plan meanwhile, and the way to the
 * reconvened conference or to scheduling it.
 */
export function AdjournmentsPage() {
  const { data: answer, error } = useApi('conferences.adjournments', {});
  // Those still to schedule first, then those reconvening, then those reconvened; nearest deadline first.
  const data =
    answer &&
    [...answer].sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        a.reconveneBy.localeCompare(b.reconveneBy) ||
        a.conferenceId - b.conferenceId,
    );
  return (
    <Page title="Adjournments" width="full">
      <p className="govuk-body">
        An equally divided view adjourns the conference for no more than 15 working days. Meanwhile the child stays on a
        plan, or at an initial conference is made subject to one.
      </p>
      {error && <p className="govuk-error-message">The adjournments could not be loaded: {error.message}</p>}
      <p className="govuk-body" role="status">
        {data &&
          (data.length === 0
            ? 'There are no adjourned conferences.'
            : `${plural(data.length, 'adjourned conference', 'adjourned conferences')}: those still to schedule first, then those reconvening, the nearest deadline first.`)}
      </p>
      {data && data.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Adjourned conferences</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Family
              </th>
              <th scope="col" className="govuk-table__header">
                Conference
              </th>
              <th scope="col" className="govuk-table__header">
                Children
              </th>
              <th scope="col" className="govuk-table__header">
                Reconvene by
              </th>
              <th scope="col" className="govuk-table__header">
                Time left
              </th>
              <th scope="col" className="govuk-table__header">
                Reconvening
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.map((a) => (
              <tr className="govuk-table__row" key={a.conferenceId}>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`#/conferences/${a.conferenceId}`}>
                    {a.familyName}
                    <span className="govuk-visually-hidden"> family (adjourned conference)</span>
                  </a>
                </td>
                <td className="govuk-table__cell">
                  {CONFERENCE_TYPE_LABELS[a.type]}, {formatLongDate(a.date)}
                </td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {a.children.map((c) => (
                      <li key={c.id}>
                        {c.givenName} {c.familyName}
                        <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                          {c.interimPlan ? 'On a plan meanwhile' : 'No interim plan'}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="govuk-table__cell">{formatLongDate(a.reconveneBy)}</td>
                <td className="govuk-table__cell">
                  <TimeLeft adjournment={a} />
                </td>
                <td className="govuk-table__cell">
                  {a.reconvenedId !== null ? (
                    <a className="govuk-link" href={`#/conferences/${a.reconvenedId}`} data-testid="adjournment-state">
                      {adjournmentStateText(a)}
                      <span className="govuk-visually-hidden">
                        {' '}
                        (reconvened conference for the {a.familyName} family)
                      </span>
                    </a>
                  ) : (
                    <>
                      <span className="govuk-!-display-block" data-testid="adjournment-state">
                        {adjournmentStateText(a)}
                      </span>
                      <a className="govuk-link" href={`#/conferences/${a.conferenceId}/reconvene`}>
                        Schedule reconvened conference
                        <span className="govuk-visually-hidden"> for the {a.familyName} family</span>
                      </a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        <a href="#/conferences" className="govuk-link">
          Back to conferences
        </a>
      </p>
    </Page>
  );
}
