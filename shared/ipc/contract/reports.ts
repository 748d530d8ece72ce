import { reportInputSchema, reportRecordsInputSchema, reportRecordsSchema, reportSchema } from '../../schemas/reports';
import { annualReturnFileSchema, annualReturnInputSchema } from '../../schemas/annual-return';
import type { ContractPart } from './common';

/** The numbers managers and the partnership report (`shared/reports.ts` counts them). */
export const reportsContract = {
  /** A report for a period, with the same period a year before. */
  'reports.get': {
    input: reportInputSchema,
    output: reportSchema,
  },
  /** The records behind one count of a report (the same rule counts and lists them). */
  'reports.records': {
    input: reportRecordsInputSchema,
    output: reportRecordsSchema,
  },
  /**
   * Writes the partnership's annual return for a year (the four reports for 1 January to
   * 31 December, with the year before, their charts, and the learning recorded at closing) as one
   * tagged PDF: to a folder, a named file, or the Reports folder. Writes the file only.
   */
  'reports.annual': {
    input: annualReturnInputSchema,
    output: annualReturnFileSchema,
  },
} as const satisfies ContractPart;
