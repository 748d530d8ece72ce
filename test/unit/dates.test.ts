import { describe, expect, it } from 'vitest';
import { addDays, formatLongDate, fromDayNumber, isIsoDate, toDayNumber, weekdayOf } from '../../shared/dates';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-05', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-1-5', false],
    ['05/01/2026', false],
    ['', false],
    ['2026-01-05T00:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('day numbers', () => {
  it('round-trip and know the weekday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf(toDayNumber('1970-01-01'))).toBe(4);
    expect(weekdayOf(toDayNumber('2026-11-22'))).toBe(0);
    for (const d of ['1999-12-31', '2026-03-29', '2026-10-25', '2040-06-15'])
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
  });
  it('are not moved by British Summer Time changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
  it('formats the long form', () => {
    expect(formatLongDate('2026-01-14')).toBe('Wednesday 14 January 2026');
  });
});
