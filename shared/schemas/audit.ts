import { z } from 'zod';
import { idSchema, strictObject } from './common';

/** The kinds of record the audit trail names (its `entity`). */
export const AUDIT_ENTITIES = [
  'agency',
  'family',
  'child',
  'conference',
  'agency_escalation',
  'agency_return',
  'escalation',
  'protocol',
  'settings',
  'bank_holidays',
  'generated_document',
  'sharing_log',
] as const;
export const auditEntitySchema = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntitySchema>;

/**
 * One audit event: who did what to which record, when, with the values before and after of what
 * changed. `redacted`: those values were erased under retention (the event itself stays).
 */
export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  before: z.unknown(),
  after: z.unknown(),
  redacted: z.boolean(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditListInputSchema = strictObject({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export const auditListSchema = z.object({ total: z.number().int(), events: z.array(auditEventSchema) });

export const auditForRecordInputSchema = strictObject({ entity: auditEntitySchema, entityId: idSchema });

/** Whether the audit trail's hash chain is whole; if not, the first broken event and what is wrong. */
export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  firstBroken: z.object({ id: z.number().int(), problem: z.string() }).optional(),
});
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
