import type { BankHolidayEvent, Division } from '../../../../../shared/bank-holidays';
import { qb, type RegisterDb } from '../query';

/** Bank holidays imported by an administrator (the shipped snapshot lives in resources/). */
export function createHolidaysRepository(db: RegisterDb) {
  return {
    async events(division: Division): Promise<BankHolidayEvent[]> {
      return (
        await db.all(qb.selectFrom('bank_holidays').selectAll().where('division', '=', division).orderBy('date'))
      ).map((r) => ({ title: r.title, date: r.date, notes: r.notes, bunting: r.bunting === 1 }));
    },

    async replaceDivision(division: Division, events: readonly BankHolidayEvent[]): Promise<void> {
      await db.run(qb.deleteFrom('bank_holidays').where('division', '=', division));
      for (let i = 0; i < events.length; i += 200) {
        await db.run(
          qb.insertInto('bank_holidays').values(
            events.slice(i, i + 200).map((e) => ({
              division,
              date: e.date,
              title: e.title,
              notes: e.notes,
              bunting: e.bunting ? 1 : 0,
            })),
          ),
        );
      }
    },

    async closureDays(): Promise<{ date: string; reason: string }[]> {
      return db.all(qb.selectFrom('closure_days').selectAll().orderBy('date'));
    },

    async replaceClosureDays(days: readonly { date: string; reason: string }[]): Promise<void> {
      await db.run(qb.deleteFrom('closure_days'));
      if (days.length > 0)
        await db.run(qb.insertInto('closure_days').values(days.map((d) => ({ date: d.date, reason: d.reason }))));
    },
  };
}
export type HolidaysRepository = Awaited<ReturnType<typeof createHolidaysRepository>>;
