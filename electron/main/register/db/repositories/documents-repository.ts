import type {
  DocumentKind,
  GeneratedDocument,
  RecordEntity,
  SharingLogEntry,
  SharingLogSort,
} from '../../../../../shared/schemas/documents';
import { pageOffset, type Page, type PageRequest } from '../../../../../shared/schemas/paging';
import { sql, type Selectable } from 'kysely';
import { qb, type RegisterDb } from '../query';
import type { GeneratedDocumentsTable, SharingLogTable } from '../schema';

type DocumentRow = Selectable<GeneratedDocumentsTable>;

function toDocument(r: DocumentRow): GeneratedDocument {
  return {
    id: r.id,
    kind: r.kind as DocumentKind,
    entity: r.entity as RecordEntity,
    entityId: r.entity_id,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    title: r.title,
    fileName: r.file_name,
    sha256: r.sha256,
    bytes: r.bytes,
    batchId: r.batch_id,
    generatedAt: r.generated_at,
    generatedBy: r.generated_by,
    supersededAt: r.superseded_at,
  };
}

export interface NewGeneratedDocument {
  kind: DocumentKind;
  entity: RecordEntity;
  entityId: number;
  periodFrom: string | null;
  periodTo: string | null;
  title: string;
  fileName: string;
  sha256: string;
  bytes: number;
  batchId: string | null;
  generatedAt: string;
  generatedBy: string;
}

export interface NewSharingLogEntry {
  at: string;
  actor: string;
  agencyId: number;
  recipientName: string | null;
  recipientEmail: string | null;
  purpose: string;
  from: string;
  to: string;
  format: 'zip' | 'folder';
  initialsOnly: boolean;
  passwordProtected: boolean;
  location: string;
  emailDraft: string | null;
  files: string[];
  records: { entity: string; id: number }[];
}

/** SQL for the record of generated documents and the sharing log. */
export function createDocumentsRepository(db: RegisterDb) {
  return {
    async insert(d: NewGeneratedDocument): Promise<number> {
      return db.insert(
        qb
          .insertInto('generated_documents')
          .values({
            kind: d.kind,
            entity: d.entity,
            entity_id: d.entityId,
            period_from: d.periodFrom,
            period_to: d.periodTo,
            title: d.title,
            file_name: d.fileName,
            sha256: d.sha256,
            bytes: d.bytes,
            batch_id: d.batchId,
            generated_at: d.generatedAt,
            generated_by: d.generatedBy,
          })
          .returning('id'),
      );
    },

    /**
     * Marks every document made for a record before `at` as superseded by a correction (made from
     * values since amended); returns how many.
     */
    async supersede(entity: RecordEntity, entityId: number, at: string, correctionId: number): Promise<number> {
      return (
        await db.run(
          qb
            .updateTable('generated_documents')
            .set({ superseded_at: at, superseded_by: correctionId })
            .where('entity', '=', entity)
            .where('entity_id', '=', entityId)
            .where('superseded_at', 'is', null)
            .where('generated_at', '<=', at),
        )
      ).changes;
    },

    async get(id: number): Promise<GeneratedDocument | undefined> {
      const row = await db.first(qb.selectFrom('generated_documents').selectAll().where('id', '=', id));
      return row ? toDocument(row) : undefined;
    },

    async forRecord(entity: RecordEntity, entityId: number): Promise<GeneratedDocument[]> {
      return (
        await db.all(
          qb
            .selectFrom('generated_documents')
            .selectAll()
            .where('entity', '=', entity)
            .where('entity_id', '=', entityId)
            .orderBy('generated_at', 'desc')
            .orderBy('id', 'desc'),
        )
      ).map(toDocument);
    },

    /** The latest generation of each (kind, record, period), for the batch preview. */
    async latestFor(kind: DocumentKind, entity: RecordEntity): Promise<Map<string, { at: string; by: string }>> {
      const rows = await db.all(
        qb
          .selectFrom('generated_documents')
          .select((eb) => [
            'entity_id',
            'period_from',
            'period_to',
            eb.fn.max('generated_at').as('at'),
            eb.fn.max('generated_by').as('by'),
          ])
          .where('kind', '=', kind)
          .where('entity', '=', entity)
          .groupBy(['entity_id', 'period_from', 'period_to']),
      );
      return new Map(
        rows.map((r) => [`${r.entity_id}|${r.period_from ?? ''}|${r.period_to ?? ''}`, { at: r.at, by: r.by }]),
      );
    },

    async recent(limit: number): Promise<GeneratedDocument[]> {
      return (await db.all(qb.selectFrom('generated_documents').selectAll().orderBy('id', 'desc').limit(limit))).map(
        toDocument,
      );
    },

    /** Professional escalations the agency raised or was challenged in, opened in the period. */
    async escalationIdsForAgency(agencyId: number, from: string, to: string): Promise<number[]> {
      return (
        await db.all(
          qb
            .selectFrom('escalations')
            .select('id')
            .where((eb) =>
              eb.or([eb('initiating_agency_id', '=', agencyId), eb('challenged_agency_id', '=', agencyId)]),
            )
            .where('opened_on', '>=', from)
            .where('opened_on', '<=', to)
            .orderBy('opened_on')
            .orderBy('id'),
        )
      ).map((r) => r.id);
    },

    async insertSharing(e: NewSharingLogEntry): Promise<number> {
      return db.insert(
        qb
          .insertInto('sharing_log')
          .values({
            at: e.at,
            actor: e.actor,
            agency_id: e.agencyId,
            recipient_name: e.recipientName,
            recipient_email: e.recipientEmail,
            purpose: e.purpose,
            period_from: e.from,
            period_to: e.to,
            format: e.format,
            initials_only: e.initialsOnly ? 1 : 0,
            password_protected: e.passwordProtected ? 1 : 0,
            location: e.location,
            email_draft: e.emailDraft,
            files_json: JSON.stringify(e.files),
            records_json: JSON.stringify(e.records),
            status: 'started',
          })
          .returning('id'),
      );
    },

    /** Marks a started entry complete (every file in place) or interrupted; returns whether it was started. */
    async finishSharing(id: number, status: 'complete' | 'interrupted', at: string): Promise<boolean> {
      return (
        (
          await db.run(
            qb
              .updateTable('sharing_log')
              .set({ status, completed_at: status === 'complete' ? at : null })
              .where('id', '=', id)
              .where('status', '=', 'started'),
          )
        ).changes === 1
      );
    },

    /** Entries whose export never finished (the app stopped while writing it). */
    async unfinishedSharing(): Promise<{ id: number; location: string; emailDraft: string | null }[]> {
      return (
        await db.all(
          qb
            .selectFrom('sharing_log')
            .select(['id', 'location', 'email_draft'])
            .where('status', '=', 'started')
            .orderBy('id'),
        )
      ).map((r) => ({ id: r.id, location: r.location, emailDraft: r.email_draft }));
    },

    /** A page of the sharing log (one agency's or all), sorted in SQL; ties newest first. */
    async sharingLog(agencyId: number | null, p: PageRequest<SharingLogSort>): Promise<Page<SharingLogEntry>> {
      let base = qb.selectFrom('sharing_log as s').innerJoin('agencies as a', 'a.id', 's.agency_id');
      if (agencyId !== null) base = base.where('s.agency_id', '=', agencyId);
      const total = Number((await db.first(base.select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0);
      const column = {
        at: sql`s.at`,
        agency: sql`lower(a.name)`,
        actor: sql`lower(s.actor)`,
        period: sql`s.period_from`,
        format: sql`s.format`,
        status: sql`s.status`,
      }[p.sort];
      const query = base
        .selectAll('s')
        .select('a.name as agency_name')
        .orderBy(column, p.direction)
        .orderBy('s.id', 'desc')
        .limit(p.pageSize)
        .offset(pageOffset(p));
      const items = (await db.all(query)).map((r: Selectable<SharingLogTable> & { agency_name: string }) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        recipientName: r.recipient_name,
        recipientEmail: r.recipient_email,
        purpose: r.purpose,
        from: r.period_from,
        to: r.period_to,
        format: r.format as 'zip' | 'folder',
        initialsOnly: r.initials_only === 1,
        passwordProtected: r.password_protected === 1,
        location: r.location,
        status: r.status as SharingLogEntry['status'],
        completedAt: r.completed_at,
        files: JSON.parse(r.files_json) as string[],
        records: JSON.parse(r.records_json) as { entity: string; id: number }[],
      }));
      return { items, total, page: p.page, pageSize: p.pageSize };
    },
  };
}
