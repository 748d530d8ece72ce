import { z } from 'zod';
import { isIsoDate } from '../dates';
import { FIRST_REGISTER_DATE, LAST_REGISTER_DATE } from '../record-dates';

/** Database identifiers as they cross the contract: positive whole numbers. */
export const idSchema = z
  .number({ error: 'Choose a record' })
  .int('Identifier must be a whole number')
  .positive('Identifier must be a positive number')
  .max(Number.MAX_SAFE_INTEGER, 'Identifier is too large');

/**
 * A record's version as the caller loaded it: 1 when it was made, one more at every change. An
 * edit sends it back, and is refused (code `conflict`, showing the record as it now is) when
 * someone else has changed the record since. 0 stands for a record not yet made (an agency's
 * view for a child not yet given), so that two people cannot both give the first one unseen.
 */
export const versionSchema = z
  .number({ error: 'Send the version of the record you loaded (reload it, then make your change again)' })
  .int('Version must be a whole number')
  .min(0, 'Version must be 0 or more')
  .max(Number.MAX_SAFE_INTEGER, 'Version is too large');

/** Required text, trimmed, with the GOV.UK-style message to show when it is empty. */
export function requiredText(message: string, max = 200) {
  return z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`);
}

/** Optional text: empty or blank becomes `null`. */
export function optionalText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/**
 * A real date written YYYY-MM-DD, within the register's years (2000 to 2099): "2026-02-30",
 * "26-03-01" and "9999-01-01" are refused here, at the edge. Rules that depend on today (not in
 * the future, near today) are the services', which know the register's clock.
 */
export function isoDateSchema(label: string) {
  const Label = `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}`;
  return z
    .string({ error: `Enter ${label}` })
    .min(1, `Enter ${label}`)
    .max(10, `${Label} must be a real date in the form YYYY-MM-DD`)
    .refine(isIsoDate, `${Label} must be a real date`)
    .refine(
      (v) => !isIsoDate(v) || (v >= FIRST_REGISTER_DATE && v <= LAST_REGISTER_DATE),
      `${Label} must be between ${FIRST_REGISTER_DATE.slice(0, 4)} and ${LAST_REGISTER_DATE.slice(0, 4)}`,
    );
}

/** An optional date: blank or absent becomes `null`; anything else must be a real date as above. */
export function optionalIsoDate(label: string) {
  const Label = `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}`;
  return z
    .string()
    .trim()
    .max(10, `${Label} must be a real date in the form YYYY-MM-DD`)
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(isoDateSchema(label).nullable());
}

/**
 * An object that refuses keys it does not know, naming them ("a mistyped "Rule" must not
 * silently fall back to the default rule"), and suggesting the field meant when only its
 * capitals or punctuation differ. Every input that crosses the contract, and every JSON file the
 * register reads, is made of these.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFieldsMessage(issue.keys, known) : undefined),
  });
}

function squash(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** "Unknown field "Rule": did you mean "rule"?", or the fields allowed here. */
export function unknownFieldsMessage(keys: readonly string[], known: readonly string[]): string {
  const quoted = keys.map((k) => `“${k}”`).join(', ');
  const meant = keys.map((k) => known.find((n) => squash(n) === squash(k)));
  const head = keys.length === 1 ? `Unknown field ${quoted}` : `Unknown fields ${quoted}`;
  if (meant.every((m) => m !== undefined)) {
    return `${head}: did you mean ${meant.map((m) => `“${m}”`).join(', ')}?`;
  }
  return `${head}: the fields here are ${known.join(', ') || 'none'}`;
}
