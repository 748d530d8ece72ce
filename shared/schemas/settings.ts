import { z } from 'zod';
import { divisionSchema } from '../bank-holidays';
import { isIsoDate } from '../dates';
import { requiredText } from './common';

/** Unit-wide settings. Every field has a default so a new register works at once. */
export const settingsSchema = z.object({
  partnershipName: requiredText('Enter the partnership’s name', 120),
  userName: requiredText('Enter your name as it should appear in the record', 120),
  division: divisionSchema,
  closureDays: z
    .array(
      z.object({
        date: z.string().refine(isIsoDate, 'Closure date must be a real date in the form YYYY-MM-DD'),
        reason: requiredText('Enter why the unit is closed', 120),
      }),
    )
    .max(500, 'At most 500 closure days'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  partnershipName: 'Safeguarding Children Partnership',
  userName: 'Register user',
  division: 'england-and-wales',
  closureDays: [],
};

export const settingsUpdateSchema = settingsSchema.partial();
