import type { TableSpec } from '../../../../shared/reports';
import { formatRate, type ComparedRow, type RateSpec, type SortState } from './report-model';

/** One count to open: its table's row (none for the totals), measure, and which period. */
export interface CountRef {
  table: string;
  key?: string;
  rowLabel: string;
  measure: string;
  measureLabel: string;
  previous: boolean;
  value: number;
}

/** The id of a count's button, to give focus back to it when its records are hidden. */
export function countButtonId(tableDomId: string, c: Pick<CountRef, 'key' | 'measure' | 'previous'>): string {
  const row = c.key === undefined ? 'total' : `row-${encodeURIComponent(c.key).replace(/[^A-Za-z0-9-]/g, '_')}`;
  return `${tableDomId}-${row}-${c.measure}${c.previous ? '-before' : ''}`;
}

function Count({ count, tableDomId, onOpen }: { count: CountRef; tableDomId: string; onOpen(count: CountRef): void }) {
  const text = count.value.toLocaleString('en-GB');
  const context = `${count.previous ? ' a year before' : ''} – ${count.measureLabel}, ${count.rowLabel}`;
  if (count.value === 0) {
    return (
      <>
        {text}
        <span className="govuk-visually-hidden">{count.previous ? ' a year before' : ''}</span>
      </>
    );
  }
  return (
    <button
      type="button"
      id={countButtonId(tableDomId, count)}
      className="app-link-button govuk-link"
      onClick={() => onOpen(count)}
    >
      {text}
      <span className="govuk-visually-hidden">
        {context}. Show the {count.value === 1 ? 'record' : 'records'}
      </span>
    </button>
  );
}

/** A count and, in brackets, the same count a year before: each opens the records behind it. */
function CountPair({
  base,
  current,
  previous,
  tableDomId,
  onOpen,
  stand,
}: {
  base: Omit<CountRef, 'previous' | 'value'>;
  current: number;
  previous: number;
  tableDomId: string;
  onOpen(count: CountRef): void;
  stand: boolean;
}) {
  return (
    <>
      <span className={stand && current > 0 ? 'app-report-alert' : undefined}>
        <Count count={{ ...base, previous: false, value: current }} tableDomId={tableDomId} onOpen={onOpen} />
      </span>{' '}
      <span className="app-report-previous">
        <span aria-hidden="true">(</span>
        <Count count={{ ...base, previous: true, value: previous }} tableDomId={tableDomId} onOpen={onOpen} />
        <span aria-hidden="true">)</span>
      </span>
    </>
  );
}

function SortHeader({
  column,
  label,
  numeric,
  sort,
  onSort,
}: {
  column: string;
  label: string;
  numeric: boolean;
  sort: SortState | null;
  onSort(column: string): void;
}) {
  const direction = sort?.column === column ? sort.direction : undefined;
  return (
    <th
      scope="col"
      className={`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`}
      aria-sort={direction ?? 'none'}
    >
      <button type="button" className="app-sort-button" onClick={() => onSort(column)}>
        {label}
        <span className="app-sort-button__arrow" aria-hidden="true">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ⇅'}
        </span>
      </button>
    </th>
  );
}

/**
 * A report's table: a row per key, a column per measure with the year before in brackets, the
 * rates where they help, and the totals (records counted once) at the foot. Each header sorts;
 * each count above nought opens the records behind it.
 */
export function ReportTable({
  spec,
  rows,
  totals,
  rates,
  sort,
  onSort,
  onOpen,
  caption,
  domId,
  standOut,
}: {
  spec: TableSpec;
  rows: readonly ComparedRow[];
  totals: { current: Record<string, number>; previous: Record<string, number> };
  rates: readonly RateSpec[];
  sort: SortState | null;
  onSort(column: string): void;
  onOpen(count: CountRef): void;
  caption: string;
  domId: string;
  /** Measures whose counts above nought are drawn in red (escalations overdue at the end). */
  standOut: readonly string[];
}) {
  const rateCells = (current: Record<string, number>, previous: Record<string, number>) =>
    rates.map((r) => (
      <td className="govuk-table__cell govuk-table__cell--numeric" key={r.id}>
        {formatRate(r.of(current))}{' '}
        <span className="app-report-previous">
          <span aria-hidden="true">(</span>
          {formatRate(r.of(previous))}
          <span className="govuk-visually-hidden"> a year before</span>
          <span aria-hidden="true">)</span>
        </span>
      </td>
    ));
  return (
    <table className="govuk-table app-report-table" data-testid={`report-table-${spec.id}`}>
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <SortHeader column="label" label={spec.keyLabel} numeric={false} sort={sort} onSort={onSort} />
          {spec.measures.map((m) => (
            <SortHeader key={m.id} column={m.id} label={m.label} numeric sort={sort} onSort={onSort} />
          ))}
          {rates.map((r) => (
            <SortHeader key={r.id} column={r.id} label={r.label} numeric sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            <th scope="row" className="govuk-table__header app-break-word">
              {row.label}
            </th>
            {spec.measures.map((m) => (
              <td className="govuk-table__cell govuk-table__cell--numeric" key={m.id}>
                <CountPair
                  base={{ table: spec.id, key: row.key, rowLabel: row.label, measure: m.id, measureLabel: m.label }}
                  current={row.current[m.id] ?? 0}
                  previous={row.previous[m.id] ?? 0}
                  tableDomId={domId}
                  onOpen={onOpen}
                  stand={standOut.includes(m.id)}
                />
              </td>
            ))}
            {rateCells(row.current, row.previous)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="govuk-table__row app-report-total">
          <th scope="row" className="govuk-table__header">
            Total
          </th>
          {spec.measures.map((m) => (
            <td className="govuk-table__cell govuk-table__cell--numeric" key={m.id}>
              <CountPair
                base={{ table: spec.id, rowLabel: 'all rows', measure: m.id, measureLabel: m.label }}
                current={totals.current[m.id] ?? 0}
                previous={totals.previous[m.id] ?? 0}
                tableDomId={domId}
                onOpen={onOpen}
                stand={standOut.includes(m.id)}
              />
            </td>
          ))}
          {rateCells(totals.current, totals.previous)}
        </tr>
      </tfoot>
    </table>
  );
}
