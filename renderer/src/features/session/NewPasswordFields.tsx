import type { ReactNode } from 'react';
import { errorFor, type FormError } from '../../components/form-errors';
import { PasswordInput } from '../../components/PasswordInput';
import { PASSWORD_HINT } from './new-password';

interface NewPasswordFieldsProps {
  /** The fields' ids, which the error summary links to. */
  ids: { password: string; confirm: string };
  labels: { password: ReactNode; confirm: ReactNode };
  /** Said under the password; the length rule and how to choose one by default. */
  hint?: ReactNode;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  errors: readonly FormError[];
}

/**
 * A new password and the same typed again: how the first administrator, a new user, a reset and
 * a user's own change all set one (checked with `checkNewPassword`).
 */
export function NewPasswordFields({
  ids,
  labels,
  hint = PASSWORD_HINT,
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
}: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordInput
        id={ids.password}
        label={labels.password}
        hint={hint}
        value={password}
        onChange={onPassword}
        error={errorFor(errors, ids.password)}
        autoComplete="new-password"
      />
      <PasswordInput
        id={ids.confirm}
        label={labels.confirm}
        value={confirm}
        onChange={onConfirm}
        error={errorFor(errors, ids.confirm)}
        autoComplete="new-password"
      />
    </>
  );
}
