import { embedded } from '../embedded';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import type { ConferenceInput } from '../../shared/schemas/conference';
import { caller } from './call';
import { tempRegister, onPostgres } from './helpers';

/**
 * No impossible record, and nothing lost on refusal: real dates in sane ranges, bounded numbers,
 * texts and lists; unknown keys refused by name; a command either succeeds whole or changes
 * nothing; duplicates caught.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checks = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Where an input schema lets through something unbounded or an unknown key. */
function unbounded(schema: z.ZodType, path: string): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return checks(def).some((c) => c.check === 'max_length') ? [] : [`${path}: text without a maximum`];
    case 'number': {
      const cs = checks(def);
      const bounded =
        cs.some((c) => c.check === 'number_format' && c.format === 'safeint') ||
        (cs.some((c) => c.check === 'greater_than') && cs.some((c) => c.check === 'less_than'));
      return bounded ? [] : [`${path}: number without bounds`];
    }
    case 'array':
      return [
        ...(checks(def).some((c) => c.check === 'max_length') ? [] : [`${path}: list without a maximum`]),
        ...(def.element ? unbounded(def.element, `${path}[]`) : []),
      ];
    case 'object':
      return [
        ...(def.catchall && defOf(def.catchall).type === 'never' ? [] : [`${path}: object that ignores unknown keys`]),
        ...Object.entries(def.shape ?? {}).flatMap(([k, v]) => unbounded(v, path ? `${path}.${k}` : k)),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return def.innerType ? unbounded(def.innerType, path) : [];
    case 'pipe':
      return [...(def.in ? unbounded(def.in, path) : []), ...(def.out ? unbounded(def.out, path) : [])];
    case 'union':
      return (def.options ?? []).flatMap((o) => unbounded(o, path));
    case 'transform':
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'never':
      return [];
    default:
      return [`${path}: ${def.type} accepts anything`];
  }
}

describe('every input that crosses the contract is bounded and refuses unknown keys', () => {
  it.each(CHANNEL_NAMES.map((c) => [c]))('%s', (channel) => {
    expect(unbounded(contract[channel].input, '')).toEqual([]);
  });
});

async function setUp(r: R) {
  const call = caller(r);
  const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
  const police = await call.ok('agencies.create', { name: 'St Mary’s Police Station', type: 'police' });
  return { call, csc, police };
}

const newConference = (over: Record<string, unknown> = {}): ConferenceInput =>
  ({
    type: 'initial',
    date: '2026-03-02',
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha', caseReference: 'REF-1' },
    newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    ...over,
  }) as ConferenceInput;

describe('every date is a real calendar date within a sane range', () => {
  it.each([
    ['a date that does not exist', { date: '2026-02-30' }, 'date', 'The date of the conference must be a real date'],
    [
      'a year before the register',
      { date: '1999-12-31' },
      'date',
      'The date of the conference must be between 2000 and 2099',
    ],
    ['more than two years ahead', { date: '2028-03-03' }, 'date', 'within 2 years of today'],
    [
      'a child born in the future',
      { newChildren: [{ givenName: 'A', familyName: 'Alpha', dateOfBirth: '2026-03-03' }] },
      'newChildren.0.dateOfBirth',
      'The date of birth cannot be in the future',
    ],
    [
      'a child 18 or over at the conference',
      { newChildren: [{ givenName: 'A', familyName: 'Alpha', dateOfBirth: '2008-03-02' }] },
      'newChildren.0.dateOfBirth',
      'would be 18 or over on 2 March 2026',
    ],
    [
      'an unborn child expected far ahead',
      { newChildren: [{ givenName: 'Baby', familyName: 'Alpha', expectedDate: '2027-06-01' }] },
      'newChildren.0.expectedDate',
      'within 10 months of today',
    ],
    [
      'an unborn child expected long ago',
      { newChildren: [{ givenName: 'Baby', familyName: 'Alpha', expectedDate: '2025-12-01' }] },
      'newChildren.0.expectedDate',
      'if the baby has been born, enter the date of birth',
    ],
  ])('refuses %s, naming the field', async (_why, over, path, message) => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call } = await setUp(r);
    const error = await call.refused('conferences.create', newConference(over));
    expect(error.issues.find((i) => i.path === path)?.message).toContain(message);
  });

  it('refuses an escalation, a response or a return dated in the future', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, csc, police } = await setUp(r);
    const base = {
      subjectName: 'Zoë Alpha',
      initiatingAgencyId: police.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision' as const],
      details: 'D',
      outcomeSought: 'O',
      escalatedBy: { name: 'A' },
    };
    expect((await call.refused('escalations.open', { ...base, openedOn: '2026-03-03' })).issues).toEqual([
      {
        path: 'openedOn',
        message: 'The date of the initial escalation cannot be in the future (today is 2 March 2026)',
      },
    ]);
    expect((await call.refused('escalations.open', { ...base, openedOn: '2026-02-31' })).issues[0]?.path).toBe(
      'openedOn',
    );
    const e = await call.ok('escalations.open', { ...base, openedOn: '2026-03-02' });
    expect(
      (
        await call.refused('escalations.respond', {
          escalationId: e.id,
          number: 1,
          responseFrom: { name: 'B' },
          responseOn: '2026-03-05',
          summary: 'S',
          resolved: false,
        })
      ).issues[0]?.path,
    ).toBe('responseOn');
    expect(
      (
        await call.refused('agencyEscalations.raiseByHand', {
          agencyId: police.id,
          meetingDate: '2026-04-01',
          familyIdentifier: 'Family',
          chairName: 'Chair',
          reason: 'did-not-attend',
        })
      ).issues[0]?.path,
    ).toBe('meetingDate');
  });
});

describe('numbers, texts and lists have bounds, also over IPC', () => {
  it('a stage limit of 1 to 60 working days; texts and lists at most their size', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call } = await setUp(r);
    const croydon = (await call.ok('protocols.list', {})).find((p) => p.key === 'croydon')?.definition;
    if (!croydon) throw new Error('no protocol');
    const save = async (limit: number) =>
      (
        await call.refused('protocols.save', {
          protocol: { ...croydon, key: 'ours', stages: croydon.stages.map((s) => ({ ...s, limitWorkingDays: limit })) },
        })
      ).issues[0];
    expect(await save(0)).toEqual({
      path: 'protocol.stages.0.limitWorkingDays',
      message: 'The limit must be at least 1 working day',
    });
    expect(await save(61)).toEqual({
      path: 'protocol.stages.0.limitWorkingDays',
      message: 'The limit must be 60 working days or fewer',
    });
    expect((await call.refused('conferences.create', newConference({ venue: 'x'.repeat(201) }))).issues[0]?.path).toBe(
      'venue',
    );
    expect(
      (
        await call.refused(
          'conferences.create',
          newConference({ childIds: Array.from({ length: 21 }, (_, i) => i + 1) }),
        )
      ).issues[0]?.path,
    ).toBe('childIds');
    expect(
      (
        await call.refused('live.setView', {
          conferenceId: 1,
          childId: 1,
          agencyId: 1,
          view: 'plan',
          reasons: 'x'.repeat(20_001),
        })
      ).issues,
    ).toEqual([{ path: 'reasons', message: 'Reasons must be 20,000 characters or fewer' }]);
  });
});

describe('unknown keys are refused, naming them', () => {
  it('a mistyped field never falls back silently to a default', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call } = await setUp(r);
    expect((await call.refused('conferences.create', newConference({ Venue: 'Room 2' }))).issues).toEqual([
      { path: 'Venue', message: 'Unknown field “Venue”: did you mean “venue”?' },
    ]);
    expect(
      (await call.refused('live.recordDecision', { conferenceId: 1, childId: 1, Category: 'NEG' })).issues,
    ).toEqual([{ path: 'Category', message: 'Unknown field “Category”: did you mean “category”?' }]);
    expect((await call.refused('agencies.list', { serach: 'x' })).issues).toEqual([
      {
        path: 'serach',
        message: 'Unknown field “serach”: the fields here are search, includeInactive, page, pageSize, sort, direction',
      },
    ]);
  });
});

describe('a command either succeeds or changes nothing', () => {
  it.skipIf(onPostgres)(
    'a write whose answer cannot be made is rolled back, not reported as failed after committing',
    async () => {
      const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
      const { call, csc, police } = await setUp(r);
      const e = await call.ok('escalations.open', {
        subjectName: 'Zoë Alpha',
        initiatingAgencyId: police.id,
        challengedAgencyId: csc.id,
        natures: ['referral-decision'],
        details: 'D',
        outcomeSought: 'O',
        openedOn: '2026-03-02',
        escalatedBy: { name: 'A' },
      });
      // A stored value the answer cannot carry (as a damaged or hand-edited row would be).
      embedded(r).connection.prepare(`UPDATE escalations SET natures_json = '["bogus"]' WHERE id = ?`).run(e.id);
      const error = await call.refused('escalations.addAction', {
        escalationId: e.id,
        action: 'Convene a strategy discussion',
        byWhom: 'CSC',
        agreedOn: '2026-03-02',
      });
      expect(error).toMatchObject({ code: 'internal', message: expect.stringMatching(/nothing was saved/) });
      expect(embedded(r).connection.prepare('SELECT count(*) AS n FROM escalation_actions').get()).toEqual({ n: 0 });
    },
  );
});

describe('duplicates are caught', () => {
  it('agency names compare ignoring case, apostrophe style and spacing', async () => {
    const r = await tempRegister();
    const { call } = await setUp(r);
    for (const name of ["st mary's police station", 'St Mary’s  Police Station', 'ST MARY`S POLICE STATION ']) {
      expect(await call.refused('agencies.create', { name, type: 'police' })).toMatchObject({
        code: 'conflict',
        message: 'An agency called “St Mary’s Police Station” already exists',
      });
    }
  });

  it('a new family or child matching one in the register is offered the existing record', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call } = await setUp(r);
    const first = await call.ok('conferences.create', newConference());
    const again = newConference({
      family: { name: 'Alpha family' },
      newChildren: [{ givenName: 'zoe', familyName: ' Alpha', dateOfBirth: '2018-04-01' }],
    });
    const refused = await call.refused('conferences.create', again);
    expect(refused.code).toBe('conflict');
    expect(refused.issues).toEqual([
      {
        path: 'newChildren.0',
        message:
          'Zoë Alpha, born 1 April 2018 is already in the register (the Family Alpha family, REF-1): choose the existing record, or confirm this is someone else',
      },
    ]);
    expect(
      await call.ok('families.matches', {
        family: { name: 'Alpha family' },
        children: [{ givenName: 'Zoe', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
      }),
    ).toEqual([
      {
        newChildIndex: 0,
        family: { id: first.familyId, name: 'Family Alpha', caseReference: 'REF-1' },
        child: expect.objectContaining({ id: first.children[0]?.id, givenName: 'Zoë' }),
        why: 'Zoë Alpha, born 1 April 2018 is already in the register (the Family Alpha family, REF-1)',
      },
    ]);
    expect(
      (
        await call.refused(
          'conferences.create',
          newConference({
            family: { name: 'Other', caseReference: 'ref-1' },
            newChildren: [{ givenName: 'B', familyName: 'Other', dateOfBirth: '2019-01-01' }],
          }),
        )
      ).issues[0]?.path,
    ).toBe('family');
    // Really someone else: confirmed, it is created.
    expect((await call.ok('conferences.create', { ...again, confirmedNew: true })).familyId).not.toBe(first.familyId);
  });

  it('the same child twice in one conference is refused', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call } = await setUp(r);
    const first = await call.ok('conferences.create', newConference());
    expect(
      (
        await call.refused('conferences.create', {
          ...newConference({ type: 'review', family: { id: first.familyId } }),
          childIds: [first.children[0]?.id ?? 0],
          newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
        })
      ).issues,
    ).toEqual([{ path: 'newChildren.0', message: 'Zoë Alpha, born 1 April 2018 is already in this conference' }]);
    expect(
      (
        await call.refused('conferences.create', {
          ...newConference({ type: 'review', family: { id: first.familyId } }),
          childIds: [first.children[0]?.id ?? 0, first.children[0]?.id ?? 0],
          newChildren: [],
        })
      ).issues,
    ).toEqual([{ path: 'children', message: 'A child is selected twice' }]);
  });
});
