import { useState, type ReactNode, type Ref } from 'react';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';

interface PasswordInputProps {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  /** `current-password` to sign in, `new-password` when setting one. */
  autoComplete: 'current-password' | 'new-password';
  ref?: Ref<HTMLInputElement>;
}

/**
 * GOV.UK password input: the password hidden as it is typed, with a button to show it (and say
 * so to screen readers) for checking what was typed.
 */
export function PasswordInput({
  id,
  label,
  labelClassName,
  hint,
  error,
  value,
  onChange,
  autoComplete,
  ref,
}: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  return (
    <div className={formGroupClass(error, 'govuk-password-input')}>
      <label className={['govuk-label', labelClassName].filter(Boolean).join(' ')} htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          ref={ref}
          className={`govuk-input govuk-password-input__input${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={id}
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy(id, hint, error)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle"
          aria-controls={id}
          aria-label={shown ? 'Hide password' : 'Show password'}
          onClick={() => {
            setAnnouncement(shown ? 'Your password is hidden' : 'Your password is visible');
            setShown(!shown);
          }}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      <div className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
