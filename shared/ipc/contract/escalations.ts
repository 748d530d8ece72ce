import { z } from 'zod';
import { protocolSchema } from '../../escalation-protocols';
import { idSchema, isoDateSchema, strictObject } from '../../schemas/common';
import {
  actionInputSchema,
  closeEscalationInputSchema,
  correctEscalationInputSchema,
  debriefInputSchema,
  escalateInputSchema,
  escalationDraftSchema,
  escalationFiltersSchema,
  escalationListSchema,
  escalationSchema,
  openEscalationInputSchema,
  reviewMeetingInputSchema,
  stageResponseInputSchema,
} from '../../schemas/escalation';
import { byId, none, type ContractPart } from './common';

/** One version of an escalation protocol, shipped or custom, and whether the partnership uses it. */
export const protocolVersionSchema = z.object({
  id: idSchema,
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  shipped: z.boolean(),
  chosen: z.boolean(),
  definition: protocolSchema,
});

/** A protocol saved as a new version. */
export const protocolSavedSchema = z.object({ id: idSchema, key: z.string(), version: z.number().int() });

/** Professional disagreement escalations and the protocols they follow. */
export const escalationsContract = {
  /** Escalation protocols: shipped and custom versions; which one the partnership uses. */
  'protocols.list': {
    input: none,
    output: z.array(protocolVersionSchema),
  },
  'protocols.choose': {
    input: strictObject({ key: z.string().trim().min(1, 'Choose a protocol').max(40) }),
    output: z.array(protocolVersionSchema),
  },
  /** A copied or adjusted protocol: saved as a new version (validated: stages, positive limits). */
  'protocols.save': {
    input: strictObject({ protocol: protocolSchema }),
    output: protocolSavedSchema,
  },
  /**
   * A page of escalations, open ones unless another status (or all) is asked for: in the working
   * order (immediate risk first, then overdue, then by due date) unless sorted by a column; filterable.
   */
  'escalations.list': { input: escalationFiltersSchema, output: escalationListSchema },
  'escalations.get': { input: byId, output: escalationSchema },
  /** Prefilled fields for escalating a minority view or a Principal Officer review from a conference. */
  'escalations.draftFromConference': {
    input: strictObject({ conferenceId: idSchema, childId: idSchema, agencyId: idSchema.nullable().default(null) }),
    output: escalationDraftSchema,
  },
  'escalations.open': { input: openEscalationInputSchema, output: escalationSchema },
  'escalations.respond': { input: stageResponseInputSchema, output: escalationSchema },
  /** Escalates to the next stage: only while the current stage is unresolved. */
  'escalations.escalate': { input: escalateInputSchema, output: escalationSchema },
  'escalations.close': { input: closeEscalationInputSchema, output: escalationSchema },
  /** The restorative debrief after resolution (Kirklees stage 7), with no clock. */
  'escalations.recordDebrief': { input: debriefInputSchema, output: escalationSchema },
  /** The written record of the Principal Officer review meeting (North Lincolnshire). */
  'escalations.recordReviewMeeting': { input: reviewMeetingInputSchema, output: escalationSchema },
  /** Corrects an escalation's details, with the reason; the values before and after are kept. */
  'escalations.correct': { input: correctEscalationInputSchema, output: escalationSchema },
  'escalations.addAction': { input: actionInputSchema, output: escalationSchema },
  'escalations.completeAction': {
    input: strictObject({ actionId: idSchema, on: isoDateSchema('the date it was completed') }),
    output: escalationSchema,
  },
} as const satisfies ContractPart;
