import { z } from 'zod';
import { agencySchema } from '../../schemas/agency';
import {
  agencyEscalationSchema,
  agencyReturnSchema,
  escalationReasonSchema,
  markSentInputSchema,
  raiseByHandInputSchema,
  raiseFromConferenceInputSchema,
  returnsSummaryInputSchema,
  returnSummaryPageSchema,
} from '../../schemas/agency-escalation';
import { idSchema, isoDateSchema, requiredText, strictObject } from '../../schemas/common';
import { MAX_REASON, MAX_RETURN_RESPONSE } from '../../schemas/limits';
import { type ContractPart } from './common';

/** A conference's agency escalations: those raised, and what its attendance and reports suggest. */
export const conferenceAgencyEscalationsSchema = z.object({
  raised: z.array(agencyEscalationSchema),
  suggestions: z.array(z.object({ agencyId: idSchema, agencyName: z.string(), reason: escalationReasonSchema })),
});

/** One agency's Appendix 3 rows for a period, and the returns already sent. */
export const agencyReturnDetailSchema = z.object({
  agency: agencySchema,
  rows: z.array(agencyEscalationSchema),
  /** Escalations withdrawn as mistaken, shown apart and left out of the return. */
  withdrawn: z.array(agencyEscalationSchema),
  returns: z.array(agencyReturnSchema),
});

/** The return as marked sent, with how many escalations it took in. */
export const returnSentSchema = agencyReturnDetailSchema.extend({ attached: z.number().int() });

/** Agency contribution escalations (Appendix 3) and the returns to safeguarding leads. */
export const agencyEscalationsContract = {
  /** Appendix 3: what a conference's attendance and reports suggest escalating, and what is raised. */
  'agencyEscalations.forConference': {
    input: strictObject({ conferenceId: idSchema }),
    output: conferenceAgencyEscalationsSchema,
  },
  'agencyEscalations.raiseFromConference': { input: raiseFromConferenceInputSchema, output: agencyEscalationSchema },
  'agencyEscalations.raiseByHand': { input: raiseByHandInputSchema, output: agencyEscalationSchema },
  /** Withdraws a mistaken agency escalation, with the reason: kept, marked withdrawn, left out of returns. */
  'agencyEscalations.withdraw': {
    input: strictObject({ id: idSchema, reason: requiredText('Enter why the escalation is withdrawn', MAX_REASON) }),
    output: agencyEscalationSchema,
  },
  /** Every agency's escalations in a period, repeat non-attendance first unless sorted otherwise: a page. */
  'returns.summary': { input: returnsSummaryInputSchema, output: returnSummaryPageSchema },
  'returns.get': {
    input: strictObject({
      agencyId: idSchema,
      from: isoDateSchema('the start of the period'),
      to: isoDateSchema('the end of the period'),
    }),
    output: agencyReturnDetailSchema,
  },
  'returns.markSent': {
    input: markSentInputSchema,
    output: returnSentSchema,
  },
  'returns.recordResponse': {
    input: strictObject({
      returnId: idSchema,
      responseOn: isoDateSchema('the date of the response'),
      response: z.string().trim().min(1, 'Enter the agency’s response').max(MAX_RETURN_RESPONSE),
    }),
    output: agencyReturnSchema,
  },
} as const satisfies ContractPart;
