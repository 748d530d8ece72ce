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
