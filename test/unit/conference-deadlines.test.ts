import { describe, expect, it } from 'vitest';
import {
  addMonths,
  closedByDecision,
  DEFAULT_TIMESCALES,
  dueAfterDecisions,
  dueForChild,
  reportDueDate,
  reportTimeliness,
  type ChildDecisionForDue,
} from '../../shared/conference-deadlines';
import type { RecordedDecision } from '../../shared/outcome';
import { shippedCalendar } from '../fixtures/calendars';

const ew = shippedCalendar('england-and-wales');

describe('reportDueDate', () => {
  it.each([
    ['2 WD before a Monday initial is the Thursday', '2026-03-09', 'initial', '2026-03-05'],
    ['5 WD before a Monday review is the Monday before', '2026-03-09', 'review', '2026-03-02'],
    ['a reconvened initial conference keeps the initial timescale', '2026-03-09', 'initial', '2026-03-05'],
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

describe('dueAfterDecisions: the conference’s own items once every child is decided', () => {
  it('the letter and minutes always, also when a child is adjourned, and the reconvening', () => {
    expect(dueAfterDecisions('2025-12-19', '2026-01-14', DEFAULT_TIMESCALES, ew)).toEqual([
      { kind: 'decision-letter', due: '2025-12-22' },
      { kind: 'minutes', due: '2026-01-14' },
      { kind: 'reconvene', due: '2026-01-14' },
    ]);
    expect(dueAfterDecisions('2026-03-02', null, DEFAULT_TIMESCALES, ew).map((d) => d.kind)).toEqual([
      'decision-letter',
      'minutes',
    ]);
  });
  it('counts the letter over Christmas', () => {
    expect(dueAfterDecisions('2026-12-24', null, DEFAULT_TIMESCALES, ew)[0]).toEqual({
      kind: 'decision-letter',
      due: '2026-12-29',
    });
  });
});

describe('dueForChild: what falls due for one child from its own decision', () => {
  const child = (decision: RecordedDecision, more: Partial<ChildDecisionForDue> = {}): ChildDecisionForDue => ({
    decision,
    interimPlan: false,
    expectedDate: null,
    firstCoreGroupScheduled: false,
    ...more,
  });
  const initial = { date: '2026-03-02', decidesAs: 'initial', chainStart: '2026-03-02' } as const;
  const review = { date: '2026-03-02', decidesAs: 'review', chainStart: '2026-03-02' } as const;
  it.each([
    [
      'a new plan: core group in 10 WD, first review within 3 months',
      initial,
      child('plan'),
      ['first-core-group 2026-03-16', 'next-review 2026-06-02'],
    ],
    ['no plan: nothing', initial, child('no-plan'), []],
    [
      'a plan continuing at a review: the next review within 6 months',
      review,
      child('plan-continues'),
      ['next-review 2026-09-02'],
    ],
    ['a plan ending: nothing', review, child('plan-ends'), []],
    [
      'a tied initial conference: made subject to a plan pending the reconvened meeting, so its core group',
      { date: '2025-12-19', decidesAs: 'initial', chainStart: '2025-12-19' } as const,
      child('adjourned', { interimPlan: true }),
      ['first-core-group 2026-01-07'],
    ],
    ['a tied review: stays on its plan, nothing new yet', review, child('adjourned', { interimPlan: true }), []],
    [
      'a reconvened initial conference making the plan: the first review counts from the initial conference; its core group was already scheduled',
      { date: '2026-01-12', decidesAs: 'initial', chainStart: '2025-12-19' } as const,
      child('plan', { firstCoreGroupScheduled: true }),
      ['next-review 2026-03-19'],
    ],
    [
      'a reconvened review: the next review counts from the review it reconvenes',
      { date: '2026-03-16', decidesAs: 'review', chainStart: '2026-03-02' } as const,
      child('plan-continues'),
      ['next-review 2026-09-02'],
    ],
    [
      'an unborn baby: the first review within 10 WD of the expected birth when that is sooner',
      initial,
      child('plan', { expectedDate: '2026-04-10' }),
      ['first-core-group 2026-03-16', 'next-review 2026-04-24'],
    ],
    [
      'an unborn baby due after three months: the three months stand',
      initial,
      child('plan', { expectedDate: '2026-08-10' }),
      ['first-core-group 2026-03-16', 'next-review 2026-06-02'],
    ],
  ] as const)('%s', (_why, conference, decision, expected) => {
    expect(dueForChild(conference, decision, DEFAULT_TIMESCALES, ew).map((d) => `${d.kind} ${d.due}`)).toEqual(
      expected,
    );
  });
});

describe('closedByDecision: what a child’s decision answers', () => {
  it.each([
    ['plan', ['next-review review-held']],
    ['plan-continues', ['next-review review-held']],
    ['plan-ends', ['next-review review-held', 'first-core-group plan-ended']],
    ['no-plan', ['next-review review-held', 'first-core-group plan-ended']],
    ['adjourned', []],
  ] as const)('%s closes %j', (decision, expected) => {
    expect(closedByDecision(decision).map((c) => `${c.kind} ${c.closedBy}`)).toEqual(expected);
  });
});
