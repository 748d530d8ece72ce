import { z } from 'zod';
import { isoDateSchema, idSchema, optionalText, requiredText } from './common';

export const CONFERENCE_TYPES = ['initial', 'review', 'reconvened'] as const;
export const conferenceTypeSchema = z.enum(CONFERENCE_TYPES, { error: () => 'Select the type of conference' });
export type ConferenceType = z.infer<typeof conferenceTypeSchema>;

export const CONFERENCE_TYPE_LABELS: Record<ConferenceType, string> = {
  initial: 'Initial',
  review: 'Review',
  reconvened: 'Reconvened',
};

/** A child added while creating a conference: a date of birth, or an expected date if unborn. */
export const newChildSchema = z
  .object({
    givenName: requiredText('Enter the child’s first name', 100),
    familyName: requiredText('Enter the child’s last name', 100),
    dateOfBirth: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null)),
    expectedDate: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null)),
    caseReference: optionalText(50),
  })
  .superRefine((child, ctx) => {
    const check = (field: 'dateOfBirth' | 'expectedDate', label: string) => {
      const value = child[field];
      if (value !== null && isoDateSchema(label).safeParse(value).success === false) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${label[0]?.toUpperCase()}${label.slice(1)} must be a real date`,
        });
      }
    };
    check('dateOfBirth', 'date of birth');
    check('expectedDate', 'expected date of birth');
    if (child.dateOfBirth === null && child.expectedDate === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'Enter the child’s date of birth, or the expected date if unborn',
      });
    }
    if (child.dateOfBirth !== null && child.expectedDate !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectedDate'],
        message: 'Enter a date of birth or an expected date, not both',
      });
    }
  });
export type NewChildInput = z.input<typeof newChildSchema>;

export const childSchema = z.object({
  id: idSchema,
  familyId: idSchema,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  expectedDate: z.string().nullable(),
  caseReference: z.string().nullable(),
});
export type Child = z.infer<typeof childSchema>;

export const familySchema = z.object({
  id: idSchema,
  name: z.string(),
  caseReference: z.string().nullable(),
  children: z.array(childSchema),
});
export type Family = z.infer<typeof familySchema>;

export const newFamilySchema = z.object({
  name: requiredText('Enter the family name', 100),
  caseReference: optionalText(50),
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A new conference: for an existing family (children picked from it, more added inline) or a new
 * family (children added inline). At least one child is considered.
 */
export const conferenceInputSchema = z
  .object({
    type: conferenceTypeSchema,
    date: isoDateSchema('the date of the conference'),
    time: z
      .string({ error: 'Enter the start time' })
      .trim()
      .regex(TIME, 'Enter the start time as hh:mm, like 09:30 or 14:00'),
    venue: requiredText('Enter the venue, or “Online”'),
    chairName: requiredText('Enter the name of the chair'),
    family: z.union([z.object({ id: idSchema }), newFamilySchema], { error: () => 'Choose a family or add a new one' }),
    childIds: z.array(idSchema).default([]),
    newChildren: z.array(newChildSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.childIds.length + c.newChildren.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['children'], message: 'Select or add at least one child' });
    }
    if (new Set(c.childIds).size !== c.childIds.length) {
      ctx.addIssue({ code: 'custom', path: ['children'], message: 'A child is selected twice' });
    }
  });
export type ConferenceInput = z.input<typeof conferenceInputSchema>;
export type ConferenceFields = z.output<typeof conferenceInputSchema>;

export const conferenceSummarySchema = z.object({
  id: idSchema,
  type: conferenceTypeSchema,
  date: z.string(),
  time: z.string(),
  venue: z.string(),
  chairName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  children: z.array(z.object({ id: idSchema, givenName: z.string(), familyName: z.string() })),
});
export type ConferenceSummary = z.infer<typeof conferenceSummarySchema>;
