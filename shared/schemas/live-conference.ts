import { z } from 'zod';
import { fieldIssueSchema } from '../ipc/result';
import { DUE_KIND_LABELS, type DueKind } from '../conference-deadlines';
import { isIsoDate } from '../dates';
import { OUTCOME_RULES, VIEWS } from '../outcome';
import { agencyTypeSchema } from './agency';
import { idSchema, isoDateSchema, requiredText, strictObject, versionSchema } from './common';
import { conferenceStatusSchema, conferenceSummarySchema, conferenceTypeSchema } from './conference';
import { MAX_LONG_TEXT, MAX_REASON, MAX_REASONS } from './limits';
import { pageOf, pagingFields } from './paging';

export const ATTENDANCE = ['attended', 'apologies-with-report', 'apologies-no-report', 'did-not-attend'] as const;
export const attendanceSchema = z.enum(ATTENDANCE, { error: () => 'Choose attended, apologies or did not attend' });
export type Attendance = z.infer<typeof attendanceSchema>;
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  'apologies-with-report': 'Apologies, report sent',
  'apologies-no-report': 'Apologies, no report',
  'did-not-attend': 'Did not attend',
};

export const REPORT_STATES = ['awaited', 'received', 'not-received'] as const;
export const reportStateSchema = z.enum(REPORT_STATES, { error: () => 'Choose awaited, received or not received' });
export type ReportState = z.infer<typeof reportStateSchema>;

/** National census codes for the category of abuse; MUL only where the partnership allows it. */
export const CATEGORIES = ['NEG', 'PHY', 'EMO', 'SAB', 'MUL'] as const;
export const categorySchema = z.enum(CATEGORIES, { error: () => 'Choose the category of abuse' });
export type Category = z.infer<typeof categorySchema>;
export const CATEGORY_LABELS: Record<Category, string> = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  EMO: 'Emotional abuse',
  SAB: 'Sexual abuse',
  MUL: 'Multiple',
};

export const DECISIONS = ['plan', 'no-plan', 'plan-continues', 'plan-ends', 'adjourned'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  plan: 'Child protection plan',
  'no-plan': 'No child protection plan',
  'plan-continues': 'Plan continues',
  'plan-ends': 'Plan ends',
  adjourned: 'Adjourned',
};

export const viewSchema = z.enum(VIEWS, { error: () => 'Choose plan or no plan' });
export const outcomeRuleSchema = z.enum(OUTCOME_RULES);

export const invitationSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  agencyType: agencyTypeSchema,
  quoracyGroup: z.string().nullable(),
  representativeName: z.string().nullable(),
  representativeRole: z.string().nullable(),
  attendance: attendanceSchema.nullable(),
  report: reportStateSchema,
  reportReceivedOn: z.string().nullable(),
  /** Derived: on time or late against the conference's report due date. */
  reportTimeliness: z.enum(['on-time', 'late']).nullable(),
  /** The invitation's version (its attendance and report), sent back with an edit of either. */
  version: versionSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;

export const childViewSchema = z.object({
  agencyId: idSchema,
  view: viewSchema,
  reasons: z.string(),
  /**
   * The version of what this agency said for this child (its view, or the record that it gave
   * none: one replaces the other and carries the version on); 0 when neither is recorded.
   */
  version: versionSchema,
});

/** The chair's record that an attending agency gave no view for a child, and why. */
export const noViewSchema = z.object({ agencyId: idSchema, reason: z.string(), version: versionSchema });

/** One field of a record as it was and as it became, in words: how every correction is shown. */
export const changeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type Change = z.infer<typeof changeSchema>;

/** A correction made openly: who, when, why, and the values before and after. */
export const correctionSchema = z.object({
  id: idSchema,
  kind: z.enum(['decision', 'details', 'withdrawal']),
  childId: idSchema.nullable(),
  at: z.string(),
  actor: z.string(),
  reason: z.string(),
  changes: z.array(changeSchema),
});
export type Correction = z.infer<typeof correctionSchema>;

const outcomeSchema = z.object({
  result: z.enum(['unanimous', 'majority', 'equally-divided', 'chair-decision']),
  decision: z.enum(['plan', 'no-plan', 'adjourned']),
  interimPlan: z.boolean(),
  reconveneBy: z.string().nullable(),
  minority: z.array(z.string()),
  escalation: z.literal('principal-officer-review').nullable(),
});

export const recordedOutcomeSchema = z.object({
  result: outcomeSchema.shape.result,
  decision: z.enum(DECISIONS),
  interimPlan: z.boolean(),
  reconveneBy: z.string().nullable(),
  category: categorySchema.nullable(),
  escalation: z.literal('principal-officer-review').nullable(),
  decidedAt: z.string(),
  /** Sent back with an amendment of the decision. */
  version: versionSchema,
});
export type RecordedOutcome = z.infer<typeof recordedOutcomeSchema>;

export const liveChildSchema = z.object({
  id: idSchema,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  expectedDate: z.string().nullable(),
  views: z.array(childViewSchema),
  /** The rule applied to the views so far; null until an agency has given a view. */
  preview: outcomeSchema.nullable(),
  /** Minority agencies whose reasons are still blank: required before the decision is recorded. */
  missingReasons: z.array(z.string()),
  recorded: recordedOutcomeSchema.nullable(),
  /** The chair's records of agencies that attended and gave no view, with why. */
  noViews: z.array(noViewSchema),
  /**
   * Agencies that attended but have neither given a view for this child nor been recorded as
   * giving none: the decision waits for each (every attending agency is consulted).
   */
  unconsulted: z.array(z.string()),
  /**
   * What stops this child's decision as the conference stands, each naming its field (quoracy,
   * views, reasons): empty once it can be recorded (the chair's choices of decision and category
   * aside), and for a decided child.
   */
  blockers: z.array(fieldIssueSchema),
  /** Category at the child's first plan and at the latest, across all conferences. */
  initialCategory: categorySchema.nullable(),
  latestCategory: categorySchema.nullable(),
});
export type LiveChild = z.infer<typeof liveChildSchema>;

export const liveConferenceSchema = z.object({
  conference: conferenceSummarySchema.extend({
    status: conferenceStatusSchema,
    cancelledOn: z.string().nullable(),
    cancelReason: z.string().nullable(),
    /** A reconvened conference must be held by this date (the adjourned conference's reconvene-by). */
    mustBeHeldBy: z.string().nullable(),
    /** The conference is dated after today: nothing can be concluded at it yet. */
    future: z.boolean(),
    /** What is recorded on it (attendance, reports, views, …): a conference can be deleted only while this is empty. */
    recorded: z.array(z.string()),
    reconvenesId: idSchema.nullable(),
    reconvenedById: idSchema.nullable(),
    inquorateReason: z.string().nullable(),
    /** Whose words the decision takes: a reconvened conference decides as the one it reconvenes. */
    decidesAs: z.enum(['initial', 'review']),
  }),
  rule: outcomeRuleSchema,
  allowMultipleCategory: z.boolean(),
  reportDue: z.string(),
  invitations: z.array(invitationSchema),
  /**
   * The family's last conference with agencies invited, and those of its agencies (still active)
   * not yet invited here: offered to invite in one step. Null when there is none.
   */
  lastInvited: z
    .object({
      conferenceId: idSchema,
      date: z.string(),
      agencies: z.array(z.object({ id: idSchema, name: z.string() })),
    })
    .nullable(),
  /**
   * The agencies of the usual set (chosen in Settings) still active and not yet invited here,
   * offered to invite in one step; empty when there is no usual set or all are invited.
   */
  usualAgencies: z.array(z.object({ id: idSchema, name: z.string() })),
  quoracy: z.object({
    quorate: z.boolean(),
    childrensSocialCare: z.boolean(),
    counted: z.array(z.string()),
    shortfall: z.string().nullable(),
  }),
  children: z.array(liveChildSchema),
  /** Decisions amended after they were recorded, oldest first. */
  amendments: z.array(correctionSchema),
  warning: z.string().nullable(),
});
export type LiveConference = z.infer<typeof liveConferenceSchema>;

export const inviteInputSchema = strictObject({
  conferenceId: idSchema,
  agencyId: idSchema,
  representativeName: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  representativeRole: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
});

/** Invites several agencies at once (those of the family's last conference): all or none. */
export const inviteManyInputSchema = strictObject({
  conferenceId: idSchema,
  agencyIds: z
    .array(idSchema)
    .min(1, 'Choose at least one agency to invite')
    .max(500, 'Invite 500 agencies or fewer at once'),
});

/** One view for one child from every attending agency that has given none yet (nor been recorded as giving none). */
export const setAllViewsInputSchema = strictObject({
  conferenceId: idSchema,
  childId: idSchema,
  view: viewSchema,
});

export const setViewInputSchema = strictObject({
  conferenceId: idSchema,
  childId: idSchema,
  agencyId: idSchema,
  /** null withdraws the agency's view. */
  view: viewSchema.nullable(),
  reasons: z.string().max(MAX_REASONS, 'Reasons must be 20,000 characters or fewer').default(''),
  /** What this agency said for this child, as the caller loaded it (0: nothing yet); see `childViewSchema`. */
  version: versionSchema.optional(),
});

/**
 * The chair records that an attending agency gives no view for a child, and why (null withdraws
 * the record). A view given later replaces it.
 */
export const setNoViewInputSchema = strictObject({
  conferenceId: idSchema,
  childId: idSchema,
  agencyId: idSchema,
  reason: requiredText('Enter why the agency gives no view', MAX_REASON).nullable(),
  /** As for `setViewInputSchema`. */
  version: versionSchema.optional(),
});

export const recordDecisionInputSchema = strictObject({
  conferenceId: idSchema,
  childId: idSchema,
  category: categorySchema.nullish().transform((v) => v ?? null),
  /** Only under the "chair decides" rule. */
  chairDecision: viewSchema.optional(),
});

/**
 * Amends a recorded decision, with the reason: corrected views (or records of no view) and the
 * category. The outcome is worked out again by the partnership's rule; an amendment cannot turn a
 * decision into an adjournment or back (cancel or re-hold the reconvened conference instead).
 */
export const amendDecisionInputSchema = strictObject({
  conferenceId: idSchema,
  childId: idSchema,
  /** The recorded decision's version as the caller loaded it. */
  version: versionSchema,
  reason: requiredText('Enter why the decision is amended', MAX_REASON),
  views: z
    .array(
      strictObject({
        agencyId: idSchema,
        view: viewSchema.nullable(),
        reasons: z.string().max(MAX_LONG_TEXT, 'Reasons must be 20,000 characters or fewer').default(''),
      }),
    )
    .max(100)
    .default([]),
  noViews: z
    .array(
      strictObject({
        agencyId: idSchema,
        reason: requiredText('Enter why the agency gives no view', MAX_REASON).nullable(),
      }),
    )
    .max(100)
    .default([]),
  /** The corrected category; absent keeps the recorded one. */
  category: categorySchema.nullable().optional(),
  /** Only under the "chair decides" rule. */
  chairDecision: viewSchema.optional(),
});

export const scheduleReconvenedInputSchema = strictObject({
  conferenceId: idSchema,
  date: isoDateSchema('the date of the reconvened conference'),
  time: z
    .string({ error: 'Enter the start time' })
    .trim()
    .max(5, 'Enter the start time as hh:mm, like 09:30 or 14:00')
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time as hh:mm, like 09:30 or 14:00'),
  venue: requiredText('Enter the venue, or “Online”'),
});

export const adjournmentSchema = z.object({
  conferenceId: idSchema,
  type: conferenceTypeSchema,
  date: z.string(),
  familyName: z.string(),
  children: z.array(
    z.object({ id: idSchema, givenName: z.string(), familyName: z.string(), interimPlan: z.boolean() }),
  ),
  reconveneBy: z.string(),
  workingDaysLeft: z.number().int(),
  reconvenedId: idSchema.nullable(),
  reconvenedDate: z.string().nullable(),
  /**
   * Where the reconvening stands: to be scheduled; reconvening on its date (scheduled, not yet
   * decided); or reconvened (the reconvened conference has recorded its decisions).
   */
  state: z.enum(['to-schedule', 'reconvening', 'reconvened']),
});
export type Adjournment = z.infer<typeof adjournmentSchema>;

export const DUE_KINDS = Object.keys(DUE_KIND_LABELS) as DueKind[];
export const dueItemSchema = z.object({
  conferenceId: idSchema,
  conferenceDate: z.string(),
  conferenceType: conferenceTypeSchema,
  familyName: z.string(),
  /** The child the item is for (first core group, next review, Principal Officer review); null for the conference's own. */
  childId: idSchema.nullable(),
  childName: z.string().nullable(),
  kind: z.enum([
    'decision-letter',
    'minutes',
    'first-core-group',
    'next-review',
    'reconvene',
    'principal-officer-review',
  ]),
  label: z.string(),
  due: z.string(),
  overdue: z.boolean(),
  /** Working days until due (negative when overdue). */
  workingDays: z.number().int(),
});
export type DueItemRow = z.infer<typeof dueItemSchema>;

/** The columns the list of what falls due sorts by. */
export const DUE_SORTS = ['due', 'what', 'family', 'child', 'conference'] as const;
export type DueSort = (typeof DUE_SORTS)[number];

/**
 * What falls due: a page of it, soonest first unless asked. `limit` is the page size under its
 * name from before paging, kept for scripts that send it.
 */
export const dueListInputSchema = strictObject({
  ...pagingFields(DUE_SORTS, { sort: 'due', direction: 'asc' }),
  limit: z.number().int().min(1).max(1000, 'Limit must be 1,000 or less').optional(),
});
export type DueListInput = z.output<typeof dueListInputSchema>;

/** A page of what falls due, and how many items are open in all. */
export const dueListSchema = pageOf(dueItemSchema);

/** Attendance at a conference, from its day; `version` is the invitation's as the caller loaded it. */
export const setAttendanceInputSchema = strictObject({
  conferenceId: idSchema,
  agencyId: idSchema,
  attendance: attendanceSchema.nullable(),
  version: versionSchema.optional(),
});

/** An agency's report: awaited, received (and when) or not received. */
export const setReportInputSchema = strictObject({
  conferenceId: idSchema,
  agencyId: idSchema,
  report: reportStateSchema,
  receivedOn: z
    .string()
    .max(10, 'The date received must be a real date')
    .refine(isIsoDate, 'The date received must be a real date')
    .nullish()
    .transform((v) => v ?? null),
  version: versionSchema.optional(),
});
