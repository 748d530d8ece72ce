import type { z } from 'zod';
import type { AuditEntity, AuditEventView, auditListInputSchema } from '../../../../shared/schemas/audit';
import type { ChainVerdict } from '../db/audit-chain';
import type { ServiceContext } from './context';

/**
 * Reading the audit trail: a record's history, the whole trail page by page, and the check of its
 * hash chain (whole, or the first broken event named). Nothing here writes: events are appended
 * by each service's own write, in its transaction.
 */
export function createAuditService(ctx: ServiceContext<'audit'>) {
  const { audit } = ctx.repos;
  return {
    async verify(): Promise<ChainVerdict> {
      return audit.verify();
    },
    /** The last `n` events, trusting the one before them: the quick check when the register opens. */
    async verifyTail(n: number): Promise<ChainVerdict> {
      return audit.verifyTail(n);
    },
    async list(page: z.output<typeof auditListInputSchema>): Promise<{ total: number; events: AuditEventView[] }> {
      return audit.list(page);
    },
    async forRecord(entity: AuditEntity, entityId: number): Promise<AuditEventView[]> {
      return audit.forRecord(entity, entityId);
    },
  };
}
export type AuditService = Awaited<ReturnType<typeof createAuditService>>;
