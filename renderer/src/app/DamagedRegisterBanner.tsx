import { useApi } from '../api/use-api';

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
