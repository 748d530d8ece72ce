import { z } from 'zod';

/**
 * How every call across the contract answers: a value, or an error as a value. Errors are never
 * thrown across the boundary, so the renderer always knows what it is holding.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'forbidden',
  'signed-out',
  'locked',
  'read-only',
  'unknown-channel',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({
  /** Dotted path of the field, e.g. `leadEmail` or `newChildren.0.dateOfBirth`; empty for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(fieldIssueSchema),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Turns zod issues into field issues whose message names the field. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    // An unknown key is named in the path, so the field issue points at what to remove or fix.
    const path =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, ...issue.keys] : issue.path;
    return { path: path.map(String).join('.'), message: issue.message };
  });
}

/** One line naming each field and what is wrong, for logs-free places like the CLI. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
