import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import type { ReturnSummary, ReturnSummarySort } from '../../../../shared/schemas/agency-escalation';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { DataTable, Pager, type DataColumn } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import { useListControls } from '../../hooks/use-list-controls';
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

function ReturnStatus({ r }: { r: ReturnSummary }) {
  if (r.notYetSent === 0) return <strong className="govuk-tag govuk-tag--green">All sent</strong>;
  return <strong className="govuk-tag govuk-tag--yellow">{r.notYetSent} to send</strong>;
}

/** The columns of the returns overview; the agency's links carry the period. */
function columns(query: string, periodTo: string): readonly DataColumn<ReturnSummary, ReturnSummarySort>[] {
  const count = (key: string, header: string, sort: ReturnSummarySort, value: (r: ReturnSummary) => number) => ({
    key,
    header,
    sort,
    numeric: true,
    cell: (r: ReturnSummary) => value(r),
  });
  return [
    {
      key: 'agency',
      header: 'Agency',
      sort: 'agency',
      cell: (r) => (
        <>
          <a className="govuk-link" href={`#/escalations/returns/${r.agencyId}?${query}`}>
            {r.agencyName}
          </a>
          {r.repeatNonAttendance && (
            <>
              <br />
              <strong className="govuk-tag govuk-tag--red">Repeat non-attendance</strong>
              <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                Did not attend {plural(r.nonAttendanceLast12Months, 'time', 'times')} in the 12 months to{' '}
                {formatDate(periodTo)}
              </span>
            </>
          )}
        </>
      ),
    },
    count('did-not-attend', 'Did not attend', 'did-not-attend', (r) => r.counts['did-not-attend']),
    count('no-report', 'No report', 'no-report', (r) => r.counts['no-report']),
    count('late-report', 'Late report', 'late-report', (r) => r.counts['late-report']),
    count('other', 'Other', 'other', (r) => r.counts.other),
    count('total', 'Total', 'total', (r) => r.total),
    count('not-yet-sent', 'Not yet sent', 'not-yet-sent', (r) => r.notYetSent),
    { key: 'status', header: 'Status', sort: 'priority', cell: (r) => <ReturnStatus r={r} /> },
    {
      key: 'lead',
      header: 'Safeguarding lead',
      cell: (r) => (
        <span className="app-break-word">
          {r.leadName ?? 'Not recorded'}
          {r.leadEmail && <span className="govuk-!-display-block govuk-body-s">{r.leadEmail}</span>}
        </span>
      ),
    },
  ];
}

/**
 * The agency returns (Kirklees Appendix 3) for a period: per agency, its escalations by reason,
 * how many are not yet sent to its safeguarding lead, and repeat non-attendance first, in red;
 * each column header sorts by it.
 */
export function ReturnsPage({ from, to }: { from: string | null; to: string | null }) {
  const fallback = previousMonth();
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  const list = useListControls<ReturnSummarySort>(
    { sort: 'priority', direction: 'asc' },
    `${period.from}|${period.to}`,
  );
  const summary = useApi('returns.summary', {
    ...period,
    page: list.page,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: list.sort,
    direction: list.direction,
  });
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
            {summary.data.total === 0
              ? `No escalations from ${formatLongDate(period.from)} to ${formatLongDate(period.to)}.`
              : `Escalations from ${formatLongDate(period.from)} to ${formatLongDate(period.to)}${list.sort === 'priority' && list.direction === 'asc' ? ', repeat non-attendance first' : ''}.`}
          </p>
          {summary.data.items.length > 0 && (
            <DataTable
              caption="Returns per agency"
              columns={columns(query, period.to)}
              rows={summary.data.items}
              rowKey={(r) => r.agencyId}
              sort={list}
              onSort={list.sortBy}
              testId="returns-table"
              rowClassName={(r) => (r.repeatNonAttendance ? 'app-immediate-risk' : undefined)}
            />
          )}
          {summary.data.total > summary.data.pageSize && (
            <Pager
              page={summary.data.page}
              pageSize={summary.data.pageSize}
              total={summary.data.total}
              noun={['agency', 'agencies']}
              label="Agency returns pages"
              onPage={list.setPage}
              testId="returns-pager"
            />
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
