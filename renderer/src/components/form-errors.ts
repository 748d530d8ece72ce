import type { ApiError, FieldIssue } from '../../../shared/ipc/result';

/** One problem to show: in the error summary, and next to its field. */
export interface FormError {
  /** The field (or group) whose inline message this is; matches the component's `id`. */
  fieldId: string;
  /** The element the summary's link focuses (a date's `-day` input, a group's first option); null for no link. */
  targetId: string | null;
  message: string;
}

/** The id of the "Load the current version" button a form shows after a stale save. */
export const LOAD_CURRENT_ID = 'load-current-version';

/** True when a save was refused because someone else changed the record since it was loaded. */
export function isStale(errors: readonly FormError[]): boolean {
  return errors.some((e) => e.fieldId === 'version');
}

/** Where an issue path points: a field id, or a field id and a different link target. */
export type FieldRef = string | { fieldId: string; targetId: string | null };

/**
 * Maps the API's issues (dotted zod paths such as `leadEmail` or `newChildren.0.dateOfBirth`)
 * to the form's fields. By default a path becomes an id by swapping dots for dashes. Only the
 * first problem per field is kept, as GOV.UK shows one message per field, unless `keepAll`.
 */
export function errorsFromIssues(
  issues: readonly FieldIssue[],
  resolve: (path: string) => FieldRef = pathToId,
  options: { keepAll?: boolean } = {},
): FormError[] {
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of issues) {
    // A save over a newer version of the record: the summary links to the button that loads it.
    const ref = issue.path === 'version' ? { fieldId: 'version', targetId: LOAD_CURRENT_ID } : resolve(issue.path);
    const { fieldId, targetId } = typeof ref === 'string' ? { fieldId: ref, targetId: ref } : ref;
    if (seen.has(fieldId) && !options.keepAll) continue;
    seen.add(fieldId);
    errors.push({ fieldId, targetId, message: issue.message });
  }
  return errors;
}

/** The errors of a failed call: its field issues, or its message when it names no field. */
export function errorsFromApi(
  error: ApiError,
  resolve?: (path: string) => FieldRef,
  options?: { keepAll?: boolean },
): FormError[] {
  if (error.issues.length === 0) return [{ fieldId: '', targetId: null, message: error.message }];
  return errorsFromIssues(error.issues, resolve, options);
}

/** `newChildren.0.givenName` → `newChildren-0-givenName`. */
export function pathToId(path: string): string {
  return path.split('.').join('-');
}

/** The inline message for a field, if it has one. */
export function errorFor(errors: readonly FormError[], fieldId: string): string | undefined {
  return errors.find((e) => e.fieldId === fieldId)?.message;
}

/**
 * Focuses a field from an error summary link, scrolling its label or legend into view too (as
 * GOV.UK Frontend does), so the user sees the question and not just the box. `labelAtTop` puts
 * the label at the top of the window, for a field opened from elsewhere (a "Go to Settings" link),
 * where nearest would leave the label at the foot of the window and the box below it.
 */
export function focusField(id: string, options: { labelAtTop?: boolean } = {}): void {
  const field = document.getElementById(id);
  if (!field) return;
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const context = legend ?? label;
  if (context && (options.labelAtTop || context.getBoundingClientRect().top < 0)) context.scrollIntoView();
  else if (context) context.scrollIntoView({ block: 'nearest' });
  field.focus({ preventScroll: context !== null });
}
