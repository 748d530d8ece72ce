import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { unlockInputSchema, type SignedInUser } from '../../../../shared/schemas/users';
import { invoke } from '../../api/client';
import { PRODUCT_NAME } from '../../app/Page';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor, type FormError } from '../../components/form-errors';
import { PasswordInput } from '../../components/PasswordInput';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The screen lock: a modal dialog over the whole window, so nothing behind it can be read or
 * reached, while the screen behind stays as it was, with anything typed and not saved. The
 * locked user's password unlocks it; signing out instead loses what was not saved.
 */
export function LockOverlay({
  user,
  onUnlocked,
  onSignOut,
}: {
  user: SignedInUser | null;
  onUnlocked(user: SignedInUser): void;
  onSignOut(): void;
}) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // The window's title may name a family: while locked it says only "Locked". Focus moves into
  // the dialog, and back to where it was once unlocked.
  useEffect(() => {
    const title = document.title;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.title = `Locked – ${PRODUCT_NAME}`;
    input.current?.focus();
    return () => {
      document.title = title;
      if (before?.isConnected) before.focus();
    };
  }, []);

  // Tab and Shift+Tab go round the dialog's own controls.
  function trapFocus(event: KeyboardEvent) {
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = unlockInputSchema.safeParse({ password });
    if (!parsed.success) {
      setErrors(
        issuesFromZod(parsed.error).map((i) => ({
          fieldId: 'unlock-password',
          targetId: 'unlock-password',
          message: i.message,
        })),
      );
      return;
    }
    setBusy(true);
    const result = await invoke('session.unlock', parsed.data);
    setBusy(false);
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    setPassword('');
    if (result.error.code === 'signed-out') {
      onSignOut();
      return;
    }
    setErrors([{ fieldId: 'unlock-password', targetId: 'unlock-password', message: result.error.message }]);
  }

  return (
    <div
      ref={dialog}
      className="app-lock"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-heading"
      onKeyDown={trapFocus}
    >
      <div className="govuk-width-container">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <div className="app-lock__panel">
              <ErrorSummary errors={errors} />
              <h1 className="govuk-heading-l" id="lock-heading">
                Locked
              </h1>
              <p className="govuk-body">
                {PRODUCT_NAME} is locked
                {user ? (
                  <>
                    {' '}
                    for <strong>{user.name}</strong>
                  </>
                ) : null}
                . Enter your password to carry on where you left off: anything you typed and had not saved is still
                there.
              </p>
              <form noValidate onSubmit={(event) => void submit(event)}>
                <PasswordInput
                  ref={input}
                  id="unlock-password"
                  label="Password"
                  value={password}
                  onChange={setPassword}
                  error={errorFor(errors, 'unlock-password')}
                  autoComplete="current-password"
                />
                <button type="submit" className="govuk-button">
                  Unlock
                </button>
              </form>
              <p className="govuk-body">
                Not {user ? user.name : 'you'}?{' '}
                <button type="button" className="app-link-button govuk-link" onClick={onSignOut}>
                  Sign out
                </button>{' '}
                (anything not saved is lost).
              </p>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
