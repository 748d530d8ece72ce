import { useEffect, useRef } from 'react';
import { focusField, type FormError } from './form-errors';

/**
 * GOV.UK error summary: "There is a problem" and a link to each field in error. It takes focus
 * whenever a new list of errors arrives, so keyboard and screen reader users land on it.
 */
export function ErrorSummary({
  errors,
  onFollow,
}: {
  errors: readonly FormError[];
  /** Follows a link whose field is not on screen (another step): true when it has. */
  onFollow?: (error: FormError) => boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, i) => (
              <li key={`${error.fieldId}-${i}`}>
                {error.targetId === null ? (
                  error.message
                ) : (
                  <a
                    href={`#${error.targetId}`}
                    onClick={(event) => {
                      // The hash holds the route, so the link focuses its field instead of navigating.
                      event.preventDefault();
                      if (onFollow?.(error)) return;
                      if (error.targetId !== null) focusField(error.targetId);
                    }}
                  >
                    {error.message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
