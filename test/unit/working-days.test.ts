import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  coverageWarning,
  createCalendar,
  isWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
} from '../../shared/working-days';
import { shippedCalendar } from '../fixtures/calendars';

const ew = shippedCalendar('england-and-wales');
const scot = shippedCalendar('scotland');
const ni = shippedCalendar('northern-ireland');
const none = createCalendar({ holidays: [], coverage: { from: 2000, to: 2100 } });

describe('addWorkingDays: the n-th working day strictly after a date', () => {
  it.each([
    // [why, calendar, from, n, expected]
    ['the issue’s example: 15 WD over Christmas and New Year', ew, '2025-12-19', 15, '2026-01-14'],
    ['Friday + 1 is Monday', none, '2026-01-09', 1, '2026-01-12'],
    ['Saturday + 1 is Monday', none, '2026-01-10', 1, '2026-01-12'],
    ['Sunday + 1 is Monday', none, '2026-01-11', 1, '2026-01-12'],
    ['0 gives the date itself, even at a weekend', none, '2026-01-10', 0, '2026-01-10'],
    ['Easter 2026: Good Friday and Easter Monday skipped', ew, '2026-04-02', 1, '2026-04-07'],
    ['Easter 2026 in Scotland: Good Friday only', scot, '2026-04-02', 1, '2026-04-06'],
    ['Christmas 2026: Christmas Day and the substitute Boxing Day', ew, '2026-12-24', 1, '2026-12-29'],
    ['Scotland skips 2 January', scot, '2025-12-31', 1, '2026-01-05'],
    ['England works 2 January', ew, '2025-12-31', 1, '2026-01-02'],
    ['Northern Ireland skips St Patrick’s Day', ni, '2026-03-16', 1, '2026-03-18'],
    ['Northern Ireland skips the Boyne holiday (13 July 2026)', ni, '2026-07-10', 1, '2026-07-14'],
    ['the 2022 state funeral', ew, '2022-09-16', 1, '2022-09-20'],
    ['the 2023 coronation', ew, '2023-05-05', 1, '2023-05-09'],
    ['15 WD adjournment from an ordinary Monday', ew, '2026-03-02', 15, '2026-03-23'],
    ['leap day is an ordinary working day', none, '2028-02-28', 1, '2028-02-29'],
  ])('%s', (_why, calendar, from, n, expected) => {
    expect(addWorkingDays(from, n, calendar)).toBe(expected);
  });
});

describe('subtractWorkingDays: the n-th working day strictly before a date', () => {
  it.each([
    ['a report due 2 WD before a Monday conference is due the Thursday before', ew, '2026-03-09', 2, '2026-03-05'],
    ['5 WD before a review on Tuesday after Easter', ew, '2026-04-07', 5, '2026-03-27'],
    ['over New Year: 3 WD before 2 January 2026', ew, '2026-01-02', 3, '2025-12-29'],
    ['over Christmas: 3 WD before 29 December 2025', ew, '2025-12-29', 3, '2025-12-22'],
    ['Scotland: 2 WD before Monday 5 January 2026', scot, '2026-01-05', 2, '2025-12-30'],
    ['0 gives the date itself', none, '2026-01-10', 0, '2026-01-10'],
  ])('%s', (_why, calendar, from, n, expected) => {
    expect(subtractWorkingDays(from, n, calendar)).toBe(expected);
  });

  it('is the inverse of adding, from a working day', () => {
    for (const start of ['2025-12-22', '2026-04-01', '2026-08-28', '2027-12-20']) {
      for (const n of [1, 2, 5, 15, 40]) {
        expect(subtractWorkingDays(addWorkingDays(start, n, ew), n, ew)).toBe(start);
      }
    }
  });
});

describe('closure days the unit sets', () => {
  it('are skipped like bank holidays', () => {
    const withClosure = shippedCalendar('england-and-wales', ['2026-03-03']);
    expect(addWorkingDays('2026-03-02', 1, ew)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-02', 1, withClosure)).toBe('2026-03-04');
    expect(isWorkingDay('2026-03-03', withClosure)).toBe(false);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['same day', '2026-01-12', '2026-01-12', 0],
    ['Friday to Monday', '2026-01-09', '2026-01-12', 1],
    ['over Christmas', '2025-12-19', '2026-01-14', 15],
    ['backwards is negative', '2026-01-14', '2025-12-19', -15],
  ])('%s', (_why, from, to, expected) => {
    expect(workingDaysBetween(from, to, ew)).toBe(expected);
  });
});

describe('coverage warnings', () => {
  it('says nothing inside the years the data covers', () => {
    expect(coverageWarning(ew, '2018-01-02', '2027-12-31')).toBeNull();
  });
  it('warns, naming the date and the covered years, past the last year', () => {
    const date = addWorkingDays('2027-12-20', 15, ew);
    expect(coverageWarning(ew, '2027-12-20', date)).toMatch(/2018 to 2027 only; 2028-01-\d\d is after that/);
  });
  it('warns before the first year too', () => {
    expect(coverageWarning(ew, '2017-06-01')).toMatch(/2017-06-01 is before that/);
  });
  it('warns when no data is loaded at all', () => {
    expect(coverageWarning(createCalendar({ holidays: [], coverage: null }), '2026-01-01')).toMatch(
      /No bank-holiday data/,
    );
  });
});

describe('bad input', () => {
  it.each([
    ['impossible date', () => addWorkingDays('2026-02-30', 1, ew), /2026-02-30/],
    ['not a date', () => subtractWorkingDays('next week', 1, ew), /next week/],
    ['negative n', () => addWorkingDays('2026-01-05', -1, ew), /0 or more/],
    ['fractional n', () => addWorkingDays('2026-01-05', 1.5, ew), /whole number/],
  ])('%s is refused with a message naming it', (_why, fn, message) => {
    expect(fn).toThrow(message);
  });
});
