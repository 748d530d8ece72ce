import { useState } from 'react';
import type { SharingLogEntry } from '../../../../shared/schemas/documents';
import { useApi } from '../../api/use-api';
import { formatDate, formatDateTime, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { Select } from '../../components/Select';
import './letters.scss';

/** An entry is written before its files: interrupted means the app stopped before all were written. */
const SHARING_STATUS_LABELS = {
  started: 'Being written',
  complete: 'Complete',
  interrupted: 'Interrupted: not all files were written',
} as const;

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

function EntryRow({ entry }: { entry: SharingLogEntry }) {
  return (
    <tr className="govuk-table__row" data-testid={`sharing-log-${entry.id}`}>
      <td className="govuk-table__cell">
        {formatDateTime(entry.at)}
        <span className="govuk-!-display-block">by {entry.actor}</span>
        <strong
          className={`govuk-tag govuk-!-margin-top-1 ${entry.status === 'complete' ? 'govuk-tag--green' : entry.status === 'interrupted' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}
        >
          {SHARING_STATUS_LABELS[entry.status]}
        </strong>
      </td>
      <td className="govuk-table__cell app-break-word">
        {entry.agencyName}
        <span className="govuk-!-display-block">
          To: {entry.recipientName ?? 'lead not recorded'}
          {entry.recipientEmail && ` (${entry.recipientEmail})`}
        </span>
      </td>
      <td className="govuk-table__cell">
        {formatDate(entry.from)} to {formatDate(entry.to)}
      </td>
      <td className="govuk-table__cell app-purpose">{entry.purpose}</td>
      <td className="govuk-table__cell">
        {entry.format === 'zip' ? 'Zip file' : 'Folder'}
        <span className="govuk-!-display-block">Password protected: {yesNo(entry.passwordProtected)}</span>
        <span className="govuk-!-display-block">Initials only: {yesNo(entry.initialsOnly)}</span>
      </td>
      <td className="govuk-table__cell app-break-word">
        <ul className="govuk-list govuk-!-margin-bottom-1">
          {entry.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        {plural(entry.records.length, 'record', 'records')}
        <span className="govuk-!-display-block">Saved as {entry.location}</span>
      </td>
    </tr>
  );
}

/**
 * The sharing log: every export of records to an agency, newest first: when and by whom, to
 * which agency and recipient, for which period and why, how it was protected, and what it held.
 */
export function SharingLogPage() {
  const [agencyId, setAgencyId] = useState('');
  const agencies = useApi('agencies.list', { search: '', includeInactive: true });
  const log = useApi('sharingLog.list', { agencyId: agencyId === '' ? null : Number(agencyId), limit: 200 });
  const entries = log.data;

  return (
    <Page title="Sharing log" caption="Letters and forms" width="full">
      <p className="govuk-body">
        Every export of records to an agency’s safeguarding lead, newest first.{' '}
        <a className="govuk-link" href="#/letters/export">
          Make an export
        </a>
      </p>
      <form noValidate onSubmit={(event) => event.preventDefault()} aria-label="Filter the sharing log">
        <Select
          id="sharing-agency"
          label="Agency"
          value={agencyId}
          onChange={setAgencyId}
          options={[
            { value: '', text: 'Any agency' },
            ...(agencies.data ?? []).map((a) => ({ value: String(a.id), text: a.name })),
          ]}
        />
      </form>
      {log.error && <p className="govuk-error-message">The sharing log could not be loaded: {log.error.message}</p>}
      <p className="govuk-body" role="status">
        {entries &&
          (entries.length === 0 ? 'Nothing has been shared.' : `${plural(entries.length, 'export', 'exports')}.`)}
      </p>
      {entries && entries.length > 0 && (
        <table className="govuk-table app-table--small" data-testid="sharing-log">
          <caption className="govuk-table__caption govuk-visually-hidden">Exports, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Agency and recipient
              </th>
              <th scope="col" className="govuk-table__header">
                Period
              </th>
              <th scope="col" className="govuk-table__header">
                Purpose
              </th>
              <th scope="col" className="govuk-table__header">
                How
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {entries.map((entry) => (
              <EntryRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        <a href="#/letters" className="govuk-link">
          Back to letters and forms
        </a>
      </p>
    </Page>
  );
}
