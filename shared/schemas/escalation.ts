import { z } from 'zod';
import { protocolSchema } from '../escalation-protocols';
import { ethnicitySchema, genderSchema, sendSchema } from './child-characteristics';
import {
  idSchema,
  isoDateSchema,
  optionalIsoDate,
  optionalText,
  requiredText,
  strictObject,
  versionSchema,
} from './common';
import { correctionSchema } from './live-conference';
import { MAX_ACTION, MAX_ADDRESS, MAX_ATTENDEES, MAX_LONG_TEXT, MAX_REASON } from './limits';
import { pageOf, pagingFields } from './paging';

/** The natures of professional difference, as ticked on the Kirklees Appendix 5 record. */
export const NATURES = [
  'referral-decision',
  'assessment',
  'plan-implementation',
  'plan-effectiveness',
  'information-sharing',
  'conference-decision',
  'other',
] as const;
export const natureSchema = z.enum(NATURES, { error: () => 'Choose the nature of the difference' });
export type Nature = z.infer<typeof natureSchema>;
export const NATURE_LABELS: Record<Nature, string> = {
  'referral-decision': 'Referral decision',
  assessment: 'Need for, or outcome of, an assessment',
  'plan-implementation': 'Implementation of the child’s plan',
  'plan-effectiveness': 'Effectiveness of the child’s plan, drift or delay',
  'information-sharing': 'Information sharing',
  'conference-decision': 'Child protection conference decision',
  other: 'Other',
};

/** The guidance shown wherever a child is at immediate risk: the concern does not wait on a stage clock. */
export const IMMEDIATE_RISK_GUIDANCE =
  'A child at immediate risk of significant harm: use the normal safeguarding route now (children’s social care, or 999 if a child is in immediate danger). Escalate the same working day; do not wait for this process.';

const person = (label: string) => ({
  name: requiredText(`Enter the name of the person ${label}`),
  title: optionalText(),
  agency: optionalText(),
});

/** An optional email address: blank becomes `null`; anything else must look like one. */
const optionalEmail = () =>
  optionalText(254).refine(
    (v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    'Enter an email address in the correct format, like name@example.com',
  );

/**
 * The person escalating: name, job title and agency (Kirklees Appendix 5 "Matter escalated by"),
 * and an email address (the Croydon Escalation Notification Form's "Details of person completing
 * notification").
 */
const escalatingPerson = () => strictObject({ ...person('escalating'), email: optionalEmail() });

export const openEscalationInputSchema = strictObject({
  protocolId: idSchema.optional(),
  familyId: idSchema.nullish().transform((v) => v ?? null),
  childId: idSchema.nullish().transform((v) => v ?? null),
  subjectName: requiredText('Enter the child’s or family’s name'),
  /** The child's date of birth (or an unborn child's expected date). */
  subjectDateOfBirth: optionalIsoDate('the date of birth'),
  subjectAddress: optionalText(MAX_ADDRESS),
  /**
   * Croydon Escalation Notification Form: "Gender", "Ethnicity", "SEND" (optional), each a code
   * from the form's drop-down lists (`child-characteristics.ts`).
   */
  subjectGender: genderSchema,
  subjectEthnicity: ethnicitySchema,
  subjectSend: sendSchema,
  conferenceId: idSchema.nullish().transform((v) => v ?? null),
  followUpId: idSchema.nullish().transform((v) => v ?? null),
  initiatingAgencyId: idSchema,
  challengedAgencyId: idSchema,
  natures: z.array(natureSchema).min(1, 'Tick at least one nature of the difference').max(NATURES.length),
  natureOther: optionalText(500),
  details: requiredText('Enter the details of the difference', MAX_LONG_TEXT),
  outcomeSought: requiredText('Enter the outcome sought', MAX_LONG_TEXT),
  immediateRisk: z.boolean().default(false),
  openedOn: isoDateSchema('the date of the initial escalation'),
  escalatedBy: escalatingPerson(),
  /** The concerns as raised at stage 1 (Croydon: "Brief description of your concerns"). */
  concerns: optionalText(MAX_LONG_TEXT),
  escalatedTo: strictObject({ name: optionalText(), title: optionalText(), agency: optionalText() }).default({
    name: null,
    title: null,
    agency: null,
  }),
  /**
   * The stage the escalation starts at: the first by default, or (from a Principal Officer
   * review) that protocol's Principal Officer review stage. A later stage only where the
   * procedure allows it, with the reason.
   */
  startStage: z.number().int().min(1).max(20).optional(),
  startReason: optionalText(MAX_REASON),
}).superRefine((v, ctx) => {
  if (v.natures.includes('other') && !v.natureOther) {
    ctx.addIssue({
      code: 'custom',
      path: ['natureOther'],
      message: 'Say what the other nature of the difference is',
    });
  }
  if (v.initiatingAgencyId === v.challengedAgencyId) {
    ctx.addIssue({
      code: 'custom',
      path: ['challengedAgencyId'],
      message: 'The agency challenged must differ from the agency escalating',
    });
  }
});
export type OpenEscalationInput = z.input<typeof openEscalationInputSchema>;
export type OpenEscalationFields = z.output<typeof openEscalationInputSchema>;

/** The response at the current stage. */
export const stageResponseInputSchema = strictObject({
  escalationId: idSchema,
  /** With it, the response is recorded only if nobody has changed the escalation since. */
  version: versionSchema.optional(),
  number: z.number().int().min(1).max(20),
  responseFrom: strictObject(person('responding')),
  responseOn: isoDateSchema('the date of the response'),
  summary: requiredText('Enter a summary of the response', MAX_LONG_TEXT),
  resolved: z.boolean({ error: 'Say whether the response resolved the difference' }),
  /** Croydon Escalation Notification Form: "Summary of key learning" at this stage. */
  learning: optionalText(MAX_LONG_TEXT),
});

/** Moving on to the next stage: the current stage closes and the next opens with its own clock. */
export const escalateInputSchema = strictObject({
  escalationId: idSchema,
  on: isoDateSchema('the date of the escalation'),
  escalatedBy: escalatingPerson(),
  escalatedTo: strictObject(person('receiving the escalation')),
  /**
   * The concerns as put at the new stage (Croydon: "Brief description of your concerns"; at stage
   * 5 "Outline concerns along with supporting evidence").
   */
  concerns: optionalText(MAX_LONG_TEXT),
});

/**
 * Closes the escalation, resolved or not. A restorative debrief (Kirklees stage 7) follows
 * resolution: it may be recorded with a resolved closing, or later.
 */
export const closeEscalationInputSchema = strictObject({
  escalationId: idSchema,
  on: isoDateSchema('the date it closed'),
  resolved: z.boolean({ error: 'Say whether the difference was resolved' }),
  learning: optionalText(MAX_LONG_TEXT),
  restorativeDebrief: optionalText(MAX_LONG_TEXT),
});

/** The restorative debrief after a resolved escalation (Kirklees: "Following resolution consider: Stage 7"). */
export const debriefInputSchema = strictObject({
  escalationId: idSchema,
  on: isoDateSchema('the date of the debrief'),
  notes: requiredText('Enter what the debrief covered and agreed', MAX_LONG_TEXT),
});

/**
 * The written record of the Principal Officer review meeting (North Lincolnshire SAfE: "A written
 * record will be made of the key areas of discussion, disagreement, agreements and actions"); the
 * actions are the escalation's actions.
 */
export const reviewMeetingInputSchema = strictObject({
  escalationId: idSchema,
  heldOn: isoDateSchema('the date of the meeting'),
  reviewType: requiredText('Enter the type of review the Principal Officer agreed', 200),
  chairedBy: requiredText('Enter the Principal Officer who chaired the meeting', 200),
  attendees: requiredText('Enter who attended', MAX_ATTENDEES),
  discussion: requiredText('Enter the key areas of discussion', MAX_LONG_TEXT),
  disagreements: requiredText('Enter the disagreements', MAX_LONG_TEXT),
  agreements: requiredText('Enter the agreements', MAX_LONG_TEXT),
});

export const reviewMeetingSchema = z.object({
  stageNumber: z.number().int(),
  heldOn: z.string(),
  reviewType: z.string(),
  chairedBy: z.string(),
  attendees: z.string(),
  discussion: z.string(),
  disagreements: z.string(),
  agreements: z.string(),
});
export type ReviewMeeting = z.infer<typeof reviewMeetingSchema>;

export const actionInputSchema = strictObject({
  escalationId: idSchema,
  action: requiredText('Enter the action', MAX_ACTION),
  byWhom: requiredText('Enter who will do it'),
  agreedOn: isoDateSchema('the date the action was agreed'),
  completeBy: optionalIsoDate('the date to complete it by'),
});

/**
 * Corrects an escalation's details, with the reason: any of the record's descriptive fields (the
 * child, the agencies, the nature, details and outcome sought, immediate risk), and its link to a
 * conference and the child at it. Its dates and
 * stages are its history and are not corrected here.
 */
export const correctEscalationInputSchema = strictObject({
  escalationId: idSchema,
  /** The escalation's version as the caller loaded it. */
  version: versionSchema,
  reason: requiredText('Enter why the details are corrected', MAX_REASON),
  subjectName: requiredText('Enter the child’s or family’s name').optional(),
  subjectDateOfBirth: optionalIsoDate('the date of birth').optional(),
  subjectAddress: optionalText(500).optional(),
  initiatingAgencyId: idSchema.optional(),
  challengedAgencyId: idSchema.optional(),
  natures: z.array(natureSchema).min(1, 'Tick at least one nature of the difference').max(NATURES.length).optional(),
  natureOther: optionalText(500).optional(),
  details: requiredText('Enter the details of the difference', MAX_LONG_TEXT).optional(),
  outcomeSought: requiredText('Enter the outcome sought', MAX_LONG_TEXT).optional(),
  immediateRisk: z.boolean().optional(),
  /**
   * Links an escalation started by hand to the conference it concerns: the conference, its family
   * and the child considered at it, given together (the register checks they belong together).
   */
  familyId: idSchema.optional(),
  childId: idSchema.optional(),
  conferenceId: idSchema.optional(),
});

/** Where an escalation stands: open, resolved, or closed without agreement. */
export const ESCALATION_STATUSES = ['open', 'resolved', 'closed-unresolved'] as const;
export const escalationStatusSchema = z.enum(ESCALATION_STATUSES);
export type EscalationStatus = z.infer<typeof escalationStatusSchema>;
export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  'closed-unresolved': 'Closed unresolved',
};

export const stageSchema = z.object({
  number: z.number().int(),
  name: z.string(),
  formalRecord: z.boolean(),
  openedOn: z.string(),
  dueOn: z.string(),
  escalatedBy: z.object({
    name: z.string(),
    title: z.string().nullable(),
    agency: z.string().nullable(),
    email: z.string().nullable(),
  }),
  escalatedTo: z.object({ name: z.string().nullable(), title: z.string().nullable(), agency: z.string().nullable() }),
  /** The concerns as put at this stage. */
  concerns: z.string().nullable(),
  response: z
    .object({
      name: z.string().nullable(),
      title: z.string().nullable(),
      agency: z.string().nullable(),
      on: z.string().nullable(),
      summary: z.string().nullable(),
    })
    .nullable(),
  resolved: z.boolean().nullable(),
  /** Key learning recorded with the response at this stage. */
  learning: z.string().nullable(),
  /** The stage's limit in words, saying whether the procedure or the partnership sets it. */
  limit: z.string(),
  closedOn: z.string().nullable(),
  clock: z
    .object({ due: z.string(), workingDaysLeft: z.number().int(), overdue: z.boolean(), dueToday: z.boolean() })
    .nullable(),
});

export const escalationSchema = z.object({
  id: idSchema,
  protocol: protocolSchema,
  protocolId: idSchema,
  familyId: idSchema.nullable(),
  childId: idSchema.nullable(),
  subjectName: z.string(),
  subjectDateOfBirth: z.string().nullable(),
  subjectAddress: z.string().nullable(),
  /**
   * A code from the lists in `child-characteristics.ts`, or free text recorded before the lists
   * existed: show either through `genderLabel`, `ethnicityLabel`, `sendLabel`.
   */
  subjectGender: z.string().nullable(),
  subjectEthnicity: z.string().nullable(),
  subjectSend: z.string().nullable(),
  conferenceId: idSchema.nullable(),
  followUpId: idSchema.nullable(),
  initiatingAgency: z.object({ id: idSchema, name: z.string() }),
  challengedAgency: z.object({ id: idSchema, name: z.string() }),
  natures: z.array(natureSchema),
  natureOther: z.string().nullable(),
  details: z.string(),
  outcomeSought: z.string(),
  immediateRisk: z.boolean(),
  openedOn: z.string(),
  status: escalationStatusSchema,
  closedOn: z.string().nullable(),
  learning: z.string().nullable(),
  restorativeDebrief: z.string().nullable(),
  debriefOn: z.string().nullable(),
  /** Why the escalation started at a later stage than the first, where it did. */
  startReason: z.string().nullable(),
  stages: z.array(stageSchema),
  /**
   * What can be done next: respond at the current stage; escalate (only while the current stage is
   * unresolved and a later stage exists); close; record the restorative debrief (after resolution,
   * where the protocol offers one); record the review meeting (North Lincolnshire).
   */
  next: z.object({
    respond: z.boolean(),
    escalate: z.boolean(),
    close: z.boolean(),
    debrief: z.boolean(),
    reviewMeeting: z.boolean(),
  }),
  /** The stage offered after resolution (Kirklees: the restorative debrief), if the protocol has one. */
  resolutionStage: z.object({ number: z.number().int(), name: z.string() }).nullable(),
  /** The Principal Officer review meeting's written record (North Lincolnshire), when made. */
  reviewMeeting: reviewMeetingSchema.nullable(),
  /** The partnership's own same-day contact, for an escalation at immediate risk. */
  sameDayContact: z.string().nullable(),
  corrections: z.array(correctionSchema),
  /** The escalation's version: any change to it, its stages or actions counts it up; sent back with an edit. */
  version: versionSchema,
  actions: z.array(
    z.object({
      id: idSchema,
      action: z.string(),
      byWhom: z.string(),
      agreedOn: z.string(),
      completeBy: z.string().nullable(),
      completedOn: z.string().nullable(),
    }),
  ),
  warning: z.string().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

/**
 * What `escalations.draftFromConference` prefills for a new escalation from a conference: the
 * child and the conference, the minority agency and whom it challenges, its representative as
 * "Escalated by", the minority's reasons as the details, and where the partnership's protocol starts such an escalation, with the reason.
 */
export const escalationDraftSchema = z.object({
  familyId: idSchema,
  childId: idSchema,
  conferenceId: idSchema,
  followUpId: idSchema.optional(),
  subjectName: z.string(),
  subjectDateOfBirth: z.string().nullable(),
  natures: z.array(natureSchema),
  details: z.string(),
  initiatingAgencyId: idSchema.optional(),
  challengedAgencyId: idSchema.optional(),
  /**
   * The escalating agency's representative as recorded at the conference's attendance (their
   * name, role and agency), to prefill "Escalated by"; absent when no name was recorded.
   */
  escalatedBy: z.object({ name: z.string(), title: z.string().nullable(), agency: z.string().nullable() }).optional(),
  startStage: z.number().int().optional(),
  startReason: z.string().optional(),
  openedOn: z.string(),
});
export type EscalationDraft = z.infer<typeof escalationDraftSchema>;

export const escalationListItemSchema = z.object({
  id: idSchema,
  subjectName: z.string(),
  protocolName: z.string(),
  protocolKey: z.string(),
  initiatingAgency: z.string(),
  challengedAgency: z.string(),
  challengedAgencyId: idSchema,
  natures: z.array(natureSchema),
  immediateRisk: z.boolean(),
  stage: z.number().int(),
  stageName: z.string(),
  dueOn: z.string(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  dueToday: z.boolean(),
  status: escalationStatusSchema,
  openedOn: z.string(),
  /** The day it was closed (resolved or not); null while open. */
  closedOn: z.string().nullable(),
});
export type EscalationListItem = z.infer<typeof escalationListItemSchema>;

/**
 * The columns the escalations list sorts by: `priority` is the working order (immediate risk
 * first, then overdue, then soonest due; closed ones after the open, latest closed first).
 */
export const ESCALATION_SORTS = [
  'priority',
  'id',
  'due',
  'stage',
  'subject',
  'initiating',
  'challenged',
  'protocol',
  'status',
  'opened',
] as const;
export type EscalationSort = (typeof ESCALATION_SORTS)[number];

/** Which escalations a list shows: open (the default), resolved, closed unresolved, or all. */
export const ESCALATION_STATUS_FILTERS = ['open', 'resolved', 'closed-unresolved', 'all'] as const;

export const escalationFiltersSchema = strictObject({
  agencyId: idSchema.optional(),
  stage: z.number().int().min(1).max(20).optional(),
  nature: natureSchema.optional(),
  protocolKey: z.string().max(40).optional(),
  overdueOnly: z.boolean().default(false),
  status: z
    .enum(ESCALATION_STATUS_FILTERS, { error: `Status must be one of ${ESCALATION_STATUS_FILTERS.join(', ')}` })
    .default('open'),
  ...pagingFields(ESCALATION_SORTS, { sort: 'priority', direction: 'asc' }),
});

/** A page of escalations and how many match in all. */
export const escalationListSchema = pageOf(escalationListItemSchema);
