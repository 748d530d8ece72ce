import { describe, expect, it } from 'vitest';
import { conferenceInputSchema, type ConferenceInput } from '../../shared/schemas/conference';
import { openRegister } from '../../electron/main/register/register';
import { ServiceError } from '../../electron/main/register/services/errors';
import { tableCounts, tempRegister, onPostgres, reopen } from './helpers';
import { conferenceListInputSchema } from '../../shared/schemas/conference';

const create = async (r: Awaited<ReturnType<typeof tempRegister>>, input: ConferenceInput) =>
  r.conferences.create(conferenceInputSchema.parse(input));

const base = {
  type: 'initial',
  date: '2026-03-09',
  time: '10:00',
  venue: 'Civic Centre, Room 2',
  chairName: 'Test Chair',
} as const;

describe('conferences service', () => {
  it('creates a conference for a new family with children added inline, in one go', async () => {
    const r = await tempRegister();
    const c = await create(r, {
      ...base,
      family: { name: 'Family Alpha', caseReference: 'FAM-001' },
      newChildren: [
        { givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2019-05-01', caseReference: 'CH-1' },
        { givenName: 'Unborn', familyName: 'Alpha', expectedDate: '2026-06-20' },
      ],
    });
    expect(c).toMatchObject({ type: 'initial', date: '2026-03-09', familyName: 'Family Alpha' });
    // oldest first, the unborn child last
    expect(c.children.map((ch) => ch.givenName)).toEqual(['Zoë', 'Unborn']);
    expect(await tableCounts(r)).toMatchObject({ families: 1, children: 2, conferences: 1, conference_children: 2 });
    // family, two children and the conference each have their audit event
    expect((await tableCounts(r))['audit_events']).toBe(4);
  });

  it('creates a review for an existing family, picking one child and adding a new baby', async () => {
    const r = await tempRegister();
    const first = await create(r, {
      ...base,
      family: { name: 'Family Beta' },
      newChildren: [
        { givenName: 'Łukasz', familyName: 'Beta', dateOfBirth: '2017-01-01' },
        { givenName: 'Aoife', familyName: 'Ó Súilleabháin', dateOfBirth: '2018-01-01' },
      ],
    });
    const lukasz = first.children.find((c) => c.givenName === 'Łukasz');
    r.travelTo('2026-05-20');
    const review = await create(r, {
      ...base,
      type: 'review',
      date: '2026-06-01',
      family: { id: first.familyId },
      childIds: [lukasz?.id ?? 0],
      newChildren: [{ givenName: 'Baby', familyName: 'Beta', dateOfBirth: '2026-05-01' }],
    });
    expect(review.familyId).toBe(first.familyId);
    expect(review.children.map((c) => c.givenName)).toEqual(['Łukasz', 'Baby']);
    const family = (await r.conferences.searchFamilies('beta'))[0];
    expect(family?.children.map((c) => c.givenName)).toEqual(['Łukasz', 'Aoife', 'Baby']);
  });

  it('refuses a child from another family and writes nothing', async () => {
    const r = await tempRegister();
    const a = await create(r, {
      ...base,
      family: { name: 'Family A' },
      newChildren: [{ givenName: 'A', familyName: 'A', dateOfBirth: '2020-01-01' }],
    });
    const b = await create(r, {
      ...base,
      family: { name: 'Family B' },
      newChildren: [{ givenName: 'B', familyName: 'B', dateOfBirth: '2020-01-01' }],
    });
    const before = await tableCounts(r);
    let caught: unknown;
    try {
      await create(r, {
        ...base,
        family: { id: a.familyId },
        childIds: [b.children[0]?.id ?? 0],
        newChildren: [{ givenName: 'New', familyName: 'A', dateOfBirth: '2021-01-01' }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    expect((caught as ServiceError).issues).toEqual([
      { path: 'childIds.0', message: 'A selected child is not in this family' },
    ]);
    expect(await tableCounts(r)).toEqual(before);
  });

  it('lists newest first and searches by family, child and case reference', async () => {
    const r = await tempRegister();
    await create(r, {
      ...base,
      date: '2026-01-05',
      family: { name: 'Family Gamma', caseReference: 'G-77' },
      newChildren: [{ givenName: 'Ann', familyName: 'Gamma', dateOfBirth: '2020-01-01' }],
    });
    await create(r, {
      ...base,
      date: '2026-02-05',
      family: { name: 'Family Delta' },
      newChildren: [{ givenName: 'Bob', familyName: 'Delta', dateOfBirth: '2020-01-01', caseReference: 'D-12' }],
    });
    expect(
      (await r.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).items.map(
        (c) => c.familyName,
      ),
    ).toEqual(['Family Delta', 'Family Gamma']);
    expect(
      (await r.conferences.list(conferenceListInputSchema.parse({ search: 'g-77', pageSize: 10 }))).items.map(
        (c) => c.familyName,
      ),
    ).toEqual(['Family Gamma']);
    expect(
      (await r.conferences.list(conferenceListInputSchema.parse({ search: 'bob', pageSize: 10 }))).items.map(
        (c) => c.familyName,
      ),
    ).toEqual(['Family Delta']);
    expect((await r.conferences.list(conferenceListInputSchema.parse({ search: 'D-12', pageSize: 10 }))).total).toBe(1);
    expect(await r.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 1 }))).toMatchObject({
      total: 2,
    });
    expect((await r.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 1 }))).items).toHaveLength(
      1,
    );
  });

  it('finds everything again after the register is closed and reopened', async () => {
    const r = await tempRegister();
    await create(r, {
      ...base,
      family: { name: 'Family Epsilon' },
      newChildren: [{ givenName: 'Eve', familyName: 'Epsilon', dateOfBirth: '2020-01-01' }],
    });
    const path = r.path;
    await r.close();
    const again = onPostgres ? await reopen(path) : await openRegister(path, r.key ? { key: r.key } : {});
    expect(
      (await again.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).items[0]
        ?.children[0]?.givenName,
    ).toBe('Eve');
    await again.close();
  });
});
