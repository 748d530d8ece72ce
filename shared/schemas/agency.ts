import { z } from 'zod';
import { idSchema, optionalText, requiredText, strictObject, versionSchema } from './common';
import { pageOf, pagingFields } from './paging';

/** Agency types as the directory groups them. Children's social care anchors quoracy. */
export const AGENCY_TYPES = [
  'childrens-social-care',
  'health',
  'police',
  'education',
  'probation',
  'housing',
  'voluntary',
  'other',
] as const;
export const agencyTypeSchema = z.enum(AGENCY_TYPES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ''
      ? 'Select the type of agency'
      : `Type "${String(issue.input)}" is not one of ${AGENCY_TYPES.join(', ')}`,
});
export type AgencyType = z.infer<typeof agencyTypeSchema>;

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  'childrens-social-care': "Children's social care",
  health: 'Health',
  police: 'Police',
  education: 'Education',
  probation: 'Probation',
  housing: 'Housing',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What an administrator enters for an agency. The quoracy group names agencies that count once
 * between them (e.g. every health service in group "health"); blank means the agency counts on
 * its own.
 */
export const agencyInputSchema = strictObject({
  name: requiredText('Enter the agency name'),
  type: agencyTypeSchema,
  quoracyGroup: optionalText(80),
  leadName: optionalText(),
  leadJobTitle: optionalText(),
  leadEmail: z
    .string()
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .refine((v) => v === '' || EMAIL.test(v), 'Enter an email address in the correct format, like name@example.com')
    .nullish()
    .transform((v) => (v ? v : null)),
  leadPhone: z
    .string()
    .trim()
    .max(40, 'Phone number must be 40 characters or fewer')
    .refine((v) => v === '' || /^[0-9+() -]{6,}$/.test(v), 'Enter a phone number, like 01632 960 001')
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type AgencyInput = z.input<typeof agencyInputSchema>;
export type AgencyFields = z.output<typeof agencyInputSchema>;

export const agencySchema = z.object({
  id: idSchema,
  name: z.string(),
  type: agencyTypeSchema,
  quoracyGroup: z.string().nullable(),
  leadName: z.string().nullable(),
  leadJobTitle: z.string().nullable(),
  leadEmail: z.string().nullable(),
  leadPhone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Sent back with an edit; see `versionSchema`. */
  version: versionSchema,
});
export type Agency = z.infer<typeof agencySchema>;

/** An edit of an agency: its fields, and the version the caller loaded (see `versionSchema`). */
export const agencyUpdateInputSchema = strictObject({
  id: idSchema,
  version: versionSchema,
  fields: agencyInputSchema,
});

/** Deactivates or reactivates an agency; with `version`, only if nobody has changed it since. */
export const agencySetActiveInputSchema = strictObject({
  id: idSchema,
  active: z.boolean(),
  version: versionSchema.optional(),
});

/** The columns the agency directory sorts by; `status` puts active agencies first. */
export const AGENCY_SORTS = ['status', 'name', 'type', 'group', 'lead'] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];

/** The agency directory: a search of name, type, group and lead, a page of it, and its order. */
export const agencyListInputSchema = strictObject({
  search: z.string().trim().max(100, 'The search must be 100 characters or fewer').default(''),
  includeInactive: z.boolean().default(true),
  ...pagingFields(AGENCY_SORTS, { sort: 'status', direction: 'asc' }),
});
export type AgencyListInput = z.output<typeof agencyListInputSchema>;

/** A page of the agency directory and how many agencies match in all. */
export const agencyListSchema = pageOf(agencySchema);
