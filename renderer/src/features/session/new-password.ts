import { MIN_PASSWORD } from '../../../../shared/schemas/users';

export const PASSWORD_HINT = `At least ${MIN_PASSWORD} characters. A few unrelated words together make a long password that is easy to remember.`;

/** A form error (as `components/form-errors.ts`), kept apart from the DOM so unit tests can import this. */
interface ConfirmError {
  fieldId: string;
  targetId: string;
  message: string;
}

/**
 * The confirmation of a new password, once the password itself is long enough (the schema
 * names a short one): typed again, and the same.
 */
export function checkNewPassword(password: string, confirm: string, confirmId: string): ConfirmError[] {
  if (password.length < MIN_PASSWORD) return [];
  if (confirm === '')
    return [{ fieldId: confirmId, targetId: confirmId, message: 'Type the password again to confirm it' }];
  if (confirm !== password) {
    return [
      { fieldId: confirmId, targetId: confirmId, message: 'The passwords do not match: type the same password again' },
    ];
  }
  return [];
}
