import { describe, expect, it } from 'vitest';
import {
  addYears,
  DEFAULT_RETENTION_RULE,
  isPastRetention,
  retentionDate,
  retentionRuleSchema,
  type RetentionRule,
} from '../../shared/retention';

const lastRecord = (years: number): RetentionRule => ({ basis: 'last-record', years });
const youngest = (years: number): RetentionRule => ({ basis: 'youngest-child-birth', years });

describe('retentionDate', () => {
  it.each([
    [
      '35 years after the last record (the default)',
      DEFAULT_RETENTION_RULE,
      '2026-03-02',
      ['2015-01-01'],
      '2061-03-02',
    ],
    ['the last record, whatever the children’s ages', lastRecord(6), '2026-03-02', ['2010-05-05'], '2032-03-02'],
    ['the youngest child’s birth decides', youngest(25), '2026-03-02', ['2015-01-01', '2019-07-31'], '2044-07-31'],
    ['children in any order', youngest(25), '2026-03-02', ['2019-07-31', '2015-01-01'], '2044-07-31'],
    ['an unborn child counts from the last record', youngest(25), '2026-03-02', ['2015-01-01', null], '2051-03-02'],
    ['only unborn children: the last record', youngest(18), '2026-03-02', [null], '2044-03-02'],
    ['no children: the last record', youngest(25), '2026-03-02', [], '2051-03-02'],
    ['29 February in a common year becomes 28 February', lastRecord(1), '2024-02-29', [], '2025-02-28'],
    ['29 February in a leap year stays', lastRecord(4), '2024-02-29', [], '2028-02-29'],
  ] as const)('%s', (_label, rule, lastRecordOn, childrenBornOn, expected) => {
    expect(retentionDate(rule, { lastRecordOn, childrenBornOn })).toBe(expected);
  });
});

describe('isPastRetention', () => {
  it.each([
    ['2026-03-01', '2026-03-02', true],
    ['2026-03-02', '2026-03-02', false],
    ['2026-03-03', '2026-03-02', false],
  ])('kept until %s, today %s: %s', (until, today, expected) => {
    expect(isPastRetention(until, today)).toBe(expected);
  });
});

describe('the rule setting', () => {
  it.each([
    [{ basis: 'last-record', years: 35 }, true],
    [{ basis: 'youngest-child-birth', years: 25 }, true],
    [{ basis: 'last-record', years: 0 }, false],
    [{ basis: 'last-record', years: 101 }, false],
    [{ basis: 'last-record', years: 2.5 }, false],
    [{ basis: 'case-closure', years: 35 }, false],
    [{ basis: 'last-record', years: 35, extra: 1 }, false],
  ])('%j valid: %s', (value, ok) => {
    expect(retentionRuleSchema.safeParse(value).success).toBe(ok);
  });

  it('addYears counts calendar years', () => {
    expect(addYears('2026-12-31', 35)).toBe('2061-12-31');
  });
});
