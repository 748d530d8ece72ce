import { z } from 'zod';
import { idSchema, strictObject } from '../../schemas/common';
import {
  conferenceCancelInputSchema,
  conferenceInputSchema,
  conferenceListInputSchema,
  conferenceListSchema,
  conferenceSummarySchema,
  conferenceUpdateInputSchema,
  duplicateMatchSchema,
  familySchema,
  matchesInputSchema,
} from '../../schemas/conference';
import { adjournmentSchema, liveConferenceSchema, scheduleReconvenedInputSchema } from '../../schemas/live-conference';
import { byId, none, type ContractPart } from './common';

/** The id of the conference deleted. */
export const conferenceDeletedSchema = strictObject({ deleted: idSchema });

/** A coming conference whose agencies' reports are not yet in. */
export const reportsOutstandingSchema = z.object({
  conferenceId: idSchema,
  type: z.enum(['initial', 'review', 'reconvened']),
  date: z.string(),
  time: z.string(),
  familyName: z.string(),
  reportDue: z.string(),
  agencies: z.array(z.string()),
});

/** Families and conferences: finding, creating and correcting them, and the lists across conferences. */
export const conferencesContract = {
  /** Families whose name, case reference or a child's name matches. */
  'families.search': {
    input: strictObject({ search: z.string().trim().max(100).default('') }),
    output: z.array(familySchema),
  },
  /**
   * Families and children already in the register that a new family or child matches (name and
   * date of birth, or the case reference), so the existing record can be offered instead.
   */
  'families.matches': { input: matchesInputSchema, output: z.array(duplicateMatchSchema) },
  /** A page of conferences, newest first unless sorted otherwise; the search ignores case and accents. */
  'conferences.list': { input: conferenceListInputSchema, output: conferenceListSchema },
  'conferences.get': { input: byId, output: conferenceSummarySchema },
  'conferences.create': { input: conferenceInputSchema, output: conferenceSummarySchema },
  /** Corrects a scheduled conference's date, time, venue or chair; a new date clears attendance. */
  'conferences.update': { input: conferenceUpdateInputSchema, output: liveConferenceSchema },
  /** Cancels a scheduled conference, with the reason; it stays in the register, marked cancelled. */
  'conferences.cancel': { input: conferenceCancelInputSchema, output: liveConferenceSchema },
  /** Deletes a conference made by mistake, only while nothing is recorded on it. */
  'conferences.delete': { input: byId, output: conferenceDeletedSchema },
  'conferences.scheduleReconvened': { input: scheduleReconvenedInputSchema, output: conferenceSummarySchema },
  'conferences.adjournments': { input: none, output: z.array(adjournmentSchema) },
  'conferences.reportsOutstanding': {
    input: strictObject({ weeks: z.number().int().min(1).max(26).default(4) }),
    output: z.array(reportsOutstandingSchema),
  },
} as const satisfies ContractPart;
