import { mapAsync } from '../../../../shared/async';
import {
  AGENCY_TYPE_LABELS,
  agencyInputSchema,
  type Agency,
  type AgencyFields,
  type AgencyListInput,
} from '../../../../shared/schemas/agency';
import { describeIssues, issuesFromZod } from '../../../../shared/ipc/result';
import { nameKey } from '../../../../shared/names';
import { agencyCsvColumn, readAgenciesCsv } from '../import/agencies-csv';
import { audit, auditChange, type ServiceContext } from './context';
import { ServiceError, notFound, staleEdit } from './errors';
import type { SettingsService } from './settings-service';

/** The agency directory: each agency, its quoracy group and its safeguarding lead. */
export function createAgenciesService(ctx: ServiceContext<'agencies' | 'audit'>, settings: SettingsService) {
  const { agencies } = ctx.repos;

  async function mustGet(id: number): Promise<Agency> {
    const agency = await agencies.get(id);
    if (!agency) throw notFound('agency', id);
    return agency;
  }

  /**
   * The agency already in the directory under this name, comparing names ignoring case, accents,
   * apostrophe style and spacing ("St Mary’s" and "st marys" are one agency).
   */
  /** The agency as the audit keeps it: its fields, not the version that counts its changes. */
  function auditable(agency: Agency): Record<string, unknown> {
    const { version: _version, ...fields } = agency;
    return fields;
  }

  /** The refusal of a save over a newer version, showing the agency as it now is. */
  async function stale(id: number): Promise<ServiceError> {
    const now = await mustGet(id);
    return staleEdit('This agency', [
      ['name', now.name],
      ['type', AGENCY_TYPE_LABELS[now.type]],
      ['quoracy group', now.quoracyGroup],
      ['safeguarding lead', now.leadName],
      ['job title', now.leadJobTitle],
      ['email', now.leadEmail],
      ['phone', now.leadPhone],
      ['status', now.active ? 'active' : 'inactive'],
    ]);
  }

  async function sameNamed(name: string): Promise<Agency | undefined> {
    const key = nameKey(name);
    return (await agencies.findByName(name)) ?? (await agencies.all(true)).find((a) => nameKey(a.name) === key);
  }

  async function assertNameFree(name: string, exceptId: number | null, path = 'name'): Promise<void> {
    const existing = await sameNamed(name);
    if (existing && existing.id !== exceptId) {
      throw new ServiceError('conflict', `An agency called “${existing.name}” already exists`, [
        { path, message: `An agency called “${existing.name}” already exists` },
      ]);
    }
  }

  async function createInTransaction(fields: AgencyFields, path = 'name'): Promise<Agency> {
    await assertNameFree(fields.name, null, path);
    const id = await agencies.insert(fields, ctx.now().toISOString());
    const created = await mustGet(id);
    await audit(ctx, await settings.actor(), 'create', 'agency', id, undefined, auditable(created));
    return created;
  }

  const everything = { page: 1, pageSize: Number.MAX_SAFE_INTEGER, sort: 'status', direction: 'asc' } as const;

  const service = {
    /** Every agency matching a search (all of them for ''), active first, then by name: not paged. */
    list: async (search: string, includeInactive: boolean) =>
      search ? (await agencies.list(search, includeInactive, everything)).items : agencies.all(includeInactive),
    /** A page of the directory (the `agencies.list` channel). */
    page: async (i: AgencyListInput) => agencies.list(i.search, i.includeInactive, i),
    /** The agency with this name, compared as duplicates are (for the command line's --agency). */
    named: sameNamed,
    get: mustGet,
    /** The agency with this name, compared as duplicates are; not found names it. */
    async byName(name: string): Promise<Agency> {
      const agency = await sameNamed(name);
      if (!agency) {
        const message = `There is no agency called “${name}” in the directory`;
        throw new ServiceError('not-found', message, [{ path: 'name', message }]);
      }
      return agency;
    },
    /** Imports an agencies CSV (see `readAgenciesCsv`), naming each problem by row and the file's column. */
    async importCsv(text: string): Promise<Agency[]> {
      return service.importMany(readAgenciesCsv(text), { fieldName: agencyCsvColumn });
    },

    /** `fields` as the contract's `agencies.create` parsed them (the dispatch validates). */
    async create(fields: AgencyFields): Promise<Agency> {
      return ctx.db.transaction(async () => createInTransaction(fields));
    },

    /** `version` is the one the caller loaded: a save over a newer one is refused (`conflict`). */
    async update(id: number, fields: AgencyFields, version?: number): Promise<Agency> {
      return ctx.db.transaction(async () => {
        const before = await mustGet(id);
        if (!(await agencies.update(id, fields, ctx.now().toISOString(), version))) throw await stale(id);
        await assertNameFree(fields.name, id);
        const after = await mustGet(id);
        await auditChange(ctx, await settings.actor(), 'update', 'agency', id, auditable(before), auditable(after));
        return after;
      });
    },

    /** Deactivated agencies stay in the directory (and in past conferences), marked inactive. */
    async setActive(id: number, active: boolean, version?: number): Promise<Agency> {
      return ctx.db.transaction(async () => {
        const before = await mustGet(id);
        if (version !== undefined && before.version !== version) throw await stale(id);
        if (before.active === active) return before;
        if (!(await agencies.setActive(id, active, ctx.now().toISOString(), version))) throw await stale(id);
        const after = await mustGet(id);
        await auditChange(
          ctx,
          await settings.actor(),
          active ? 'reactivate' : 'deactivate',
          'agency',
          id,
          auditable(before),
          auditable(after),
        );
        return after;
      });
    },

    /**
     * Imports many agencies, all or nothing: every row is validated first and each problem is
     * reported with its row number (as the user counts them: the header is row 1); a name that
     * already exists, or appears twice, refuses the whole import.
     */
    async importMany(
      rows: readonly Record<string, unknown>[],
      options: { firstRowNumber?: number; fieldName?: (field: string) => string } = {},
    ): Promise<Agency[]> {
      const firstRowNumber = options.firstRowNumber ?? 2;
      const fieldName = options.fieldName ?? ((field: string) => field);
      const issues: { path: string; message: string }[] = [];
      const parsed: AgencyFields[] = [];
      const seen = new Map<string, number>();
      rows.forEach((row, i) => {
        const rowNumber = firstRowNumber + i;
        const result = agencyInputSchema.safeParse(row);
        if (!result.success) {
          for (const issue of issuesFromZod(result.error)) {
            issues.push({ path: `row ${rowNumber}, ${fieldName(issue.path)}`, message: issue.message });
          }
          return;
        }
        const key = nameKey(result.data.name);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          issues.push({
            path: `row ${rowNumber}, ${fieldName('name')}`,
            message: `“${result.data.name}” is already on row ${earlier}`,
          });
        }
        seen.set(key, rowNumber);
        parsed.push(result.data);
      });
      if (rows.length === 0) issues.push({ path: '', message: 'The file has no agencies in it' });
      if (issues.length > 0) {
        throw new ServiceError('invalid-input', describeIssues(issues), issues);
      }
      return ctx.db.transaction(async () =>
        mapAsync(parsed, async (fields, i) => {
          try {
            return await createInTransaction(fields, `row ${firstRowNumber + i}, ${fieldName('name')}`);
          } catch (error) {
            if (error instanceof ServiceError) {
              throw new ServiceError(error.code, describeIssues(error.issues), error.issues);
            }
            throw error;
          }
        }),
      );
    },
  };
  return service;
}
export type AgenciesService = Awaited<ReturnType<typeof createAgenciesService>>;
