import { useState } from 'react';
import type { SharingLogEntry, SharingLogSort } from '../../../../shared/schemas/documents';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { useApi } from '../../api/use-api';
import { formatDate, formatDateTime, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { DataTable, Pager, showingText, type DataColumn } from '../../components/DataTable';
import { Select } from '../../components/Select';
import { useListControls } from '../../hooks/use-list-controls';
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

const COLUMNS: readonly DataColumn<SharingLogEntry, SharingLogSort>[] = [
  {
    key: 'at',
    header: 'When',
    sort: 'at',
    cell: (entry) => (
      <>
        {formatDateTime(entry.at)}
        <span className="govuk-!-display-block">by {entry.actor}</span>
      </>
    ),
  },
  {
    key: 'agency',
    header: 'Agency and recipient',
    sort: 'agency',
    cell: (entry) => (
      <span className="app-break-word">
        {entry.agencyName}
        <span className="govuk-!-display-block">
          To: {entry.recipientName ?? 'lead not recorded'}
          {entry.recipientEmail && ` (${entry.recipientEmail})`}
        </span>
      </span>
    ),
  },
  {
    key: 'period',
    header: 'Period',
    sort: 'period',
    cell: (entry) => (
      <>
        {formatDate(entry.from)} to {formatDate(entry.to)}
      </>
    ),
  },
  { key: 'purpose', header: 'Purpose', cell: (entry) => <span className="app-purpose">{entry.purpose}</span> },
  {
    key: 'how',
    header: 'How',
    sort: 'format',
    cell: (entry) => (
      <>
        {entry.format === 'zip' ? 'Zip file' : 'Folder'}
        <span className="govuk-!-display-block">Password protected: {yesNo(entry.passwordProtected)}</span>
        <span className="govuk-!-display-block">Initials only: {yesNo(entry.initialsOnly)}</span>
      </>
    ),
  },
  {
    key: 'what',
    header: 'What',
    cell: (entry) => (
      <span className="app-break-word">
        <ul className="govuk-list govuk-!-margin-bottom-1">
          {entry.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        {plural(entry.records.length, 'record', 'records')}
        <span className="govuk-!-display-block">Saved as {entry.location}</span>
      </span>
    ),
  },
  {
    key: 'status',
    header: 'Status',
    sort: 'status',
    cell: (entry) => (
      <strong
        className={`govuk-tag ${entry.status === 'complete' ? 'govuk-tag--green' : entry.status === 'interrupted' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}
      >
        {SHARING_STATUS_LABELS[entry.status]}
      </strong>
    ),
  },
];

/**
 * The sharing log: every export of records to an agency, newest first: when and by whom, to
 * which agency and recipient, for which period and why, how it was protected, and what it held.
 */
export function SharingLogPage() {
  const [agencyId, setAgencyId] = useState('');
  const agencies = useApi('agencies.all', { includeInactive: true });
  const list = useListControls<SharingLogSort>({ sort: 'at', direction: 'desc' }, agencyId);
  const log = useApi('sharingLog.list', {
    agencyId: agencyId === '' ? null : Number(agencyId),
    page: list.page,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: list.sort,
    direction: list.direction,
  });
  const entries = log.data?.items;

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
        {log.data &&
          (log.data.total === 0
            ? 'Nothing has been shared.'
            : `${showingText(log.data.page, log.data.pageSize, log.data.total, ['export', 'exports'])}.`)}
      </p>
      {entries && entries.length > 0 && (
        <DataTable
          caption="Exports"
          columns={COLUMNS}
          rows={entries}
          rowKey={(entry) => entry.id}
          sort={list}
          onSort={list.sortBy}
          testId="sharing-log"
          rowTestId={(entry) => `sharing-log-${entry.id}`}
          className="app-table--small"
        />
      )}
      {log.data && log.data.total > 0 && (
        <Pager
          page={log.data.page}
          pageSize={log.data.pageSize}
          total={log.data.total}
          noun={['export', 'exports']}
          label="Sharing log pages"
          onPage={list.setPage}
          testId="sharing-log-pager"
          showing={false}
        />
      )}
      <p className="govuk-body">
        <a href="#/letters" className="govuk-link">
          Back to letters and forms
        </a>
      </p>
    </Page>
  );
}
