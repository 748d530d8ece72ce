import { useRef, useState, type FormEvent } from 'react';
import { bankHolidayFeedSchema, DIVISION_LABELS, DIVISIONS, type Division } from '../../../../shared/bank-holidays';
import { formatLongDate, localIsoDate } from '../../../../shared/dates';
import { issuesFromZod, type FieldIssue } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { describedBy, ErrorMessage, formGroupClass, Hint } from '../../components/FieldParts';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import type { SectionProps } from './types';

const FILE_ID = 'holidays-file';
const MAX_LISTED = 10;

function isDivision(value: string | undefined): value is Division {
  return (DIVISIONS as readonly (string | undefined)[]).includes(value);
}

/**
 * Names the place in the file a problem is at, for someone opening it in an editor:
 * `england-and-wales.events.3.date` → "England and Wales, event 4, date (england-and-wales.events.3.date)".
 */
export function describeFeedPath(path: string): string {
  if (path === '') return 'The file';
  const [division, ...rest] = path.split('.');
  const parts: string[] = [isDivision(division) ? DIVISION_LABELS[division] : (division ?? '')];
  for (let i = 0; i < rest.length; i += 1) {
    const part = rest[i];
    const next = rest[i + 1];
    if (part === 'events' && next !== undefined && /^\d+$/.test(next)) {
      parts.push(`event ${Number(next) + 1}`);
      i += 1;
    } else if (part !== undefined) {
      parts.push(part);
    }
  }
  return `${parts.join(', ')} (${path})`;
}

/** Each problem in the file, linked to the file input; a long list is cut short. */
function feedErrors(issues: readonly FieldIssue[]): FormError[] {
  const listed: FormError[] = issues.slice(0, MAX_LISTED).map((issue) => ({
    fieldId: FILE_ID,
    targetId: FILE_ID,
    message: issue.path ? `${describeFeedPath(issue.path)}: ${issue.message}` : issue.message,
  }));
  if (issues.length > MAX_LISTED) {
    listed.push({
      fieldId: '',
      targetId: null,
      message: `and ${issues.length - MAX_LISTED} more problems in the file`,
    });
  }
  return listed;
}

function listDivisions(divisions: readonly Division[]): string {
  const names = divisions.map((d) => DIVISION_LABELS[d]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** What the calendar covers, and importing a newer GOV.UK bank-holidays file. */
export function BankHolidaysSection({ errors, onErrors, onSuccess }: SectionProps) {
  const status = useApi('holidays.status', {});
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const error = errorFor(errors, FILE_ID);
  const hint = 'The bank-holidays.json file from www.gov.uk/bank-holidays.json, downloaded on a computer with internet';

  async function importFile(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const file = fileInput.current?.files?.[0];
    if (!file) {
      onErrors([{ fieldId: FILE_ID, targetId: FILE_ID, message: 'Choose a bank-holidays file' }]);
      return;
    }
    let feed: unknown;
    try {
      feed = JSON.parse(await file.text());
    } catch {
      onErrors([{ fieldId: FILE_ID, targetId: FILE_ID, message: 'The file is not valid JSON' }]);
      return;
    }
    // The register checks the file against the same schema again before it writes anything.
    const parsed = bankHolidayFeedSchema.safeParse(feed);
    if (!parsed.success) {
      onErrors(feedErrors(issuesFromZod(parsed.error)));
      return;
    }
    setBusy(true);
    const result = await invoke('holidays.import', { feed: parsed.data });
    setBusy(false);
    if (result.ok) {
      form.current?.reset();
      status.reload();
      onSuccess(
        'Bank holidays imported',
        `${plural(result.value.imported, 'bank holiday', 'bank holidays')} imported for ${listDivisions(result.value.divisions)}.`,
      );
    } else {
      onErrors(result.error.issues.length > 0 ? feedErrors(result.error.issues) : errorsFromApi(result.error));
    }
  }

  const data = status.data;
  return (
    <section aria-labelledby="bank-holidays-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="bank-holidays-heading">
        Bank holidays
      </h2>
      {status.error && <p className="govuk-error-message">The calendar could not be read: {status.error.message}</p>}
      {data && (
        <>
          <p className="govuk-body" data-testid="holidays-source">
            {data.source === 'snapshot' || !data.importedAt
              ? 'The calendar uses the GOV.UK bank holidays shipped with the app.'
              : `The calendar uses the GOV.UK bank holidays shipped with the app, updated from a file imported on ${formatLongDate(localIsoDate(new Date(data.importedAt)))}.`}
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Bank holidays known, by division</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Division
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Bank holidays
                </th>
                <th scope="col" className="govuk-table__header">
                  Years covered
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.divisions.map((d) => (
                <tr className="govuk-table__row" key={d.division}>
                  <th scope="row" className="govuk-table__header">
                    {DIVISION_LABELS[d.division]}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{d.count}</td>
                  <td className="govuk-table__cell">
                    {d.from !== null && d.to !== null ? `${d.from} to ${d.to}` : 'None'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body">
            Deadlines that fall after the last year covered still skip weekends and closure days, but not bank holidays,
            and are shown with a warning.
          </p>
        </>
      )}
      <form ref={form} noValidate onSubmit={(event) => void importFile(event)}>
        <h3 className="govuk-heading-s" id="import-heading">
          Import a newer bank-holidays file
        </h3>
        <div className={formGroupClass(error)}>
          <label className="govuk-label" htmlFor={FILE_ID}>
            Bank-holidays file
          </label>
          <Hint id={FILE_ID}>{hint}</Hint>
          <ErrorMessage id={FILE_ID} message={error} />
          <input
            ref={fileInput}
            className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
            id={FILE_ID}
            name={FILE_ID}
            type="file"
            accept=".json,application/json"
            aria-describedby={describedBy(FILE_ID, hint, error)}
          />
        </div>
        <p className="govuk-body">
          Each year in the file replaces that year in the calendar; other years are kept. A file with any problem
          changes nothing.
        </p>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Import bank holidays
        </button>
      </form>
    </section>
  );
}
