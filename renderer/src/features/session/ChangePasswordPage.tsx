import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { changePasswordInputSchema } from '../../../../shared/schemas/users';
import { invoke } from '../../api/client';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { errorFor, errorsFromIssues, type FormError } from '../../components/form-errors';
import { checkNewPassword } from './new-password';
import { PasswordInput } from '../../components/PasswordInput';
import { NewPasswordFields } from './NewPasswordFields';

/** `current` and `next` are the fields `current-password` and `new-password`; a refusal naming no field is about the current one. */
function fieldOf(path: string): string {
  return path === 'next' ? 'new-password' : 'current-password';
}

/** The signed-in user changes their own password. */
export function ChangePasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = changePasswordInputSchema.safeParse({ current, next });
    const problems = parsed.success ? [] : errorsFromIssues(issuesFromZod(parsed.error), fieldOf);
    problems.push(...checkNewPassword(next, confirm, 'confirm-password'));
    if (!parsed.success || problems.length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    const result = await invoke('session.changePassword', parsed.data);
    setBusy(false);
    if (result.ok) {
      navigate('/', {
        heading: 'Password changed',
        body: 'Use your new password the next time you sign in or unlock.',
      });
      return;
    }
    setErrors(
      result.error.issues.length > 0
        ? errorsFromIssues(result.error.issues, fieldOf)
        : [{ fieldId: 'current-password', targetId: 'current-password', message: result.error.message }],
    );
  }

  return (
    <Page title="Change your password" errors={errors}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PasswordInput
          id="current-password"
          label="Current password"
          value={current}
          onChange={setCurrent}
          error={errorFor(errors, 'current-password')}
          autoComplete="current-password"
        />
        <NewPasswordFields
          ids={{ password: 'new-password', confirm: 'confirm-password' }}
          labels={{ password: 'New password', confirm: 'Confirm new password' }}
          password={next}
          confirm={confirm}
          onPassword={setNext}
          onConfirm={setConfirm}
          errors={errors}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Change password
          </button>
          <a href="#/" className="govuk-link">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}
