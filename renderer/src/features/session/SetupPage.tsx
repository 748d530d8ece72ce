import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { setupInputSchema } from '../../../../shared/schemas/users';
import { invoke } from '../../api/client';
import { Page } from '../../app/Page';
import { WarningText } from '../../components/WarningText';
import { errorFor, errorsFromApi, errorsFromIssues, type FormError } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { checkNewPassword } from './new-password';
import { PlainLayout } from './PlainLayout';
import { NewPasswordFields } from './NewPasswordFields';

/**
 * The first run: creating the register (or encrypting one from an earlier version) with its
 * first administrator. The register answers with the recovery key, shown next.
 */
export function SetupPage({
  needsEncryption,
  registerPath,
  onCreated,
}: {
  /** A plain register from an earlier version, encrypted once its first administrator exists. */
  needsEncryption: boolean;
  registerPath: string;
  onCreated(recoveryKey: string): void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = setupInputSchema.safeParse({ name, password });
    const problems = parsed.success ? [] : errorsFromIssues(issuesFromZod(parsed.error));
    problems.push(...checkNewPassword(password, confirm, 'confirm'));
    if (!parsed.success || problems.length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    const result = await invoke('session.setup', parsed.data);
    setBusy(false);
    if (result.ok) onCreated(result.value.recoveryKey);
    else setErrors(errorsFromApi(result.error));
  }

  const title = needsEncryption ? 'Encrypt the register' : 'Create the register';
  return (
    <PlainLayout>
      <Page title={title} errors={errors}>
        {needsEncryption ? (
          <>
            <p className="govuk-body">
              This register is from an earlier version and is not encrypted. Create its first administrator to encrypt
              it.
            </p>
            <p className="govuk-body">
              A copy of the register is made and checked first. After that, the register can only be opened by signing
              in.
            </p>
          </>
        ) : (
          <p className="govuk-body">
            There is no register here yet. Create it with its first administrator: the person who adds the other users.
            The register is encrypted, and opens only for its users.
          </p>
        )}
        <p className="govuk-body-s">
          Register: <span className="app-break-word">{registerPath}</span>
        </p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            id="name"
            label="Administrator’s user name"
            hint="The name they sign in with, for example their full name"
            value={name}
            onChange={setName}
            error={errorFor(errors, 'name')}
            autoComplete="username"
            spellCheck={false}
            widthClassName="govuk-!-width-two-thirds"
          />
          <NewPasswordFields
            ids={{ password: 'password', confirm: 'confirm' }}
            labels={{ password: 'Password', confirm: 'Confirm password' }}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            errors={errors}
          />
          <WarningText>
            Nobody can recover a forgotten password. Keep the recovery key shown next: it opens the register if every
            password is lost.
          </WarningText>
          <button type="submit" className="govuk-button">
            {needsEncryption ? 'Create administrator and encrypt' : 'Create the register'}
          </button>
        </form>
      </Page>
    </PlainLayout>
  );
}
