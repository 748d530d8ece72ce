import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, strictObject } from '../../schemas/common';
import {
  batchPlanInputSchema,
  batchPlanSchema,
  batchStatusSchema,
  documentKindSchema,
  documentsForRecordInputSchema,
  exportPlanInputSchema,
  exportPlanSchema,
  exportResultSchema,
  generatedDocumentSchema,
  MIN_EXPORT_PASSWORD,
  recentDocumentsInputSchema,
  runExportInputSchema,
  sharingLogInputSchema,
  sharingLogPageSchema,
  startBatchInputSchema,
} from '../../schemas/documents';
import { type ContractPart } from './common';

/** One document to write to a file: the record (an agency with a period, or an escalation) and how. */
export const makeDocumentInputSchema = strictObject({
  kind: documentKindSchema,
  /** The agency (Appendix 3, with the period) or the escalation the document is about. */
  id: idSchema,
  from: isoDateSchema('the start of the period').nullable().default(null),
  to: isoDateSchema('the end of the period').nullable().default(null),
  file: requiredText('Enter the PDF file to write', 1000),
  initialsOnly: z.boolean().default(false),
  password: z
    .string()
    .min(MIN_EXPORT_PASSWORD, `The password must be at least ${MIN_EXPORT_PASSWORD} characters`)
    .max(200)
    .nullable()
    .default(null),
});

/** Forms and letters, exports for safeguarding leads, and the sharing log. */
export const documentsContract = {
  /** Which documents a batch of this kind would write for the period, and what stops any of them. */
  'documents.plan': { input: batchPlanInputSchema, output: batchPlanSchema },
  /** Starts writing a batch into a folder; poll `documents.batchStatus` for progress. */
  'documents.startBatch': { input: startBatchInputSchema, output: batchStatusSchema },
  /** Writes one form to a file (the command line's `forms`); what it needs and lacks is named first. */
  'documents.make': { input: makeDocumentInputSchema, output: generatedDocumentSchema },
  'documents.batchStatus': {
    input: strictObject({ id: z.string().min(1, 'Choose a batch').max(100) }),
    output: batchStatusSchema,
  },
  /** Documents generated for one record: what, when, by whom. */
  'documents.forRecord': { input: documentsForRecordInputSchema, output: z.array(generatedDocumentSchema) },
  'documents.recent': { input: recentDocumentsInputSchema, output: z.array(generatedDocumentSchema) },
  /** What an export for one agency and period would contain, and anything that stops it. */
  'exports.plan': { input: exportPlanInputSchema, output: exportPlanSchema },
  /** Writes the export (PDFs, CSV, JSON; folder or zip) and its sharing-log entry. */
  'exports.run': { input: runExportInputSchema, output: exportResultSchema },
  'sharingLog.list': { input: sharingLogInputSchema, output: sharingLogPageSchema },
} as const satisfies ContractPart;
