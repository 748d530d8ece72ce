import { useEffect, useRef } from 'react';
import type { ReportName, ReportPeriod } from '../../../../shared/reports';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import type { CountRef } from './ReportTable';
import { recordHref } from './report-model';

/**
 * The records behind one count, read with `reports.records` (the rule that counted them lists
 * them, so the two agree). Its heading takes focus when they arrive; "Hide these records" gives
 * focus back to the count.
 */
export function RecordsPanel({
  report,
  period,
  count,
  onClose,
}: {
  report: ReportName;
  period: ReportPeriod;
  count: CountRef;
  onClose(): void;
}) {
  const input = {
    report,
    from: period.from,
    to: period.to,
    table: count.table,
    measure: count.measure,
    ...(count.key === undefined ? {} : { key: count.key }),
  };
  const records = useApi('reports.records', input);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const arrived = records.data !== undefined || records.error !== null;

  useEffect(() => {
    if (arrived && !records.loading) headingRef.current?.focus();
  }, [arrived, records.loading]);

  const data = records.loading ? undefined : records.data;
  return (
    <div className="app-report-records" data-testid="report-records">
      <h4 className="govuk-heading-s" tabIndex={-1} ref={headingRef}>
        {count.measureLabel}: {count.rowLabel}, {formatDate(period.from)} to {formatDate(period.to)}
      </h4>
      {records.error && !records.loading && (
        <p className="govuk-error-message">The records could not be shown: {records.error.message}</p>
      )}
      <p className="govuk-body" role="status" aria-busy={records.loading}>
        {data &&
          (data.total > data.records.length
            ? `The first ${data.records.length.toLocaleString('en-GB')} of ${plural(data.total, 'record', 'records')}.`
            : plural(data.total, 'record', 'records') + '.')}
      </p>
      {data && data.records.length > 0 && (
        <table className="govuk-table app-report-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Records behind {count.measureLabel}, {count.rowLabel}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Date
              </th>
              <th scope="col" className="govuk-table__header">
                Record
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.records.map((r) => {
              const href = recordHref(r);
              return (
                <tr className="govuk-table__row" key={`${r.kind}:${r.id}`}>
                  <td className="govuk-table__cell">{formatDate(r.date)}</td>
                  <td className="govuk-table__cell app-break-word">
                    {href ? (
                      <a className="govuk-link" href={href}>
                        {r.text}
                      </a>
                    ) : (
                      r.text
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
        Hide these records
      </button>
    </div>
  );
}
