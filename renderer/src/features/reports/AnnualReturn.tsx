import { useId, useState, type FormEvent } from 'react';
import type { AnnualReturnFile } from '../../../../shared/schemas/annual-return';
import type { ApiError } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor, errorsFromApi } from '../../components/form-errors';
import { fieldMapper } from '../escalations/escalation-parts';

const fieldFor = fieldMapper({ year: 'annual-return-year' }, []);

/**
 * The partnership's annual return: one tagged PDF for a calendar year, with the four reports'
 * tables and charts and the learning from escalations, written to the Reports folder.
 */
export function AnnualReturn({ thisYear }: { thisYear: number }) {
  const id = useId();
  const [year, setYear] = useState(String(thisYear - 1));
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'making' }
    | { kind: 'made'; file: AnnualReturnFile }
    | { kind: 'failed'; error: ApiError }
  >({ kind: 'idle' });

  async function make(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'making' });
    const result = await invoke('reports.annual', { year: Number(year.trim()) });
    setState(result.ok ? { kind: 'made', file: result.value } : { kind: 'failed', error: result.error });
  }

  const errors = state.kind === 'failed' ? errorsFromApi(state.error, fieldFor) : [];
  const yearError = errorFor(errors, 'annual-return-year');
  return (
    <section aria-labelledby={`${id}-heading`} className="govuk-!-margin-top-8" data-testid="annual-return">
      <h2 className="govuk-heading-m" id={`${id}-heading`}>
        The partnership’s annual return
      </h2>
      <p className="govuk-body">
        One PDF for a calendar year: every report’s tables and charts beside the year before, the time escalations took
        to resolve, and the learning recorded when they closed.
      </p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void make(e)} noValidate>
        <div className={`govuk-form-group${yearError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="annual-return-year">
            Year
          </label>
          <div className="govuk-hint" id="annual-return-year-hint">
            1 January to 31 December, for example {thisYear - 1}
          </div>
          {yearError && (
            <p className="govuk-error-message" id="annual-return-year-error">
              <span className="govuk-visually-hidden">Error:</span> {yearError}
            </p>
          )}
          <input
            className={`govuk-input govuk-input--width-4${yearError ? ' govuk-input--error' : ''}`}
            id="annual-return-year"
            name="year"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            aria-describedby={`annual-return-year-hint${yearError ? ' annual-return-year-error' : ''}`}
          />
        </div>
        <button
          type="submit"
          className="govuk-button govuk-button--secondary"
          disabled={state.kind === 'making'}
          data-testid="make-annual-return"
        >
          Make the annual return (PDF)
        </button>
      </form>
      <p className="govuk-body" role="status" data-testid="annual-return-status">
        {state.kind === 'making'
          ? 'Making the annual return…'
          : state.kind === 'made'
            ? `Written: ${state.file.file} (${state.file.pages} pages, ${Math.ceil(state.file.bytes / 1024).toLocaleString('en-GB')} KB).`
            : ''}
      </p>
    </section>
  );
}
