import { useState, type ReactNode } from 'react';
import { barChart } from '../../../../shared/charts';
import { REPORT_TABLES, type TableSpec } from '../../../../shared/reports';
import type { Report } from '../../../../shared/schemas/reports';
import { formatDate, plural } from '../../app/format';
import { Chart } from './Chart';
import { downloadTableCsv, downloadWorkbook } from './downloads';
import { RecordsPanel } from './RecordsPanel';
import { countButtonId, ReportTable, type CountRef } from './ReportTable';
import {
  comparedRows,
  comparedTotals,
  defaultSort,
  nextSort,
  rateSpecs,
  sortRows,
  type ComparedRow,
  type SortState,
} from './report-model';

/** At most this many rows are drawn in a chart (the highest); the table has them all. */
const CHART_ROWS = 15;

function chartRows(rows: readonly ComparedRow[], measure: string): ComparedRow[] {
  if (rows.length <= CHART_ROWS) return [...rows];
  return [...rows].sort((a, b) => (b.current[measure] ?? 0) - (a.current[measure] ?? 0)).slice(0, CHART_ROWS);
}

function TableSection({ report, spec }: { report: Report; spec: TableSpec }) {
  const [sort, setSort] = useState<SortState | null>(defaultSort(report.report, spec.id));
  const [open, setOpen] = useState<CountRef | null>(null);
  const domId = `report-${spec.id}`;
  const rates = rateSpecs(report.report, spec.id);
  const all = comparedRows(spec, report.current, report.previous);
  const rows = sortRows(all, sort, rates);
  const totals = comparedTotals(spec, report.current, report.previous);
  const measure = spec.measures.find((m) => m.id === spec.chartMeasure) ?? spec.measures[0];
  const overdue = report.report === 'escalations' ? ['overdue'] : [];

  function close() {
    const was = open;
    setOpen(null);
    if (was) window.requestAnimationFrame(() => document.getElementById(countButtonId(domId, was))?.focus());
  }

  const charted = measure ? chartRows(sortRows(all, defaultSort(report.report, spec.id), rates), measure.id) : [];
  const chart =
    measure &&
    barChart({
      title: `${measure.label}, by ${spec.keyLabel.toLowerCase()}${all.length > CHART_ROWS ? ` (the ${CHART_ROWS} highest)` : ''}`,
      measure: measure.label,
      rows: charted.map((r) => ({
        key: r.key,
        label: r.label,
        value: r.current[measure.id] ?? 0,
        previous: r.previous[measure.id] ?? 0,
      })),
      currentLabel: `${formatDate(report.period.from)} to ${formatDate(report.period.to)}`,
      previousLabel: `${formatDate(report.previousPeriod.from)} to ${formatDate(report.previousPeriod.to)}`,
    });

  return (
    <div className="app-report-section" data-testid={`report-section-${spec.id}`}>
      <h3 className="govuk-heading-m" id={`${domId}-heading`}>
        {spec.title}
      </h3>
      {all.length === 0 ? (
        <p className="govuk-body">Nothing to count in this period or the year before.</p>
      ) : (
        <>
          {chart && measure && (
            <Chart chart={chart} measureLabel={measure.label} keyLabel={spec.keyLabel} testId={`chart-${spec.id}`} />
          )}
          <div className="app-report-table-actions">
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
              onClick={() => downloadTableCsv(report, spec)}
              data-testid={`csv-${spec.id}`}
            >
              Download CSV<span className="govuk-visually-hidden"> of {spec.title}</span>
            </button>
          </div>
          <div
            className="app-report-scroll"
            role="region"
            aria-labelledby={`${domId}-heading`}
            // Focusable so a table wider than the window can be scrolled with the keyboard.
            tabIndex={0}
          >
            <ReportTable
              spec={spec}
              rows={rows}
              totals={totals}
              rates={rates}
              sort={sort}
              onSort={(column) => setSort(nextSort(sort, column))}
              onOpen={setOpen}
              caption={`${spec.title}. Each count is followed, in brackets, by the same count a year before.${
                rates.length > 0
                  ? ` Rates: ${rates.map((r) => `${r.label.toLowerCase()}, ${r.explanation}`).join('; ')}.`
                  : ''
              }`}
              domId={domId}
              standOut={overdue}
            />
          </div>
          {open && (
            <RecordsPanel
              key={countButtonId(domId, open)}
              report={report.report}
              period={open.previous ? report.previousPeriod : report.period}
              count={open}
              onClose={close}
            />
          )}
        </>
      )}
    </div>
  );
}

/** The answer to "which agencies missed most conferences": the three with most "did not attend". */
function AttendanceHeadline({ report }: { report: Report }) {
  const spec = REPORT_TABLES.attendance[0];
  if (!spec) return null;
  const rows = comparedRows(spec, report.current, report.previous)
    .filter((r) => (r.current.didNotAttend ?? 0) > 0)
    .sort((a, b) => (b.current.didNotAttend ?? 0) - (a.current.didNotAttend ?? 0) || a.label.localeCompare(b.label))
    .slice(0, 3);
  return (
    <div className="govuk-inset-text" data-testid="report-headline">
      {rows.length === 0
        ? 'No agency was recorded as not attending a conference held in this period.'
        : `Missed most conferences (did not attend): ${rows
            .map((r) => `${r.label} (${r.current.didNotAttend ?? 0})`)
            .join(', ')}.`}
    </div>
  );
}

/** The answer to "which escalations are stuck": how many are overdue, in red, opening to the list. */
function EscalationsHeadline({ report }: { report: Report }) {
  const [open, setOpen] = useState(false);
  const overdue = report.current.totals['challenged-agency']?.overdue ?? 0;
  const stillOpen = report.current.totals['challenged-agency']?.open ?? 0;
  const count: CountRef = {
    table: 'challenged-agency',
    rowLabel: 'all escalations',
    measure: 'overdue',
    measureLabel: 'Overdue at the end',
    previous: false,
    value: overdue,
  };
  return (
    <div className={overdue > 0 ? 'app-report-stuck' : 'govuk-inset-text'} data-testid="report-headline">
      <p className="govuk-body govuk-!-margin-bottom-1">
        On {formatDate(report.countedOn)}: {plural(stillOpen, 'escalation', 'escalations')} open,{' '}
        <strong className={overdue > 0 ? 'app-report-alert' : undefined}>{overdue} overdue</strong> at the stage in
        hand.
      </p>
      {overdue > 0 && (
        <p className="govuk-body">
          <button
            type="button"
            id="overdue-escalations"
            className="app-link-button govuk-link"
            onClick={() => setOpen(true)}
            aria-expanded={open}
          >
            Show the overdue escalations
          </button>
        </p>
      )}
      {open && (
        <RecordsPanel
          report="escalations"
          period={report.period}
          count={count}
          onClose={() => {
            setOpen(false);
            window.requestAnimationFrame(() => document.getElementById('overdue-escalations')?.focus());
          }}
        />
      )}
    </div>
  );
}

function Days({ value }: { value: number | null }) {
  return <>{value === null ? '–' : plural(value, 'working day', 'working days')}</>;
}

function TimeToResolution({ report }: { report: Report }) {
  const now = report.current.timeToResolution;
  const before = report.previous.timeToResolution;
  const rows: [string, (t: NonNullable<typeof now>) => ReactNode][] = [
    ['Escalations resolved', (t) => t.resolved.toLocaleString('en-GB')],
    ['Median time to resolution', (t) => <Days value={t.medianWorkingDays} />],
    ['Mean time to resolution', (t) => <Days value={t.meanWorkingDays} />],
    ['Longest', (t) => <Days value={t.longestWorkingDays} />],
  ];
  return (
    <section className="app-report-section" aria-labelledby="time-to-resolution-heading">
      <h3 className="govuk-heading-m" id="time-to-resolution-heading">
        Time to resolution
      </h3>
      <table className="govuk-table app-report-table" data-testid="time-to-resolution">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Working days from opening to resolution, for the escalations resolved in each period
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Measure
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {formatDate(report.period.from)} to {formatDate(report.period.to)}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              A year before
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map(([label, pick]) => (
            <tr className="govuk-table__row" key={label}>
              <th scope="row" className="govuk-table__header">
                {label}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{now ? pick(now) : '–'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{before ? pick(before) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Learning({ report }: { report: Report }) {
  const learning = report.current.learning;
  return (
    <section className="app-report-section" aria-labelledby="learning-heading" data-testid="report-learning">
      <h3 className="govuk-heading-m" id="learning-heading">
        Learning and themes recorded at closing
      </h3>
      {learning.length === 0 ? (
        <p className="govuk-body">No learning was recorded for the escalations closed in this period.</p>
      ) : (
        <ul className="govuk-list app-report-learning">
          {learning.map((l) => (
            <li key={l.escalationId}>
              <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
                <a className="govuk-link" href={`#/escalations/${l.escalationId}`}>
                  Escalation {l.escalationId}
                </a>
                : {l.challengedAgency}
              </h4>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {l.status === 'resolved' ? 'Resolved' : 'Closed unresolved'} on {formatDate(l.closedOn)}
                {l.natures.length > 0 && ` · ${l.natures.join(', ')}`}
              </p>
              {l.learning && <p className="govuk-body app-report-text">{l.learning}</p>}
              {l.restorativeDebrief && (
                <p className="govuk-body app-report-text">
                  <span className="govuk-!-font-weight-bold">Restorative debrief: </span>
                  {l.restorativeDebrief}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The report's downloads. The annual return (a separate `reports.annual` channel) adds its
 * "Make the annual return (PDF)" button to this group through `more`.
 */
export function ReportActions({ report, more }: { report: Report; more?: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function workbook() {
    setBusy(true);
    setProblem(null);
    try {
      await downloadWorkbook(report);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The workbook could not be made.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {problem && <p className="govuk-error-message">The workbook could not be made: {problem}</p>}
      <div className="govuk-button-group" data-testid="report-actions">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => void workbook()}
          disabled={busy}
          aria-disabled={busy}
          data-testid="download-xlsx"
        >
          Download Excel workbook (.xlsx)
        </button>
        {more}
      </div>
    </>
  );
}

/** A report on screen: what the brackets mean, the headline, the downloads, and each table. */
export function ReportResults({ report, more }: { report: Report; more?: ReactNode }) {
  return (
    <>
      <p className="govuk-body">
        Figures in brackets are for the same period a year before: {formatDate(report.previousPeriod.from)} to{' '}
        {formatDate(report.previousPeriod.to)}.
        {report.report === 'escalations' &&
          ` Open and overdue escalations are counted on ${formatDate(report.countedOn)}.`}
      </p>
      {report.report === 'attendance' && <AttendanceHeadline report={report} />}
      {report.report === 'escalations' && <EscalationsHeadline report={report} />}
      <ReportActions report={report} more={more} />
      {report.report === 'escalations' && <TimeToResolution report={report} />}
      {REPORT_TABLES[report.report].map((spec) => (
        <TableSection key={spec.id} report={report} spec={spec} />
      ))}
      {report.report === 'escalations' && <Learning report={report} />}
    </>
  );
}
