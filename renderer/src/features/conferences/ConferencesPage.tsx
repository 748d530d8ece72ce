import { formatLongDate } from '../../../../shared/dates';
import {
  CONFERENCE_TYPE_LABELS,
  type ConferenceSort,
  type ConferenceSummary,
} from '../../../../shared/schemas/conference';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { DataTable, Pager, showingText, type DataColumn } from '../../components/DataTable';
import { SearchForm } from '../../components/SearchForm';
import { useListControls } from '../../hooks/use-list-controls';
import { useSearchText } from '../../hooks/use-search-text';
import { STATUS_TAGS } from '../live-conference/wording';
import { useCan } from '../session/session-context';

/** The conferences, newest first unless sorted by another column, searchable by family, child, chair or case reference. */
export function ConferencesPage() {
  const { text, setText, search, submit } = useSearchText();
  const list = useListControls<ConferenceSort>({ sort: 'date', direction: 'desc' }, search);
  const { data, error, loading } = useApi('conferences.list', {
    search,
    page: list.page,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: list.sort,
    direction: list.direction,
  });
  const can = useCan();

  return (
    <Page title="Conferences" width="full">
      {can('conferences.create') && (
        <a href="#/conferences/new" className="govuk-button" draggable={false}>
          Create a conference
        </a>
      )}
      <ul className="govuk-list app-inline-links" aria-label="Across all conferences">
        <li>
          <a href="#/due" className="govuk-link">
            What falls due
          </a>
        </li>
        <li>
          <a href="#/adjournments" className="govuk-link">
            Adjournments
          </a>
        </li>
        <li>
          <a href="#/reports-outstanding" className="govuk-link">
            Reports outstanding
          </a>
        </li>
      </ul>
      <SearchForm
        id="conference-search"
        name="Conferences"
        label="Search conferences"
        hint="Family name, child’s name, chair or case reference (capitals and accents do not matter)"
        value={text}
        onChange={setText}
        onSubmit={submit}
      />

      {error && <p className="govuk-error-message">The conferences could not be loaded: {error.message}</p>}
      <p className="govuk-body" role="status" aria-busy={loading} data-testid="conferences-status">
        {data &&
          (data.total === 0
            ? search
              ? `No conferences match “${search}”.`
              : 'There are no conferences yet.'
            : `${showingText(data.page, data.pageSize, data.total, ['conference', 'conferences'])}${search ? ` matching “${search}”` : ''}${list.sort === 'date' && list.direction === 'desc' ? ', newest first' : ''}.`)}
      </p>

      {data && data.items.length > 0 && (
        <DataTable
          caption="Conferences"
          columns={COLUMNS}
          rows={data.items}
          rowKey={(c) => c.id}
          sort={list}
          onSort={list.sortBy}
          testId="conferences-table"
        />
      )}
      {data && data.total > 0 && (
        <Pager
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          noun={['conference', 'conferences']}
          label="Conference list pages"
          onPage={list.setPage}
          testId="conferences-pager"
          showing={false}
        />
      )}
    </Page>
  );
}

const COLUMNS: readonly DataColumn<ConferenceSummary, ConferenceSort>[] = [
  {
    key: 'date',
    header: 'Date and time',
    sort: 'date',
    cell: (c) => (
      <>
        <a href={`#/conferences/${c.id}`} className="govuk-link">
          {formatLongDate(c.date)}
          <span className="govuk-visually-hidden">, {c.familyName} family</span>
        </a>
        <span className="govuk-!-display-block">{c.time}</span>
      </>
    ),
  },
  { key: 'type', header: 'Type', sort: 'type', cell: (c) => CONFERENCE_TYPE_LABELS[c.type] },
  {
    key: 'status',
    header: 'Status',
    sort: 'status',
    cell: (c) => <strong className={STATUS_TAGS[c.status].className}>{STATUS_TAGS[c.status].text}</strong>,
  },
  { key: 'family', header: 'Family', sort: 'family', cell: (c) => c.familyName },
  {
    key: 'children',
    header: 'Children',
    cell: (c) => (
      <ul className="govuk-list govuk-!-margin-bottom-0">
        {c.children.map((child) => (
          <li key={child.id}>
            {child.givenName} {child.familyName}
          </li>
        ))}
      </ul>
    ),
  },
  { key: 'chair', header: 'Chair', sort: 'chair', cell: (c) => c.chairName },
  { key: 'venue', header: 'Venue', sort: 'venue', cell: (c) => c.venue },
];
