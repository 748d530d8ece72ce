import type { ErrorCode, FieldIssue } from '../../../../shared/ipc/result';

/**
 * A refusal a user can act on: the code says what kind, the message says what to fix, the
 * issues name the fields. Thrown inside a service's transaction so nothing is written; turned
 * into an `{ ok: false, error }` value at the edge.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export function invalid(path: string, message: string): ServiceError {
  return new ServiceError('invalid-input', message, [{ path, message }]);
}

export function notFound(what: string, id: number): ServiceError {
  return new ServiceError('not-found', `No ${what} with id ${id}`);
}

/**
 * A save refused because the record changed after the caller loaded it (its version moved on):
 * says so, shows what the record says now, field by field, and what to do. Nothing is written.
 */
export function staleEdit(
  what: string,
  now: readonly (readonly [label: string, value: string | number | null])[],
  verb: 'was' | 'were' = 'was',
): ServiceError {
  const reads = now.map(([label, value]) => `${label} ${value === null || value === '' ? '(blank)' : String(value)}`);
  const message =
    `${what} ${verb} changed by someone else since you opened it. It now reads: ${reads.join(', ')}. ` +
    'Reload to see it, then make your change again.';
  // The issue names `version`, the field that is out of date: a form links it to its
  // "Load the current version" button, and tells it apart from other conflicts (a duplicate name).
  return new ServiceError('conflict', message, [{ path: 'version', message }]);
}
