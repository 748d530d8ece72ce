import type { Result } from '../../../../shared/ipc/result';
import type { ReactNode } from 'react';
import { localIsoDate } from '../../../../shared/dates';
import { plural } from '../../app/format';
import type { DateParts } from '../../components/date-parts';
import { errorFor, type FieldRef, type FormError } from '../../components/form-errors';
import { Fieldset } from '../../components/Fieldset';
import { TextInput } from '../../components/TextInput';

/** Today on this computer, as `YYYY-MM-DD`. */
export function today(): string {
  return localIsoDate(new Date());
}

/** The boxes of a date input filled with an ISO date. */
export function partsOf(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** A working-day clock in words: "5 working days left", "Due today", or a red "Overdue by 3 working days". */
export function Clock({
  workingDaysLeft,
  overdue,
  dueToday,
}: {
  workingDaysLeft: number;
  overdue: boolean;
  dueToday: boolean;
}) {
  if (overdue) {
    return (
      <strong className="govuk-tag govuk-tag--red">
        Overdue by {plural(Math.max(1, -workingDaysLeft), 'working day', 'working days')}
      </strong>
    );
  }
  if (dueToday) return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  return <>{plural(workingDaysLeft, 'working day', 'working days')} left</>;
}

export interface PersonDraft {
  name: string;
  title: string;
  agency: string;
  /** Asked only of the person escalating (the Croydon notification form's "Email"). */
  email: string;
}

export const EMPTY_PERSON: PersonDraft = { name: '', title: '', agency: '', email: '' };

/** A recorded person (such as a conference's representative) as the fields show them. */
export function personDraft(p: { name: string; title: string | null; agency: string | null }): PersonDraft {
  return { name: p.name, title: p.title ?? '', agency: p.agency ?? '', email: '' };
}

/** A person as the contract takes it: blanks become null, the name stays a string for validation. */
export function personInput(p: PersonDraft): { name: string; title: string | null; agency: string | null } {
  return { name: p.name, title: p.title.trim() || null, agency: p.agency.trim() || null };
}

/** The person escalating as the contract takes them: with their email address, blank becoming null. */
export function escalatingPersonInput(p: PersonDraft): {
  name: string;
  title: string | null;
  agency: string | null;
  email: string | null;
} {
  return { ...personInput(p), email: p.email.trim() || null };
}

/**
 * Name, job title and agency of one person (and, with `withEmail`, their email address), in a
 * fieldset; field ids are `<id>-name`, `<id>-title`, `<id>-agency`, `<id>-email`.
 */
export function PersonFields({
  id,
  legend,
  value,
  onChange,
  errors,
  nameOptional = false,
  withEmail = false,
}: {
  id: string;
  legend: ReactNode;
  value: PersonDraft;
  onChange(value: PersonDraft): void;
  errors: readonly FormError[];
  nameOptional?: boolean;
  withEmail?: boolean;
}) {
  return (
    <Fieldset legend={legend} legendClassName="govuk-fieldset__legend--s">
      <TextInput
        id={`${id}-name`}
        label={nameOptional ? 'Name (optional)' : 'Name'}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={errorFor(errors, `${id}-name`)}
        spellCheck={false}
      />
      <TextInput
        id={`${id}-title`}
        label="Job title (optional)"
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
        error={errorFor(errors, `${id}-title`)}
      />
      <TextInput
        id={`${id}-agency`}
        label="Agency (optional)"
        value={value.agency}
        onChange={(agency) => onChange({ ...value, agency })}
        error={errorFor(errors, `${id}-agency`)}
      />
      {withEmail && (
        <TextInput
          id={`${id}-email`}
          label="Email address (optional)"
          hint="Asked for on the Croydon Escalation Notification Form"
          type="email"
          spellCheck={false}
          value={value.email}
          onChange={(email) => onChange({ ...value, email })}
          error={errorFor(errors, `${id}-email`)}
        />
      )}
    </Fieldset>
  );
}

/**
 * Maps an API issue path to a form's field: `escalatedBy.name` under the prefix `escalate` with
 * `{ escalatedBy: 'escalate-by' }` becomes `escalate-by-name`; date fields link to their day box.
 */
export function fieldMapper(map: Record<string, string>, dates: readonly string[]): (path: string) => FieldRef {
  return (path) => {
    const [head = '', ...rest] = path.split('.');
    const base = map[head];
    if (base === undefined) return { fieldId: path, targetId: null };
    const fieldId = rest.length > 0 ? `${base}-${rest.join('-')}` : base;
    return dates.includes(head) ? { fieldId, targetId: `${fieldId}-day` } : fieldId;
  };
}

export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function personText(p: {
  name: string | null;
  title: string | null;
  agency: string | null;
  email?: string | null;
}): string {
  return (
    [p.name, p.title, p.agency, p.email].filter((x) => x !== null && x !== undefined && x !== '').join(', ') ||
    'Not recorded'
  );
}

/** A refusal made in the form itself (a question left unanswered), shaped as the register's. */
export function refuse(path: string, message: string): Promise<Result<never>> {
  return Promise.resolve({ ok: false, error: { code: 'invalid-input', message, issues: [{ path, message }] } });
}

/** The previous calendar month, the default period of the agency returns. */
export function previousMonth(on: string = today()): { from: string; to: string } {
  const [year = 2000, month = 1] = on.split('-').map(Number);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
