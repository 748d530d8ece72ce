import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  optionalIsoDate,
  optionalText,
  requiredText,
  strictObject,
  versionSchema,
} from './common';
import { MAX_LIST, MAX_REASON } from './limits';
import { pageOf, pagingFields } from './paging';

export const CONFERENCE_TYPES = ['initial', 'review', 'reconvened'] as const;
export const conferenceTypeSchema = z.enum(CONFERENCE_TYPES, { error: () => 'Select the type of conference' });
export type ConferenceType = z.infer<typeof conferenceTypeSchema>;

export const CONFERENCE_TYPE_LABELS: Record<ConferenceType, string> = {
  initial: 'Initial',
  review: 'Review',
  reconvened: 'Reconvened',
};

/**
 * A child added while creating a conference: a date of birth, or an expected date if unborn.
 * Whether the dates are possible (not born in the future, under 18 at the conference, an expected
 * date near today) is checked by the service, which knows today.
 */
export const newChildSchema = strictObject({
  givenName: requiredText('Enter the child’s first name', 100),
  familyName: requiredText('Enter the child’s last name', 100),
  dateOfBirth: optionalIsoDate('date of birth'),
  expectedDate: optionalIsoDate('expected date of birth'),
  caseReference: optionalText(50),
}).superRefine((child, ctx) => {
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

export const newFamilySchema = strictObject({
  name: requiredText('Enter the family name', 100),
  caseReference: optionalText(50),
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const timeSchema = z
  .string({ error: 'Enter the start time' })
  .trim()
  .max(5, 'Enter the start time as hh:mm, like 09:30 or 14:00')
  .regex(TIME, 'Enter the start time as hh:mm, like 09:30 or 14:00');

/**
 * A new conference: for an existing family (children picked from it, more added inline) or a new
 * family (children added inline). At least one child is considered, each once. A reconvened
 * conference is not created here: it is scheduled from the conference it reconvenes
 * (`conferences.scheduleReconvened`), which sets its limit. A new family or child that matches
 * one already in the register is refused, naming it, unless `confirmedNew` says they differ.
 */
export const conferenceInputSchema = strictObject({
  type: conferenceTypeSchema,
  date: isoDateSchema('the date of the conference'),
  time: timeSchema,
  venue: requiredText('Enter the venue, or “Online”'),
  chairName: requiredText('Enter the name of the chair'),
  family: z.union([strictObject({ id: idSchema }), newFamilySchema], {
    error: () => 'Choose a family or add a new one',
  }),
  childIds: z.array(idSchema).max(20, 'Choose 20 children or fewer').default([]),
  newChildren: z.array(newChildSchema).max(20, 'Add 20 children or fewer').default([]),
  /** The user has seen the matching records the register offered and these are different people. */
  confirmedNew: z.boolean().default(false),
}).superRefine((c, ctx) => {
  if (c.type === 'reconvened') {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: 'Schedule a reconvened conference from the conference it reconvenes, so it is held within its limit',
    });
  }
  if (c.childIds.length + c.newChildren.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['children'], message: 'Select or add at least one child' });
  }
  if (new Set(c.childIds).size !== c.childIds.length) {
    ctx.addIssue({ code: 'custom', path: ['children'], message: 'A child is selected twice' });
  }
});
export type ConferenceInput = z.input<typeof conferenceInputSchema>;
export type ConferenceFields = z.output<typeof conferenceInputSchema>;

/**
 * Where a conference stands: scheduled (still to be held, or being held), concluded (every
 * child decided), adjourned (a child's view was equally divided), or cancelled (with a reason).
 */
export const CONFERENCE_STATUSES = ['scheduled', 'concluded', 'adjourned', 'cancelled'] as const;
export const conferenceStatusSchema = z.enum(CONFERENCE_STATUSES);
export type ConferenceStatus = z.infer<typeof conferenceStatusSchema>;
export const CONFERENCE_STATUS_LABELS: Record<ConferenceStatus, string> = {
  scheduled: 'Scheduled',
  concluded: 'Concluded',
  adjourned: 'Adjourned',
  cancelled: 'Cancelled',
};

export const conferenceSummarySchema = z.object({
  id: idSchema,
  type: conferenceTypeSchema,
  status: conferenceStatusSchema,
  date: z.string(),
  time: z.string(),
  venue: z.string(),
  chairName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  children: z.array(z.object({ id: idSchema, givenName: z.string(), familyName: z.string() })),
  /** Sent back with an edit of the conference; see `versionSchema`. */
  version: versionSchema,
});
export type ConferenceSummary = z.infer<typeof conferenceSummarySchema>;

/** The columns the conference list sorts by. */
export const CONFERENCE_SORTS = ['date', 'type', 'status', 'family', 'chair', 'venue'] as const;
export type ConferenceSort = (typeof CONFERENCE_SORTS)[number];

/**
 * The conference list: a search (ignoring case and accents) of family names, children's names,
 * case references and chairs, a page of it, and its order (newest first unless asked).
 * `limit` is the page size under its name from before paging, kept for scripts that send it.
 */
export const conferenceListInputSchema = strictObject({
  search: z.string().trim().max(100, 'The search must be 100 characters or fewer').default(''),
  ...pagingFields(CONFERENCE_SORTS, { sort: 'date', direction: 'desc' }),
  limit: z.number().int().min(1).max(500, 'Limit must be 500 or less').optional(),
});
export type ConferenceListInput = z.output<typeof conferenceListInputSchema>;

/** A page of conferences and how many match in all. */
export const conferenceListSchema = pageOf(conferenceSummarySchema);

/**
 * Corrects a scheduled conference: its date, time, venue or chair (any of them). A new date
 * clears attendance (as re-dating does) and, for a reconvened conference, must fall within its
 * limit; nothing can be changed once a view is given or a decision recorded.
 */
export const conferenceUpdateInputSchema = strictObject({
  id: idSchema,
  /** The conference's version as the caller loaded it. */
  version: versionSchema,
  date: isoDateSchema('the date of the conference').optional(),
  time: timeSchema.optional(),
  venue: requiredText('Enter the venue, or “Online”').optional(),
  chairName: requiredText('Enter the name of the chair').optional(),
}).refine((v) => v.date !== undefined || v.time !== undefined || v.venue !== undefined || v.chairName !== undefined, {
  path: ['date'],
  message: 'Change the date, time, venue or chair',
});

/** Cancels a scheduled conference, with the reason: it stays in the register, marked cancelled. */
export const conferenceCancelInputSchema = strictObject({
  id: idSchema,
  /** With it, the conference is cancelled only if nobody has changed it since. */
  version: versionSchema.optional(),
  reason: requiredText('Enter why the conference is cancelled', MAX_REASON),
});

/** Limits on any list of ids a caller sends. */
export const idListSchema = z.array(idSchema).max(MAX_LIST);

/** A new family and its new children, to look for records already in the register. */
export const matchesInputSchema = strictObject({
  family: strictObject({
    name: requiredText('Enter the family name', 100),
    caseReference: optionalText(50),
  }).nullable(),
  children: z
    .array(
      strictObject({
        givenName: requiredText('Enter the child’s first name', 100),
        familyName: requiredText('Enter the child’s last name', 100),
        dateOfBirth: optionalIsoDate('date of birth'),
        expectedDate: optionalIsoDate('expected date of birth'),
      }),
    )
    .max(20)
    .default([]),
});

/**
 * A record already in the register that a new family or child matches: the same child (names and
 * date of birth, ignoring case, accents of apostrophes and spacing), or the same family (its case
 * reference, or its name with one of the same children). `newChildIndex` says which new child.
 */
export const duplicateMatchSchema = z.object({
  newChildIndex: z.number().int().nullable(),
  family: z.object({ id: idSchema, name: z.string(), caseReference: z.string().nullable() }),
  child: childSchema.nullable(),
  why: z.string(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;
