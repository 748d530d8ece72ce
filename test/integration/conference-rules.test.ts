import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caller } from './call';
import { tempDir, tempRegister } from './helpers';

/**
 * The North Lincolnshire SAfE conference rules, per child, through the contract's dispatch (as the
 * app and `cpreg call` reach them). Each rule is one that the register once got wrong.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

/** Four agencies and an initial conference for two siblings on `date`, every agency invited. */
async function setUp(r: R, date: string, type: 'initial' | 'review' = 'initial') {
  const call = caller(r);
  const agency = async (name: string, agencyType: 'childrens-social-care' | 'health' | 'police' | 'education') =>
    call.ok('agencies.create', { name, type: agencyType });
  const agencies = {
    csc: await agency('Children’s Social Care', 'childrens-social-care'),
    health: await agency('Health Visiting', 'health'),
    police: await agency('Police', 'police'),
    school: await agency('Primary School', 'education'),
  };
  const conference = await call.ok('conferences.create', {
    type,
    date,
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha' },
    newChildren: [
      { givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' },
      { givenName: 'Łukasz', familyName: 'Alpha', dateOfBirth: '2020-06-01' },
    ],
  });
  const [zoe, lukasz] = conference.children;
  if (!zoe || !lukasz) throw new Error('children missing');
  for (const a of Object.values(agencies)) {
    await call.ok('live.invite', { conferenceId: conference.id, agencyId: a.id });
  }
  return { call, conference, zoe, lukasz, agencies };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** Everyone attends; then each agency's view for a child, in the order csc, health, police, school. */
async function attendAll(s: Setup, conferenceId = s.conference.id) {
  for (const a of Object.values(s.agencies)) {
    await s.call.ok('live.setAttendance', { conferenceId, agencyId: a.id, attendance: 'attended' });
  }
}
async function views(s: Setup, childId: number, v: ('plan' | 'no-plan')[], conferenceId = s.conference.id) {
  for (const [i, a] of Object.values(s.agencies).entries()) {
    const view = v[i];
    if (view)
      await s.call.ok('live.setView', { conferenceId, childId, agencyId: a.id, view, reasons: `Reasons of ${a.name}` });
  }
}

const due = async (s: Setup) =>
  (await s.call.ok('due.list', { pageSize: 100 })).items.map(
    (d) => `${d.kind} ${d.due}${d.childName ? ` ${d.childName}` : ''}`,
  );

describe('decisions are per child', () => {
  it('a sibling decided at a conference that adjourns another still has its core group and next review', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    await views(s, s.zoe.id, ['plan', 'plan', 'plan', 'no-plan']);
    await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: s.zoe.id, category: 'NEG' });
    // Zoë's items fall due at once, before her brother is decided.
    expect(await due(s)).toEqual(['first-core-group 2026-01-07 Zoë Alpha', 'next-review 2026-03-19 Zoë Alpha']);
    await views(s, s.lukasz.id, ['plan', 'plan', 'no-plan', 'no-plan']);
    await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: s.lukasz.id, category: null });
    expect(await due(s)).toEqual([
      'decision-letter 2025-12-22',
      'first-core-group 2026-01-07 Zoë Alpha',
      'first-core-group 2026-01-07 Łukasz Alpha',
      'minutes 2026-01-14',
      'reconvene 2026-01-14',
      'next-review 2026-03-19 Zoë Alpha',
    ]);
  });
});

describe('the reconvened conference is held within the limit', () => {
  it('scheduling, re-dating and editing all refuse a date after the reconvene-by date, naming it', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    for (const child of [s.zoe, s.lukasz]) {
      await views(s, child.id, ['plan', 'plan', 'no-plan', 'no-plan']);
      await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: child.id, category: null });
    }
    const late = { conferenceId: s.conference.id, date: '2026-01-15', time: '10:00', venue: 'Room 1' };
    expect((await s.call.refused('conferences.scheduleReconvened', late)).issues).toEqual([
      {
        path: 'date',
        message:
          'The reconvened conference must be held by 2026-01-14 (14 January 2026), 15 working days after the conference of 19 December 2025',
      },
    ]);
    const reconvened = await s.call.ok('conferences.scheduleReconvened', { ...late, date: '2026-01-12' });
    const live = await s.call.ok('live.get', { id: reconvened.id });
    expect(live.conference.mustBeHeldBy).toBe('2026-01-14');
    expect(
      (await s.call.refused('live.redate', { conferenceId: reconvened.id, date: '2026-01-16', time: '10:00' })).message,
    ).toMatch(/must be held by 2026-01-14/);
    expect(
      (
        await s.call.refused('conferences.update', {
          id: reconvened.id,
          version: await s.call.version.conference(reconvened.id),
          date: '2026-01-20',
        })
      ).message,
    ).toMatch(/must be held by 2026-01-14/);
    expect(
      (
        await s.call.ok('conferences.update', {
          id: reconvened.id,
          version: await s.call.version.conference(reconvened.id),
          date: '2026-01-14',
        })
      ).conference.date,
    ).toBe('2026-01-14');
    // And it is scheduled from the adjourned conference, never created as a free-standing "reconvened" one.
    expect(
      (
        await s.call.refused('conferences.create', {
          type: 'reconvened',
          date: '2026-01-12',
          time: '10:00',
          venue: 'Room 1',
          chairName: 'Chair',
          family: { id: s.conference.familyId },
          childIds: [s.lukasz.id],
        })
      ).issues[0]?.path,
    ).toBe('type');
  });
});

describe('every attending agency is consulted', () => {
  it('refuses a decision while an agency that attended has neither given a view nor been recorded as giving none, naming it', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    await views(s, s.zoe.id, ['plan', 'plan']);
    const refused = await s.call.refused('live.recordDecision', {
      conferenceId: s.conference.id,
      childId: s.zoe.id,
      category: 'NEG',
    });
    expect(refused.issues).toEqual([
      {
        path: 'views',
        message:
          'Every agency that attended is consulted: record Zoë’s view from Primary School and Police, or record that it gave none and why',
      },
    ]);
    expect((await s.call.ok('live.get', { id: s.conference.id })).children[0]?.unconsulted).toEqual([
      'Primary School',
      'Police',
    ]);
    // The chair records that the school gave no view, and why; the reason is required.
    const noView = { conferenceId: s.conference.id, childId: s.zoe.id, agencyId: s.agencies.school.id };
    expect((await s.call.refused('live.setNoView', { ...noView, reason: '  ' })).issues[0]?.path).toBe('reason');
    await s.call.ok('live.setNoView', { ...noView, reason: 'The school has not met Zoë this term' });
    expect(
      (
        await s.call.refused('live.recordDecision', {
          conferenceId: s.conference.id,
          childId: s.zoe.id,
          category: 'NEG',
        })
      ).message,
    ).toMatch(/record Zoë’s view from Police, or record/);
    await s.call.ok('live.setView', {
      conferenceId: s.conference.id,
      childId: s.zoe.id,
      agencyId: s.agencies.police.id,
      view: 'plan',
      reasons: '',
    });
    const live = await s.call.ok('live.recordDecision', {
      conferenceId: s.conference.id,
      childId: s.zoe.id,
      category: 'NEG',
    });
    // An agency recorded as giving no view is not counted: 3 for a plan, unanimous.
    expect(live.children[0]?.recorded).toMatchObject({ result: 'unanimous', decision: 'plan' });
    expect(live.children[0]?.noViews).toEqual([
      { agencyId: s.agencies.school.id, reason: 'The school has not met Zoë this term', version: 1 },
    ]);
  });
});

describe('no conclusion before the conference', () => {
  it('refuses attendance, views and decisions for a conference dated in the future; reports may come in', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T09:00:00Z') });
    const s = await setUp(r, '2026-03-09');
    const id = s.conference.id;
    expect(
      (
        await s.call.refused('live.setAttendance', {
          conferenceId: id,
          agencyId: s.agencies.csc.id,
          attendance: 'attended',
        })
      ).message,
    ).toBe('The conference is on 9 March 2026: attendance can be recorded from that day, not before');
    expect(
      (await s.call.refused('live.setInquorateReason', { conferenceId: id, reason: 'Going ahead' })).message,
    ).toMatch(/The conference is on 9 March 2026/);
    expect(
      (await s.call.refused('live.recordDecision', { conferenceId: id, childId: s.zoe.id, category: 'NEG' })).message,
    ).toBe('The conference is on 9 March 2026: decisions can be recorded from that day, not before');
    expect((await s.call.ok('live.get', { id })).conference.future).toBe(true);
    await s.call.ok('live.setReport', {
      conferenceId: id,
      agencyId: s.agencies.police.id,
      report: 'received',
      receivedOn: '2026-03-02',
    });
    r.travelTo('2026-03-09');
    expect(
      (await s.call.ok('live.setAttendance', { conferenceId: id, agencyId: s.agencies.csc.id, attendance: 'attended' }))
        .conference.future,
    ).toBe(false);
  });

  it('letters are dated the day they are made and name the conference’s own date', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    await r.settings.update({ unitEmail: 'unit@example.org' });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    for (const child of [s.zoe, s.lukasz]) {
      await views(s, child.id, ['plan', 'plan', 'plan', 'plan']);
      await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: child.id, category: 'NEG' });
    }
    r.travelTo('2026-01-06T10:00:00Z');
    const file = join(tempDir(), 'letter.pdf');
    await r.documents.makeOne('decision-letter', s.conference.id, null, file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Date: 6 January 2026');
    expect(text).toContain('Date 19 December 2025');
  });
});

describe('what falls due is true', () => {
  it('the next review closes when the child’s review is decided; the decision letter when it is made', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    await r.settings.update({ unitEmail: 'unit@example.org' });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    for (const child of [s.zoe, s.lukasz]) {
      await views(s, child.id, ['plan', 'plan', 'plan', 'plan']);
      await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: child.id, category: 'NEG' });
    }
    expect(await due(s)).toContain('decision-letter 2025-12-22');
    await r.documents.run('decision-letter', '2025-12-22', '2025-12-22', tempDir(), undefined);
    expect(await due(s)).not.toContain('decision-letter 2025-12-22');
    expect(await due(s)).toContain('next-review 2026-03-19 Zoë Alpha');

    // Zoë's review is held and decided on 16 March; Łukasz's review item stays open until his is.
    r.travelTo('2026-03-16T15:00:00Z');
    const review = await s.call.ok('conferences.create', {
      type: 'review',
      date: '2026-03-16',
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Test Chair',
      family: { id: s.conference.familyId },
      childIds: [s.zoe.id],
    });
    for (const a of Object.values(s.agencies))
      await s.call.ok('live.invite', { conferenceId: review.id, agencyId: a.id });
    await attendAll(s, review.id);
    await views(s, s.zoe.id, ['plan', 'plan', 'plan', 'plan'], review.id);
    await s.call.ok('live.recordDecision', { conferenceId: review.id, childId: s.zoe.id, category: 'NEG' });
    const items = await due(s);
    expect(items.filter((d) => d.startsWith('next-review'))).toEqual([
      'next-review 2026-03-19 Łukasz Alpha',
      'next-review 2026-09-16 Zoë Alpha',
    ]);
  });

  it('an adjournment reads reconvening until the reconvened conference is decided, and reconvened only then', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    for (const child of [s.zoe, s.lukasz]) {
      await views(s, child.id, ['plan', 'plan', 'no-plan', 'no-plan']);
      await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: child.id, category: null });
    }
    const state = async () => (await s.call.ok('conferences.adjournments', {})).map((a) => a.state);
    expect(await state()).toEqual(['to-schedule']);
    const reconvened = await s.call.ok('conferences.scheduleReconvened', {
      conferenceId: s.conference.id,
      date: '2026-01-12',
      time: '10:00',
      venue: 'Room 1',
    });
    expect(await state()).toEqual(['reconvening']);
    r.travelTo('2026-01-12T15:00:00Z');
    await attendAll(s, reconvened.id);
    await views(s, s.zoe.id, ['plan', 'plan', 'plan', 'no-plan'], reconvened.id);
    await s.call.ok('live.recordDecision', { conferenceId: reconvened.id, childId: s.zoe.id, category: 'NEG' });
    // One child still to decide: still reconvening.
    expect(await state()).toEqual(['reconvening']);
    await views(s, s.lukasz.id, ['plan', 'plan', 'plan', 'no-plan'], reconvened.id);
    await s.call.ok('live.recordDecision', { conferenceId: reconvened.id, childId: s.lukasz.id, category: 'NEG' });
    expect(await state()).toEqual(['reconvened']);
    expect((await due(s)).some((d) => d.startsWith('reconvene'))).toBe(false);
  });
});

describe('a tied initial conference makes the child subject to a plan pending the reconvened meeting', () => {
  it('the category can be recorded with the adjournment, and the first core group is scheduled', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    await views(s, s.zoe.id, ['plan', 'plan', 'no-plan', 'no-plan']);
    const live = await s.call.ok('live.recordDecision', {
      conferenceId: s.conference.id,
      childId: s.zoe.id,
      category: 'EMO',
    });
    expect(live.children[0]?.recorded).toMatchObject({ decision: 'adjourned', interimPlan: true, category: 'EMO' });
    expect(await due(s)).toEqual(['first-core-group 2026-01-07 Zoë Alpha']);
    // The category is not required then: the reconvened conference decides.
    await views(s, s.lukasz.id, ['plan', 'plan', 'no-plan', 'no-plan']);
    await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: s.lukasz.id, category: null });
  });
});

describe('the first review and the report deadline after a reconvened conference', () => {
  it('the first review counts from the initial conference, also when it was reconvened', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const s = await setUp(r, '2025-12-19');
    await attendAll(s);
    for (const child of [s.zoe, s.lukasz]) {
      await views(s, child.id, ['plan', 'plan', 'no-plan', 'no-plan']);
      await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: child.id, category: null });
    }
    const reconvened = await s.call.ok('conferences.scheduleReconvened', {
      conferenceId: s.conference.id,
      date: '2026-01-13',
      time: '10:00',
      venue: 'Room 1',
    });
    r.travelTo('2026-01-13T15:00:00Z');
    await attendAll(s, reconvened.id);
    await views(s, s.zoe.id, ['plan', 'plan', 'plan', 'no-plan'], reconvened.id);
    await s.call.ok('live.recordDecision', { conferenceId: reconvened.id, childId: s.zoe.id, category: 'NEG' });
    expect((await due(s)).filter((d) => d.includes('Zoë'))).toEqual([
      'first-core-group 2026-01-07 Zoë Alpha',
      'next-review 2026-03-19 Zoë Alpha',
    ]);
  });

  it('a reconvened review uses the review report deadline', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T15:00:00Z') });
    const s = await setUp(r, '2026-03-02', 'review');
    await attendAll(s);
    for (const child of [s.zoe, s.lukasz]) {
      await views(s, child.id, ['plan', 'plan', 'no-plan', 'no-plan']);
      await s.call.ok('live.recordDecision', { conferenceId: s.conference.id, childId: child.id, category: null });
    }
    const reconvened = await s.call.ok('conferences.scheduleReconvened', {
      conferenceId: s.conference.id,
      date: '2026-03-16',
      time: '10:00',
      venue: 'Room 1',
    });
    const live = await s.call.ok('live.get', { id: reconvened.id });
    expect(live.conference.decidesAs).toBe('review');
    // 5 working days before Monday 16 March, as for a review (an initial conference's 2 would be 12 March).
    expect(live.reportDue).toBe('2026-03-09');
  });
});
