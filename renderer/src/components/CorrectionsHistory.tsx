import type { Correction } from '../../../shared/schemas/live-conference';
import { formatDate, formatDateTime } from '../app/format';

/** A value as recorded before or after a correction: dates in words, blanks said as such. */
function valueText(value: string | null): string {
  if (value === null || value === '') return 'Not recorded';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/**
 * Corrections made openly to a record: when, by whom and why, and each field's value before and
 * after, newest first. Nothing is shown until there is a correction.
 */
export function CorrectionsHistory({
  corrections,
  headingId,
  testId,
}: {
  corrections: readonly Correction[];
  headingId: string;
  testId?: string;
}) {
  if (corrections.length === 0) return null;
  const newestFirst = [...corrections].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <h2 className="govuk-heading-m" id={headingId}>
        Corrections
      </h2>
      {newestFirst.map((c) => (
        <div className="govuk-summary-card" key={c.id} data-testid={testId ? `${testId}-${c.id}` : undefined}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              Corrected {formatDateTime(c.at)} by {c.actor}
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body">
              <strong>Reason:</strong> <span className="app-pre-line">{c.reason}</span>
            </p>
            <table className="govuk-table govuk-!-margin-bottom-0">
              <caption className="govuk-table__caption govuk-visually-hidden">
                What changed in the correction of {formatDateTime(c.at)}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Field
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Before
                  </th>
                  <th scope="col" className="govuk-table__header">
                    After
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {c.changes.map((change) => (
                  <tr className="govuk-table__row" key={change.field}>
                    <th scope="row" className="govuk-table__header">
                      {change.label}
                    </th>
                    <td className="govuk-table__cell app-pre-line">{valueText(change.before)}</td>
                    <td className="govuk-table__cell app-pre-line">{valueText(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
