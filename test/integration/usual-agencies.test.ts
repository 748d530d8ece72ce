import { describe, expect, it } from 'vitest';
import type { Register } from '../../electron/main/register/register';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * The usual set of agencies for conferences (issue 14): chosen in Settings by an administrator,
 * kept in its own table (migration 013) and audited as agency ids; `live.get` offers those of it
 * not yet invited, and the chair invites them through `live.inviteMany`. Runs on both engines.
 */

async function world(r: Register) {
  const call = caller(r);
  const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
  const police = await call.ok('agencies.create', { name: 'Humber Police', type: 'police' });
  const school = await call.ok('agencies.create', { name: 'Northfield Academy', type: 'education' });
  const conference = await call.ok('conferences.create', {
    type: 'initial',
    date: '2026-03-16',
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha' },
    newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
  });
  return { call, csc, police, school, conference };
}

const lastEvent = async (r: Register) => (await r.repos.audit.list({ offset: 0, limit: 1 })).events[0];

describe('the usual agencies for conferences', () => {
  it('are saved, audited as ids, offered on the chair’s screen and invited in one step', async () => {
    const r = await tempRegister();
    const { call, csc, police, school, conference } = await world(r);
    expect((await call.ok('settings.get', {})).usualAgencyIds).toEqual([]);
    expect((await call.ok('live.get', { id: conference.id })).usualAgencies).toEqual([]);

    const saved = await call.ok('settings.update', {
      version: await call.version.settings(),
      usualAgencyIds: [police.id, csc.id],
    });
    expect(saved.usualAgencyIds).toEqual([csc.id, police.id]);
    expect((await call.ok('settings.get', {})).usualAgencyIds).toEqual([csc.id, police.id]);
    expect(await lastEvent(r)).toMatchObject({
      entity: 'settings',
      before: { usualAgencyIds: [] },
      after: { usualAgencyIds: [csc.id, police.id] },
    });

    // Police already invited: only Children's Social Care is offered.
    await call.ok('live.invite', { conferenceId: conference.id, agencyId: police.id });
    const offered = await call.ok('live.get', { id: conference.id });
    expect(offered.usualAgencies).toEqual([{ id: csc.id, name: 'Children’s Social Care' }]);
    await call.ok('live.inviteMany', {
      conferenceId: conference.id,
      agencyIds: offered.usualAgencies.map((a) => a.id),
    });
    const after = await call.ok('live.get', { id: conference.id });
    expect(after.invitations.map((i) => i.agencyName).sort()).toEqual(['Children’s Social Care', 'Humber Police']);
    expect(after.usualAgencies).toEqual([]);

    // An agency made inactive is left out of the offer but may stay in the set; emptied, nothing is offered.
    await call.ok('settings.update', {
      version: await call.version.settings(),
      usualAgencyIds: [csc.id, police.id, school.id],
    });
    await call.ok('agencies.setActive', {
      id: school.id,
      active: false,
      version: await call.version.agency(school.id),
    });
    expect((await call.ok('live.get', { id: conference.id })).usualAgencies).toEqual([]);
    await call.ok('settings.update', { version: await call.version.settings(), usualAgencyIds: [csc.id, school.id] });
    await call.ok('settings.update', { version: await call.version.settings(), usualAgencyIds: [] });
    expect((await call.ok('settings.get', {})).usualAgencyIds).toEqual([]);
    await r.close();
  });

  it('refuses ids that are not agencies, repeated, too many, of the wrong type, or a new inactive agency, changing nothing', async () => {
    const r = await tempRegister();
    const { call, csc, school } = await world(r);
    const version = await call.version.settings();
    const refused = async (usualAgencyIds: unknown) =>
      (await call.refused('settings.update', { version, usualAgencyIds })).issues;

    expect(await refused([csc.id, 999])).toEqual([
      { path: 'usualAgencyIds.1', message: 'Choose the usual agencies from the active agencies of the directory' },
    ]);
    expect(await refused([csc.id, csc.id])).toEqual([
      { path: 'usualAgencyIds', message: 'An agency is listed twice in the usual set' },
    ]);
    expect((await refused(Array.from({ length: 101 }, (_, i) => i + 1)))[0]).toMatchObject({
      path: 'usualAgencyIds',
      message: 'Choose at most 100 usual agencies',
    });
    expect((await refused(['1']))[0]?.path).toBe('usualAgencyIds.0');
    expect((await refused([0]))[0]?.path).toBe('usualAgencyIds.0');
    expect((await refused('1'))[0]?.path).toBe('usualAgencyIds');

    await call.ok('agencies.setActive', {
      id: school.id,
      active: false,
      version: await call.version.agency(school.id),
    });
    expect(await refused([school.id])).toEqual([
      { path: 'usualAgencyIds.0', message: 'Choose the usual agencies from the active agencies of the directory' },
    ]);
    expect((await call.ok('settings.get', {})).usualAgencyIds).toEqual([]);
    await r.close();
  });

  it('may be changed only by an administrator; every user sees them', async () => {
    const r = await tempRegister();
    const { csc, conference } = await world(r);
    const chair = caller(r, { name: 'Sam Okafor', roles: ['chair'] });
    const version = await chair.version.settings();
    const error = await chair.refused('settings.update', { version, usualAgencyIds: [csc.id] });
    expect(error.code).toBe('forbidden');
    expect((await chair.ok('settings.get', {})).usualAgencyIds).toEqual([]);
    expect((await chair.ok('live.get', { id: conference.id })).usualAgencies).toEqual([]);
    await r.close();
  });
});
