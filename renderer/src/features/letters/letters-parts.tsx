import type { ReactNode } from 'react';
import { DateInput } from '../../components/DateInput';
import type { DateParts } from '../../components/date-parts';
import { settingsFieldPath } from '../../app/routes';
import { errorFor, type FieldRef, type FormError } from '../../components/form-errors';
import { isoToParts, type Period } from './periods';

/** A problem as the register names it: the field to fix (a dotted path) and what to do. */
export interface Problem {
  path: string;
  message: string;
}

export interface QuickChoice {
  label: string;
  period(): Period;
}

/**
 * Maps the register's issue paths to a form's fields: `from` and `to` link to the day box of
 * their date input, `map` names the rest; anything else is shown without a link.
 */
export function fieldMapper(map: Record<string, string>): (path: string) => FieldRef {
  return (path) => {
    if (path === 'from') return { fieldId: 'period-from', targetId: 'period-from-day' };
    if (path === 'to') return { fieldId: 'period-to', targetId: 'period-to-day' };
    const id = map[path];
    return id === undefined ? { fieldId: path, targetId: null } : id;
  };
}

/**
 * The period's From and To date inputs, with quick choices ("This month", "Last month") that
 * fill both. The inputs' ids are `period-from` and `period-to`.
 */
export function PeriodFields({
  from,
  to,
  onChange,
  errors,
  choices,
}: {
  from: DateParts;
  to: DateParts;
  onChange(from: DateParts, to: DateParts): void;
  errors: readonly FormError[];
  choices: readonly QuickChoice[];
}) {
  // Not a form group: GOV.UK drops the margin of a form group's last nested group, which would
  // set the To date lower than the From date beside it.
  return (
    <div className="app-period">
      <h2 className="govuk-heading-m" id="period-heading">
        Period
      </h2>
      <p className="govuk-body" id="period-quick-hint">
        Choose a period, or enter its first and last dates.
      </p>
      <div className="govuk-button-group app-quick-periods">
        {choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            className="govuk-button govuk-button--secondary"
            aria-describedby="period-quick-hint"
            onClick={() => {
              const period = choice.period();
              onChange(isoToParts(period.from), isoToParts(period.to));
            }}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <div className="app-filters">
        <DateInput
          id="period-from"
          legend="From"
          legendClassName="govuk-fieldset__legend--s"
          value={from}
          onChange={(value) => onChange(value, to)}
          error={errorFor(errors, 'period-from')}
        />
        <DateInput
          id="period-to"
          legend="To"
          legendClassName="govuk-fieldset__legend--s"
          value={to}
          onChange={(value) => onChange(from, value)}
          error={errorFor(errors, 'period-to')}
        />
      </div>
    </div>
  );
}

/** The register's settings a document may need, by issue path: each is a field of the Settings page. */
const SETTINGS_FIELDS: Record<string, { id: string; label: string }> = {
  'settings.unitEmail': { id: 'unitEmail', label: 'Review unit email' },
  'settings.unitName': { id: 'unitName', label: 'Review unit name' },
  'settings.unitPhone': { id: 'unitPhone', label: 'Review unit phone' },
  'settings.trainingLink': { id: 'trainingLink', label: 'Training link' },
  'settings.protectiveMarking': { id: 'protectiveMarking', label: 'Protective marking' },
  'settings.partnershipName': { id: 'partnershipName', label: 'Partnership name' },
};

/**
 * Where a problem is fixed: the Settings page opened at the field (with the way back to the
 * preview, `returnTo`, the route holding the user's choices), or the agency's entry in the directory.
 */
function fixLink(path: string, agencyId: number | null, returnTo: string | null): ReactNode {
  if (path.startsWith('settings.')) {
    const field = SETTINGS_FIELDS[path];
    const href = field ? `#${settingsFieldPath(field.id, returnTo)}` : '#/settings';
    return (
      <a className="govuk-link" href={href}>
        Go to Settings{field ? ` (${field.label})` : ''}
      </a>
    );
  }
  if (path.startsWith('agency.') && agencyId !== null) {
    return (
      <a className="govuk-link" href={`#/agencies/${agencyId}/edit`}>
        Edit the agency
      </a>
    );
  }
  return null;
}

/** What stops a document being made, each with a link to where it is fixed. */
export function ProblemList({
  problems,
  agencyId = null,
  returnTo = null,
  testId,
}: {
  problems: readonly Problem[];
  agencyId?: number | null;
  /** The route of the screen showing the problems, with its choices: Settings links back to it. */
  returnTo?: string | null;
  testId?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="govuk-list app-problems" data-testid={testId}>
      {problems.map((p, i) => {
        const link = fixLink(p.path, agencyId, returnTo);
        return (
          <li key={`${p.path}-${i}`}>
            <span className="app-problem-text">
              <span className="govuk-visually-hidden">Problem: </span>
              {p.message}
            </span>
            {link && <> {link}</>}
          </li>
        );
      })}
    </ul>
  );
}
