import { IMMEDIATE_RISK_GUIDANCE } from '../../../../shared/schemas/escalation';
import { WarningText } from '../../components/WarningText';

/**
 * What a child at immediate risk of significant harm calls for, wherever an escalation is marked
 * so: the guidance to use the normal safeguarding route now, that it is due the day it is raised
 * (even at a weekend or on a bank holiday), and the partnership's own same-day contact from
 * Settings, or where to set it when it is not set.
 */
export function ImmediateRiskPanel({
  sameDayContact,
  testId,
  tag = false,
}: {
  sameDayContact: string | null;
  testId: string;
  /** Show the red "Immediate risk" tag above the guidance (on a record; not on the form that ticks it). */
  tag?: boolean;
}) {
  return (
    <div className="app-immediate-risk-panel" data-testid={testId}>
      {tag && (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--red">Immediate risk</strong>
        </p>
      )}
      <WarningText>{IMMEDIATE_RISK_GUIDANCE}</WarningText>
      <p className="govuk-body">Due the day it is raised, even at a weekend or on a bank holiday.</p>
      {sameDayContact ? (
        <p className="govuk-body" data-testid={`${testId}-contact`}>
          <strong>Same-day contact:</strong> <span className="app-pre-line">{sameDayContact}</span>
        </p>
      ) : (
        <p className="govuk-body" data-testid={`${testId}-contact`}>
          <strong>Same-day contact:</strong> not set. Add the partnership’s same-day contact in{' '}
          <a className="govuk-link" href="#/settings">
            Settings
          </a>
          , under “Immediate risk: same-day contact”.
        </p>
      )}
    </div>
  );
}
