import { z } from 'zod';
import { idSchema, isoDateSchema, strictObject } from '../../schemas/common';
import { MAX_INQUORATE_REASON } from '../../schemas/limits';
import {
  amendDecisionInputSchema,
  dueListInputSchema,
  dueListSchema,
  inviteInputSchema,
  inviteManyInputSchema,
  liveConferenceSchema,
  recordDecisionInputSchema,
  setAttendanceInputSchema,
  setNoViewInputSchema,
  setAllViewsInputSchema,
  setReportInputSchema,
  setViewInputSchema,
} from '../../schemas/live-conference';
import { byId, type ContractPart } from './common';

const byConference = strictObject({ conferenceId: idSchema });

/** The chair's screen for one conference, and what falls due across conferences. */
export const liveContract = {
  /** The chair's screen: everything about one conference, with quoracy and outcomes computed. */
  'live.get': { input: byId, output: liveConferenceSchema },
  'live.invite': { input: inviteInputSchema, output: liveConferenceSchema },
  /**
   * Invites several agencies in one step (those of the family's last conference); any already
   * invited are left as they are. One refused (unknown or inactive) refuses them all.
   */
  'live.inviteMany': { input: inviteManyInputSchema, output: liveConferenceSchema },
  'live.uninvite': {
    input: strictObject({ conferenceId: idSchema, agencyId: idSchema }),
    output: liveConferenceSchema,
  },
  /** Attendance is recorded on or after the conference's day, never before. */
  'live.setAttendance': { input: setAttendanceInputSchema, output: liveConferenceSchema },
  /** Marks every invited agency whose attendance is not yet recorded as attended, in one step. */
  'live.markAllAttended': { input: byConference, output: liveConferenceSchema },
  'live.setReport': { input: setReportInputSchema, output: liveConferenceSchema },
  /** One agency's view for one child (null withdraws it); the outcome is recomputed at once. */
  'live.setView': { input: setViewInputSchema, output: liveConferenceSchema },
  /** The chair's record that an attending agency gives no view for a child, and why (null withdraws it). */
  'live.setNoView': { input: setNoViewInputSchema, output: liveConferenceSchema },
  /**
   * Records one view for one child from every attending agency that has given none yet (nor been
   * recorded as giving none), in one step; each can then be changed on its own.
   */
  'live.setAllViews': { input: setAllViewsInputSchema, output: liveConferenceSchema },
  'live.copyViews': {
    input: strictObject({ conferenceId: idSchema, fromChildId: idSchema, toChildId: idSchema }),
    output: liveConferenceSchema,
  },
  'live.setInquorateReason': {
    input: strictObject({
      conferenceId: idSchema,
      reason: z.string().max(MAX_INQUORATE_REASON, 'The reason must be 5,000 characters or fewer').nullable(),
    }),
    output: liveConferenceSchema,
  },
  'live.redate': {
    input: strictObject({
      conferenceId: idSchema,
      date: isoDateSchema('the new date'),
      time: z
        .string()
        .max(5, 'Enter the start time as hh:mm, like 09:30 or 14:00')
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time as hh:mm, like 09:30 or 14:00'),
    }),
    output: liveConferenceSchema,
  },
  /**
   * Records one child's decision by the partnership's rule, once every attending agency has given
   * a view or been recorded as giving none; what falls due for the child is scheduled at once.
   */
  'live.recordDecision': { input: recordDecisionInputSchema, output: liveConferenceSchema },
  /** Amends a recorded decision with the reason; who, when, why and the values before and after are kept. */
  'live.amendDecision': { input: amendDecisionInputSchema, output: liveConferenceSchema },
  /** What falls due across conferences and children, soonest first (formerly `conferences.due`). */
  'due.list': { input: dueListInputSchema, output: dueListSchema },
  /**
   * Marks an item done by hand; a child's item names the child (formerly `conferences.completeTask`).
   * Answers the first page of what is still due, soonest first.
   */
  'due.complete': {
    input: strictObject({
      conferenceId: idSchema,
      kind: z.enum(['decision-letter', 'minutes', 'first-core-group', 'next-review', 'reconvene']),
      childId: idSchema.nullable().default(null),
    }),
    output: dueListSchema,
  },
} as const satisfies ContractPart;
