import { z } from 'zod';
import { protocolSchema } from '../escalation-protocols';
import { idSchema, isoDateSchema, optionalText, requiredText } from './common';
import { MAX_ACTION, MAX_ADDRESS, MAX_LONG_TEXT } from './limits';

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
const escalatingPerson = () => z.object({ ...person('escalating'), email: optionalEmail() });

export const openEscalationInputSchema = z
  .object({
    protocolId: idSchema.optional(),
    familyId: idSchema.nullish().transform((v) => v ?? null),
    childId: idSchema.nullish().transform((v) => v ?? null),
    subjectName: requiredText('Enter the child’s or family’s name'),
    subjectDateOfBirth: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null)),
    subjectAddress: optionalText(MAX_ADDRESS),
    /** Croydon Escalation Notification Form: "Gender", "Ethnicity", "SEND" (free text, optional). */
    subjectGender: optionalText(),
    subjectEthnicity: optionalText(),
    subjectSend: optionalText(500),
    conferenceId: idSchema.nullish().transform((v) => v ?? null),
    followUpId: idSchema.nullish().transform((v) => v ?? null),
    initiatingAgencyId: idSchema,
    challengedAgencyId: idSchema,
    natures: z.array(natureSchema).min(1, 'Tick at least one nature of the difference'),
    natureOther: optionalText(500),
    details: requiredText('Enter the details of the difference', MAX_LONG_TEXT),
    outcomeSought: requiredText('Enter the outcome sought', MAX_LONG_TEXT),
    immediateRisk: z.boolean().default(false),
    openedOn: isoDateSchema('the date of the initial escalation'),
    escalatedBy: escalatingPerson(),
    /** The concerns as raised at stage 1 (Croydon: "Brief description of your concerns"). */
    concerns: optionalText(MAX_LONG_TEXT),
    escalatedTo: z
      .object({ name: optionalText(), title: optionalText(), agency: optionalText() })
      .default({ name: null, title: null, agency: null }),
  })
  .superRefine((v, ctx) => {
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

/** The response at the current stage. */
export const stageResponseInputSchema = z.object({
  escalationId: idSchema,
  number: z.number().int().min(1),
  responseFrom: z.object(person('responding')),
  responseOn: isoDateSchema('the date of the response'),
  summary: requiredText('Enter a summary of the response', MAX_LONG_TEXT),
  resolved: z.boolean({ error: 'Say whether the response resolved the difference' }),
  /** Croydon Escalation Notification Form: "Summary of key learning" at this stage. */
  learning: optionalText(MAX_LONG_TEXT),
});

/** Moving on to the next stage: the current stage closes and the next opens with its own clock. */
export const escalateInputSchema = z.object({
  escalationId: idSchema,
  on: isoDateSchema('the date of the escalation'),
  escalatedBy: escalatingPerson(),
  escalatedTo: z.object(person('receiving the escalation')),
  /**
   * The concerns as put at the new stage (Croydon: "Brief description of your concerns"; at stage
   * 5 "Outline concerns along with supporting evidence").
   */
  concerns: optionalText(MAX_LONG_TEXT),
});

export const closeEscalationInputSchema = z.object({
  escalationId: idSchema,
  on: isoDateSchema('the date it closed'),
  resolved: z.boolean(),
  learning: optionalText(MAX_LONG_TEXT),
  restorativeDebrief: optionalText(MAX_LONG_TEXT),
});

export const actionInputSchema = z.object({
  escalationId: idSchema,
  action: requiredText('Enter the action', MAX_ACTION),
  byWhom: requiredText('Enter who will do it'),
  agreedOn: isoDateSchema('the date the action was agreed'),
  completeBy: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null)),
});

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
  status: z.enum(['open', 'resolved', 'closed-unresolved']),
  closedOn: z.string().nullable(),
  learning: z.string().nullable(),
  restorativeDebrief: z.string().nullable(),
  stages: z.array(stageSchema),
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
});
export type EscalationListItem = z.infer<typeof escalationListItemSchema>;

export const escalationFiltersSchema = z.object({
  agencyId: idSchema.optional(),
  stage: z.number().int().min(1).optional(),
  nature: natureSchema.optional(),
  protocolKey: z.string().optional(),
  overdueOnly: z.boolean().default(false),
});
