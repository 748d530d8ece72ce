import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { addUserInputSchema } from '../../../../shared/schemas/users';
import { invoke } from '../../api/client';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, errorsFromApi, errorsFromIssues, type FormError } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { checkNewPassword, PASSWORD_HINT } from '../session/new-password';
import { isRole, ROLE_ITEMS } from './user-parts';
import { NewPasswordFields } from '../session/NewPasswordFields';

function fieldOf(path: string): string {
  return path.startsWith('roles') ? 'roles' : path;
}

/** An administrator adds a user with their roles and a first password to give them. */
export function AddUserPage() {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = addUserInputSchema.safeParse({ name, roles: roles.filter(isRole), password });
    const problems = parsed.success ? [] : errorsFromIssues(issuesFromZod(parsed.error), fieldOf);
    problems.push(...checkNewPassword(password, confirm, 'confirm'));
    if (!parsed.success || problems.length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    const result = await invoke('users.add', parsed.data);
    setBusy(false);
    if (result.ok) {
      navigate('/users', {
        heading: 'User added',
        body: `${result.value.name} can sign in with the password you gave them.`,
      });
    } else {
      setErrors(errorsFromApi(result.error, fieldOf));
    }
  }

  return (
    <Page title="Add a user" errors={errors}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextInput
          id="name"
          label="User name"
          hint="The name they sign in with and that the register records against what they do, for example their full name"
          value={name}
          onChange={setName}
          error={errorFor(errors, 'name')}
          spellCheck={false}
          widthClassName="govuk-!-width-two-thirds"
        />
        <Checkboxes
          id="roles"
          legend="Roles"
          legendClassName="govuk-fieldset__legend--m"
          hint="Select all that apply. Every user can read the register."
          error={errorFor(errors, 'roles')}
          items={ROLE_ITEMS}
          values={roles}
          onChange={setRoles}
        />
        <NewPasswordFields
          ids={{ password: 'password', confirm: 'confirm' }}
          labels={{ password: 'First password', confirm: 'Confirm first password' }}
          hint={`${PASSWORD_HINT} Give it to them in person; they can change it once signed in.`}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={errors}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Add user
          </button>
          <a href="#/users" className="govuk-link">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}
