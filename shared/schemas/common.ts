import { z } from 'zod';
import { isIsoDate } from '../dates';

/** Database identifiers as they cross the contract: positive whole numbers. */
export const idSchema = z
  .number({ error: 'Choose a record' })
  .int('Identifier must be a whole number')
  .positive('Identifier must be a positive number');

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

/** A real date written YYYY-MM-DD. */
export function isoDateSchema(label: string) {
  return z
    .string({ error: `Enter ${label}` })
    .min(1, `Enter ${label}`)
    .refine(isIsoDate, `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} must be a real date`);
}
