import { describe, expect, it } from 'vitest';
import {
  chairSteps,
  defaultStep,
  resolveStep,
  stepOfField,
  stepPath,
  type ChairStepRef,
  type StepsInput,
} from '../../renderer/src/features/live-conference/chair-steps';
import { keepsScreen, parseRoute } from '../../renderer/src/app/routes';

type Status = StepsInput['conference']['status'];

function conference(
  overrides: {
    status?: Status;
    future?: boolean;
    reconvenedById?: number | null;
    attendance?: (string | null)[];
    recorded?: boolean[];
  } = {},
): StepsInput {
  return {
    conference: {
      id: 12,
      status: overrides.status ?? 'scheduled',
      future: overrides.future ?? false,
      reconvenedById: overrides.reconvenedById ?? null,
    },
    invitations: (overrides.attendance ?? []).map((attendance) => ({ attendance })),
    children: (overrides.recorded ?? [false, false]).map((recorded, i) => ({
      id: 34 + i,
      givenName: ['Ada', 'Ben', 'Cai'][i] ?? 'Child',
      familyName: 'Delta',
      recorded: recorded ? { decision: 'plan' } : null,
    })),
  };
}

/** Each step's done flag, in order: before, attendance, each child, decisions. */
function done(input: StepsInput): boolean[] {
  return chairSteps(input).map((s) => s.done);
}

describe('the chair’s steps', () => {
  it('lists invitations, attendance, one step per child by name, then the decisions, each with its route', () => {
    const steps = chairSteps(conference());
    expect(steps.map((s) => [s.name, s.path, s.headingId])).toEqual([
      ['Invitations and reports', '/conferences/12/before', 'invitations-heading'],
      ['Attendance', '/conferences/12/attendance', 'attendance-heading'],
      ['Ada Delta', '/conferences/12/children/34', 'child-34-heading'],
      ['Ben Delta', '/conferences/12/children/35', 'child-35-heading'],
      ['Decisions', '/conferences/12/decisions', 'decisions-heading'],
    ]);
  });

  it.each<[string, Parameters<typeof conference>[0], boolean[]]>([
    ['nobody invited', {}, [false, false, false, false, false]],
    ['one agency invited, no attendance', { attendance: [null] }, [true, false, false, false, false]],
    ['some attendance still to record', { attendance: ['attended', null] }, [true, false, false, false, false]],
    [
      'every invited agency’s attendance recorded',
      { attendance: ['attended', 'apologies-no-report'] },
      [true, true, false, false, false],
    ],
    ['one child decided', { attendance: ['attended'], recorded: [true, false] }, [true, true, true, false, false]],
    [
      'both decided: concluded',
      { attendance: ['attended'], recorded: [true, true], status: 'concluded' },
      [true, true, true, true, true],
    ],
    [
      'adjourned, reconvened conference not yet scheduled',
      { attendance: ['attended'], recorded: [true, true], status: 'adjourned' },
      [true, true, true, true, false],
    ],
    [
      'adjourned, reconvened conference scheduled',
      { attendance: ['attended'], recorded: [true, true], status: 'adjourned', reconvenedById: 13 },
      [true, true, true, true, true],
    ],
    ['cancelled before anything was done', { status: 'cancelled' }, [false, false, false, false, false]],
  ])('done when %s', (_, input, expected) => {
    expect(done(conference(input))).toEqual(expected);
  });

  it.each<[string, Parameters<typeof conference>[0], ChairStepRef]>([
    ['a conference to come opens at its invitations', { future: true, attendance: ['attended'] }, { kind: 'before' }],
    ['today, nobody invited: the invitations', {}, { kind: 'before' }],
    ['invited, attendance to record: the attendance', { attendance: [null] }, { kind: 'attendance' }],
    ['attendance recorded: the first child', { attendance: ['attended'] }, { kind: 'child', childId: 34 }],
    [
      'the first child decided: the second',
      { attendance: ['attended'], recorded: [true, false] },
      { kind: 'child', childId: 35 },
    ],
    ['concluded: the decisions', { status: 'concluded', recorded: [true, true] }, { kind: 'decisions' }],
    ['adjourned: the decisions', { status: 'adjourned', recorded: [true, true] }, { kind: 'decisions' }],
    ['cancelled: the decisions', { status: 'cancelled' }, { kind: 'decisions' }],
  ])('the default step: %s', (_, input, expected) => {
    expect(defaultStep(conference(input))).toEqual(expected);
  });

  it('a requested step is kept; a child not at this conference falls back to the default', () => {
    const live = conference({ attendance: [null] });
    expect(resolveStep(live, { kind: 'decisions' })).toEqual({ kind: 'decisions' });
    expect(resolveStep(live, { kind: 'child', childId: 35 })).toEqual({ kind: 'child', childId: 35 });
    expect(resolveStep(live, { kind: 'child', childId: 99 })).toEqual({ kind: 'attendance' });
    expect(resolveStep(live, null)).toEqual({ kind: 'attendance' });
  });

  it.each<[string, ChairStepRef | null]>([
    ['invite-agency', { kind: 'before' }],
    ['received-7', { kind: 'before' }],
    ['redate-date-day', { kind: 'attendance' }],
    ['attendance-heading', { kind: 'attendance' }],
    ['inquorate-reason', { kind: 'attendance' }],
    ['other-issue-agency', { kind: 'attendance' }],
    ['category-34', { kind: 'child', childId: 34 }],
    ['reasons-35-7', { kind: 'child', childId: 35 }],
    ['view-34-7', { kind: 'child', childId: 34 }],
    ['chair-decision-35', { kind: 'child', childId: 35 }],
    ['all-views-34', { kind: 'child', childId: 34 }],
    ['reconvene-date-day', { kind: 'decisions' }],
    ['load-current-version', null],
  ])('an error summary link to %s opens its step', (field, expected) => {
    expect(stepOfField(field)).toEqual(expected);
  });

  it('builds each step’s path', () => {
    expect(stepPath(3, { kind: 'child', childId: 4 })).toBe('/conferences/3/children/4');
    expect(stepPath(3, { kind: 'before' })).toBe('/conferences/3/before');
  });
});

describe('the chair’s steps’ routes', () => {
  it.each<[string, ReturnType<typeof parseRoute>]>([
    ['/conferences/12', { name: 'conference', id: 12, step: null }],
    ['/conferences/12/before', { name: 'conference', id: 12, step: { kind: 'before' } }],
    ['/conferences/12/attendance', { name: 'conference', id: 12, step: { kind: 'attendance' } }],
    ['/conferences/12/children/34', { name: 'conference', id: 12, step: { kind: 'child', childId: 34 } }],
    ['/conferences/12/decisions', { name: 'conference', id: 12, step: { kind: 'decisions' } }],
    ['/conferences/12/reconvene', { name: 'conference', id: 12, step: { kind: 'decisions' }, focus: 'reconvene' }],
    ['/conferences/12/children/34/amend', { name: 'decision-amend', id: 12, childId: 34 }],
    ['/conferences/12/children/x', { name: 'not-found' }],
    ['/conferences/12/steps', { name: 'not-found' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each<[string, string, boolean]>([
    ['/conferences/12', '/conferences/12/attendance', true],
    ['/conferences/12/children/34', '/conferences/12/decisions', true],
    ['/conferences/12/decisions', '/conferences/12/reconvene', true],
    ['/conferences/12/decisions', '/conferences/13/decisions', false],
    ['/conferences/12/decisions', '/conferences/12/children/34/amend', false],
    ['/conferences/12/edit', '/conferences/12', false],
  ])('from %s to %s keeps the screen mounted: %s', (from, to, kept) => {
    expect(keepsScreen(parseRoute(from), parseRoute(to))).toBe(kept);
  });
});
