import type { ReactNode, Ref } from 'react';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';

interface TextareaProps {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  rows?: number;
  disabled?: boolean;
  /** Extra classes for the form group, e.g. to lay it out beside other fields. */
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** GOV.UK textarea with its label, hint and error message. */
export function Textarea({
  id,
  label,
  labelClassName,
  hint,
  error,
  value,
  onChange,
  onBlur,
  rows = 5,
  disabled,
  className,
  ref,
}: TextareaProps) {
  return (
    <div className={formGroupClass(error, className)}>
      <label className={['govuk-label', labelClassName].filter(Boolean).join(' ')} htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <textarea
        ref={ref}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-describedby={describedBy(id, hint, error)}
        spellCheck
      />
    </div>
  );
}
