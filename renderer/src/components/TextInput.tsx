import type { HTMLAttributes, KeyboardEvent, ReactNode, Ref } from 'react';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';

interface TextInputProps {
  id: string;
  label: ReactNode;
  /** Classes for the label, e.g. `govuk-label--s`. */
  labelClassName?: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'search' | 'password';
  /** A GOV.UK width class, e.g. `govuk-input--width-20` or `govuk-!-width-one-half`. */
  widthClassName?: string;
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  ref?: Ref<HTMLInputElement>;
}

/** GOV.UK text input with its label, hint and error message. */
export function TextInput({
  id,
  label,
  labelClassName,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  widthClassName,
  autoComplete = 'off',
  inputMode,
  spellCheck,
  onKeyDown,
  ref,
}: TextInputProps) {
  const inputClass = ['govuk-input', widthClassName, error ? 'govuk-input--error' : ''].filter(Boolean).join(' ');
  return (
    <div className={formGroupClass(error)}>
      <label className={['govuk-label', labelClassName].filter(Boolean).join(' ')} htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <input
        ref={ref}
        className={inputClass}
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={describedBy(id, hint, error)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
      />
    </div>
  );
}
