import { useState, type FormEvent, type ReactNode } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { ROLE_LABELS } from '../../../../shared/roles';
import { resetPasswordInputSchema, setRolesInputSchema, type User } from '../../../../shared/schemas/users';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../app/format';
import { Page } from '../../app/Page';
import { userPath } from '../../app/routes';
import { navigate } from '../../app/use-hash-route';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, errorsFromApi, errorsFromIssues, type FormError } from '../../components/form-errors';
import { WarningText } from '../../components/WarningText';
import { checkNewPassword } from '../session/new-password';
import { NewPasswordFields } from '../session/NewPasswordFields';
import { useCan, useSession } from '../session/session-context';
import { isRole, ROLE_ITEMS, sameName, StatusTag } from './user-parts';

interface SectionProps {
  user: User;
  onErrors(errors: FormError[]): void;
  errors: readonly FormError[];
}

function Summary({ user }: { user: User }) {
  const rows: [string, ReactNode][] = [
    ['Roles', user.roles.map((r) => ROLE_LABELS[r]).join(', ')],
    ['Status', <StatusTag user={user} key="status" />],
    ['Added', formatDateTime(user.createdAt)],
    ['Last signed in', user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'],
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RolesSection({ user, errors, onErrors }: SectionProps) {
  const [roles, setRoles] = useState<string[]>(user.roles);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = setRolesInputSchema.safeParse({ name: user.name, roles: roles.filter(isRole) });
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error), () => 'roles'));
      return;
    }
    const result = await invoke('users.setRoles', parsed.data);
    if (result.ok) navigate(userPath(user.name), { heading: 'Roles changed', body: `${user.name}’s roles are saved.` });
    else onErrors(errorsFromApi(result.error, () => 'roles'));
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="govuk-!-margin-top-8">
      <Checkboxes
        id="roles"
        legend="Change roles"
        legendClassName="govuk-fieldset__legend--m"
        legendAsHeading="h2"
        hint="Select all that apply. Every user can read the register. A change applies from their next call."
        error={errorFor(errors, 'roles')}
        items={ROLE_ITEMS}
        values={roles}
        onChange={setRoles}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Save roles
      </button>
    </form>
  );
}

/** A new password for the user: resetting a forgotten one, or enabling a disabled user again. */
function NewPasswordSection({ user, errors, onErrors }: SectionProps) {
  const enabling = !user.active;
  const prefix = enabling ? 'enable' : 'reset';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const resolve = () => `${prefix}-password`;
    const parsed = resetPasswordInputSchema.safeParse({ name: user.name, password });
    const problems = parsed.success ? [] : errorsFromIssues(issuesFromZod(parsed.error), resolve);
    problems.push(...checkNewPassword(password, confirm, `${prefix}-confirm`));
    if (!parsed.success || problems.length > 0) {
      onErrors(problems);
      return;
    }
    const result = await invoke(enabling ? 'users.enable' : 'users.resetPassword', parsed.data);
    if (result.ok) {
      navigate(userPath(user.name), {
        heading: enabling ? 'User enabled' : 'Password reset',
        body: `${user.name} can sign in with the new password. Give it to them in person.`,
      });
    } else {
      onErrors(errorsFromApi(result.error, resolve));
    }
  }
  return (
    <section aria-labelledby={`${prefix}-heading`} className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id={`${prefix}-heading`}>
        {enabling ? 'Enable user' : 'Reset password'}
      </h2>
      <p className="govuk-body">
        {enabling
          ? `${user.name} is disabled. Give them a new password to let them sign in again.`
          : `For a user who has forgotten their password. They can change it once signed in.`}
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <NewPasswordFields
          ids={{ password: `${prefix}-password`, confirm: `${prefix}-confirm` }}
          labels={{ password: 'New password', confirm: 'Confirm new password' }}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={errors}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {enabling ? 'Enable user' : 'Reset password'}
        </button>
      </form>
    </section>
  );
}

function DisableSection({ user, onErrors }: SectionProps) {
  const [confirming, setConfirming] = useState(false);
  const self = sameName(user.name, useSession().user.name);
  async function disable() {
    const result = await invoke('users.disable', { name: user.name });
    if (result.ok) {
      navigate('/users', { heading: 'User disabled', body: `${user.name} can no longer sign in.` });
    } else {
      setConfirming(false);
      onErrors(errorsFromApi(result.error));
    }
  }
  return (
    <section aria-labelledby="disable-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="disable-heading">
        Disable user
      </h2>
      <p className="govuk-body">
        For someone who has left or no longer needs the register. Their password stops opening it at once. They are not
        deleted: their name stays on what they recorded, and you can enable them again.
      </p>
      {confirming ? (
        <>
          <WarningText>
            {self
              ? 'This is you: you will not be able to sign in again unless another administrator enables you.'
              : `${user.name} will not be able to sign in.`}
          </WarningText>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => void disable()}>
              Yes, disable {user.name}
            </button>
            <button type="button" className="app-link-button govuk-link" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => setConfirming(true)}>
          Disable user
        </button>
      )}
    </section>
  );
}

/** One user: their roles, a new password, disabling and enabling. */
export function UserPage({ name }: { name: string }) {
  const can = useCan();
  const { data, error } = useApi('users.list', {});
  const [errors, setErrors] = useState<FormError[]>([]);
  const user = data?.find((u) => sameName(u.name, name));

  if (error && !data) {
    return (
      <Page title="User">
        <p className="govuk-error-message">The user could not be shown: {error.message}</p>
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title="User">
        <p className="govuk-body">Loading…</p>
      </Page>
    );
  }
  if (!user) {
    return (
      <Page title="User not found">
        <p className="govuk-body">There is no user called {name}.</p>
        <p className="govuk-body">
          <a href="#/users" className="govuk-link">
            Back to users
          </a>
        </p>
      </Page>
    );
  }

  const props = { user, errors, onErrors: setErrors };
  return (
    <Page title={user.name} caption="User" errors={errors}>
      <Summary user={user} />
      {can('users.setRoles') && <RolesSection {...props} />}
      {can(user.active ? 'users.resetPassword' : 'users.enable') && <NewPasswordSection {...props} />}
      {user.active && can('users.disable') && <DisableSection {...props} />}
      <p className="govuk-body govuk-!-margin-top-8">
        <a href="#/users" className="govuk-link">
          Back to users
        </a>
      </p>
    </Page>
  );
}
