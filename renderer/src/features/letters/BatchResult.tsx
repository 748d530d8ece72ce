import { useEffect, useRef } from 'react';
import type { BatchStatus, PlannedDocument } from '../../../../shared/schemas/documents';
import { formatBytes } from '../../app/format';
import { OpenFolderButton } from '../../components/DesktopButtons';

/** A batch under way: a progress bar and "12 of 40 documents" in words. */
export function BatchProgress({ status }: { status: BatchStatus }) {
  return (
    <div className="govuk-form-group" data-testid="batch-progress">
      <label className="govuk-label govuk-label--s" htmlFor="batch-progress-bar">
        Making documents
      </label>
      <progress
        id="batch-progress-bar"
        className="app-progress"
        max={Math.max(status.total, 1)}
        value={status.done}
        aria-valuetext={`${status.done} of ${status.total} documents`}
      />
      <p className="govuk-body govuk-!-margin-bottom-0">
        {status.done} of {status.total} {status.total === 1 ? 'document' : 'documents'}
      </p>
    </div>
  );
}

/**
 * What a finished batch did: what was written and where, what was not written and why, what it
 * never reached, and what was left out of it because it could not be made. Green only when
 * every document chosen was written and nothing was left out; red otherwise, so no one assumes
 * a letter exists when it does not.
 */
export function BatchSummary({ status, leftOut }: { status: BatchStatus; leftOut: readonly PlannedDocument[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const allWritten = status.written.length === status.total && leftOut.length === 0;
  const notWritten = status.failed.length + status.notWritten.length;

  // Keyboard and screen reader users land on the outcome, as after any other action.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div
      ref={ref}
      className={`govuk-notification-banner ${allWritten ? 'govuk-notification-banner--success' : 'app-notification-banner--problem'}`}
      role="status"
      aria-labelledby="batch-summary-title"
      tabIndex={-1}
      data-testid="batch-summary"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="batch-summary-title">
          {allWritten ? 'Success' : 'Not everything was written'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          Wrote {status.written.length} of {status.total} {status.total === 1 ? 'document' : 'documents'}
        </p>
        <p className="govuk-body app-break-word">
          Folder: <span data-testid="batch-folder">{status.folder}</span>
        </p>
        {status.written.length > 0 && <OpenFolderButton path={status.folder} testId="batch-open-folder" />}
        {status.written.length > 0 && (
          <>
            <h3 className="govuk-heading-s">Written</h3>
            <ul className="govuk-list govuk-list--bullet app-break-word" data-testid="batch-written">
              {status.written.map((w) => (
                <li key={w.key}>
                  {w.fileName} <span className="govuk-body-s">({formatBytes(w.bytes)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {notWritten > 0 && (
          <>
            <h3 className="govuk-heading-s">Not written ({notWritten})</h3>
            <ul className="govuk-list govuk-list--bullet" data-testid="batch-failed">
              {status.failed.map((f) => (
                <li key={f.key}>
                  {f.title} ({f.fileName}): <span className="app-problem-text">{f.message}</span>
                </li>
              ))}
              {status.notWritten.map((n) => (
                <li key={n.key}>
                  {n.title} ({n.fileName}):{' '}
                  <span className="app-problem-text">not reached, because the batch stopped</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {leftOut.length > 0 && (
          <>
            <h3 className="govuk-heading-s">
              Left out because {leftOut.length === 1 ? 'it cannot' : 'they cannot'} be made yet ({leftOut.length})
            </h3>
            <ul className="govuk-list govuk-list--bullet" data-testid="batch-left-out">
              {leftOut.map((d) => (
                <li key={d.key}>
                  {d.title}: <span className="app-problem-text">{d.problems.map((p) => p.message).join('; ')}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {!allWritten && (
          <p className="govuk-body">
            Fix what is named above, then preview again to make{' '}
            {notWritten + leftOut.length === 1 ? 'the document' : `the ${notWritten + leftOut.length} documents`} still
            missing.
          </p>
        )}
      </div>
    </div>
  );
}
