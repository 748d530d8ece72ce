import { useState } from 'react';
import { AGENCY_TYPE_LABELS, type Agency, type AgencySort } from '../../../../shared/schemas/agency';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { DataTable, Pager, type DataColumn } from '../../components/DataTable';
import { SearchForm } from '../../components/SearchForm';
import { useListControls } from '../../hooks/use-list-controls';
import { useSearchText } from '../../hooks/use-search-text';
import { useCan } from '../session/session-context';

function StatusTag({ active }: { active: boolean }) {
  return active ? (
    <strong className="govuk-tag govuk-tag--green">Active</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--grey">Inactive</strong>
  );
}

function LeadCell({ agency }: { agency: Agency }) {
  if (!agency.leadName && !agency.leadEmail) return <span className="govuk-hint govuk-!-margin-0">Not recorded</span>;
  return (
    <>
      {agency.leadName && <span className="govuk-!-display-block">{agency.leadName}</span>}
      {agency.leadEmail && <span className="govuk-!-display-block app-break-word">{agency.leadEmail}</span>}
    </>
  );
}

/** The agency directory: search (as you type, or on Search), hide inactive, and a link to edit each. */
export function AgenciesPage() {
  const [hideInactive, setHideInactive] = useState(false);
  // Search applies what was submitted at once; typing applies after a short pause.
  const { text, setText, search, submit } = useSearchText();
  const list = useListControls<AgencySort>({ sort: 'status', direction: 'asc' }, `${search}|${hideInactive}`);
  const { data, error, loading } = useApi('agencies.list', {
    search,
    includeInactive: !hideInactive,
    page: list.page,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: list.sort,
    direction: list.direction,
  });
  const can = useCan();

  const summary = (() => {
    if (!data) return '';
    const n = data.total;
    if (n === 0 && search) return `No agencies match “${search}”.`;
    const what = `${n} ${n === 1 ? 'agency' : 'agencies'}`;
    return search ? `${what} matching “${search}”` : `${what}${hideInactive ? ' (active only)' : ''}`;
  })();

  return (
    <Page title="Agencies" width="full">
      <p className="govuk-body">
        The agencies invited to conferences, their quoracy group and their safeguarding lead, who receives escalations
        about the agency’s contribution.
      </p>
      {can('agencies.create') && (
        <a href="#/agencies/new" className="govuk-button" draggable={false}>
          Add an agency
        </a>
      )}

      <SearchForm
        id="agency-search"
        name="Agencies"
        label="Search agencies"
        hint="Name, type, quoracy group or safeguarding lead"
        value={text}
        onChange={setText}
        onSubmit={submit}
      >
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="hide-inactive"
              type="checkbox"
              checked={hideInactive}
              onChange={(event) => setHideInactive(event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="hide-inactive">
              Hide inactive agencies
            </label>
          </div>
        </div>
      </SearchForm>

      {error && <p className="govuk-error-message">The agencies could not be loaded: {error.message}</p>}
      <p className="govuk-body" role="status" aria-busy={loading}>
        {summary}
      </p>

      {data && data.items.length > 0 && (
        <DataTable
          caption="Agencies"
          columns={COLUMNS}
          rows={data.items}
          rowKey={(a) => a.id}
          sort={list}
          onSort={list.sortBy}
          testId="agencies-table"
        />
      )}
      {data && data.total > data.pageSize && (
        <Pager
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          noun={['agency', 'agencies']}
          label="Agency list pages"
          onPage={list.setPage}
          testId="agencies-pager"
        />
      )}
      {data && data.total === 0 && !search && !hideInactive && (
        <p className="govuk-body">There are no agencies yet. Add the agencies your conferences invite.</p>
      )}
    </Page>
  );
}

const COLUMNS: readonly DataColumn<Agency, AgencySort>[] = [
  {
    key: 'name',
    header: 'Name',
    sort: 'name',
    cell: (agency) => (
      <a href={`#/agencies/${agency.id}/edit`} className="govuk-link govuk-!-font-weight-bold">
        {agency.name}
      </a>
    ),
  },
  { key: 'type', header: 'Type', sort: 'type', cell: (agency) => AGENCY_TYPE_LABELS[agency.type] },
  { key: 'group', header: 'Quoracy group', sort: 'group', cell: (agency) => agency.quoracyGroup ?? '' },
  { key: 'lead', header: 'Safeguarding lead', sort: 'lead', cell: (agency) => <LeadCell agency={agency} /> },
  { key: 'status', header: 'Status', sort: 'status', cell: (agency) => <StatusTag active={agency.active} /> },
];
