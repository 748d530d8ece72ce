import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, strictObject } from './common';
import { pageOf, pagingFields } from './paging';

/**
 * Agency contribution escalations (Kirklees Appendix 3, "Child Protection Case Conference
 * escalation"): one row per incident, with the columns of the Appendix 3 table: date of meeting;
 * family name or identifying factors; CP chair; agency; name of agency representative; reason.
 */
export const ESCALATION_REASONS = ['did-not-attend', 'no-report', 'late-report', 'other'] as const;
export const escalationReasonSchema = z.enum(ESCALATION_REASONS, {
  error: () => 'Choose the reason for the escalation',
});
export type EscalationReason = z.infer<typeof escalationReasonSchema>;
export const ESCALATION_REASON_LABELS: Record<EscalationReason, string> = {
  'did-not-attend': 'Did not attend',
  'no-report': 'No report provided',
  'late-report': 'Report not provided in time',
  other: 'Other issue',
};

export const agencyEscalationSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  conferenceId: idSchema.nullable(),
  meetingDate: z.string(),
  familyIdentifier: z.string(),
  chairName: z.string(),
  representativeName: z.string().nullable(),
  reason: escalationReasonSchema,
  reasonDetail: z.string().nullable(),
  returnId: idSchema.nullable(),
  createdAt: z.string(),
  /** A mistaken escalation withdrawn, with the reason: kept, but left out of returns and counts. */
  withdrawnOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type AgencyEscalation = z.infer<typeof agencyEscalationSchema>;

const otherNeedsDetail = (v: { reason: EscalationReason; reasonDetail: string | null }, ctx: z.RefinementCtx) => {
  if (v.reason === 'other' && !v.reasonDetail) {
    ctx.addIssue({ code: 'custom', path: ['reasonDetail'], message: 'Say what the issue is' });
  }
};

/** Raised from a conference in one step: the meeting, family, chair and representative come from it. */
export const raiseFromConferenceInputSchema = strictObject({
  conferenceId: idSchema,
  agencyId: idSchema,
  reason: escalationReasonSchema,
  reasonDetail: optionalText(2000),
}).superRefine(otherNeedsDetail);

/** Raised by hand, for a meeting the register does not hold. */
export const raiseByHandInputSchema = strictObject({
  agencyId: idSchema,
  meetingDate: isoDateSchema('the date of the meeting'),
  familyIdentifier: requiredText('Enter the family name, or identifying factors', 200),
  chairName: requiredText('Enter the CP chair’s name'),
  representativeName: optionalText(),
  reason: escalationReasonSchema,
  reasonDetail: optionalText(2000),
}).superRefine(otherNeedsDetail);

export const periodSchema = strictObject({
  from: isoDateSchema('the start of the period'),
  to: isoDateSchema('the end of the period'),
}).refine((p) => p.to >= p.from, { path: ['to'], message: 'The end of the period must be on or after its start' });

export const agencyReturnSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  sentOn: z.string(),
  sentTo: z.string(),
  responseOn: z.string().nullable(),
  response: z.string().nullable(),
});
export type AgencyReturn = z.infer<typeof agencyReturnSchema>;

/** One agency's line in the returns overview for a period. */
export const returnSummarySchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  leadName: z.string().nullable(),
  leadEmail: z.string().nullable(),
  counts: z.object({
    'did-not-attend': z.number(),
    'no-report': z.number(),
    'late-report': z.number(),
    other: z.number(),
  }),
  total: z.number(),
  notYetSent: z.number(),
  /** Did not attend twice or more in the period, or three times or more in the 12 months to its end. */
  repeatNonAttendance: z.boolean(),
  nonAttendanceLast12Months: z.number(),
});
export type ReturnSummary = z.infer<typeof returnSummarySchema>;

/**
 * The columns the returns overview sorts by: `priority` is repeat non-attendance first, then
 * the most escalations, then by name; the others are the table's columns.
 */
export const RETURN_SUMMARY_SORTS = [
  'priority',
  'agency',
  'did-not-attend',
  'no-report',
  'late-report',
  'other',
  'total',
  'not-yet-sent',
] as const;
export type ReturnSummarySort = (typeof RETURN_SUMMARY_SORTS)[number];

/** Every agency's escalations in a period: a page of the overview, in the order asked. */
export const returnsSummaryInputSchema = strictObject({
  from: isoDateSchema('the start of the period'),
  to: isoDateSchema('the end of the period'),
  ...pagingFields(RETURN_SUMMARY_SORTS, { sort: 'priority', direction: 'asc' }),
}).refine((p) => p.to >= p.from, { path: ['to'], message: 'The end of the period must be on or after its start' });
export type ReturnsSummaryInput = z.output<typeof returnsSummaryInputSchema>;

/** A page of the returns overview and how many agencies have escalations in the period. */
export const returnSummaryPageSchema = pageOf(returnSummarySchema);

/** How many non-attendances make "repeat" non-attendance stand out. */
export const REPEAT_IN_PERIOD = 2;
export const REPEAT_IN_YEAR = 3;

/**
 * What an agency's contribution to a held conference gives cause to escalate (Kirklees Appendix 3:
 * "agency non-attendance ..., failure to provide timely reports ... will be escalated"): not
 * attending; no report (not received, or apologies without one); a report received late.
 */
export function contributionIncidents(c: {
  attendance: 'attended' | 'apologies-with-report' | 'apologies-no-report' | 'did-not-attend' | null;
  report: 'awaited' | 'received' | 'not-received';
  reportTimeliness: 'on-time' | 'late' | null;
}): EscalationReason[] {
  const reasons: EscalationReason[] = [];
  if (c.attendance === 'did-not-attend') reasons.push('did-not-attend');
  if (c.report === 'not-received' || (c.attendance === 'apologies-no-report' && c.report !== 'received'))
    reasons.push('no-report');
  if (c.report === 'received' && c.reportTimeliness === 'late') reasons.push('late-report');
  return reasons;
}

/** That an agency's return for a period was sent, when and to whom. */
export const markSentInputSchema = strictObject({
  agencyId: idSchema,
  from: isoDateSchema('the start of the period'),
  to: isoDateSchema('the end of the period'),
  sentOn: isoDateSchema('the date the return was sent'),
  sentTo: z.string().trim().min(1, 'Enter who the return was sent to').max(200),
});
