import type { ReactNode } from 'react';
import type { SortDirection } from '../../../shared/schemas/paging';

/** One column of a {@link DataTable}: its header, how a row shows in it, and the sort it offers. */
export interface DataColumn<T, S extends string> {
  /** Unique among the columns; React's key. */
  key: string;
  header: ReactNode;
  cell(row: T): ReactNode;
  /** The list's sort that orders by this column; a column without one is not sortable. */
  sort?: S;
  /** Right-aligned, as GOV.UK tables set numbers. */
  numeric?: boolean;
}

/** The order a list is in: the column's sort and which way. */
export interface SortState<S extends string> {
  sort: S;
  direction: SortDirection;
}

/**
 * A GOV.UK table whose sortable column headers are buttons (the sortable-table pattern): the
 * sorted column's header says which way with `aria-sort`, and pressing a header sorts by it,
 * or reverses the order if it is already sorted by it. Rows come sorted and paged from the
 * register; the table only shows them. Below 640 pixels its rows stack, each cell labelled with
 * its column's header (`data-label`).
 */
export function DataTable<T, S extends string>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  testId,
  rowTestId,
  rowClassName,
  className,
}: {
  caption: string;
  /** The caption is for screen readers only (the page heading says what the table is). */
  captionHidden?: boolean;
  columns: readonly DataColumn<T, S>[];
  rows: readonly T[];
  rowKey(row: T): string | number;
  sort?: SortState<S>;
  onSort?(sort: S): void;
  testId?: string;
  rowTestId?(row: T): string | undefined;
  /** A class for a row that stands out (an immediate risk). */
  rowClassName?(row: T): string | undefined;
  /** Another class for the table (a smaller type, say). */
  className?: string;
}) {
  return (
    <table
      className={`govuk-table app-data-table app-table--stack${className ? ` ${className}` : ''}`}
      data-testid={testId}
    >
      <caption
        className={`govuk-table__caption govuk-table__caption--m${captionHidden ? ' govuk-visually-hidden' : ''}`}
      >
        {caption}
        {sort && captionHidden && (
          <>
            , sorted by {headerText(columns, sort.sort)} {sort.direction === 'asc' ? 'ascending' : 'descending'}
          </>
        )}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => {
            const sorted = column.sort !== undefined && sort?.sort === column.sort;
            const className = `govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`;
            if (column.sort === undefined || !onSort) {
              return (
                <th key={column.key} scope="col" className={className}>
                  {column.header}
                </th>
              );
            }
            const by = column.sort;
            return (
              <th
                key={column.key}
                scope="col"
                className={className}
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="app-sort-button"
                  data-testid={testId ? `${testId}-sort-${column.key}` : undefined}
                  onClick={() => onSort(by)}
                >
                  {column.header}
                  <span className="app-sort-button__arrow" aria-hidden="true">
                    {sorted ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            className={`govuk-table__row${rowClassName?.(row) ? ` ${rowClassName(row)}` : ''}`}
            data-testid={rowTestId?.(row)}
          >
            {columns.map((column) => (
              <td
                key={column.key}
                className={`govuk-table__cell${column.numeric ? ' govuk-table__cell--numeric' : ''}`}
                data-label={typeof column.header === 'string' ? column.header : undefined}
              >
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function headerText<T, S extends string>(columns: readonly DataColumn<T, S>[], sort: S): string {
  const header = columns.find((c) => c.sort === sort)?.header;
  return typeof header === 'string' ? header.toLowerCase() : sort;
}

/** The page numbers to offer: the first, the last, the current one and its neighbours, gaps as null. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** "Showing 26 to 50 of 312 conferences" (or that there are none, or that a page is past the end), without a full stop. */
export function showingText(page: number, pageSize: number, total: number, noun: readonly [string, string]): string {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const what = total === 1 ? noun[0] : noun[1];
  if (total === 0) return `No ${noun[1]}`;
  if (first > total) return `Page ${page} is past the end: there are ${total} ${what}`;
  return `Showing ${first} to ${last} of ${total} ${what}`;
}

/**
 * "Showing 26 to 50 of 312 conferences" and the GOV.UK pagination beneath a list: Previous and
 * Next, the first and last pages and those either side of the current one. Buttons, not links:
 * a page changes what the list shows, not where the app is.
 */
export function Pager({
  page,
  pageSize,
  total,
  noun,
  label,
  onPage,
  testId,
  showing = true,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** What the rows are, singular and plural: ["conference", "conferences"]. */
  noun: readonly [string, string];
  /** The accessible name of the navigation: "Conference list pages". */
  label: string;
  onPage(page: number): void;
  testId?: string;
  /** Says which rows are shown above the pages; off where the page's status line says it. */
  showing?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      {showing && (
        <p className="govuk-body" data-testid={testId ? `${testId}-showing` : undefined}>
          {showingText(page, pageSize, total, noun)}.
        </p>
      )}
      {pages > 1 && (
        <nav className="govuk-pagination" aria-label={label} data-testid={testId}>
          {page > 1 && (
            <div className="govuk-pagination__prev">
              <button
                type="button"
                className="app-link-button govuk-link govuk-pagination__link"
                rel="prev"
                onClick={() => onPage(page - 1)}
              >
                <svg
                  className="govuk-pagination__icon govuk-pagination__icon--prev"
                  xmlns="http://www.w3.org/2000/svg"
                  height="13"
                  width="15"
                  aria-hidden="true"
                  focusable="false"
                  viewBox="0 0 15 13"
                >
                  <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
                </svg>
                <span className="govuk-pagination__link-title">
                  Previous<span className="govuk-visually-hidden"> page</span>
                </span>
              </button>
            </div>
          )}
          <ul className="govuk-pagination__list">
            {pageNumbers(Math.min(page, pages), pages).map((n, i) =>
              n === null ? (
                <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
                  &ctdot;
                </li>
              ) : (
                <li key={n} className={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
                  <button
                    type="button"
                    className="app-link-button govuk-link govuk-pagination__link"
                    aria-label={`Page ${n}`}
                    aria-current={n === page ? 'page' : undefined}
                    onClick={() => onPage(n)}
                  >
                    {n}
                  </button>
                </li>
              ),
            )}
          </ul>
          {page < pages && (
            <div className="govuk-pagination__next">
              <button
                type="button"
                className="app-link-button govuk-link govuk-pagination__link"
                rel="next"
                onClick={() => onPage(page + 1)}
              >
                <span className="govuk-pagination__link-title">
                  Next<span className="govuk-visually-hidden"> page</span>
                </span>
                <svg
                  className="govuk-pagination__icon govuk-pagination__icon--next"
                  xmlns="http://www.w3.org/2000/svg"
                  height="13"
                  width="15"
                  aria-hidden="true"
                  focusable="false"
                  viewBox="0 0 15 13"
                >
                  <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
                </svg>
              </button>
            </div>
          )}
        </nav>
      )}
    </>
  );
}
