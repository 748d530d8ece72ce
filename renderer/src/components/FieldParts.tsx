import type { ReactNode } from 'react';

/** The ids a control's `aria-describedby` lists: its hint and its error message, if shown. */
export function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

/** GOV.UK error message, read out with an "Error:" prefix. */
export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

export function formGroupClass(error: string | undefined, extra = ''): string {
  return ['govuk-form-group', error ? 'govuk-form-group--error' : '', extra].filter(Boolean).join(' ');
}
