import { qb, type RegisterDb } from '../query';

/** Settings as key → JSON text; the service parses and validates them. */
export function createSettingsRepository(db: RegisterDb) {
  return {
    all(): Map<string, string> {
      return new Map(db.all(qb.selectFrom('settings').selectAll()).map((r) => [r.key, r.value]));
    },
    set(key: string, value: string): void {
      db.run(
        qb
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
      );
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
