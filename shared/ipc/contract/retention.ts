import {
  eraseInputSchema,
  eraseResultSchema,
  holdInputSchema,
  liftHoldInputSchema,
  retentionEntrySchema,
  retentionListInputSchema,
  retentionListSchema,
} from '../../schemas/retention';
import { type ContractPart } from './common';

/** Retention dates, legal holds and erasure (administrator). */
export const retentionContract = {
  /** Families with their retention date and legal hold, past retention first (administrator). */
  'retention.list': { input: retentionListInputSchema, output: retentionListSchema },
  /** Puts a family's records on legal hold, with the reason: they cannot be erased while held. */
  'retention.placeHold': { input: holdInputSchema, output: retentionEntrySchema },
  /** Lifts the hold in force, with the reason. */
  'retention.liftHold': { input: liftHoldInputSchema, output: retentionEntrySchema },
  /**
   * Erases a family past retention and not on hold, for good, with its name typed again: every
   * row about it; audit events about its records keep no values; one `erase` event, no personal data.
   */
  'retention.erase': { input: eraseInputSchema, output: eraseResultSchema },
} as const satisfies ContractPart;
