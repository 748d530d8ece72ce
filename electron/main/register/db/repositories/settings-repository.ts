import { sql } from 'kysely';
import { qb, type RegisterDb } from '../query';
import { nextVersion } from '../sql-helpers';

/**
 * Settings as key → JSON text; the service parses and validates them. The settings are one record
 * to the people editing them, so every row carries the same version (migration 011): a save counts
 * them all up together, and a key stored for the first time takes the version the others have.
 */
export function createSettingsRepository(db: RegisterDb) {
  return {
    async all(): Promise<Map<string, string>> {
      return new Map((await db.all(qb.selectFrom('settings').selectAll())).map((r) => [r.key, r.value]));
    },
    /** The settings' version: 0 while nothing is stored. */
    async version(): Promise<number> {
      const row = await db.first(qb.selectFrom('settings').select((eb) => eb.fn.max<number>('version').as('v')));
      return Number(row?.v ?? 0);
    },
    /**
     * Counts the settings' version up for a save made from a screen that loaded them at `version`,
     * only if they still have it. False means someone else saved them first.
     */
    async claim(version: number): Promise<boolean> {
      const changed = await db.run(
        qb
          .updateTable('settings')
          .set({ version: nextVersion('settings') })
          .where('version', '=', version),
      );
      return changed.changes > 0 || (version === 0 && (await this.version()) === 0);
    },
    /** Counts the settings' version up (a save with no version to check). */
    async bump(): Promise<void> {
      await db.run(qb.updateTable('settings').set({ version: nextVersion('settings') }));
    },
    /** The usual set of agencies for conferences (migration 013), in the order of the directory's ids. */
    async usualAgencyIds(): Promise<number[]> {
      const rows = await db.all(qb.selectFrom('usual_agencies').select('agency_id').orderBy('agency_id'));
      return rows.map((r) => Number(r.agency_id));
    },
    /** The usual set's agencies still active, in the order of their ids: what the chair's screen offers to invite. */
    async activeUsualAgencies(): Promise<{ id: number; name: string }[]> {
      const rows = await db.all(
        qb
          .selectFrom('usual_agencies as u')
          .innerJoin('agencies as a', 'a.id', 'u.agency_id')
          .select(['a.id', 'a.name'])
          .where('a.active', '=', 1)
          .orderBy('a.id'),
      );
      return rows.map((r) => ({ id: Number(r.id), name: r.name }));
    },
    /** Replaces the usual set; each id must be an agency of the directory (a foreign key). */
    async replaceUsualAgencies(agencyIds: readonly number[]): Promise<void> {
      await db.run(qb.deleteFrom('usual_agencies'));
      for (const agencyId of agencyIds) {
        await db.run(qb.insertInto('usual_agencies').values({ agency_id: agencyId }));
      }
    },
    async set(key: string, value: string): Promise<void> {
      await db.run(
        qb
          .insertInto('settings')
          .values({ key, value, version: sql<number>`(SELECT coalesce(max(version), 1) FROM settings)` })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
      );
    },
  };
}
export type SettingsRepository = Awaited<ReturnType<typeof createSettingsRepository>>;
