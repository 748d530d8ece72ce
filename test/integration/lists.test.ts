import { describe, expect, it } from 'vitest';
import type { OpenEscalationInput } from '../../shared/schemas/escalation';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * Lists that scale (issue 12, part 3), through the contract's dispatch on both engines: every
 * list pages (25 unless asked, at most 200) and sorts by its columns with the total beside the
 * page, and the search ignores case and accents, finding children, families, chairs and case
 * references by the search terms of migration 012.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

const base = { type: 'initial', time: '10:00', venue: 'Civic Centre, Room 2' } as const;

/** A conference a day from 2026-01-05 for each family, with the family's children. */
async function conferences(
  r: R,
  rows: { family: string; reference?: string; chair?: string; children?: string[]; date: string }[],
) {
  const call = caller(r);
  const made = [];
  for (const row of rows) {
    made.push(
      await call.ok('conferences.create', {
        ...base,
        date: row.date,
        chairName: row.chair ?? 'Test Chair',
        family: { name: row.family, caseReference: row.reference ?? null },
        newChildren: (row.children ?? ['Child']).map((given, i) => ({
          givenName: given,
          familyName: row.family,
          dateOfBirth: `201${i}-05-01`,
        })),
      }),
    );
  }
  return made;
}

function day(n: number): string {
  const d = new Date(Date.UTC(2026, 0, 5 + n));
  return d.toISOString().slice(0, 10);
}

describe('the conference list pages and sorts in SQL', () => {
  it('gives 25 a page unless asked, the total beside it, and every row once across the pages', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-02T10:00:00Z') });
    const names = Array.from({ length: 31 }, (_, i) => `Family ${String(i).padStart(2, '0')}`);
    await conferences(
      r,
      names.map((family, i) => ({ family, date: day(i) })),
    );
    const call = caller(r);
    const first = await call.ok('conferences.list', {});
    expect(first).toMatchObject({ total: 31, page: 1, pageSize: 25 });
    expect(first.items).toHaveLength(25);
    // Newest first by default.
    expect(first.items[0]?.date).toBe(day(30));
    const second = await call.ok('conferences.list', { page: 2 });
    expect(second.items.map((c) => c.date)).toEqual([day(5), day(4), day(3), day(2), day(1), day(0)]);
    const seen = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(seen).size).toBe(31);
    // Past the end: an empty page, the total still there.
    expect(await call.ok('conferences.list', { page: 9 })).toMatchObject({ items: [], total: 31, page: 9 });

    const byFamily = await call.ok('conferences.list', { sort: 'family', direction: 'asc', pageSize: 3 });
    expect(byFamily.items.map((c) => c.familyName)).toEqual(['Family 00', 'Family 01', 'Family 02']);
    const byFamilyDesc = await call.ok('conferences.list', { sort: 'family', direction: 'desc', pageSize: 2, page: 2 });
    expect(byFamilyDesc.items.map((c) => c.familyName)).toEqual(['Family 28', 'Family 27']);
    const oldest = await call.ok('conferences.list', { sort: 'date', direction: 'asc', pageSize: 1 });
    expect(oldest.items[0]?.date).toBe(day(0));
  });

  it('sorts by status, cancelled ones by their own status, and refuses what it does not know, naming the field', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-02T10:00:00Z') });
    const [a, b] = await conferences(r, [
      { family: 'Alpha', date: day(1) },
      { family: 'Beta', date: day(2) },
    ]);
    const call = caller(r);
    await call.ok('conferences.cancel', { id: a?.id ?? 0, reason: 'Moved away', version: a?.version ?? 0 });
    const byStatus = await call.ok('conferences.list', { sort: 'status', direction: 'asc' });
    expect(byStatus.items.map((c) => [c.familyName, c.status])).toEqual([
      ['Alpha', 'cancelled'],
      ['Beta', 'scheduled'],
    ]);
    expect(b?.status).toBe('scheduled');
    expect((await call.refused('conferences.list', { pageSize: 201 })).issues).toEqual([
      { path: 'pageSize', message: 'Page size must be 200 or less' },
    ]);
    expect((await call.refused('conferences.list', { page: 0 })).issues).toEqual([
      { path: 'page', message: 'Page must be 1 or more' },
    ]);
    expect((await call.refused('conferences.list', { sort: 'colour' })).issues).toEqual([
      { path: 'sort', message: 'Sort must be one of date, type, status, family, chair, venue' },
    ]);
    expect((await call.refused('conferences.list', { direction: 'up' })).issues).toEqual([
      { path: 'direction', message: 'Direction must be asc or desc' },
    ]);
  });
});

describe('search ignores case and accents', () => {
  async function setUp() {
    const r = await tempRegister({ now: () => new Date('2026-01-02T10:00:00Z') });
    await conferences(r, [
      { family: 'Alpha', reference: 'CR-2024/0012', children: ['Zoë', 'Łukasz'], date: day(1) },
      { family: 'O’Brien', chair: 'Siân Ní Bhriain', children: ['Emily'], date: day(2) },
      { family: 'Brontë', children: ['Anne'], date: day(3) },
      { family: 'Zimmer', children: ['Zora'], date: day(4) },
    ]);
    return { r, call: caller(r) };
  }
  const families = (page: { items: { familyName: string }[] }) => page.items.map((c) => c.familyName).sort();

  it('finds a child typed without accents, in any case, and by the start of a name', async () => {
    const { call } = await setUp();
    expect(families(await call.ok('conferences.list', { search: 'zoe' }))).toEqual(['Alpha']);
    expect(families(await call.ok('conferences.list', { search: 'ZOË' }))).toEqual(['Alpha']);
    expect(families(await call.ok('conferences.list', { search: 'zo' }))).toEqual(['Alpha', 'Zimmer']);
    expect(families(await call.ok('conferences.list', { search: 'lukasz' }))).toEqual(['Alpha']);
    expect(families(await call.ok('conferences.list', { search: 'zoe alpha' }))).toEqual(['Alpha']);
    expect(families(await call.ok('conferences.list', { search: 'zoe zimmer' }))).toEqual([]);
    expect((await call.ok('conferences.list', { search: 'zz-no-match' })).total).toBe(0);
  });

  it('finds families (O’Brien however typed, Brontë without its accent), chairs and case references', async () => {
    const { call } = await setUp();
    for (const search of ['OBRIEN', "o'brien", 'O’Brien', 'o brien', 'obr']) {
      expect(families(await call.ok('conferences.list', { search })), search).toEqual(['O’Brien']);
    }
    expect(families(await call.ok('conferences.list', { search: 'bronte' }))).toEqual(['Brontë']);
    expect(families(await call.ok('conferences.list', { search: 'sian' }))).toEqual(['O’Brien']);
    expect(families(await call.ok('conferences.list', { search: 'Ni Bhriain' }))).toEqual(['O’Brien']);
    for (const search of ['CR-2024/0012', 'cr 2024', 'cr2024', '0012', 'cr-2024-00']) {
      expect(families(await call.ok('conferences.list', { search })), search).toEqual(['Alpha']);
    }
    // Choosing a family for a new conference searches the same way.
    expect((await call.ok('families.search', { search: 'zoe' })).map((f) => f.name)).toEqual(['Alpha']);
    expect((await call.ok('families.search', { search: 'BRONTE' })).map((f) => f.name)).toEqual(['Brontë']);
    expect((await call.ok('families.search', { search: 'cr2024' })).map((f) => f.name)).toEqual(['Alpha']);
  });

  it('finds a conference by its chair as corrected, not as first entered', async () => {
    const { call } = await setUp();
    const [alpha] = (await call.ok('conferences.list', { search: 'zoe' })).items;
    if (!alpha) throw new Error('no conference');
    await call.ok('conferences.update', {
      id: alpha.id,
      version: alpha.version,
      date: alpha.date,
      time: alpha.time,
      venue: alpha.venue,
      chairName: 'Renée Åberg',
    });
    expect(families(await call.ok('conferences.list', { search: 'renee aberg' }))).toEqual(['Alpha']);
    expect(families(await call.ok('conferences.list', { search: 'test chair' }))).toEqual(['Brontë', 'Zimmer']);
  });
});

describe('the other lists page and sort', () => {
  it('agencies: a page of the directory, sorted by a column; every agency for choosing one', async () => {
    const r = await tempRegister();
    const call = caller(r);
    for (const name of ['Police', 'Ambulance', 'School', 'Housing']) {
      await call.ok('agencies.create', { name, type: 'other' });
    }
    const police = (await call.ok('agencies.all', {})).find((a) => a.name === 'Police');
    await call.ok('agencies.setActive', { id: police?.id ?? 0, active: false, version: police?.version ?? 0 });
    const page = await call.ok('agencies.list', { pageSize: 2 });
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.items.map((a) => a.name)).toEqual(['Ambulance', 'Housing']);
    expect((await call.ok('agencies.list', { page: 2, pageSize: 2 })).items.map((a) => a.name)).toEqual([
      'School',
      'Police',
    ]);
    expect((await call.ok('agencies.list', { sort: 'name', direction: 'desc' })).items.map((a) => a.name)).toEqual([
      'School',
      'Police',
      'Housing',
      'Ambulance',
    ]);
    expect((await call.ok('agencies.list', { includeInactive: false })).total).toBe(3);
    expect((await call.ok('agencies.all', { includeInactive: false })).map((a) => a.name)).toEqual([
      'Ambulance',
      'Housing',
      'School',
    ]);
  });

  it('escalations: open ones unless asked, closed ones with their status, paged after the clocks are worked out', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-04T10:00:00Z') });
    const call = caller(r);
    const school = await call.ok('agencies.create', { name: 'Primary School', type: 'education' });
    const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
    const open = async (subjectName: string) =>
      call.ok('escalations.open', {
        subjectName,
        subjectDateOfBirth: '2018-04-01',
        initiatingAgencyId: school.id,
        challengedAgencyId: csc.id,
        natures: ['referral-decision'],
        details: 'Referral not accepted despite disclosures',
        outcomeSought: 'Strategy discussion',
        openedOn: '2026-03-02',
        escalatedBy: { name: 'Synthetic DSL', title: 'Designated Safeguarding Lead', agency: 'Primary School' },
      } satisfies OpenEscalationInput);
    const zoe = await open('Zoë Alpha');
    await open('Anne Brontë');
    await open('Emily Brontë');
    await call.ok('escalations.close', { escalationId: zoe.id, on: '2026-03-03', resolved: false });

    const openOnes = await call.ok('escalations.list', {});
    expect(openOnes.total).toBe(2);
    expect(openOnes.items.every((e) => e.status === 'open' && e.closedOn === null)).toBe(true);
    const all = await call.ok('escalations.list', { status: 'all', sort: 'subject', direction: 'asc' });
    expect(all.items.map((e) => [e.subjectName, e.status])).toEqual([
      ['Anne Brontë', 'open'],
      ['Emily Brontë', 'open'],
      ['Zoë Alpha', 'closed-unresolved'],
    ]);
    expect(all.items[2]).toMatchObject({ closedOn: '2026-03-03', overdue: false });
    expect((await call.ok('escalations.list', { status: 'closed-unresolved' })).items.map((e) => e.id)).toEqual([
      zoe.id,
    ]);
    expect((await call.ok('escalations.list', { status: 'resolved' })).total).toBe(0);
    const paged = await call.ok('escalations.list', { status: 'all', pageSize: 1, page: 3 });
    // The working order: open before closed.
    expect(paged).toMatchObject({ total: 3, page: 3, pageSize: 1, items: [{ id: zoe.id }] });
    expect((await call.refused('escalations.list', { status: 'shut' })).issues[0]?.path).toBe('status');
  });
});
