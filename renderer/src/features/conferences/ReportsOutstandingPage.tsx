import { useState } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { Page } from '../../app/Page';
import { Select } from '../../components/Select';

const WEEKS = ['2', '4', '8'];

/** Conferences in the coming weeks whose agency reports are still awaited, soonest first. */
export function ReportsOutstandingPage() {
  const [weeks, setWeeks] = useState('4');
  const { data, error, loading } = useApi('conferences.reportsOutstanding', { weeks: Number(weeks) });
  return (
    <Page title="Reports outstanding" width="full">
      <Select
        id="weeks"
        label="Conferences in the next"
        value={weeks}
        onChange={setWeeks}
        options={WEEKS.map((w) => ({ value: w, text: `${w} weeks` }))}
      />
      {error && <p className="govuk-error-message">The reports could not be loaded: {error.message}</p>}
      <p className="govuk-body" role="status" aria-busy={loading}>
        {data &&
          (data.length === 0
            ? `No conference in the next ${weeks} weeks is waiting for a report.`
            : `${plural(data.length, 'conference', 'conferences')} in the next ${weeks} weeks waiting for reports.`)}
      </p>
      {data && data.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Conferences with reports outstanding</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Conference
              </th>
              <th scope="col" className="govuk-table__header">
                Family
              </th>
              <th scope="col" className="govuk-table__header">
                Reports due
              </th>
              <th scope="col" className="govuk-table__header">
                Still awaited from
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.map((row) => (
              <tr className="govuk-table__row" key={row.conferenceId}>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`#/conferences/${row.conferenceId}`}>
                    {formatLongDate(row.date)}
                    <span className="govuk-visually-hidden"> ({row.familyName} family)</span>
                  </a>
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                    {row.time}, {CONFERENCE_TYPE_LABELS[row.type].toLowerCase()}
                  </span>
                </td>
                <td className="govuk-table__cell">{row.familyName}</td>
                <td className="govuk-table__cell">{formatLongDate(row.reportDue)}</td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {row.agencies.map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
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
