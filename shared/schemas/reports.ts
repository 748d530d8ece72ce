import { z } from 'zod';
import { REPORT_NAMES } from '../reports';
import { idSchema, isoDateSchema, strictObject } from './common';

export const reportNameSchema = z.enum(REPORT_NAMES, {
  error: () => 'Choose conferences, attendance, returns or escalations',
});

const periodShape = {
  from: isoDateSchema('the start of the period'),
  to: isoDateSchema('the end of the period'),
};
const endAfterStart = (v: { from: string; to: string }) => v.to >= v.from;
const endAfterStartIssue = { path: ['to'], message: 'The end of the period must be on or after its start' };

/** A report for a period (both dates inclusive), with the same period a year before beside it. */
export const reportInputSchema = strictObject({ report: reportNameSchema, ...periodShape }).refine(
  endAfterStart,
  endAfterStartIssue,
);

/** The records behind one count of a report: its table, row (all rows when absent) and measure. */
export const reportRecordsInputSchema = strictObject({
  report: reportNameSchema,
  ...periodShape,
  table: z.string().trim().min(1, 'Choose the table of the report').max(40, 'Choose a table of the report'),
  key: z.string().max(300, 'Choose a row of the table').optional(),
  measure: z.string().trim().min(1, 'Choose the count').max(40, 'Choose a count of the table'),
}).refine(endAfterStart, endAfterStartIssue);

export const reportPeriodSchema = z.object({ from: z.string(), to: z.string() });

/** A row: its key, the key in words, and a count per measure. */
export const reportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  counts: z.record(z.string(), z.number()),
});

export const timeToResolutionSchema = z.object({
  resolved: z.number().int(),
  medianWorkingDays: z.number().nullable(),
  meanWorkingDays: z.number().nullable(),
  longestWorkingDays: z.number().nullable(),
});

export const learningEntrySchema = z.object({
  escalationId: idSchema,
  closedOn: z.string(),
  status: z.enum(['resolved', 'closed-unresolved']),
  challengedAgency: z.string(),
  natures: z.array(z.string()),
  learning: z.string().nullable(),
  restorativeDebrief: z.string().nullable(),
});

/** One period's tables; escalations add time to resolution and what was learned. */
export const reportTablesSchema = z.object({
  tables: z.record(z.string(), z.array(reportRowSchema)),
  totals: z.record(z.string(), z.record(z.string(), z.number())),
  timeToResolution: timeToResolutionSchema.nullable(),
  learning: z.array(learningEntrySchema),
});
export type ReportTablesOutput = z.infer<typeof reportTablesSchema>;

export const reportSchema = z.object({
  report: reportNameSchema,
  period: reportPeriodSchema,
  previousPeriod: reportPeriodSchema,
  current: reportTablesSchema,
  previous: reportTablesSchema,
  /** The day "open" and "overdue" are counted on, for the current period. */
  countedOn: z.string(),
});
export type Report = z.infer<typeof reportSchema>;

export const recordRefSchema = z.object({
  kind: z.enum(['conference', 'escalation', 'agency-escalation']),
  id: idSchema,
  conferenceId: idSchema.nullable(),
  date: z.string(),
  text: z.string(),
});

/** At most this many records are listed behind one count; `total` says how many there are. */
export const MAX_REPORT_RECORDS = 500;
export const reportRecordsSchema = z.object({
  records: z.array(recordRefSchema),
  total: z.number().int(),
});
export type ReportRecords = z.infer<typeof reportRecordsSchema>;
