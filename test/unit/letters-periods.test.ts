import { describe, expect, it } from 'vitest';
import {
  dayPeriod,
  isoToParts,
  last12MonthsPeriod,
  monthPeriod,
  previousMonthPeriod,
} from '../../renderer/src/features/letters/periods';

describe('quick periods for letters and exports', () => {
  it.each([
    ['one day', dayPeriod('2025-10-15'), { from: '2025-10-15', to: '2025-10-15' }],
    ['a leap February', monthPeriod('2024-02-10'), { from: '2024-02-01', to: '2024-02-29' }],
    ['December', monthPeriod('2025-12-31'), { from: '2025-12-01', to: '2025-12-31' }],
    ['last month from January', previousMonthPeriod('2026-01-05'), { from: '2025-12-01', to: '2025-12-31' }],
    ['last month from 31 March', previousMonthPeriod('2025-03-31'), { from: '2025-02-01', to: '2025-02-28' }],
    ['12 months', last12MonthsPeriod('2026-03-15'), { from: '2025-03-16', to: '2026-03-15' }],
    ['12 months to 29 February', last12MonthsPeriod('2024-02-29'), { from: '2023-03-01', to: '2024-02-29' }],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('fills date boxes from an ISO date, and leaves them empty for anything else', () => {
    expect(isoToParts('2025-01-05')).toEqual({ day: '5', month: '1', year: '2025' });
    expect(isoToParts('2025-13-05')).toEqual({ day: '', month: '', year: '' });
  });
});
