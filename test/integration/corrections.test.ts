import { describe, expect, it } from 'vitest';
import { caller } from './call';
import { tempDir, tempRegister } from './helpers';

/**
 * Corrections, openly: a scheduled conference edited, cancelled with a reason or deleted when made
 * by mistake; a recorded decision amended with its reason (who, when, why, before and after kept
 * and shown; documents made from the old values superseded); a mistaken agency escalation
 * withdrawn; an escalation's details corrected.
 */

type R = ReturnType<typeof tempRegister>;

function conference(r: R, date: string) {
  const call = caller(r);
  const agencies = [
    call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' }),
    call.ok('agencies.create', { name: 'Health Visiting', type: 'health' }),
    call.ok('agencies.create', { name: 'Police', type: 'police' }),
  ];
  const created = call.ok('conferences.create', {
    type: 'initial',
    date,
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha' },
    newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
  });
  for (const a of agencies) call.ok('live.invite', { conferenceId: created.id, agencyId: a.id });
  return { call, agencies, conference: created, childId: created.children[0]?.id ?? 0 };
}

describe('a scheduled conference', () => {
  it('can be edited: date, time, venue and chair; a new date clears attendance', () => {
    const r = tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies } = conference(r, '2026-03-02');
    call.ok('live.setAttendance', { conferenceId: c.id, agencyId: agencies[0]?.id ?? 0, attendance: 'attended' });
    const venue = call.ok('conferences.update', { id: c.id, venue: 'Online', chairName: 'Second Chair' });
    expect(venue.conference).toMatchObject({ venue: 'Online', chairName: 'Second Chair', date: '2026-03-02' });
    expect(venue.invitations[0]?.attendance).toBe('attended');
    const moved = call.ok('conferences.update', { id: c.id, date: '2026-03-09', time: '14:00' });
    expect(moved.conference).toMatchObject({ date: '2026-03-09', time: '14:00', future: true });
    expect(moved.invitations.every((i) => i.attendance === null)).toBe(true);
    expect(call.refused('conferences.update', { id: c.id }).issues[0]?.path).toBe('date');
    expect(call.refused('conferences.update', { id: c.id, date: '2029-01-01' }).message).toMatch(
      /within 2 years of today/,
    );
  });

  it('can be cancelled with a reason, staying in the register, marked cancelled', () => {
    const r = tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c } = conference(r, '2026-03-09');
    expect(call.refused('conferences.cancel', { id: c.id, reason: ' ' }).issues[0]?.path).toBe('reason');
    const cancelled = call.ok('conferences.cancel', { id: c.id, reason: 'The family moved out of the area' });
    expect(cancelled.conference).toMatchObject({
      status: 'cancelled',
      cancelledOn: '2026-03-02',
      cancelReason: 'The family moved out of the area',
    });
    expect(call.ok('conferences.list', {}).conferences[0]?.status).toBe('cancelled');
    expect(call.ok('conferences.reportsOutstanding', {})).toEqual([]);
    expect(call.refused('live.invite', { conferenceId: c.id, agencyId: 1 }).message).toMatch(/was cancelled/);
  });

  it('a cancelled reconvened conference frees the adjourned one to be reconvened again', () => {
    const r = tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const { call, conference: c, agencies, childId } = conference(r, '2025-12-19');
    const school = call.ok('agencies.create', { name: 'School', type: 'education' });
    call.ok('live.invite', { conferenceId: c.id, agencyId: school.id });
    [...agencies, school].forEach((a, i) => {
      call.ok('live.setAttendance', { conferenceId: c.id, agencyId: a.id, attendance: 'attended' });
      call.ok('live.setView', {
        conferenceId: c.id,
        childId,
        agencyId: a.id,
        view: i < 2 ? 'plan' : 'no-plan',
        reasons: 'R',
      });
    });
    call.ok('live.recordDecision', { conferenceId: c.id, childId, category: null });
    const first = call.ok('conferences.scheduleReconvened', {
      conferenceId: c.id,
      date: '2026-01-12',
      time: '10:00',
      venue: 'Room 1',
    });
    expect(call.ok('conferences.adjournments', {})[0]).toMatchObject({ state: 'reconvening', reconvenedId: first.id });
    call.ok('conferences.cancel', { id: first.id, reason: 'The chair is ill' });
    expect(call.ok('conferences.adjournments', {})[0]).toMatchObject({ state: 'to-schedule', reconvenedId: null });
    expect(call.ok('live.get', { id: c.id }).conference.reconvenedById).toBeNull();
    const again = call.ok('conferences.scheduleReconvened', {
      conferenceId: c.id,
      date: '2026-01-13',
      time: '10:00',
      venue: 'Room 1',
    });
    expect(call.ok('conferences.adjournments', {})[0]).toMatchObject({ state: 'reconvening', reconvenedId: again.id });
  });

  it('can be deleted when made by mistake and nothing is recorded on it; otherwise the refusal says what is', () => {
    const r = tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies } = conference(r, '2026-03-02');
    const other = call.ok('conferences.create', {
      type: 'review',
      date: '2026-03-02',
      time: '14:00',
      venue: 'Room 2',
      chairName: 'Test Chair',
      family: { id: c.familyId },
      childIds: [c.children[0]?.id ?? 0],
    });
    call.ok('live.setAttendance', { conferenceId: c.id, agencyId: agencies[0]?.id ?? 0, attendance: 'attended' });
    expect(call.refused('conferences.delete', { id: c.id }).message).toBe(
      'This conference has attendance recorded, so it cannot be deleted: cancel it instead, with the reason',
    );
    expect(call.ok('conferences.delete', { id: other.id })).toEqual({ deleted: other.id });
    expect(call.refused('conferences.get', { id: other.id }).code).toBe('not-found');
    const deleted = r.repos.audit.forRecord('conference', other.id).find((e) => e.action === 'delete');
    expect(deleted?.before).toMatchObject({ venue: 'Room 2', type: 'review' });
  });
});

describe('a recorded decision', () => {
  it('is amended with a reason: who, when, why and the values before and after are kept and shown; documents made before are superseded', async () => {
    const r = tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    r.settings.update({ unitEmail: 'unit@example.org' });
    const { call, conference: c, agencies, childId } = conference(r, '2026-03-02');
    for (const a of agencies) {
      call.ok('live.setAttendance', { conferenceId: c.id, agencyId: a.id, attendance: 'attended' });
      call.ok('live.setView', { conferenceId: c.id, childId, agencyId: a.id, view: 'plan', reasons: '' });
    }
    call.ok('live.recordDecision', { conferenceId: c.id, childId, category: 'NEG' });
    await r.documents.run('decision-letter', '2026-03-03', '2026-03-03', tempDir(), undefined);
    expect(call.ok('documents.forRecord', { entity: 'conference', entityId: c.id })[0]?.supersededAt).toBeNull();
    expect(call.ok('due.list', {}).some((d) => d.kind === 'decision-letter')).toBe(false);

    r.travelTo('2026-03-04T09:00:00Z');
    // Nothing to change, or no reason: refused, nothing written.
    expect(
      call.refused('live.amendDecision', { conferenceId: c.id, childId, reason: 'Typo', category: 'NEG' }).issues[0]
        ?.path,
    ).toBe('reason');
    expect(
      call.refused('live.amendDecision', { conferenceId: c.id, childId, reason: '', category: 'EMO' }).issues[0]?.path,
    ).toBe('reason');
    // Police's view was recorded wrongly: it was no plan, with its reasons; the category was emotional abuse.
    const police = agencies[2]?.id ?? 0;
    const amended = call.ok('live.amendDecision', {
      conferenceId: c.id,
      childId,
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
    const documents = call.ok('documents.forRecord', { entity: 'conference', entityId: c.id });
    expect(documents[0]?.supersededAt).toBe('2026-03-04T09:00:00.000Z');
    // The corrected letter falls due again.
    expect(call.ok('due.list', {}).find((d) => d.kind === 'decision-letter')?.due).toBe('2026-03-05');
  });

  it('cannot be amended into an adjournment, and a refused amendment leaves every view as it was', () => {
    const r = tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies, childId } = conference(r, '2026-03-02');
    const health = call.ok('agencies.create', { name: 'School', type: 'education' });
    call.ok('live.invite', { conferenceId: c.id, agencyId: health.id });
    for (const a of [...agencies, health]) {
      call.ok('live.setAttendance', { conferenceId: c.id, agencyId: a.id, attendance: 'attended' });
      call.ok('live.setView', { conferenceId: c.id, childId, agencyId: a.id, view: 'plan', reasons: '' });
    }
    call.ok('live.recordDecision', { conferenceId: c.id, childId, category: 'NEG' });
    // Two views changed to "no plan" would make it 2-2: an adjournment, which an amendment cannot make.
    const refused = call.refused('live.amendDecision', {
      conferenceId: c.id,
      childId,
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
  it('a mistaken agency escalation is withdrawn with a reason and leaves the return', () => {
    const r = tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, conference: c, agencies } = conference(r, '2026-03-02');
    const police = agencies[2]?.id ?? 0;
    call.ok('live.setAttendance', { conferenceId: c.id, agencyId: police, attendance: 'did-not-attend' });
    const raised = call.ok('agencyEscalations.raiseFromConference', {
      conferenceId: c.id,
      agencyId: police,
      reason: 'did-not-attend',
    });
    expect(call.refused('agencyEscalations.withdraw', { id: raised.id, reason: '' }).issues[0]?.path).toBe('reason');
    const withdrawn = call.ok('agencyEscalations.withdraw', {
      id: raised.id,
      reason: 'The officer did attend: marked in error',
    });
    expect(withdrawn).toMatchObject({
      withdrawnOn: '2026-03-02',
      withdrawnReason: 'The officer did attend: marked in error',
    });
    const ret = call.ok('returns.get', { agencyId: police, from: '2026-03-01', to: '2026-03-31' });
    expect(ret.rows).toEqual([]);
    expect(ret.withdrawn.map((x) => x.id)).toEqual([raised.id]);
    expect(call.ok('returns.summary', { from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
    expect(call.refused('agencyEscalations.withdraw', { id: raised.id, reason: 'Again' }).code).toBe('conflict');
    // It can be raised again, correctly, since the mistaken one no longer stands.
    call.ok('agencyEscalations.raiseFromConference', {
      conferenceId: c.id,
      agencyId: police,
      reason: 'did-not-attend',
    });
  });

  it('an escalation’s details are corrected with a reason, each change kept before and after', () => {
    const r = tempRegister({ now: () => new Date('2026-03-04T12:00:00Z') });
    const call = caller(r);
    const school = call.ok('agencies.create', { name: 'Primary School', type: 'education' });
    const csc = call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
    const police = call.ok('agencies.create', { name: 'Police', type: 'police' });
    const e = call.ok('escalations.open', {
      subjectName: 'Zoe Alpha',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision'],
      details: 'Referral not accepted',
      outcomeSought: 'Strategy discussion',
      openedOn: '2026-03-02',
      escalatedBy: { name: 'Synthetic DSL' },
    });
    expect(call.refused('escalations.correct', { escalationId: e.id, reason: 'Typo' }).message).toMatch(
      /Nothing would change/,
    );
    const corrected = call.ok('escalations.correct', {
      escalationId: e.id,
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
