import type { documentsContract } from '../../../../shared/ipc/contract/documents';
import type { Register } from '../../register/register';
import type { HandlerMap } from './types';

/** The documents channels (`shared/ipc/contract/documents.ts`): each a thin call into a service. */
export function documentsHandlers({ documents, exports }: Register): HandlerMap<keyof typeof documentsContract> {
  return {
    'documents.plan': async (i) => documents.plan(i.kind, i.from, i.to),
    'documents.startBatch': async (i) => documents.start(i),
    'documents.make': async (i) =>
      documents.makeOne(i.kind, i.id, i.from !== null && i.to !== null ? { from: i.from, to: i.to } : null, i.file, {
        initialsOnly: i.initialsOnly,
        password: i.password,
      }),
    'documents.batchStatus': (i) => documents.status(i.id),
    'documents.forRecord': async (i) => documents.forRecord(i.entity, i.entityId),
    'documents.recent': async (i) => documents.recent(i.limit),
    'exports.plan': async (i) => exports.plan(i.agencyId, i.from, i.to),
    'exports.run': async (i) => exports.run(i),
    'sharingLog.list': async (i) => exports.sharingLog(i),
  };
}
