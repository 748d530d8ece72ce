import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../shared/ipc/result';
import {
  clockedStages,
  initials,
  limitWords,
  mayStartAt,
  nextStage,
  resolutionStage,
  routeStage,
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
    ['kirklees', 6, 5, 'procedure', [5, 6], 'appendix5', false],
    ['croydon', 5, 7, 'procedure', [3, 4, 5], 'croydon-notification', true],
    ['north-lincolnshire', 4, 10, 'partnership', [3], 'review-meeting-record', false],
    ['generic-four-stage', 4, 5, 'partnership', [4], 'child-file', false],
  ] as const)(
    '%s: %i clocked stages of %i working days set by the %s, formal record at %j (%s), initials only %s',
    (key, stages, limit, setBy, formal, record, initialsOnly) => {
      const p = byKey(key);
      expect(protocolSchema.parse(p)).toEqual(p);
      const clocked = clockedStages(p);
      expect(clocked).toHaveLength(stages);
      expect(clocked.every((s) => s.limitWorkingDays === limit && s.limitSetBy === setBy)).toBe(true);
      expect(p.stages.filter((s) => s.formalRecord).map((s) => s.number)).toEqual(formal);
      expect(p.record).toBe(record);
      expect(p.initialsOnly).toBe(initialsOnly);
    },
  );

  it('Kirklees: the restorative debrief follows resolution, with no clock, and is never reached by escalating', () => {
    const k = byKey('kirklees');
    expect(resolutionStage(k)).toMatchObject({ number: 7, name: 'Restorative debrief', limitWorkingDays: null });
    expect(nextStage(k, 6)).toBeNull();
    expect(mayStartAt(k, 7)).toBe(false);
    expect(limitWords(resolutionStage(k) ?? expect.fail('no stage'))).toBe('No time limit: offered after resolution');
  });

  it('says who sets each limit', () => {
    expect(limitWords(byKey('kirklees').stages[0] ?? expect.fail())).toBe('5 working days, as the procedure sets');
    expect(limitWords(byKey('north-lincolnshire').stages[0] ?? expect.fail())).toBe(
      '10 working days: the partnership’s own setting (the procedure sets no limit)',
    );
  });

  it('where a route starts, and where a later start is allowed', () => {
    const nl = byKey('north-lincolnshire');
    expect(routeStage(nl, 'minority-view')?.number).toBe(2);
    expect(routeStage(nl, 'principal-officer-review')?.number).toBe(3);
    expect([1, 2, 3, 4].map((n) => mayStartAt(nl, n))).toEqual([true, true, true, false]);
    expect(routeStage(byKey('kirklees'), 'principal-officer-review')).toBeNull();
    expect([1, 2, 5, 6].map((n) => mayStartAt(byKey('kirklees'), n))).toEqual([true, false, false, true]);
  });

  it('an older stored definition (before the record and stage flags) still reads, keeping its record', () => {
    const old = {
      key: 'our-copy',
      version: 3,
      name: 'Our copy of Croydon',
      formalRecordName: 'Escalation Notification Form',
      stages: [{ number: 1, name: 'Talk', limitWorkingDays: 7 }],
    };
    expect(protocolSchema.parse(old)).toMatchObject({
      record: 'croydon-notification',
      stages: [{ limitSetBy: 'procedure', followsResolution: false, mayStartHere: false, startFor: [] }],
    });
  });

  it('bounds a stage’s limit to 1–60 working days and refuses unknown keys by name', () => {
    const p = byKey('croydon');
    const bad = (stages: unknown) => issuesFromZod(protocolSchema.safeParse({ ...p, stages }).error ?? expect.fail());
    expect(bad([{ ...p.stages[0], limitWorkingDays: 61 }])).toEqual([
      { path: 'stages.0.limitWorkingDays', message: 'The limit must be 60 working days or fewer' },
    ]);
    expect(bad([{ ...p.stages[0], limit: 5 }])[0]).toEqual({
      path: 'stages.0.limit',
      message:
        'Unknown field “limit”: the fields here are number, name, who, what, limitWorkingDays, limitSetBy, formalRecord, followsResolution, mayStartHere, startFor',
    });
  });
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
    for (const s of clockedStages(p)) expect(stageDueDate(opened, s.limitWorkingDays ?? 0, ew)).toBe(due);
  });

  it('immediate risk: due the day it is raised, even a weekend or bank holiday, never on the stage clock', () => {
    expect(stageDueDate('2026-03-04', 5, ew, true)).toBe('2026-03-04');
    expect(stageDueDate('2026-04-03', 7, ew, true)).toBe('2026-04-03'); // Good Friday
    expect(stageDueDate('2026-03-07', 5, ew, true)).toBe('2026-03-07'); // a Saturday
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
