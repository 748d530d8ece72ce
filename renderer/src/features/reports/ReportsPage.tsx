import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { CHANNEL_ACCESS } from '../../../../shared/ipc/access';
import { REPORT_NAMES, type ReportName, type ReportPeriod } from '../../../../shared/reports';
import { rolesInWords } from '../../../../shared/roles';
import type { ApiError } from '../../../../shared/ipc/result';
import { useApi } from '../../api/use-api';
import { formatDate } from '../../app/format';
import { Page } from '../../app/Page';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { fieldMapper } from '../escalations/escalation-parts';
import { isoToParts, today } from '../letters/periods';
import { useCan } from '../session/session-context';
import { AnnualReturn } from './AnnualReturn';
import { ReportResults } from './ReportResults';
import {
  DEFAULT_REPORT,
  defaultPeriod,
  quickPeriods,
  REPORT_LABELS,
  reportPath,
  type ReportChoice,
} from './report-model';
import './reports.scss';

const fieldFor = fieldMapper({ report: 'report', from: 'period-from', to: 'period-to' }, ['from', 'to']);

function errorsOf(error: ApiError | null): FormError[] {
  return error ? errorsFromApi(error, fieldFor) : [];
}

/**
 * Puts the chosen report in the address (`#/reports?report=…&from=…&to=…`) without reloading
 * the screen, so it can be bookmarked and Back returns to the report before; the screen keeps
 * its place (no jump to the top) while the new report loads.
 */
function rememberInAddress(choice: ReportChoice): void {
  const hash = `#${reportPath(choice)}`;
  if (window.location.hash !== hash) window.history.pushState(window.history.state, '', hash);
}

/** Who may see reports, in words ("the manager, unit officer or administrator role"). */
function reportRoles(): string {
  const who = CHANNEL_ACCESS['reports.get'].who;
  return typeof who === 'string' ? 'a role that may see reports' : rolesInWords(who);
}

/**
 * The Reports screen (issue 12), for managers and the partnership's business unit: a report
 * for a period beside the same period a year before, each table with its chart, every count
 * opening the records behind it, and the numbers as CSV or an Excel workbook.
 */
export function ReportsPage({
  report,
  from,
  to,
}: {
  report: ReportName | null;
  from: string | null;
  to: string | null;
}) {
  const can = useCan();
  if (!can('reports.get')) {
    return (
      <Page title="Reports">
        <p className="govuk-body" data-testid="reports-not-allowed">
          Reports are for users with {reportRoles()}. Ask an administrator if you need to see them.
        </p>
      </Page>
    );
  }
  const fallback = defaultPeriod(today());
  return (
    <ReportsScreen initial={{ report: report ?? DEFAULT_REPORT, from: from ?? fallback.from, to: to ?? fallback.to }} />
  );
}

function ReportsScreen({ initial }: { initial: ReportChoice }) {
  const [choice, setChoice] = useState<ReportChoice>(initial);
  const [reportName, setReportName] = useState<ReportName>(initial.report);
  const [fromParts, setFrom] = useState<DateParts>(isoToParts(initial.from));
  const [toParts, setTo] = useState<DateParts>(isoToParts(initial.to));
  const result = useApi('reports.get', choice);
  const errors = errorsOf(result.loading ? null : result.error);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // Set when the user runs a report: its heading takes focus once the report arrives.
  const focusResults = useRef(false);

  useEffect(() => {
    if (!result.loading && result.data && result.error === null && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [result.loading, result.data, result.error]);

  function run(next: ReportChoice) {
    focusResults.current = true;
    rememberInAddress(next);
    if (JSON.stringify(next) === JSON.stringify(choice)) result.reload();
    else setChoice(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    run({ report: reportName, from: datePartsToString(fromParts), to: datePartsToString(toParts) });
  }

  function quick(event: MouseEvent, period: ReportPeriod) {
    event.preventDefault();
    setFrom(isoToParts(period.from));
    setTo(isoToParts(period.to));
    run({ report: reportName, ...period });
  }

  // The report on screen stays while the next one is counted, so the page does not jump.
  const shown = result.error === null ? result.data : undefined;
  return (
    <Page title="Reports" width="full" errors={errors}>
      <p className="govuk-body">
        The register’s numbers for a period, beside the same period a year before. Each count opens the records behind
        it.
      </p>
      <form noValidate onSubmit={submit} aria-label="Choose a report" className="app-report-form">
        <Radios
          id="report"
          legend="Report"
          legendClassName="govuk-fieldset__legend--m"
          small
          items={REPORT_NAMES.map((r) => ({ value: r, label: REPORT_LABELS[r] }))}
          value={reportName}
          onChange={(v) => setReportName(REPORT_NAMES.find((r) => r === v) ?? DEFAULT_REPORT)}
          error={errorFor(errors, 'report')}
        />
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Period</legend>
          <div className="app-report-dates">
            <DateInput
              id="period-from"
              legend="From"
              hint="For example, 1 4 2025"
              value={fromParts}
              onChange={setFrom}
              error={errorFor(errors, 'period-from')}
            />
            <DateInput
              id="period-to"
              legend="To"
              hint="For example, 31 3 2026"
              value={toParts}
              onChange={setTo}
              error={errorFor(errors, 'period-to')}
            />
          </div>
          <p className="govuk-body govuk-!-margin-bottom-1" id="quick-periods-label">
            Or show the report for:
          </p>
          <ul className="govuk-list app-inline-links" aria-labelledby="quick-periods-label">
            {quickPeriods(today()).map((q) => (
              <li key={q.id}>
                <a
                  className="govuk-link"
                  href={`#${reportPath({ report: reportName, ...q.period })}`}
                  onClick={(event) => quick(event, q.period)}
                  data-testid={`quick-${q.id}`}
                >
                  {q.label}
                </a>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="govuk-button" data-testid="run-report">
          Show the report
        </button>
      </form>

      <p className="govuk-body" role="status" aria-busy={result.loading}>
        {result.loading ? 'Counting…' : ''}
      </p>
      {shown && (
        <section aria-labelledby="report-results-heading" aria-busy={result.loading} data-testid="report-results">
          <h2 className="govuk-heading-l" id="report-results-heading" tabIndex={-1} ref={resultsHeading}>
            {REPORT_LABELS[shown.report]}
            <span className="govuk-caption-m">
              {formatDate(shown.period.from)} to {formatDate(shown.period.to)}
            </span>
          </h2>
          <ReportResults key={`${shown.report}:${shown.period.from}:${shown.period.to}`} report={shown} />
        </section>
      )}
      <AnnualReturn thisYear={Number(today().slice(0, 4))} />
    </Page>
  );
}
