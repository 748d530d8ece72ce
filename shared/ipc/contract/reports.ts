import { reportInputSchema, reportRecordsInputSchema, reportRecordsSchema, reportSchema } from '../../schemas/reports';
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
} as const satisfies ContractPart;
