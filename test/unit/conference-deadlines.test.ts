import { describe, expect, it } from 'vitest';
import {
  addMonths,
  DEFAULT_TIMESCALES,
  dueAfterConference,
  reportDueDate,
  reportTimeliness,
} from '../../shared/conference-deadlines';
import { shippedCalendar } from '../fixtures/calendars';

const ew = shippedCalendar('england-and-wales');

describe('reportDueDate', () => {
  it.each([
    ['2 WD before a Monday initial is the Thursday', '2026-03-09', 'initial', '2026-03-05'],
    ['5 WD before a Monday review is the Monday before', '2026-03-09', 'review', '2026-03-02'],
    ['a reconvened conference follows the initial timescale', '2026-03-09', 'reconvened', '2026-03-05'],
    ['over Easter 2026: 2 WD before Tuesday 7 April', '2026-04-07', 'initial', '2026-04-01'],
    ['over Christmas: 5 WD before Monday 4 January 2027', '2027-01-04', 'review', '2026-12-23'],
  ] as const)('%s', (_why, date, type, expected) => {
    expect(reportDueDate(date, type, DEFAULT_TIMESCALES, ew)).toBe(expected);
  });
  it('follows the setting (3 WD in some areas)', () => {
    expect(reportDueDate('2026-03-09', 'initial', { ...DEFAULT_TIMESCALES, reportDueInitial: 3 }, ew)).toBe(
      '2026-03-04',
    );
  });
  it('calls a report on the due date on time, the day after late', () => {
    expect(reportTimeliness('2026-03-05', '2026-03-05')).toBe('on-time');
    expect(reportTimeliness('2026-03-06', '2026-03-05')).toBe('late');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-12-31', 6, '2027-06-30'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('dueAfterConference', () => {
  it('after an initial conference that makes a plan: letter, minutes, core group, review in 3 months', () => {
    expect(
      dueAfterConference(
        { date: '2026-03-02', type: 'initial' },
        { onPlan: true, newPlan: true, reconveneBy: null },
        DEFAULT_TIMESCALES,
        ew,
      ),
    ).toEqual([
      { kind: 'decision-letter', due: '2026-03-03' },
      { kind: 'minutes', due: '2026-03-23' },
      { kind: 'first-core-group', due: '2026-03-16' },
      { kind: 'next-review', due: '2026-06-02' },
    ]);
  });
  it('after a review where the plan continues: review within 6 months, no core group', () => {
    expect(
      dueAfterConference(
        { date: '2026-03-02', type: 'review' },
        { onPlan: true, newPlan: false, reconveneBy: null },
        DEFAULT_TIMESCALES,
        ew,
      ).map((d) => d.kind),
    ).toEqual(['decision-letter', 'minutes', 'next-review']);
  });
  it('after no plan: the letter and minutes only', () => {
    expect(
      dueAfterConference(
        { date: '2026-03-02', type: 'initial' },
        { onPlan: false, newPlan: false, reconveneBy: null },
        DEFAULT_TIMESCALES,
        ew,
      ).map((d) => d.kind),
    ).toEqual(['decision-letter', 'minutes']);
  });
  it('after an adjournment: reconvene by the date, nothing else scheduled yet', () => {
    expect(
      dueAfterConference(
        { date: '2025-12-19', type: 'initial' },
        { onPlan: true, newPlan: true, reconveneBy: '2026-01-14' },
        DEFAULT_TIMESCALES,
        ew,
      ),
    ).toEqual([
      { kind: 'decision-letter', due: '2025-12-22' },
      { kind: 'minutes', due: '2026-01-14' },
      { kind: 'reconvene', due: '2026-01-14' },
    ]);
  });
  it('counts the letter over Christmas', () => {
    expect(
      dueAfterConference(
        { date: '2026-12-24', type: 'review' },
        { onPlan: false, newPlan: false, reconveneBy: null },
        DEFAULT_TIMESCALES,
        ew,
      )[0],
    ).toEqual({
      kind: 'decision-letter',
      due: '2026-12-29',
    });
  });
});
