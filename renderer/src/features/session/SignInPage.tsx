import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { signInInputSchema, type SignedInUser } from '../../../../shared/schemas/users';
import { invoke } from '../../api/client';
import { Page } from '../../app/Page';
import { errorFor, errorsFromIssues, type FormError } from '../../components/form-errors';
import { PasswordInput } from '../../components/PasswordInput';
import { TextInput } from '../../components/TextInput';
import { PlainLayout } from './PlainLayout';

function fieldOf(path: string): string {
  return path === 'name' ? 'name' : 'password';
}

/**
 * Signing in with a user name and password. The register answers wrong passwords, repeated
 * failures (slowed down, then the name locked for a while) and disabled users with a message,
 * shown in the error summary.
 */
export function SignInPage({
  lastUser,
  registerPath,
  singleSignOn = null,
  onSignedIn,
}: {
  /** The user who was signed in before, to fill in their name. */
  lastUser: string | null;
  registerPath: string;
  /** Where the unit server's single sign-on starts, when it offers one. */
  singleSignOn?: string | null;
  onSignedIn(user: SignedInUser): void;
}) {
  const [name, setName] = useState(lastUser ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = signInInputSchema.safeParse({ name, password });
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldOf));
      return;
    }
    setBusy(true);
    const result = await invoke('session.signIn', parsed.data);
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    setPassword('');
    setErrors(
      result.error.issues.length > 0
        ? errorsFromIssues(result.error.issues, fieldOf)
        : [{ fieldId: 'password', targetId: 'password', message: result.error.message }],
    );
  }

  return (
    <PlainLayout>
      <Page title="Sign in" errors={errors}>
        {singleSignOn && (
          <>
            <a href={singleSignOn} className="govuk-button" data-module="govuk-button">
              Sign in with your council account
            </a>
            <p className="govuk-body">Or sign in with a user name and password from your administrator.</p>
          </>
        )}
        {!singleSignOn && (
          <p className="govuk-body">Sign in with the user name and password your administrator gave you.</p>
        )}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            id="name"
            label="User name"
            value={name}
            onChange={setName}
            error={errorFor(errors, 'name')}
            autoComplete="username"
            spellCheck={false}
            widthClassName="govuk-!-width-two-thirds"
          />
          <PasswordInput
            id="password"
            label="Password"
            value={password}
            onChange={setPassword}
            error={errorFor(errors, 'password')}
            autoComplete="current-password"
          />
          <button type="submit" className="govuk-button">
            Sign in
          </button>
        </form>
        <p className="govuk-body-s">
          Register: <span className="app-break-word">{registerPath}</span>
        </p>
        <p className="govuk-body-s">If you have forgotten your password, ask an administrator to set a new one.</p>
      </Page>
    </PlainLayout>
  );
}
