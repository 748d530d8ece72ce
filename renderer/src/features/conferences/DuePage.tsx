import { useState } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import type { DueItemRow, DueSort } from '../../../../shared/schemas/live-conference';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { Page } from '../../app/Page';
import { DataTable, Pager, type DataColumn } from '../../components/DataTable';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useListControls } from '../../hooks/use-list-controls';

type CompletableKind = Exclude<DueItemRow['kind'], 'principal-officer-review'>;

function completable(kind: DueItemRow['kind']): kind is CompletableKind {
  return kind !== 'principal-officer-review';
}

/** Whose item it is: the child's name for a child's item, else the family's conference. */
function whose(item: DueItemRow): string {
  return item.childName ?? `the ${item.familyName} family`;
}

function When({ item }: { item: DueItemRow }) {
  if (item.overdue) {
    return (
      <strong className="govuk-tag govuk-tag--red">
        Overdue{item.workingDays < 0 ? ` by ${plural(-item.workingDays, 'working day', 'working days')}` : ''}
      </strong>
    );
  }
  if (item.workingDays === 0) return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  return <>In {plural(item.workingDays, 'working day', 'working days')}</>;
}

/**
 * What falls due after conferences, soonest first: decision letters, minutes and reconvened
 * conferences (the conference's), first core groups, next reviews and Principal Officer reviews
 * (each child's own, named). Overdue items are marked; each can be marked done here, except
 * Principal Officer reviews, which the escalations work closes.
 */
export function DuePage() {
  const list = useListControls<DueSort>({ sort: 'due', direction: 'asc' });
  const { data, error, reload } = useApi('due.list', {
    page: list.page,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: list.sort,
    direction: list.direction,
  });
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function complete(item: DueItemRow) {
    if (!completable(item.kind)) return;
    const result = await invoke('due.complete', {
      conferenceId: item.conferenceId,
      kind: item.kind,
      childId: item.childId,
    });
    if (result.ok) {
      // The page as it now is, in the order chosen (the answer is the first page, soonest first).
      reload();
      setProblem(null);
      setDone((previous) => ({ n: (previous?.n ?? 0) + 1, text: `${item.label} for ${whose(item)}` }));
    } else {
      setProblem(result.error.message);
    }
  }

  const columns: readonly DataColumn<DueItemRow, DueSort>[] = [
    { key: 'due', header: 'Due', sort: 'due', cell: (item) => formatLongDate(item.due) },
    { key: 'what', header: 'What', sort: 'what', cell: (item) => item.label },
    { key: 'for', header: 'For', sort: 'child', cell: (item) => item.childName ?? 'The conference' },
    {
      key: 'conference',
      header: 'Conference',
      sort: 'family',
      cell: (item) => (
        <>
          <a className="govuk-link" href={`#/conferences/${item.conferenceId}`}>
            {item.familyName} family
          </a>
          <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
            {CONFERENCE_TYPE_LABELS[item.conferenceType]}, {formatLongDate(item.conferenceDate)}
          </span>
        </>
      ),
    },
    { key: 'when', header: 'When', cell: (item) => <When item={item} /> },
    {
      key: 'actions',
      header: <span className="govuk-visually-hidden">Actions</span>,
      cell: (item) =>
        completable(item.kind) && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => void complete(item)}
          >
            Mark done
            <span className="govuk-visually-hidden">
              {' '}
              ({[item.label, item.childName, `${item.familyName} family`].filter(Boolean).join(', ')})
            </span>
          </button>
        ),
    },
  ];

  return (
    <Page
      title="What falls due"
      width="full"
      banner={
        done && (
          <NotificationBanner key={done.n} heading="Marked done" autoFocus>
            {done.text}
          </NotificationBanner>
        )
      }
    >
      {(error ?? problem) && (
        <p className="govuk-error-message">
          {problem ?? `What falls due could not be loaded: ${error?.message ?? ''}`}
        </p>
      )}
      <p className="govuk-body" role="status">
        {data &&
          (data.total === 0
            ? 'Nothing is due.'
            : `${plural(data.total, 'item', 'items')} due${list.sort === 'due' && list.direction === 'asc' ? ', soonest first' : ''}.`)}
      </p>
      {data && data.items.length > 0 && (
        <DataTable
          caption="What falls due"
          columns={columns}
          rows={data.items}
          rowKey={(item) => `${item.conferenceId}-${item.kind}-${item.childId ?? 'conference'}-${item.due}`}
          sort={list}
          onSort={list.sortBy}
          testId="due-table"
        />
      )}
      {data && data.total > 0 && (
        <Pager
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          noun={['item', 'items']}
          label="What falls due pages"
          onPage={list.setPage}
          testId="due-pager"
        />
      )}
      <p className="govuk-body">
        <a href="#/conferences" className="govuk-link">
          Back to conferences
        </a>
      </p>
    </Page>
  );
}
