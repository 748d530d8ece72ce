import type { ReactNode } from 'react';

/** A GOV.UK-style search form: a labelled search box with its button beside it, and any extra controls. */
export function SearchForm({
  id,
  name,
  label,
  hint,
  value,
  onChange,
  onSubmit,
  children,
}: {
  id: string;
  /** The accessible name of the search landmark. */
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  children?: ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label={name}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        <div className="app-search">
          <input
            className="govuk-input govuk-!-width-one-half"
            id={id}
            name="search"
            type="search"
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Search
          </button>
        </div>
      </div>
      {children}
    </form>
  );
}
