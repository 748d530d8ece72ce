import { z } from 'zod';

/**
 * The child's gender, ethnicity and SEND as the Croydon Escalation Notification Form asks for them
 * ("Details of child/young person": Gender, Ethnicity, SEND). On the Word form each is a drop-down
 * ("Choose an item."); the policy's text lost the lists, so these are the national lists such
 * drop-downs follow: the DfE children-in-need census codes for ethnicity, and the national
 * returns' categories for gender and for special educational needs (SEN support, an EHC plan).
 * Stored as the code; a register made before the lists may hold free text instead, which is shown
 * as recorded (see `characteristicLabel`).
 */

/** Gender; "Unborn child" for an escalation about a baby not yet born. */
export const GENDERS = ['female', 'male', 'other', 'not-known', 'unborn'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-known': 'Not known',
  unborn: 'Unborn child',
};

/** Ethnicity: the DfE children-in-need census codes, in the census's order. */
export const ETHNICITIES = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];
export const ETHNICITY_LABELS: Record<Ethnicity, string> = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
};

/** Special educational needs and disabilities: the support the child has. */
export const SEND_STATUSES = ['none', 'sen-support', 'ehc-plan', 'being-assessed', 'not-known'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
export const SEND_LABELS: Record<SendStatus, string> = {
  none: 'No special educational needs',
  'sen-support': 'SEN support',
  'ehc-plan': 'Education, health and care (EHC) plan',
  'being-assessed': 'Being assessed',
  'not-known': 'Not known',
};

/**
 * An optional choice from one of the lists: a code, or nothing (absent, `null` or blank, all
 * stored as `null`). Anything else is refused with `message`, naming the field.
 */
function optionalChoice<const T extends readonly [string, ...string[]]>(codes: T, message: string) {
  return z
    .enum(['', ...codes], { error: () => message })
    .nullish()
    .transform((v): T[number] | null => (v ? v : null));
}

export const genderSchema = optionalChoice(GENDERS, 'Choose the child’s gender from the list');
export const ethnicitySchema = optionalChoice(ETHNICITIES, 'Choose the child’s ethnicity from the list');
export const sendSchema = optionalChoice(SEND_STATUSES, 'Choose the child’s SEND from the list');

/**
 * What to show for a stored gender, ethnicity or SEND: the list's label for a code; free text
 * recorded before the lists, as recorded; `null` when nothing is recorded.
 */
export function characteristicLabel(labels: Readonly<Record<string, string>>, value: string | null | undefined) {
  const text = value?.trim();
  if (!text) return null;
  return Object.entries(labels).find(([code]) => code === text)?.[1] ?? text;
}

export const genderLabel = (value: string | null | undefined) => characteristicLabel(GENDER_LABELS, value);
export const ethnicityLabel = (value: string | null | undefined) => characteristicLabel(ETHNICITY_LABELS, value);
export const sendLabel = (value: string | null | undefined) => characteristicLabel(SEND_LABELS, value);

/** The options for a select: a blank "Not recorded" first, then the list in its order. */
export function characteristicOptions<T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
): { value: '' | T; text: string }[] {
  return [{ value: '', text: 'Not recorded' }, ...codes.map((code) => ({ value: code, text: labels[code] }))];
}

/** The code `value` names in `codes`, or `null` (a select's blank option, or anything else). */
export function codeIn<T extends string>(codes: readonly T[], value: string): T | null {
  return codes.find((code) => code === value) ?? null;
}
