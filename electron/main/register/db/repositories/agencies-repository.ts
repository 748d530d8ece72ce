import { sql } from 'kysely';
import type { Agency, AgencyFields, AgencySort, AgencyType } from '../../../../../shared/schemas/agency';
import { pageOffset, type Page, type PageRequest } from '../../../../../shared/schemas/paging';
import { qb, type RegisterDb } from '../query';
import { anyColumnContains, nextVersion } from '../sql-helpers';
import type { AgencyRow } from '../schema';

function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    name: row.name,
    type: row.type as AgencyType,
    quoracyGroup: row.quoracy_group,
    leadName: row.lead_name,
    leadJobTitle: row.lead_job_title,
    leadEmail: row.lead_email,
    leadPhone: row.lead_phone,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function toColumns(fields: AgencyFields) {
  return {
    name: fields.name,
    type: fields.type,
    quoracy_group: fields.quoracyGroup,
    lead_name: fields.leadName,
    lead_job_title: fields.leadJobTitle,
    lead_email: fields.leadEmail,
    lead_phone: fields.leadPhone,
  };
}

export function createAgenciesRepository(db: RegisterDb) {
  return {
    /** Every agency (or every active one), active first, then by name. */
    async all(includeInactive: boolean): Promise<Agency[]> {
      let query = qb.selectFrom('agencies').selectAll();
      if (!includeInactive) query = query.where('active', '=', 1);
      return (await db.all(query.orderBy('active', 'desc').orderBy('name'))).map(toAgency);
    },

    /** A page of the directory, searched and sorted in SQL; ties by name, then id. */
    async list(search: string, includeInactive: boolean, p: PageRequest<AgencySort>): Promise<Page<Agency>> {
      let query = qb.selectFrom('agencies');
      if (!includeInactive) query = query.where('active', '=', 1);
      if (search) {
        query = query.where(anyColumnContains(['name', 'type', 'quoracy_group', 'lead_name', 'lead_email'], search));
      }
      const total = Number((await db.first(query.select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0);
      // Active first when sorting by status ascending (1 before 0).
      const column = {
        status: sql`1 - active`,
        name: sql`lower(name)`,
        type: sql`type`,
        group: sql`lower(coalesce(quoracy_group, ''))`,
        lead: sql`lower(coalesce(lead_name, ''))`,
      }[p.sort];
      const rows = await db.all(
        query
          .selectAll()
          .orderBy(column, p.direction)
          .orderBy(sql`lower(name)`)
          .orderBy('id')
          .limit(p.pageSize)
          .offset(pageOffset(p)),
      );
      return { items: rows.map(toAgency), total, page: p.page, pageSize: p.pageSize };
    },

    async get(id: number): Promise<Agency | undefined> {
      const row = await db.first(qb.selectFrom('agencies').selectAll().where('id', '=', id));
      return row ? toAgency(row) : undefined;
    },

    async findByName(name: string): Promise<Agency | undefined> {
      const row = await db.first(qb.selectFrom('agencies').selectAll().where('name', '=', name));
      return row ? toAgency(row) : undefined;
    },

    async insert(fields: AgencyFields, at: string): Promise<number> {
      return db.insert(
        qb
          .insertInto('agencies')
          .values({ ...toColumns(fields), active: 1, created_at: at, updated_at: at })
          .returning('id'),
      );
    },

    /** False when `version` is given and the row no longer has it (someone else saved first). */
    async update(id: number, fields: AgencyFields, at: string, version?: number): Promise<boolean> {
      let query = qb
        .updateTable('agencies')
        .set({ ...toColumns(fields), updated_at: at, version: nextVersion('agencies') })
        .where('id', '=', id);
      if (version !== undefined) query = query.where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },

    /** False when `version` is given and the row no longer has it (someone else saved first). */
    async setActive(id: number, active: boolean, at: string, version?: number): Promise<boolean> {
      let query = qb
        .updateTable('agencies')
        .set({ active: active ? 1 : 0, updated_at: at, version: nextVersion('agencies') })
        .where('id', '=', id);
      if (version !== undefined) query = query.where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },
  };
}
export type AgenciesRepository = Awaited<ReturnType<typeof createAgenciesRepository>>;
