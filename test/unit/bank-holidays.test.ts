import { describe, expect, it } from 'vitest';
import { bankHolidayFeedSchema, coveredYears, mergeDivisionEvents } from '../../shared/bank-holidays';
import { issuesFromZod } from '../../shared/ipc/result';
import { snapshot } from '../fixtures/calendars';

function problems(feed: unknown): string[] {
  const result = bankHolidayFeedSchema.safeParse(feed);
  return result.success ? [] : issuesFromZod(result.error).map((i) => `${i.path}: ${i.message}`);
}

const event = (date: string, title = 'Holiday') => ({ title, date, notes: '', bunting: true });

describe('the shipped snapshot', () => {
  it('is a valid feed covering 2018 to 2027 in all three divisions', () => {
    for (const division of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      const events = snapshot[division]?.events ?? [];
      expect(coveredYears(events)).toEqual({ from: 2018, to: 2027 });
    }
  });
  it('has the one-off days', () => {
    const dates = new Set(snapshot['england-and-wales']?.events.map((e) => e.date));
    for (const d of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'])
      expect(dates.has(d)).toBe(true);
  });
});

describe('feed validation names what is wrong', () => {
  it.each([
    ['not an object', 'nonsense', /expected object/i],
    ['no divisions', {}, /none of the divisions/],
    [
      'an impossible date',
      { scotland: { division: 'scotland', events: [event('2026-02-30')] } },
      /^scotland\.events\.0\.date: Date must be a real date/,
    ],
    [
      'a missing title',
      { scotland: { division: 'scotland', events: [{ date: '2026-01-02' }] } },
      /^scotland\.events\.0\.title/,
    ],
    [
      'a date listed twice',
      { scotland: { division: 'scotland', events: [event('2026-01-02'), event('2026-01-02')] } },
      /scotland\.events\.1\.date: 2026-01-02 is listed twice/,
    ],
    [
      'a mislabelled division',
      { scotland: { division: 'wales', events: [event('2026-01-02')] } },
      /scotland\.division/,
    ],
    [
      'no events',
      { scotland: { division: 'scotland', events: [] } },
      /scotland\.events: A division must list at least one event/,
    ],
  ])('%s', (_why, feed, expected) => {
    const found = problems(feed);
    expect(
      found.some((p) => expected.test(p)),
      found.join(' | '),
    ).toBe(true);
  });
});

describe('mergeDivisionEvents', () => {
  it('replaces the years the newer feed covers and keeps the others', () => {
    const older = [event('2025-12-25', 'old'), event('2026-12-25', 'old'), event('2026-12-28', 'old')];
    const newer = [event('2026-12-25', 'new'), event('2027-12-27', 'new')];
    expect(mergeDivisionEvents(older, newer).map((e) => `${e.date} ${e.title}`)).toEqual([
      '2025-12-25 old',
      '2026-12-25 new',
      '2027-12-27 new',
    ]);
  });
});
