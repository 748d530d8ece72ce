import { z } from 'zod';
import { isIsoDate } from './dates';
import { strictObject } from './schemas/common';

/**
 * The GOV.UK bank-holidays feed (https://www.gov.uk/bank-holidays.json), the official source of
 * UK bank holidays: `{ division: { division, events: [{ title, date, notes, bunting }] } }`.
 * The register ships a snapshot and accepts a newer file in the same shape.
 */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export const divisionSchema = z.enum(DIVISIONS, {
  error: () => 'Division must be one of england-and-wales, scotland or northern-ireland',
});
export type Division = z.infer<typeof divisionSchema>;

export const DIVISION_LABELS: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const bankHolidayEventSchema = strictObject({
  title: z
    .string({ error: 'Enter the title of the bank holiday' })
    .trim()
    .min(1, 'Enter the title of the bank holiday')
    .max(200, 'The title must be 200 characters or fewer'),
  date: z
    .string({ error: 'Enter the date as YYYY-MM-DD' })
    .max(10, 'Date must be a real date in the form YYYY-MM-DD')
    .refine(isIsoDate, 'Date must be a real date in the form YYYY-MM-DD'),
  notes: z.string().max(500, 'The notes must be 500 characters or fewer').default(''),
  bunting: z.boolean().default(false),
});
export type BankHolidayEvent = z.infer<typeof bankHolidayEventSchema>;

const divisionFeedSchema = strictObject({
  division: z.string().max(40),
  events: z
    .array(bankHolidayEventSchema)
    .min(1, 'A division must list at least one event')
    .max(5000, 'A division lists 5,000 events or fewer'),
});

/** A whole feed: at least one of the three divisions, each with its events, no date twice. */
export const bankHolidayFeedSchema = strictObject({
  'england-and-wales': divisionFeedSchema.optional(),
  scotland: divisionFeedSchema.optional(),
  'northern-ireland': divisionFeedSchema.optional(),
}).superRefine((feed, ctx) => {
  let any = false;
  for (const division of DIVISIONS) {
    const part = feed[division];
    if (!part) continue;
    any = true;
    if (part.division !== division) {
      ctx.addIssue({
        code: 'custom',
        path: [division, 'division'],
        message: `The "${division}" entry says its division is "${part.division}"`,
      });
    }
    const seen = new Set<string>();
    part.events.forEach((event, i) => {
      if (seen.has(event.date)) {
        ctx.addIssue({
          code: 'custom',
          path: [division, 'events', i, 'date'],
          message: `${event.date} is listed twice`,
        });
      }
      seen.add(event.date);
    });
  }
  if (!any) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: 'The file has none of the divisions england-and-wales, scotland or northern-ireland',
    });
  }
});
export type BankHolidayFeed = z.infer<typeof bankHolidayFeedSchema>;

/** Years covered by a list of events: the first and last year any event falls in. */
export function coveredYears(events: readonly { date: string }[]): { from: number; to: number } | null {
  if (events.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    const y = Number(e.date.slice(0, 4));
    if (y < from) from = y;
    if (y > to) to = y;
  }
  return { from, to };
}

/**
 * Merges a newer feed over an older one for one division: for every year the newer feed covers,
 * its events replace the older ones; years it does not cover keep the older events. So importing
 * GOV.UK's current feed (which spans only a few years) never loses earlier years.
 */
export function mergeDivisionEvents(
  older: readonly BankHolidayEvent[],
  newer: readonly BankHolidayEvent[],
): BankHolidayEvent[] {
  const years = new Set(newer.map((e) => e.date.slice(0, 4)));
  const kept = older.filter((e) => !years.has(e.date.slice(0, 4)));
  return [...kept, ...newer].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
