import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../shared/ipc/result';
import {
  initials,
  nextStage,
  protocolSchema,
  SHIPPED_PROTOCOLS,
  stageClock,
  stageDueDate,
  type Protocol,
} from '../../shared/escalation-protocols';
import { shippedCalendar } from '../fixtures/calendars';

const ew = shippedCalendar('england-and-wales');
const byKey = (key: string): Protocol => {
  const p = SHIPPED_PROTOCOLS.find((x) => x.key === key);
  if (!p) throw new Error(key);
  return p;
};

describe('the shipped protocols', () => {
  it.each([
    ['kirklees', 7, 5, [5, 6], false],
    ['croydon', 5, 7, [3, 4, 5], true],
    ['north-lincolnshire', 4, 10, [3, 4], false],
    ['generic-four-stage', 4, 5, [4], false],
  ] as const)(
    '%s: %i stages of %i working days, formal record at %j, initials only %s',
    (key, stages, limit, formal, initialsOnly) => {
      const p = byKey(key);
      expect(protocolSchema.parse(p)).toEqual(p);
      expect(p.stages).toHaveLength(stages);
      expect(p.stages.every((s) => s.limitWorkingDays === limit)).toBe(true);
      expect(p.stages.filter((s) => s.formalRecord).map((s) => s.number)).toEqual(formal);
      expect(p.initialsOnly).toBe(initialsOnly);
    },
  );
});

describe('stage clocks across bank holidays', () => {
  it.each([
    // [protocol, stage opened, due]
    ['kirklees', '2025-12-19', '2025-12-30'], // Christmas Day and Boxing Day skipped
    ['kirklees', '2026-03-31', '2026-04-09'], // Good Friday and Easter Monday skipped
    ['kirklees', '2026-05-01', '2026-05-11'], // early May bank holiday
    ['croydon', '2025-12-19', '2026-01-02'], // 7 WD over Christmas and New Year
    ['croydon', '2026-08-27', '2026-09-08'], // summer bank holiday
    ['north-lincolnshire', '2025-12-19', '2026-01-07'],
    ['generic-four-stage', '2026-12-23', '2027-01-04'], // 2026: Boxing Day substitute on 28 December, New Year's Day
  ])('%s: a stage opened %s is due %s', (key, opened, due) => {
    const p = byKey(key);
    for (const s of p.stages) expect(stageDueDate(opened, s.limitWorkingDays, ew)).toBe(due);
  });

  it('immediate risk: due the same working day, never on the stage clock', () => {
    expect(stageDueDate('2026-03-04', 5, ew, true)).toBe('2026-03-04');
    expect(stageDueDate('2026-04-03', 7, ew, true)).toBe('2026-04-07'); // opened on Good Friday: the next working day
    expect(stageDueDate('2026-03-07', 5, ew, true)).toBe('2026-03-09'); // a Saturday
  });

  it('counts working days left, due today and overdue', () => {
    expect(stageClock('2026-03-09', '2026-03-02', ew)).toEqual({
      due: '2026-03-09',
      workingDaysLeft: 5,
      overdue: false,
      dueToday: false,
    });
    expect(stageClock('2026-03-09', '2026-03-09', ew)).toEqual({
      due: '2026-03-09',
      workingDaysLeft: 0,
      overdue: false,
      dueToday: true,
    });
    expect(stageClock('2026-03-09', '2026-03-11', ew)).toEqual({
      due: '2026-03-09',
      workingDaysLeft: -2,
      overdue: true,
      dueToday: false,
    });
    expect(stageClock('2026-04-02', '2026-04-07', ew)).toMatchObject({ workingDaysLeft: -1, overdue: true });
  });

  it('moves through the stages in order', () => {
    const k = byKey('kirklees');
    expect(nextStage(k, 4)?.name).toBe('Head of Service');
    expect(nextStage(k, 7)).toBeNull();
  });
});

describe('protocol validation names what is wrong', () => {
  const problems = (p: unknown) => {
    const r = protocolSchema.safeParse(p);
    return r.success ? [] : issuesFromZod(r.error).map((i) => `${i.path}: ${i.message}`);
  };
  const base = byKey('kirklees');
  it.each([
    ['no stages', { ...base, stages: [] }, 'stages: A protocol needs at least one stage'],
    [
      'a zero limit',
      { ...base, stages: [{ ...base.stages[0], limitWorkingDays: 0 }] },
      'stages.0.limitWorkingDays: The limit must be at least 1 working day',
    ],
    [
      'a negative limit',
      { ...base, stages: [{ ...base.stages[0], limitWorkingDays: -5 }] },
      'stages.0.limitWorkingDays: The limit must be at least 1 working day',
    ],
    [
      'stages out of order',
      { ...base, stages: [base.stages[1], base.stages[0]] },
      'stages.0.number: Stage 1 is numbered 2; number the stages 1, 2, 3 …',
    ],
    ['no name', { ...base, name: ' ' }, 'name: Enter the protocol’s name'],
  ])('%s', (_why, protocol, expected) => {
    expect(problems(protocol)).toContain(expected);
  });
});

describe('initials for forms that must not name the family', () => {
  it.each([
    ['Alpha', 'A.'],
    ['Ó Súilleabháin', 'Ó.S.'],
    ['Smith-Łukasiewicz', 'S.Ł.'],
    ['zoë ann', 'Z.A.'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
