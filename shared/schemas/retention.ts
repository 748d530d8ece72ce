import { z } from 'zod';
import { retentionRuleSchema } from '../retention';
import { idSchema, requiredText, strictObject } from './common';
import { MAX_REASON } from './limits';

export const retentionListInputSchema = strictObject({
  /** Only the families past their retention date. */
  pastOnly: z.boolean().default(false),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const legalHoldSchema = z.object({
  reason: z.string(),
  placedBy: z.string(),
  placedAt: z.string(),
});

/** One family as the retention list shows it. */
export const retentionEntrySchema = z.object({
  familyId: idSchema,
  familyName: z.string(),
  /** The last day the family's records are kept under the partnership's rule. */
  retentionDate: z.string(),
  pastRetention: z.boolean(),
  hold: legalHoldSchema.nullable(),
  lastRecordOn: z.string(),
});
export type RetentionEntry = z.infer<typeof retentionEntrySchema>;

export const retentionListSchema = z.object({
  /** Families in the list (all, or past retention only), before paging. */
  total: z.number().int(),
  /** Families past retention, held or not. */
  pastCount: z.number().int(),
  rule: retentionRuleSchema,
  today: z.string(),
  families: z.array(retentionEntrySchema),
});

export const holdInputSchema = strictObject({
  familyId: idSchema,
  reason: requiredText('Enter why the records are held', MAX_REASON),
});

export const liftHoldInputSchema = strictObject({
  familyId: idSchema,
  reason: requiredText('Enter why the hold is lifted', MAX_REASON),
});

export const eraseInputSchema = strictObject({
  familyId: idSchema,
  /** The family's name typed again, as the confirmation that this family is meant. */
  confirm: requiredText('Type the family name to confirm', 200),
});

export const eraseResultSchema = z.object({
  familyId: idSchema,
  /** Rows deleted, per table. */
  counts: z.record(z.string(), z.number().int()),
  /** Sharing-log entries whose list of records lost the erased ones (the entries stay). */
  sharingLogUpdated: z.number().int(),
  /** Audit events about the erased records whose values were removed. */
  redactedEvents: z.array(z.number().int()),
  /**
   * Records of generated documents erased: the files themselves (letters, forms, exports) are
   * outside the register and are not deleted.
   */
  documentRecordsErased: z.number().int(),
});
