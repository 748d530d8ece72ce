import { z } from 'zod';
import {
  auditEventSchema,
  auditForRecordInputSchema,
  auditListInputSchema,
  auditListSchema,
  auditVerdictSchema,
} from '../../schemas/audit';
import { strictObject } from '../../schemas/common';
import { type ContractPart } from './common';

/** The audit trail: its hash chain, its pages, and one record's history. */
export const auditContract = {
  /** Checks the whole audit trail's hash chain: whole, or the first broken event and what is wrong. */
  'audit.verify': { input: strictObject({}), output: auditVerdictSchema },
  /** A page of the audit trail, newest first. */
  'audit.list': { input: auditListInputSchema, output: auditListSchema },
  /** One record's history: who changed what, when, with the values before and after; oldest first. */
  'audit.forRecord': { input: auditForRecordInputSchema, output: z.array(auditEventSchema) },
} as const satisfies ContractPart;
