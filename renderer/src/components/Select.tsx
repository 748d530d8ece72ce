import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';

interface SelectProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; text: string }[];
}

/** GOV.UK select. Put a "Choose ..." option with value '' first when nothing is chosen yet. */
export function Select({ id, label, hint, error, value, onChange, options }: SelectProps) {
  return (
    <div className={formGroupClass(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
