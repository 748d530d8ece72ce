import type { Correction } from '../../../shared/schemas/live-conference';
import { formatDateTime } from '../app/format';
import { ChangesTable } from './ChangesTable';

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
            <ChangesTable
              changes={c.changes}
              caption={`What changed in the correction of ${formatDateTime(c.at)}`}
              className="govuk-table govuk-!-margin-bottom-0"
            />
          </div>
        </div>
      ))}
    </section>
  );
}
