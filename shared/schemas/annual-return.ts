import { z } from 'zod';
import { requiredText, strictObject } from './common';

/** The years an annual return can be made for. */
export const ANNUAL_RETURN_YEARS = { first: 2000, last: 2099 } as const;
const YEAR_MESSAGE = `Enter the year as a whole number from ${ANNUAL_RETURN_YEARS.first} to ${ANNUAL_RETURN_YEARS.last}, such as 2026`;

/**
 * The partnership's annual return for a calendar year. Where it goes, as for other documents:
 * a folder (the file is `annual-return-<year>.pdf` in it), or a file ending `.pdf` (the command
 * line's `--out`); neither, and it goes to the Reports folder beside Letters and forms.
 */
export const annualReturnInputSchema = strictObject({
  year: z
    .number({ error: YEAR_MESSAGE })
    .int(YEAR_MESSAGE)
    .min(ANNUAL_RETURN_YEARS.first, YEAR_MESSAGE)
    .max(ANNUAL_RETURN_YEARS.last, YEAR_MESSAGE),
  folder: requiredText('Enter the folder to write the annual return to', 1000).optional(),
  file: requiredText('Enter the PDF file to write', 1000)
    .refine((f) => f.toLowerCase().endsWith('.pdf'), 'The file name must end in .pdf')
    .optional(),
}).refine((v) => v.folder === undefined || v.file === undefined, {
  path: ['file'],
  message: 'Give a folder or a file for the annual return, not both',
});

/** The annual return as written: where, how big, how many pages. */
export const annualReturnFileSchema = z.object({
  year: z.number().int(),
  /** The full path of the PDF written. */
  file: z.string(),
  fileName: z.string(),
  folder: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
});
export type AnnualReturnFile = z.infer<typeof annualReturnFileSchema>;
