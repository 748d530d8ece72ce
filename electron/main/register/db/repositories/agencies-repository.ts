import type { Agency, AgencyFields, AgencyType } from '../../../../../shared/schemas/agency';
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
    async list(search: string, includeInactive: boolean): Promise<Agency[]> {
      let query = qb.selectFrom('agencies').selectAll();
      if (!includeInactive) query = query.where('active', '=', 1);
      if (search) {
        query = query.where(anyColumnContains(['name', 'type', 'quoracy_group', 'lead_name', 'lead_email'], search));
      }
      return (await db.all(query.orderBy('active', 'desc').orderBy('name'))).map(toAgency);
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
