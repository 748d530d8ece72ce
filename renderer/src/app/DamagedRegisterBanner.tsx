import { useApi } from '../api/use-api';
import { useSession } from '../features/session/session-context';

/**
 * Shown on every screen while the register is open read-only because it failed its check when it
 * opened (`register.health`): what happened, that nothing can be changed, and the way out.
 */
export function DamagedRegisterBanner() {
  const health = useApi('register.health', {});
  if (health.data?.state !== 'damaged') return null;
  return (
    <div className="govuk-warning-text" role="alert" data-testid="damaged-register-banner">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        This register failed its check when it opened, so it is open read-only: you can read it but not change it.{' '}
        <a className="govuk-link" href="#/settings">
          Restore a backup from Settings, Backups
        </a>{' '}
        to carry on working. {health.data.detail ? `(SQLite said: ${health.data.detail})` : ''}
      </strong>
    </div>
  );
}

/**
 * Shown when the audit trail's tail failed its check as the register opened (its last events do
 * not chain, or the event that was last at the previous closing is gone or changed): who may read
 * the trail is sent to check it whole.
 */
export function AuditProblemBanner() {
  const { auditProblem, can } = useSession();
  if (!auditProblem) return null;
  return (
    <div className="govuk-warning-text" role="alert" data-testid="audit-problem-banner">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        The audit trail failed its check when the register opened: {auditProblem}.{' '}
        {can('audit.verify') ? (
          <a className="govuk-link" href="#/audit">
            Check the whole audit trail
          </a>
        ) : (
          'Tell an administrator or the auditor.'
        )}
      </strong>
    </div>
  );
}
