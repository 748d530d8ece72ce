import { useState } from 'react';
import type { AuditVerdict } from '../../../../shared/schemas/audit';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDateTime, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { actionWords, recordWords } from './audit-words';
import { ChangeList } from './ChangeList';

const PAGE_SIZE = 50;

function Verdict({ verdict }: { verdict: AuditVerdict }) {
  if (verdict.ok) {
    return (
      <div className="govuk-inset-text" role="status" data-testid="audit-verdict">
        The audit trail is whole: {plural(verdict.events, 'event', 'events')}, each linked to the one before.
      </div>
    );
  }
  return (
    <div className="govuk-error-summary" role="alert" data-testid="audit-verdict">
      <h2 className="govuk-error-summary__title">The audit trail is broken</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          Event {verdict.firstBroken?.id}: {verdict.firstBroken?.problem}. Someone has changed the register outside the
          app. Keep this computer as it is and tell your information governance lead.
        </p>
      </div>
    </div>
  );
}

/**
 * The audit trail (administrators and auditors): every change to the register, newest first, a
 * page at a time, and a check that its hash chain is whole (no event edited, deleted, inserted or
 * moved since it was written).
 */
export function AuditPage() {
  const [offset, setOffset] = useState(0);
  const page = useApi('audit.list', { offset, limit: PAGE_SIZE });
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);

  async function check() {
    setChecking(true);
    setCheckError(null);
    const result = await invoke('audit.verify', {});
    setChecking(false);
    if (result.ok) setVerdict(result.value);
    else setCheckError(result.error.message);
  }

  const total = page.data?.total ?? 0;
  const events = page.data?.events ?? [];
  return (
    <Page title="Audit trail" width="full">
      <p className="govuk-body">
        Every change to the register: who made it, when, and the values before and after. Events cannot be changed or
        deleted, and each is linked to the one before by its hash.
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => void check()}
        disabled={checking}
      >
        Check the audit trail
      </button>
      {checkError && <p className="govuk-error-message">The audit trail could not be checked: {checkError}</p>}
      {verdict && <Verdict verdict={verdict} />}
      {page.error && <p className="govuk-error-message">The audit trail could not be loaded: {page.error.message}</p>}
      <p className="govuk-body" role="status">
        {page.data &&
          (total === 0
            ? 'Nothing has been recorded yet.'
            : `Events ${offset + 1} to ${offset + events.length} of ${total}, newest first.`)}
      </p>
      {events.length > 0 && (
        <table className="govuk-table app-table--small" data-testid="audit-events">
          <caption className="govuk-table__caption govuk-visually-hidden">Audit events, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Event
              </th>
              <th scope="col" className="govuk-table__header">
                When and who
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                Before → after
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.map((event) => (
              <tr key={event.id} className="govuk-table__row" data-testid={`audit-event-${event.id}`}>
                <td className="govuk-table__cell">{event.id}</td>
                <td className="govuk-table__cell">
                  {formatDateTime(event.at)}
                  <span className="govuk-!-display-block">{event.actor}</span>
                </td>
                <td className="govuk-table__cell">
                  {actionWords(event)}
                  <span className="govuk-!-display-block">{recordWords(event)}</span>
                </td>
                <td className="govuk-table__cell">
                  <ChangeList event={event} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE_SIZE && (
        <nav className="govuk-pagination" aria-label="Audit trail pages">
          {offset > 0 && (
            <div className="govuk-pagination__prev">
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-right-2"
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                Newer events
              </button>
            </div>
          )}
          {offset + PAGE_SIZE < total && (
            <div className="govuk-pagination__next">
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                Older events
              </button>
            </div>
          )}
        </nav>
      )}
    </Page>
  );
}
