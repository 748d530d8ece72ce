import { describe, expect, it } from 'vitest';
import type { Register } from '../../electron/main/register/register';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * The chair's shortcuts for the common case (issue 14): invite the agencies of the family's last
 * conference in one step, mark every invited agency attended, give one view for a child from
 * every attending agency. Each is one command through the contract's dispatch, audited as one
 * event; a refused one changes nothing (`caller.refused` compares the whole register).
 */

async function world(r: Register) {
  const call = caller(r);
  const agency = async (name: string, type: 'childrens-social-care' | 'police' | 'health' | 'education') =>
    call.ok('agencies.create', { name, type });
  const csc = await agency('Children’s Social Care', 'childrens-social-care');
  const police = await agency('Police', 'police');
  const health = await agency('Health Visiting', 'health');
  const school = await agency('Primary School', 'education');
  const first = await call.ok('conferences.create', {
    type: 'initial',
    date: '2026-01-05',
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha' },
    newChildren: [
      { givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' },
      { givenName: 'Yan', familyName: 'Alpha', dateOfBirth: '2019-05-01' },
    ],
  });
  const review = await call.ok('conferences.create', {
    type: 'review',
    date: '2026-03-02',
    time: '10:00',
    venue: 'Room 2',
    chairName: 'Test Chair',
    family: { id: first.familyId },
    childIds: first.children.map((c) => c.id),
  });
  return { call, csc, police, health, school, first, review };
}

const lastEvent = async (r: Register) => (await r.repos.audit.list({ offset: 0, limit: 1 })).events[0];

describe('the chair’s shortcuts', () => {
  it('offers the last conference’s agencies and invites those not yet invited in one command', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-02T12:00:00Z') });
    const { call, csc, police, health, school, first, review } = await world(r);
    expect((await call.ok('live.get', { id: review.id })).lastInvited).toBeNull();
    for (const a of [csc, police, health]) await call.ok('live.invite', { conferenceId: first.id, agencyId: a.id });
    await call.ok('live.invite', { conferenceId: review.id, agencyId: police.id });

    const offered = await call.ok('live.get', { id: review.id });
    expect(offered.lastInvited).toEqual({
      conferenceId: first.id,
      date: '2026-01-05',
      agencies: [
        { id: csc.id, name: 'Children’s Social Care' },
        { id: health.id, name: 'Health Visiting' },
      ],
    });

    const events = await r.repos.audit.count();
    const live = await call.ok('live.inviteMany', {
      conferenceId: review.id,
      agencyIds: [csc.id, police.id, health.id],
    });
    expect(live.invitations.map((i) => i.agencyName).sort()).toEqual([
      'Children’s Social Care',
      'Health Visiting',
      'Police',
    ]);
    expect(live.lastInvited?.agencies).toEqual([]);
    expect(await r.repos.audit.count()).toBe(events + 1);
    expect(await lastEvent(r)).toMatchObject({
      entity: 'conference',
      entityId: review.id,
      after: { change: 'invite-many', agencyIds: [csc.id, health.id] },
    });
    // The school was never invited to the family's conferences: it is not offered.
    expect(live.lastInvited?.agencies.map((a) => a.id)).not.toContain(school.id);
  });

  it('refuses the whole invitation when one agency is inactive or unknown, changing nothing', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-02T12:00:00Z') });
    const { call, csc, police, school, review } = await world(r);
    await call.ok('agencies.setActive', { id: school.id, active: false, version: school.version });
    const inactive = await call.refused('live.inviteMany', {
      conferenceId: review.id,
      agencyIds: [csc.id, police.id, school.id],
    });
    expect(inactive.issues).toEqual([
      { path: 'agencyIds.2', message: 'Primary School is inactive; reactivate it in Agencies to invite it' },
    ]);
    const unknown = await call.refused('live.inviteMany', { conferenceId: review.id, agencyIds: [csc.id, 999] });
    expect(unknown.issues?.[0]?.path).toBe('agencyIds.1');
    const empty = await call.refused('live.inviteMany', { conferenceId: review.id, agencyIds: [] });
    expect(empty.issues?.[0]).toMatchObject({ path: 'agencyIds', message: 'Choose at least one agency to invite' });
    await call.ok('live.inviteMany', { conferenceId: review.id, agencyIds: [csc.id] });
    expect((await call.refused('live.inviteMany', { conferenceId: review.id, agencyIds: [csc.id] })).message).toMatch(
      /already invited/,
    );
  });

  it('marks every agency without attendance attended in one command, leaving recorded ones as they are', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-02T12:00:00Z') });
    const { call, csc, police, health, school, first } = await world(r);
    await call.ok('live.inviteMany', { conferenceId: first.id, agencyIds: [csc.id, police.id, health.id, school.id] });
    // Before the conference's day nothing is recorded.
    const early = await call.refused('live.markAllAttended', { conferenceId: first.id });
    expect(early.message).toMatch(/from that day, not before/);

    r.travelTo('2026-01-05T10:30:00Z');
    await call.ok('live.setAttendance', {
      conferenceId: first.id,
      agencyId: school.id,
      attendance: 'apologies-no-report',
    });
    const events = await r.repos.audit.count();
    const live = await call.ok('live.markAllAttended', { conferenceId: first.id });
    expect(Object.fromEntries(live.invitations.map((i) => [i.agencyName, i.attendance]))).toEqual({
      'Children’s Social Care': 'attended',
      Police: 'attended',
      'Health Visiting': 'attended',
      'Primary School': 'apologies-no-report',
    });
    expect(live.quoracy.quorate).toBe(true);
    expect(await r.repos.audit.count()).toBe(events + 1);
    expect(await lastEvent(r)).toMatchObject({ after: { change: 'attendance-all' } });
    expect((await call.refused('live.markAllAttended', { conferenceId: first.id })).message).toMatch(
      /already recorded/,
    );
  });

  it('gives one view for a child from every attending agency without one, in one command; each then adjusts', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-05T10:30:00Z') });
    const { call, csc, police, health, school, first } = await world(r);
    const [zoe, yan] = first.children;
    if (!zoe || !yan) throw new Error('children missing');
    const conferenceId = first.id;
    await call.ok('live.inviteMany', { conferenceId, agencyIds: [csc.id, police.id, health.id, school.id] });
    expect((await call.refused('live.setAllViews', { conferenceId, childId: zoe.id, view: 'plan' })).message).toMatch(
      /No agency is marked as attending/,
    );
    await call.ok('live.markAllAttended', { conferenceId });
    await call.ok('live.setView', {
      conferenceId,
      childId: zoe.id,
      agencyId: school.id,
      view: 'no-plan',
      reasons: 'Attendance is good',
    });
    await call.ok('live.setNoView', { conferenceId, childId: zoe.id, agencyId: police.id, reason: 'Not known' });

    const refusedView = await call.refused('live.setAllViews', { conferenceId, childId: zoe.id, view: 'maybe' });
    expect(refusedView.issues?.[0]?.path).toBe('view');

    const events = await r.repos.audit.count();
    let live = await call.ok('live.setAllViews', { conferenceId, childId: zoe.id, view: 'plan' });
    const views = live.children.find((c) => c.id === zoe.id)?.views ?? [];
    expect(Object.fromEntries(views.map((v) => [v.agencyId, v.view]))).toEqual({
      [csc.id]: 'plan',
      [health.id]: 'plan',
      [school.id]: 'no-plan',
    });
    expect(live.children.find((c) => c.id === zoe.id)?.noViews.map((v) => v.agencyId)).toEqual([police.id]);
    expect(live.children.find((c) => c.id === yan.id)?.views).toEqual([]);
    expect(await r.repos.audit.count()).toBe(events + 1);
    expect(await lastEvent(r)).toMatchObject({ after: { change: 'view-all', childId: zoe.id, view: 'plan' } });

    // Each then adjusts on its own, with the version the shortcut gave it.
    const version = views.find((v) => v.agencyId === health.id)?.version;
    live = await call.ok('live.setView', {
      conferenceId,
      childId: zoe.id,
      agencyId: health.id,
      view: 'no-plan',
      reasons: 'Engaging well',
      version,
    });
    expect(live.children.find((c) => c.id === zoe.id)?.views.find((v) => v.agencyId === health.id)?.view).toBe(
      'no-plan',
    );
    expect((await call.refused('live.setAllViews', { conferenceId, childId: zoe.id, view: 'plan' })).message).toMatch(
      /already given its view/,
    );
  });

  it('refuses a view for every agency once the child is decided, changing nothing', async () => {
    const r = await tempRegister({ now: () => new Date('2026-01-05T10:30:00Z') });
    const { call, csc, police, health, first } = await world(r);
    const [zoe] = first.children;
    if (!zoe) throw new Error('child missing');
    const conferenceId = first.id;
    await call.ok('live.inviteMany', { conferenceId, agencyIds: [csc.id, police.id, health.id] });
    await call.ok('live.markAllAttended', { conferenceId });
    await call.ok('live.setAllViews', { conferenceId, childId: zoe.id, view: 'no-plan' });
    await call.ok('live.recordDecision', { conferenceId, childId: zoe.id });
    expect((await call.refused('live.setAllViews', { conferenceId, childId: zoe.id, view: 'plan' })).message).toMatch(
      /already recorded/,
    );
  });
});
