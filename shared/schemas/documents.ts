import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, strictObject } from './common';
import { MAX_SHARING_PURPOSE } from './limits';
import { pageOf, pagingFields } from './paging';

/** The forms and letters the register makes. */
export const DOCUMENT_KINDS = [
  'appendix3',
  'appendix5',
  'croydon-notification',
  'review-meeting-record',
  'decision-letter',
  'reconvene-notice',
  'dissent-record',
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS, { error: () => 'Choose a kind of form or letter' });
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  appendix3: 'Appendix 3 returns to agency safeguarding leads',
  appendix5: 'Appendix 5 Professional Difference Escalation Records',
  'croydon-notification': 'Croydon Escalation Notification Forms',
  'review-meeting-record': 'Principal Officer review meeting records (North Lincolnshire)',
  'decision-letter': 'Conference decision letters',
  'reconvene-notice': 'Adjournment and reconvene notices',
  'dissent-record': 'Dissent records of minority views',
};

/** Which records a batch of each kind covers, for a period (shown beside the choice). */
export const DOCUMENT_KIND_HINTS: Record<DocumentKind, string> = {
  appendix3: 'One per agency with escalations whose meeting date is in the period',
  appendix5: 'One per Kirklees-protocol escalation that reached stage 5 or 6, opened in the period',
  'croydon-notification': 'One per Croydon-protocol escalation that reached stage 3, opened in the period',
  'review-meeting-record':
    'One per North Lincolnshire escalation opened in the period whose Principal Officer review meeting is recorded',
  'decision-letter': 'One per concluded conference whose decision letter is due in the period',
  'reconvene-notice': 'One per adjourned conference held in the period',
  'dissent-record': 'One per conference in the period where an agency held a minority view',
};

export const RECORD_ENTITIES = ['agency', 'escalation', 'conference'] as const;
export const recordEntitySchema = z.enum(RECORD_ENTITIES);
export type RecordEntity = z.infer<typeof recordEntitySchema>;

const issueSchema = z.object({ path: z.string(), message: z.string() });

const periodFields = {
  from: isoDateSchema('the first date of the period'),
  to: isoDateSchema('the last date of the period'),
};

function periodInOrder<T extends { from: string; to: string }>(v: T) {
  return v.to >= v.from;
}
const PERIOD_ORDER = { message: 'The period must end on or after the day it starts', path: ['to'] };

export const batchPlanInputSchema = strictObject({ kind: documentKindSchema, ...periodFields }).refine(
  periodInOrder,
  PERIOD_ORDER,
);

/** One document a batch would write, and anything that stops it being made. */
export const plannedDocumentSchema = z.object({
  key: z.string(),
  kind: documentKindSchema,
  entity: recordEntitySchema,
  entityId: idSchema,
  title: z.string(),
  fileName: z.string(),
  problems: z.array(issueSchema),
  lastGenerated: z.object({ at: z.string(), by: z.string() }).nullable(),
});
export type PlannedDocument = z.infer<typeof plannedDocumentSchema>;

export const batchPlanSchema = z.object({
  kind: documentKindSchema,
  from: z.string(),
  to: z.string(),
  documents: z.array(plannedDocumentSchema),
  /** Where documents go unless the user picks another folder. */
  defaultFolder: z.string(),
});
export type BatchPlan = z.infer<typeof batchPlanSchema>;

export const startBatchInputSchema = strictObject({
  kind: documentKindSchema,
  ...periodFields,
  folder: requiredText('Enter the folder to write the documents to', 1000),
  /** Only these documents (keys from the plan); all that can be made when absent. */
  keys: z.array(z.string().max(200)).max(10_000).optional(),
}).refine(periodInOrder, PERIOD_ORDER);

const writtenSchema = z.object({ key: z.string(), title: z.string(), fileName: z.string(), bytes: z.number() });
const failedSchema = z.object({ key: z.string(), title: z.string(), fileName: z.string(), message: z.string() });

/** A batch as it runs and when it ends: what was written, what failed and why, what was not reached. */
export const batchStatusSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  state: z.enum(['running', 'finished']),
  folder: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  written: z.array(writtenSchema),
  failed: z.array(failedSchema),
  /** Documents a stopped batch never reached (listed so nobody assumes they exist). */
  notWritten: z.array(z.object({ key: z.string(), title: z.string(), fileName: z.string() })),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BatchStatus = z.infer<typeof batchStatusSchema>;

export const generatedDocumentSchema = z.object({
  id: idSchema,
  kind: documentKindSchema,
  entity: recordEntitySchema,
  entityId: idSchema,
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  batchId: z.string().nullable(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  /** When the values it was made from were amended (it no longer says what the record says); null while current. */
  supersededAt: z.string().nullable(),
});
export type GeneratedDocument = z.infer<typeof generatedDocumentSchema>;

export const documentsForRecordInputSchema = strictObject({ entity: recordEntitySchema, entityId: idSchema });

export const recentDocumentsInputSchema = strictObject({
  limit: z.number().int().min(1).max(500).default(50),
});

/** Exports for an agency's safeguarding lead. */
export const EXPORT_FORMATS = ['zip', 'folder'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: () => 'Choose a zip file or a folder' });

export const exportPlanInputSchema = strictObject({ agencyId: idSchema, ...periodFields }).refine(
  periodInOrder,
  PERIOD_ORDER,
);

export const exportPlanSchema = z.object({
  agency: z.object({
    id: idSchema,
    name: z.string(),
    leadName: z.string().nullable(),
    leadEmail: z.string().nullable(),
  }),
  from: z.string(),
  to: z.string(),
  appendix3Rows: z.number().int(),
  escalations: z.number().int(),
  /** The files an export would contain, by name. */
  files: z.array(z.string()),
  /** What stops the export (or its email draft) being made, naming the field to fix. */
  problems: z.array(issueSchema),
  defaultFolder: z.string(),
});
export type ExportPlan = z.infer<typeof exportPlanSchema>;

/** The shortest password accepted for an export: it protects records about children. */
export const MIN_EXPORT_PASSWORD = 12;

export const runExportInputSchema = strictObject({
  agencyId: idSchema,
  ...periodFields,
  folder: requiredText('Enter the folder to write the export to', 1000),
  format: exportFormatSchema,
  initialsOnly: z.boolean(),
  /** Protects the PDFs and the archive. Used once and never stored or logged. */
  password: z
    .string()
    .min(MIN_EXPORT_PASSWORD, `The password must be at least ${MIN_EXPORT_PASSWORD} characters`)
    .max(200, 'The password must be 200 characters or fewer')
    .nullable(),
  purpose: requiredText('Enter why the records are being shared', MAX_SHARING_PURPOSE),
  /** Also write an .eml draft to the safeguarding lead with the export attached. */
  emailDraft: z.boolean(),
})
  .refine(periodInOrder, PERIOD_ORDER)
  .refine((v) => v.password === null || v.format === 'zip', {
    message: 'A password needs the zip format, so the CSV and JSON files are protected too',
    path: ['format'],
  });
export type RunExportInput = z.input<typeof runExportInputSchema>;

export const exportResultSchema = z.object({
  sharingLogId: idSchema,
  /** The zip file or folder written. */
  location: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  emailDraft: z.string().nullable(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const sharingLogEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  actor: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  recipientName: z.string().nullable(),
  recipientEmail: z.string().nullable(),
  purpose: z.string(),
  from: z.string(),
  to: z.string(),
  format: exportFormatSchema,
  initialsOnly: z.boolean(),
  passwordProtected: z.boolean(),
  location: z.string(),
  /**
   * `started` while the export's files are being written (the entry comes first, so no export
   * escapes the log), `complete` once all are in place, `interrupted` if the app stopped first.
   */
  status: z.enum(['started', 'complete', 'interrupted']),
  completedAt: z.string().nullable(),
  files: z.array(z.string()),
  records: z.array(z.object({ entity: z.string(), id: z.number().int() })),
});
export type SharingLogEntry = z.infer<typeof sharingLogEntrySchema>;

/** The columns the sharing log sorts by. */
export const SHARING_LOG_SORTS = ['at', 'agency', 'actor', 'period', 'format', 'status'] as const;
export type SharingLogSort = (typeof SHARING_LOG_SORTS)[number];

/** The sharing log, one agency's or all: a page of it, newest first unless asked. */
export const sharingLogInputSchema = strictObject({
  agencyId: idSchema.nullable().default(null),
  ...pagingFields(SHARING_LOG_SORTS, { sort: 'at', direction: 'desc' }),
});
export type SharingLogInput = z.output<typeof sharingLogInputSchema>;

/** A page of the sharing log and how many entries match in all. */
export const sharingLogPageSchema = pageOf(sharingLogEntrySchema);
