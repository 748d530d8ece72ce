import { qb, type RegisterDb } from '../query';

/** Settings as key → JSON text; the service parses and validates them. */
export function createSettingsRepository(db: RegisterDb) {
  return {
    async all(): Promise<Map<string, string>> {
      return new Map((await db.all(qb.selectFrom('settings').selectAll())).map((r) => [r.key, r.value]));
    },
    async set(key: string, value: string): Promise<void> {
      await db.run(
        qb
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
      );
    },
  };
}
export type SettingsRepository = Awaited<ReturnType<typeof createSettingsRepository>>;
