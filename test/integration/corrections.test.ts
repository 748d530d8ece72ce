import { describe, expect, it } from 'vitest';
import { caller } from './call';
import { tempDir, tempRegister } from './helpers';

/**
 * Corrections, openly: a scheduled conference edited, cancelled with a reason or deleted when made
 * by mistake; a recorded decision amended with its reason (who, when, why, before and after kept
 * and shown; documents made from the old values superseded); a mistaken agency escalation
 * withdrawn; an escalation's details corrected.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

async function conference(r: R, date: string) {
  const call = caller(r);
  const agencies = [
    await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' }),
    await call.ok('agencies.create', { name: 'Health Visiting', type: 'health' }),
    await call.ok('agencies.create', { name: 'Police', type: 'police' }),
  ];
  const created = await call.ok('conferences.create', {
    type: 'initial',
    date,
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha' },
    newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
  });
  for (const a of agencies) await call.ok('live.invite', { conferenceId: created.id, agencyId: a.id });
  return { call, agencies, conference: created, childId: created.children[0]?.id ?? 0 };
}

describe('a scheduled conference', () => {
  it('can be edited: date, time, venue and chair; a new date clears attendance', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies } = await conference(r, '2026-03-02');
    await call.ok('live.setAttendance', { conferenceId: c.id, agencyId: agencies[0]?.id ?? 0, attendance: 'attended' });
    const venue = await call.ok('conferences.update', {
      id: c.id,
      version: await call.version.conference(c.id),
      venue: 'Online',
      chairName: 'Second Chair',
    });
    expect(venue.conference).toMatchObject({ venue: 'Online', chairName: 'Second Chair', date: '2026-03-02' });
    expect(venue.invitations[0]?.attendance).toBe('attended');
    const moved = await call.ok('conferences.update', {
      id: c.id,
      version: venue.conference.version,
      date: '2026-03-09',
      time: '14:00',
    });
    expect(moved.conference).toMatchObject({ date: '2026-03-09', time: '14:00', future: true });
    expect(moved.invitations.every((i) => i.attendance === null)).toBe(true);
    expect(
      (await call.refused('conferences.update', { id: c.id, version: moved.conference.version })).issues[0]?.path,
    ).toBe('date');
    expect(
      (await call.refused('conferences.update', { id: c.id, version: moved.conference.version, date: '2029-01-01' }))
        .message,
    ).toMatch(/within 2 years of today/);
  });

  it('can be cancelled with a reason, staying in the register, marked cancelled', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c } = await conference(r, '2026-03-09');
    expect((await call.refused('conferences.cancel', { id: c.id, reason: ' ' })).issues[0]?.path).toBe('reason');
    const cancelled = await call.ok('conferences.cancel', { id: c.id, reason: 'The family moved out of the area' });
    expect(cancelled.conference).toMatchObject({
      status: 'cancelled',
      cancelledOn: '2026-03-02',
      cancelReason: 'The family moved out of the area',
    });
    expect((await call.ok('conferences.list', {})).items[0]?.status).toBe('cancelled');
    expect(await call.ok('conferences.reportsOutstanding', {})).toEqual([]);
    expect((await call.refused('live.invite', { conferenceId: c.id, agencyId: 1 })).message).toMatch(/was cancelled/);
  });

  it('a cancelled reconvened conference frees the adjourned one to be reconvened again', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const { call, conference: c, agencies, childId } = await conference(r, '2025-12-19');
    const school = await call.ok('agencies.create', { name: 'School', type: 'education' });
    await call.ok('live.invite', { conferenceId: c.id, agencyId: school.id });
    for (const [i, a] of [...agencies, school].entries()) {
      await call.ok('live.setAttendance', { conferenceId: c.id, agencyId: a.id, attendance: 'attended' });
      await call.ok('live.setView', {
        conferenceId: c.id,
        childId,
        agencyId: a.id,
        view: i < 2 ? 'plan' : 'no-plan',
        reasons: 'R',
      });
    }
    await call.ok('live.recordDecision', { conferenceId: c.id, childId, category: null });
    const first = await call.ok('conferences.scheduleReconvened', {
      conferenceId: c.id,
      date: '2026-01-12',
      time: '10:00',
      venue: 'Room 1',
    });
    expect((await call.ok('conferences.adjournments', {}))[0]).toMatchObject({
      state: 'reconvening',
      reconvenedId: first.id,
    });
    await call.ok('conferences.cancel', { id: first.id, reason: 'The chair is ill' });
    expect((await call.ok('conferences.adjournments', {}))[0]).toMatchObject({
      state: 'to-schedule',
      reconvenedId: null,
    });
    expect((await call.ok('live.get', { id: c.id })).conference.reconvenedById).toBeNull();
    const again = await call.ok('conferences.scheduleReconvened', {
      conferenceId: c.id,
      date: '2026-01-13',
      time: '10:00',
      venue: 'Room 1',
    });
    expect((await call.ok('conferences.adjournments', {}))[0]).toMatchObject({
      state: 'reconvening',
      reconvenedId: again.id,
    });
  });

  it('can be deleted when made by mistake and nothing is recorded on it; otherwise the refusal says what is', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies } = await conference(r, '2026-03-02');
    const other = await call.ok('conferences.create', {
      type: 'review',
      date: '2026-03-02',
      time: '14:00',
      venue: 'Room 2',
      chairName: 'Test Chair',
      family: { id: c.familyId },
      childIds: [c.children[0]?.id ?? 0],
    });
    await call.ok('live.setAttendance', { conferenceId: c.id, agencyId: agencies[0]?.id ?? 0, attendance: 'attended' });
    expect((await call.refused('conferences.delete', { id: c.id })).message).toBe(
      'This conference has attendance recorded, so it cannot be deleted: cancel it instead, with the reason',
    );
    expect(await call.ok('conferences.delete', { id: other.id })).toEqual({ deleted: other.id });
    expect((await call.refused('conferences.get', { id: other.id })).code).toBe('not-found');
    const deleted = (await r.repos.audit.forRecord('conference', other.id)).find((e) => e.action === 'delete');
    expect(deleted?.before).toMatchObject({ venue: 'Room 2', type: 'review' });
  });
});

describe('a recorded decision', () => {
  it('is amended with a reason: who, when, why and the values before and after are kept and shown; documents made before are superseded', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    await r.settings.update({ unitEmail: 'unit@example.org' });
    const { call, conference: c, agencies, childId } = await conference(r, '2026-03-02');
    for (const a of agencies) {
      await call.ok('live.setAttendance', { conferenceId: c.id, agencyId: a.id, attendance: 'attended' });
      await call.ok('live.setView', { conferenceId: c.id, childId, agencyId: a.id, view: 'plan', reasons: '' });
    }
    await call.ok('live.recordDecision', { conferenceId: c.id, childId, category: 'NEG' });
    await r.documents.run('decision-letter', '2026-03-03', '2026-03-03', tempDir(), undefined);
    expect(
      (await call.ok('documents.forRecord', { entity: 'conference', entityId: c.id }))[0]?.supersededAt,
    ).toBeNull();
    expect((await call.ok('due.list', {})).items.some((d) => d.kind === 'decision-letter')).toBe(false);

    r.travelTo('2026-03-04T09:00:00Z');
    // Nothing to change, or no reason: refused, nothing written.
    expect(
      (
        await call.refused('live.amendDecision', {
          conferenceId: c.id,
          childId,
          version: await call.version.decision(c.id, childId),
          reason: 'Typo',
          category: 'NEG',
        })
      ).issues[0]?.path,
    ).toBe('reason');
    expect(
      (
        await call.refused('live.amendDecision', {
          conferenceId: c.id,
          childId,
          version: await call.version.decision(c.id, childId),
          reason: '',
          category: 'EMO',
        })
      ).issues[0]?.path,
    ).toBe('reason');
    // Police's view was recorded wrongly: it was no plan, with its reasons; the category was emotional abuse.
    const police = agencies[2]?.id ?? 0;
    const amended = await call.ok('live.amendDecision', {
      conferenceId: c.id,
      childId,
      version: await call.version.decision(c.id, childId),
      reason: 'Police’s view and the category were entered wrongly in the room',
      views: [{ agencyId: police, view: 'no-plan', reasons: 'No police concerns at home' }],
      category: 'EMO',
    });
    expect(amended.children[0]?.recorded).toMatchObject({ result: 'majority', decision: 'plan', category: 'EMO' });
    expect(amended.amendments).toEqual([
      {
        id: expect.any(Number),
        kind: 'decision',
        childId,
        at: '2026-03-04T09:00:00.000Z',
        actor: 'Test Chair',
        reason: 'Police’s view and the category were entered wrongly in the room',
        changes: [
          { field: 'category', label: 'Category', before: 'Neglect (NEG)', after: 'Emotional abuse (EMO)' },
          {
            field: `view.${police}`,
            label: 'Police: view',
            before: 'Plan',
            after: 'No plan: No police concerns at home',
          },
        ],
      },
    ]);
    const documents = await call.ok('documents.forRecord', { entity: 'conference', entityId: c.id });
    expect(documents[0]?.supersededAt).toBe('2026-03-04T09:00:00.000Z');
    // The corrected letter falls due again.
    expect((await call.ok('due.list', {})).items.find((d) => d.kind === 'decision-letter')?.due).toBe('2026-03-05');
  });

  it('cannot be amended into an adjournment, and a refused amendment leaves every view as it was', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies, childId } = await conference(r, '2026-03-02');
    const health = await call.ok('agencies.create', { name: 'School', type: 'education' });
    await call.ok('live.invite', { conferenceId: c.id, agencyId: health.id });
    for (const a of [...agencies, health]) {
      await call.ok('live.setAttendance', { conferenceId: c.id, agencyId: a.id, attendance: 'attended' });
      await call.ok('live.setView', { conferenceId: c.id, childId, agencyId: a.id, view: 'plan', reasons: '' });
    }
    await call.ok('live.recordDecision', { conferenceId: c.id, childId, category: 'NEG' });
    // Two views changed to "no plan" would make it 2-2: an adjournment, which an amendment cannot make.
    const refused = await call.refused('live.amendDecision', {
      conferenceId: c.id,
      childId,
      version: await call.version.decision(c.id, childId),
      reason: 'Views were wrong',
      views: [
        { agencyId: agencies[2]?.id ?? 0, view: 'no-plan', reasons: 'R' },
        { agencyId: health.id, view: 'no-plan', reasons: 'R' },
      ],
    });
    expect(refused.message).toMatch(/equally divided, which would adjourn/);
  });
});

describe('agency escalations and professional escalations', () => {
  it('a mistaken agency escalation is withdrawn with a reason and leaves the return', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies } = await conference(r, '2026-03-02');
    const police = agencies[2]?.id ?? 0;
    await call.ok('live.setAttendance', { conferenceId: c.id, agencyId: police, attendance: 'did-not-attend' });
    const raised = await call.ok('agencyEscalations.raiseFromConference', {
      conferenceId: c.id,
      agencyId: police,
      reason: 'did-not-attend',
    });
    expect((await call.refused('agencyEscalations.withdraw', { id: raised.id, reason: '' })).issues[0]?.path).toBe(
      'reason',
    );
    const withdrawn = await call.ok('agencyEscalations.withdraw', {
      id: raised.id,
      reason: 'The officer did attend: marked in error',
    });
    expect(withdrawn).toMatchObject({
      withdrawnOn: '2026-03-02',
      withdrawnReason: 'The officer did attend: marked in error',
    });
    const ret = await call.ok('returns.get', { agencyId: police, from: '2026-03-01', to: '2026-03-31' });
    expect(ret.rows).toEqual([]);
    expect(ret.withdrawn.map((x) => x.id)).toEqual([raised.id]);
    expect((await call.ok('returns.summary', { from: '2026-03-01', to: '2026-03-31' })).items).toEqual([]);
    expect((await call.refused('agencyEscalations.withdraw', { id: raised.id, reason: 'Again' })).code).toBe(
      'conflict',
    );
    // It can be raised again, correctly, since the mistaken one no longer stands.
    await call.ok('agencyEscalations.raiseFromConference', {
      conferenceId: c.id,
      agencyId: police,
      reason: 'did-not-attend',
    });
  });

  it('an escalation’s details are corrected with a reason, each change kept before and after', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-04T12:00:00Z') });
    const call = caller(r);
    const school = await call.ok('agencies.create', { name: 'Primary School', type: 'education' });
    const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
    const police = await call.ok('agencies.create', { name: 'Police', type: 'police' });
    const e = await call.ok('escalations.open', {
      subjectName: 'Zoe Alpha',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision'],
      details: 'Referral not accepted',
      outcomeSought: 'Strategy discussion',
      openedOn: '2026-03-02',
      escalatedBy: { name: 'Synthetic DSL' },
    });
    expect(
      (await call.refused('escalations.correct', { escalationId: e.id, version: e.version, reason: 'Typo' })).message,
    ).toMatch(/Nothing would change/);
    const corrected = await call.ok('escalations.correct', {
      escalationId: e.id,
      version: e.version,
      reason: 'Name misspelt; the police were the agency challenged',
      subjectName: 'Zoë Alpha',
      challengedAgencyId: police.id,
      immediateRisk: true,
    });
    expect(corrected).toMatchObject({
      subjectName: 'Zoë Alpha',
      challengedAgency: { name: 'Police' },
      immediateRisk: true,
    });
    // Immediate risk moves the current stage's due date to the day it was raised.
    expect(corrected.stages[0]?.dueOn).toBe('2026-03-02');
    expect(corrected.corrections).toEqual([
      {
        id: expect.any(Number),
        kind: 'details',
        childId: null,
        at: '2026-03-04T12:00:00.000Z',
        actor: 'Test Chair',
        reason: 'Name misspelt; the police were the agency challenged',
        changes: [
          { field: 'subject_name', label: 'Child or family', before: 'Zoe Alpha', after: 'Zoë Alpha' },
          {
            field: 'challenged_agency_id',
            label: 'Agency with whom the difference is held',
            before: 'Children’s Social Care',
            after: 'Police',
          },
          { field: 'immediate_risk', label: 'Immediate risk of significant harm', before: 'No', after: 'Yes' },
        ],
      },
    ]);
  });
});
