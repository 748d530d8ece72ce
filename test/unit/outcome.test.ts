import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../shared/ipc/result';
import {
  decideOutcome,
  needsCategory,
  outcomeInputSchema,
  recordedDecision,
  viewOfDecision,
  type Outcome,
} from '../../shared/outcome';
import { shippedCalendar } from '../fixtures/calendars';

const ew = shippedCalendar('england-and-wales');
type Views = [string, 'plan' | 'no-plan'][];
const views = (list: Views) => list.map(([agency, view]) => ({ agency, view }));
const decide = (input: Record<string, unknown>): Outcome => decideOutcome(outcomeInputSchema.parse(input), ew);

const ALL_PLAN: Views = [
  ['CSC', 'plan'],
  ['Health', 'plan'],
  ['Police', 'plan'],
];
const THREE_ONE: Views = [
  ['CSC', 'plan'],
  ['Health', 'plan'],
  ['Police', 'plan'],
  ['School', 'no-plan'],
];
const ONE_THREE: Views = [
  ['CSC', 'no-plan'],
  ['Health', 'no-plan'],
  ['Police', 'plan'],
  ['School', 'no-plan'],
];
const TWO_TWO: Views = [
  ['CSC', 'plan'],
  ['Health', 'no-plan'],
  ['Police', 'plan'],
  ['School', 'no-plan'],
];

describe('decideOutcome (North Lincolnshire SAfE: majority and equally divided views)', () => {
  it.each<[string, Record<string, unknown>, Outcome]>([
    [
      'unanimous plan at an initial',
      { type: 'initial', date: '2026-03-02', views: views(ALL_PLAN) },
      { result: 'unanimous', decision: 'plan', interimPlan: false, reconveneBy: null, minority: [], escalation: null },
    ],
    [
      '3-1 majority for a plan records the minority',
      { type: 'initial', date: '2026-03-02', views: views(THREE_ONE) },
      {
        result: 'majority',
        decision: 'plan',
        interimPlan: false,
        reconveneBy: null,
        minority: ['School'],
        escalation: null,
      },
    ],
    [
      '3-1 majority to end a plan at a review',
      { type: 'review', date: '2026-03-02', views: views(ONE_THREE) },
      {
        result: 'majority',
        decision: 'no-plan',
        interimPlan: false,
        reconveneBy: null,
        minority: ['Police'],
        escalation: null,
      },
    ],
    [
      '2-2 at an initial adjourns, with an interim plan, 15 WD',
      { type: 'initial', date: '2026-03-02', views: views(TWO_TWO) },
      {
        result: 'equally-divided',
        decision: 'adjourned',
        interimPlan: true,
        reconveneBy: '2026-03-23',
        minority: [],
        escalation: null,
      },
    ],
    [
      '2-2 at a review adjourns; the plan continues meanwhile',
      { type: 'review', date: '2026-03-02', views: views(TWO_TWO) },
      {
        result: 'equally-divided',
        decision: 'adjourned',
        interimPlan: true,
        reconveneBy: '2026-03-23',
        minority: [],
        escalation: null,
      },
    ],
    [
      '2-2 before Christmas: reconvene-by skips the bank holidays',
      { type: 'initial', date: '2025-12-19', views: views(TWO_TWO) },
      {
        result: 'equally-divided',
        decision: 'adjourned',
        interimPlan: true,
        reconveneBy: '2026-01-14',
        minority: [],
        escalation: null,
      },
    ],
    [
      '2-2 before Easter 2026: Good Friday and Easter Monday skipped',
      { type: 'initial', date: '2026-03-27', views: views(TWO_TWO) },
      {
        result: 'equally-divided',
        decision: 'adjourned',
        interimPlan: true,
        reconveneBy: '2026-04-21',
        minority: [],
        escalation: null,
      },
    ],
    [
      'a reconvened conference still 2-2 keeps the plan and goes to a Principal Officer review',
      { type: 'reconvened', date: '2026-03-20', views: views(TWO_TWO) },
      {
        result: 'equally-divided',
        decision: 'plan',
        interimPlan: false,
        reconveneBy: null,
        minority: ['Health', 'School'],
        escalation: 'principal-officer-review',
      },
    ],
    [
      'a reconvened conference reaching a majority decides',
      { type: 'reconvened', date: '2026-03-20', views: views(THREE_ONE) },
      {
        result: 'majority',
        decision: 'plan',
        interimPlan: false,
        reconveneBy: null,
        minority: ['School'],
        escalation: null,
      },
    ],
    [
      'a single agency’s view is unanimous',
      { type: 'review', date: '2026-03-02', views: views([['CSC', 'no-plan']]) },
      {
        result: 'unanimous',
        decision: 'no-plan',
        interimPlan: false,
        reconveneBy: null,
        minority: [],
        escalation: null,
      },
    ],
    [
      'the chair decides where the setting says so, even on a tie',
      { type: 'initial', date: '2026-03-02', rule: 'chair', chairDecision: 'plan', views: views(TWO_TWO) },
      {
        result: 'chair-decision',
        decision: 'plan',
        interimPlan: false,
        reconveneBy: null,
        minority: ['Health', 'School'],
        escalation: null,
      },
    ],
    [
      'a chair decision against the majority records the majority as dissenting',
      { type: 'review', date: '2026-03-02', rule: 'chair', chairDecision: 'no-plan', views: views(THREE_ONE) },
      {
        result: 'chair-decision',
        decision: 'no-plan',
        interimPlan: false,
        reconveneBy: null,
        minority: ['CSC', 'Health', 'Police'],
        escalation: null,
      },
    ],
  ])('%s', (_why, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });

  it('decides siblings separately', () => {
    const child1 = decide({ type: 'initial', date: '2026-03-02', views: views(THREE_ONE) });
    const child2 = decide({ type: 'initial', date: '2026-03-02', views: views(TWO_TWO) });
    expect([child1.decision, child2.decision]).toEqual(['plan', 'adjourned']);
  });
});

describe('outcome input names what is wrong', () => {
  const problems = (input: unknown) => {
    const r = outcomeInputSchema.safeParse(input);
    return r.success ? [] : issuesFromZod(r.error).map((i) => `${i.path}: ${i.message}`);
  };
  it.each([
    [
      'an unknown type',
      { type: 'annual', date: '2026-03-02', views: views(ALL_PLAN) },
      'type: type must be initial, review or reconvened (got "annual")',
    ],
    [
      'an impossible date',
      { type: 'initial', date: '2026-02-30', views: views(ALL_PLAN) },
      'date: date must be a real date in the form YYYY-MM-DD (got "2026-02-30")',
    ],
    [
      'an unknown view',
      { type: 'initial', date: '2026-03-02', views: [{ agency: 'CSC', view: 'maybe' }] },
      'views.0.view: view must be plan or no-plan (got "maybe")',
    ],
    [
      'no views',
      { type: 'initial', date: '2026-03-02', views: [] },
      'views: views must hold at least one agency’s view',
    ],
    [
      'the same agency twice',
      {
        type: 'initial',
        date: '2026-03-02',
        views: views([
          ['Police', 'plan'],
          ['police', 'no-plan'],
        ]),
      },
      'views.1.agency: "police" gives a view twice',
    ],
    [
      'chair rule without a decision',
      { type: 'initial', date: '2026-03-02', rule: 'chair', views: views(ALL_PLAN) },
      'chairDecision: chairDecision is needed when the rule is chair',
    ],
  ])('%s', (_why, input, expected) => {
    expect(problems(input)).toContain(expected);
  });
});

describe('recordedDecision: the outcome in the words of the conference', () => {
  it.each([
    ['plan', 'initial', 'plan', true],
    ['no-plan', 'initial', 'no-plan', false],
    ['plan', 'review', 'plan-continues', true],
    ['no-plan', 'review', 'plan-ends', false],
    ['adjourned', 'initial', 'adjourned', false],
    ['adjourned', 'review', 'adjourned', false],
  ] as const)(
    '%s at a conference deciding as %s → %s (category needed: %s)',
    (decision, decidesAs, expected, category) => {
      expect(recordedDecision({ decision }, decidesAs)).toBe(expected);
      expect(needsCategory(recordedDecision({ decision }, decidesAs))).toBe(category);
      expect(viewOfDecision(recordedDecision({ decision }, decidesAs))).toBe(
        decision === 'adjourned' ? null : decision,
      );
    },
  );
});
