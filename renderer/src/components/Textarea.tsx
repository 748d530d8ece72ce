import type { ReactNode, Ref } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value';
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
  /**
   * The most characters the register accepts (from `shared/schemas/limits.ts`): the box counts
   * down to it (GOV.UK character count). Longer text is never cut short: the register refuses it
   * and the count says by how much it is over.
   */
  characterLimit?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/** How much of the limit is used before the count is shown, as GOV.UK's `threshold` (75%). */
const COUNT_THRESHOLD = 0.75;

const number = (n: number) => n.toLocaleString('en-GB');

/** "You have 120 characters remaining", "You have 1 character too many": GOV.UK's wording. */
export function characterCountMessage(length: number, limit: number): string {
  const remaining = limit - length;
  if (remaining === 0) return 'You have 0 characters remaining';
  const n = Math.abs(remaining);
  const characters = n === 1 ? 'character' : 'characters';
  return remaining > 0
    ? `You have ${number(n)} ${characters} remaining`
    : `You have ${number(n)} ${characters} too many`;
}

/**
 * GOV.UK character count, without its script: a description read with the box ("You can enter
 * up to ..."), the count shown under it once three quarters of the limit is used, and the same
 * count announced politely once the typing pauses.
 */
function CharacterCount({ id, length, limit }: { id: string; length: number; limit: number }) {
  const shown = length >= limit * COUNT_THRESHOLD;
  const over = length > limit;
  const message = characterCountMessage(length, limit);
  const announced = useDebouncedValue(message, 1000);
  return (
    <>
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {number(limit)} characters
      </div>
      <div
        className={[
          'govuk-character-count__message govuk-character-count__status',
          over ? 'govuk-error-message' : 'govuk-hint',
          shown ? '' : 'govuk-character-count__message--disabled',
        ]
          .filter(Boolean)
          .join(' ')}
        aria-hidden="true"
        data-testid={`${id}-count`}
      >
        {message}
      </div>
      <div
        className="govuk-character-count__sr-status govuk-visually-hidden"
        aria-live="polite"
        aria-hidden={shown ? undefined : 'true'}
      >
        {shown ? announced : ''}
      </div>
    </>
  );
}

/** GOV.UK textarea with its label, hint and error message, and a character count when it has a limit. */
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
  characterLimit,
  ref,
}: TextareaProps) {
  const counted = characterLimit !== undefined;
  const over = counted && value.length > characterLimit;
  const describedByIds = [counted ? `${id}-info` : null, describedBy(id, hint, error) ?? null].filter(
    (x) => x !== null,
  );
  return (
    <div className={formGroupClass(error, [counted && 'govuk-character-count', className].filter(Boolean).join(' '))}>
      <label className={['govuk-label', labelClassName].filter(Boolean).join(' ')} htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <textarea
        ref={ref}
        className={`govuk-textarea${error || over ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-describedby={describedByIds.length > 0 ? describedByIds.join(' ') : undefined}
        spellCheck
      />
      {counted && <CharacterCount id={id} length={value.length} limit={characterLimit} />}
    </div>
  );
}
