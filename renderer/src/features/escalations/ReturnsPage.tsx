import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import { fieldMapper, partsOf, previousMonth } from './escalation-parts';
import './escalations.scss';

const periodFieldFor = fieldMapper({ from: 'period-from', to: 'period-to' }, ['from', 'to']);

/** The period's two date inputs and a button; shared by the summary and one agency's return. */
export function PeriodForm({
  from,
  to,
  errors,
  onSubmit,
}: {
  from: string;
  to: string;
  errors: readonly FormError[];
  onSubmit(from: string, to: string): void;
}) {
  const [fromParts, setFrom] = useState<DateParts>(partsOf(from));
  const [toParts, setTo] = useState<DateParts>(partsOf(to));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(datePartsToString(fromParts), datePartsToString(toParts));
  }
  return (
    <form noValidate onSubmit={submit} className="app-filters" aria-label="Period">
      <DateInput
        id="period-from"
        legend="From"
        value={fromParts}
        onChange={setFrom}
        error={errorFor(errors, 'period-from')}
      />
      <DateInput id="period-to" legend="To" value={toParts} onChange={setTo} error={errorFor(errors, 'period-to')} />
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Show returns
        </button>
      </div>
    </form>
  );
}

export function periodErrors(error: Parameters<typeof errorsFromApi>[0] | null): FormError[] {
  return error ? errorsFromApi(error, periodFieldFor) : [];
}

/**
 * The agency returns (Kirklees Appendix 3) for a period: per agency, its escalations by reason,
 * how many are not yet sent to its safeguarding lead, and repeat non-attendance first, in red.
 */
export function ReturnsPage({ from, to }: { from: string | null; to: string | null }) {
  const fallback = previousMonth();
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  const summary = useApi('returns.summary', period);
  const errors = periodErrors(summary.error);
  const query = `from=${period.from}&to=${period.to}`;

  return (
    <Page title="Agency returns (Appendix 3)" width="full" errors={errors}>
      <p className="govuk-body">
        Escalations about agencies’ contributions to conferences, grouped per agency for a period: each agency’s return
        goes to its safeguarding lead.
      </p>
      <PeriodForm
        from={period.from}
        to={period.to}
        errors={errors}
        onSubmit={(f, t) => navigate(`/escalations/returns?from=${f}&to=${t}`)}
      />
      {summary.data && (
        <>
          <p className="govuk-body" role="status">
            {summary.data.length === 0
              ? `No escalations from ${formatLongDate(period.from)} to ${formatLongDate(period.to)}.`
              : `Escalations from ${formatLongDate(period.from)} to ${formatLongDate(period.to)}, repeat non-attendance first.`}
          </p>
          {summary.data.length > 0 && (
            <table className="govuk-table" data-testid="returns-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Returns per agency</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Agency
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Did not attend
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    No report
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Late report
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Other
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Total
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Not yet sent
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Safeguarding lead
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {summary.data.map((r) => (
                  <tr
                    className={`govuk-table__row${r.repeatNonAttendance ? ' app-immediate-risk' : ''}`}
                    key={r.agencyId}
                  >
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={`#/escalations/returns/${r.agencyId}?${query}`}>
                        {r.agencyName}
                      </a>
                      {r.repeatNonAttendance && (
                        <>
                          <br />
                          <strong className="govuk-tag govuk-tag--red">Repeat non-attendance</strong>
                          <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                            Did not attend {plural(r.nonAttendanceLast12Months, 'time', 'times')} in the 12 months to{' '}
                            {formatDate(period.to)}
                          </span>
                        </>
                      )}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.counts['did-not-attend']}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.counts['no-report']}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.counts['late-report']}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.counts.other}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.total}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.notYetSent}</td>
                    <td className="govuk-table__cell app-break-word">
                      {r.leadName ?? 'Not recorded'}
                      {r.leadEmail && <span className="govuk-!-display-block govuk-body-s">{r.leadEmail}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <p className="govuk-body">
        <a href="#/escalations" className="govuk-link">
          Back to escalations
        </a>
      </p>
    </Page>
  );
}
