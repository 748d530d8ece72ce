import { z } from 'zod';
import { strictObject } from '../../schemas/common';
import {
  batchPlanInputSchema,
  batchPlanSchema,
  batchStatusSchema,
  documentsForRecordInputSchema,
  exportPlanInputSchema,
  exportPlanSchema,
  exportResultSchema,
  generatedDocumentSchema,
  recentDocumentsInputSchema,
  runExportInputSchema,
  sharingLogEntrySchema,
  sharingLogInputSchema,
  startBatchInputSchema,
} from '../../schemas/documents';
import { type ContractPart } from './common';

/** Forms and letters, exports for safeguarding leads, and the sharing log. */
export const documentsContract = {
  /** Which documents a batch of this kind would write for the period, and what stops any of them. */
  'documents.plan': { input: batchPlanInputSchema, output: batchPlanSchema },
  /** Starts writing a batch into a folder; poll `documents.batchStatus` for progress. */
  'documents.startBatch': { input: startBatchInputSchema, output: batchStatusSchema },
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
  'sharingLog.list': { input: sharingLogInputSchema, output: z.array(sharingLogEntrySchema) },
} as const satisfies ContractPart;
