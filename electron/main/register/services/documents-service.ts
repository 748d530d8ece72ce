import type { z } from 'zod';
import { mapAsync } from '../../../../shared/async';
import { createHash, randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { localIsoDate } from '../../../../shared/dates';
import {
  type BatchPlan,
  type BatchStatus,
  type DocumentKind,
  type GeneratedDocument,
  type PlannedDocument,
  type RecordEntity,
  type startBatchInputSchema,
} from '../../../../shared/schemas/documents';
import { checkFolder, describeIoError, isFolderError, prepareFolder, writeFileAtomic } from '../documents/files';
import type { Candidate, DocumentSource, MakeOptions } from '../documents/source';
import { audit, type ServiceContext } from './context';
import { ServiceError, invalid } from './errors';
import type { SettingsService } from './settings-service';

/** Finished batches kept for their summary; older ones are forgotten (their documents are recorded). */
const KEPT_BATCHES = 20;

function keyOf(c: Candidate): string {
  return `${c.entity}:${c.entityId}:${c.periodFrom ?? ''}:${c.periodTo ?? ''}`;
}

/**
 * Forms and letters: what a batch would write (with anything that stops a document named up
 * front), writing a batch into a folder with progress, and the record of every document made
 * (what, for which record, when, by whom, and a SHA-256 of the bytes).
 */
export function createDocumentsService(
  ctx: ServiceContext<'audit' | 'documents' | 'live'>,
  settings: SettingsService,
  sources: readonly DocumentSource[],
  defaultFolder: string,
) {
  const repo = ctx.repos.documents;
  const batches = new Map<string, BatchStatus>();
  const inFlight = new Set<Promise<void>>();

  function sourceFor(kind: DocumentKind): DocumentSource {
    const source = sources.find((s) => s.kind === kind);
    if (!source) throw invalid('kind', 'That kind of document cannot be made yet');
    return source;
  }

  function today(): string {
    return localIsoDate(ctx.now());
  }

  function options(partial: Partial<MakeOptions> = {}): MakeOptions {
    return { generatedOn: today(), initialsOnly: false, password: null, ...partial };
  }

  /** Records one written document against its record, with an audit event, in one transaction. */
  async function record(
    kind: DocumentKind,
    c: Candidate,
    bytes: Buffer,
    batchId: string | null,
  ): Promise<GeneratedDocument> {
    return ctx.db.transaction(async () => {
      const actor = await settings.actor();
      const id = await repo.insert({
        kind,
        entity: c.entity,
        entityId: c.entityId,
        periodFrom: c.periodFrom,
        periodTo: c.periodTo,
        title: c.title,
        fileName: c.fileName,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        batchId,
        generatedAt: ctx.now().toISOString(),
        generatedBy: actor,
      });
      const row = await repo.get(id);
      if (!row) throw new ServiceError('internal', 'The document was written but could not be recorded');
      // What falls due is true: the decision letter's item closes when the letter is made.
      if (kind === 'decision-letter') {
        await ctx.repos.live.completeTask(c.entityId, 'decision-letter', today(), 'letter-made');
      }
      // The audit event names the document, never its contents.
      await audit(ctx, actor, 'create', 'generated_document', id, undefined, {
        kind,
        entity: c.entity,
        entityId: c.entityId,
        fileName: c.fileName,
        sha256: row.sha256,
      });
      return row;
    });
  }

  async function plan(kind: DocumentKind, from: string, to: string): Promise<BatchPlan> {
    const source = sourceFor(kind);
    const opts = options();
    const latest = await repo.latestFor(kind, kindEntity(kind));
    const documents: PlannedDocument[] = await mapAsync(await source.candidates(from, to), async (c) => ({
      key: keyOf(c),
      kind,
      entity: c.entity,
      entityId: c.entityId,
      title: c.title,
      fileName: c.fileName,
      problems: await source.problems(c, opts),
      lastGenerated: latest.get(`${c.entityId}|${c.periodFrom ?? ''}|${c.periodTo ?? ''}`) ?? null,
    }));
    return { kind, from, to, documents, defaultFolder };
  }

  /** Writes one document (the CLI's `forms` commands); refuses, naming the field, before writing. */
  async function makeOne(
    kind: DocumentKind,
    entityId: number,
    period: { from: string; to: string } | null,
    outFile: string,
    partial: Partial<MakeOptions> = {},
  ): Promise<GeneratedDocument> {
    const source = sourceFor(kind);
    const c = await source.candidate(entityId, period?.from ?? null, period?.to ?? null);
    if (!c) throw invalid(kindEntity(kind), `No ${kindEntity(kind)} with id ${entityId}`);
    const opts = options(partial);
    const problems = await source.problems(c, opts);
    if (problems.length) {
      throw new ServiceError('invalid-input', problems.map((p) => p.message).join('; '), problems);
    }
    const bytes = await source.render(c, opts);
    try {
      writeFileAtomic(outFile, bytes);
    } catch (error) {
      throw invalid('out', `${outFile} could not be written (${describeIoError(error)})`);
    }
    return record(kind, { ...c, fileName: basename(outFile) }, bytes, null);
  }

  /**
   * Writes a batch, one document at a time, yielding between documents so progress can be read
   * while it runs. A document that cannot be made is reported and the batch goes on; a folder
   * that stops accepting files (gone, full, read-only) stops the batch, and everything not yet
   * written is listed as such. Each document is written whole or not at all.
   */
  async function run(
    kind: DocumentKind,
    from: string,
    to: string,
    folderInput: string,
    keys: readonly string[] | undefined,
    onProgress: (status: BatchStatus) => void = () => undefined,
  ): Promise<BatchStatus> {
    const status = await begin(kind, from, to, folderInput, keys);
    onProgress(status);
    await drive(status, onProgress);
    return status;
  }

  async function begin(
    kind: DocumentKind,
    from: string,
    to: string,
    folderInput: string,
    keys: readonly string[] | undefined,
  ): Promise<BatchStatus & { queue: Candidate[] }> {
    const source = sourceFor(kind);
    const opts = options();
    let candidates = await source.candidates(from, to);
    if (keys) {
      const wanted = new Set(keys);
      candidates = candidates.filter((c) => wanted.has(keyOf(c)));
    }
    if (candidates.length === 0) {
      throw new ServiceError('invalid-input', 'There are no documents of this kind for the period', [
        { path: 'from', message: 'There are no documents of this kind for the period' },
      ]);
    }
    // Checked before anything is made; created only when there is something to write.
    const folder = checkFolder(folderInput);
    const status: BatchStatus & { queue: Candidate[] } = {
      id: randomUUID(),
      kind,
      state: 'running',
      folder,
      total: candidates.length,
      done: 0,
      written: [],
      failed: [],
      notWritten: [],
      startedAt: ctx.now().toISOString(),
      finishedAt: null,
      queue: [],
    };
    // Documents with a problem are reported as failed at once, with the reason; they are never half-made.
    for (const c of candidates) {
      const problems = await source.problems(c, opts);
      if (problems.length) {
        status.failed.push({
          key: keyOf(c),
          title: c.title,
          fileName: c.fileName,
          message: problems.map((p) => p.message).join('; '),
        });
        status.done++;
      } else status.queue.push(c);
    }
    if (status.queue.length > 0) prepareFolder(folder);
    remember(status);
    return status;
  }

  async function drive(status: BatchStatus & { queue: Candidate[] }, onProgress: (s: BatchStatus) => void) {
    const source = sourceFor(status.kind);
    const opts = options();
    while (status.queue.length) {
      const c = status.queue.shift();
      if (!c) break;
      try {
        const bytes = await source.render(c, opts);
        writeFileAtomic(join(status.folder, c.fileName), bytes);
        await record(status.kind, c, bytes, status.id);
        status.written.push({ key: keyOf(c), title: c.title, fileName: c.fileName, bytes: bytes.length });
      } catch (error) {
        const message =
          error instanceof ServiceError
            ? error.message
            : isFolderError(error)
              ? `Not written: ${describeIoError(error)}`
              : 'Not written: the document could not be made';
        status.failed.push({ key: keyOf(c), title: c.title, fileName: c.fileName, message });
        if (isFolderError(error)) {
          status.notWritten.push(...status.queue.map((q) => ({ key: keyOf(q), title: q.title, fileName: q.fileName })));
          status.done += status.queue.length;
          status.queue = [];
        }
      }
      status.done++;
      onProgress(status);
      // Let other calls (progress polls, the chair's screen) in between documents.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    status.state = 'finished';
    status.finishedAt = ctx.now().toISOString();
    onProgress(status);
  }

  function remember(status: BatchStatus) {
    batches.set(status.id, status);
    if (batches.size > KEPT_BATCHES) {
      for (const [id, b] of batches) {
        if (b.state === 'finished') {
          batches.delete(id);
          break;
        }
      }
    }
  }

  function publicStatus(status: BatchStatus): BatchStatus {
    const { id, kind, state, folder, total, done, written, failed, notWritten, startedAt, finishedAt } = status;
    return {
      id,
      kind,
      state,
      folder,
      total,
      done,
      written: [...written],
      failed: [...failed],
      notWritten: [...notWritten],
      startedAt,
      finishedAt,
    };
  }

  return {
    defaultFolder,
    sourceFor,
    plan,
    makeOne,
    run,
    /** Starts a batch in the background and returns at once; `status` reports its progress. */
    async start(i: z.output<typeof startBatchInputSchema>) {
      const status = await begin(i.kind, i.from, i.to, i.folder, i.keys);
      const answered = publicStatus(status);
      // Answer first; the first document is made on the next turn, like the rest.
      const running = new Promise<void>((resolve) => setImmediate(resolve))
        .then(async () => drive(status, () => undefined))
        .then(
          () => undefined,
          () => {
            status.state = 'finished';
            status.finishedAt = ctx.now().toISOString();
          },
        )
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
      return answered;
    },
    /** Resolves when every batch started here has finished (the CLI waits before closing the register). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    status(id: string): BatchStatus {
      const status = batches.get(id);
      if (!status) throw new ServiceError('not-found', 'That batch is no longer known: see the documents list');
      return publicStatus(status);
    },
    forRecord: async (entity: RecordEntity, entityId: number) => repo.forRecord(entity, entityId),
    recent: async (limit: number) => repo.recent(limit),
    record,
  };
}
export type DocumentsService = Awaited<ReturnType<typeof createDocumentsService>>;

/** The record each kind of document belongs to. */
export function kindEntity(kind: DocumentKind): RecordEntity {
  if (kind === 'appendix3') return 'agency';
  if (kind === 'appendix5' || kind === 'croydon-notification' || kind === 'review-meeting-record') return 'escalation';
  return 'conference';
}
