import { isStale, LOAD_CURRENT_ID, type FormError } from './form-errors';

/**
 * After a save refused because someone else changed the record (code `conflict` on `version`):
 * a button that loads the record as it now is. What the user typed stays in the form until they
 * press it, so they can copy it across; the error summary links here.
 */
export function LoadCurrentVersion({ errors, onLoad }: { errors: readonly FormError[]; onLoad: () => void }) {
  if (!isStale(errors)) return null;
  return (
    <button type="button" id={LOAD_CURRENT_ID} className="govuk-button govuk-button--secondary" onClick={onLoad}>
      Load the current version
    </button>
  );
}
