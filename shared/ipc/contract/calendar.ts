import { z } from 'zod';
import { bankHolidayFeedSchema, divisionSchema } from '../../bank-holidays';
import { isIsoDate } from '../../dates';
import { strictObject } from '../../schemas/common';
import { none, type ContractPart } from './common';

/** What the calendar covers per division, and whether it is the shipped snapshot or an import. */
export const holidaysStatusSchema = z.object({
  source: z.enum(['snapshot', 'imported']),
  importedAt: z.string().nullable(),
  divisions: z.array(
    z.object({
      division: divisionSchema,
      count: z.number().int(),
      from: z.number().int().nullable(),
      to: z.number().int().nullable(),
    }),
  ),
});

/** How many bank holidays an import brought in, for which divisions. */
export const holidaysImportedSchema = z.object({ imported: z.number().int(), divisions: z.array(divisionSchema) });

/** The working day counted to, and a warning when it lies past the years the calendar covers. */
/** A division's calendar: its bank holidays and the unit's closure days, and the years it covers. */
export const workingDayCalendarSchema = z.object({
  division: divisionSchema,
  holidays: z.array(z.string()),
  closures: z.array(z.string()),
  coverage: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
});

/** A date and a number of working days to add to it or subtract from it. */
export const workingDaysInputSchema = strictObject({
  date: z.string().max(10, 'Enter a real date').refine(isIsoDate, 'Enter a real date'),
  days: z
    .number({ error: 'Enter a number of working days' })
    .int('Enter a whole number of working days')
    .min(0, 'Enter 0 or more working days')
    .max(2000, 'Enter 2000 working days or fewer'),
  direction: z.enum(['add', 'subtract']).default('add'),
  division: divisionSchema.optional(),
});
export const workingDayResultSchema = z.object({ date: z.string(), warning: z.string().nullable() });

/** The bank-holiday calendar and working-day arithmetic. */
export const calendarContract = {
  /** What the bank-holiday calendar covers and where it came from. */
  'holidays.status': {
    input: none,
    output: holidaysStatusSchema,
  },
  /** Import a GOV.UK bank-holidays feed: validated whole; a bad file changes nothing. */
  'holidays.import': {
    input: strictObject({ feed: bankHolidayFeedSchema }),
    output: holidaysImportedSchema,
  },
  /** Add or subtract working days with the register's calendar; warns past the data's last year. */
  'workingDays.calculate': {
    input: workingDaysInputSchema,
    output: workingDayResultSchema,
  },
  /**
   * The working-day calendar itself (bank holidays and closure days, for the register's division
   * or the one named), so a front end can count working days with the shared rules as it previews.
   */
  'workingDays.calendar': {
    input: strictObject({ division: divisionSchema.optional() }),
    output: workingDayCalendarSchema,
  },
} as const satisfies ContractPart;
