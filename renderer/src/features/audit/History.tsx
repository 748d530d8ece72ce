import { useEffect } from 'react';
import type { AuditEntity } from '../../../../shared/schemas/audit';
import { useApi } from '../../api/use-api';
import { formatDateTime, plural } from '../../app/format';
import { actionWords } from './audit-words';
import { ChangeList } from './ChangeList';

/**
 * A record's own history from the audit trail: who changed what and when, with the values before
 * and after, in a GOV.UK details element so it stays out of the way until asked for. `refresh`
 * is anything that changes when the record does (the record itself), to read the history again.
 */
export function History({ entity, entityId, refresh }: { entity: AuditEntity; entityId: number; refresh?: unknown }) {
  const history = useApi('audit.forRecord', { entity, entityId });
  const { reload } = history;
  useEffect(() => {
    if (refresh !== undefined) reload();
  }, [refresh, reload]);
  const events = history.data ?? [];
  return (
    <details className="govuk-details" data-testid="record-history">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">History ({plural(events.length, 'change', 'changes')})</span>
      </summary>
      <div className="govuk-details__text">
        {history.error && (
          <p className="govuk-error-message">The history could not be loaded: {history.error.message}</p>
        )}
        {events.length === 0 ? (
          <p className="govuk-body">Nothing recorded yet.</p>
        ) : (
          <ol className="govuk-list">
            {[...events].reverse().map((event) => (
              <li key={event.id} className="govuk-!-margin-bottom-3" data-testid={`history-event-${event.id}`}>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <strong>{actionWords(event)}</strong> by {event.actor}, {formatDateTime(event.at)}
                </p>
                <ChangeList event={event} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
