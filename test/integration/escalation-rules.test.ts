import { mapAsync } from '../../shared/async';
import { describe, expect, it } from 'vitest';
import type { OpenEscalationInput } from '../../shared/schemas/escalation';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * The escalation protocols' rules, through the contract's dispatch: escalate only the unresolved;
 * the Kirklees debrief follows resolution; each protocol its own record; where a route starts;
 * immediate risk the same day; limits the procedures do not set.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

const person = (name: string) => ({ name, title: 'Manager', agency: 'Agency' });

async function setUp(r: R, protocol = 'kirklees') {
  const call = caller(r);
  const school = await call.ok('agencies.create', { name: 'Primary School', type: 'education' });
  const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
  await call.ok('protocols.choose', { key: protocol });
  const base = {
    subjectName: 'Zoë Alpha',
    subjectDateOfBirth: '2018-04-01',
    initiatingAgencyId: school.id,
    challengedAgencyId: csc.id,
    natures: ['referral-decision'],
    details: 'Referral not accepted despite disclosures',
    outcomeSought: 'Strategy discussion',
    openedOn: '2026-03-02',
    escalatedBy: { name: 'Synthetic DSL', title: 'Designated Safeguarding Lead', agency: 'Primary School' },
  } satisfies OpenEscalationInput;
  return { call, school, csc, base };
}

describe('a stage is escalated only while it is unresolved', () => {
  it('after a response that resolved the difference, escalating is refused and closing is offered', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-04T10:00:00Z') });
    const { call, base } = await setUp(r);
    let e = await call.ok('escalations.open', base);
    e = await call.ok('escalations.respond', {
      escalationId: e.id,
      number: 1,
      responseFrom: person('CSC manager'),
      responseOn: '2026-03-03',
      summary: 'Referral accepted on review',
      resolved: true,
    });
    expect(e.next).toMatchObject({ escalate: false, close: true });
    const refused = await call.refused('escalations.escalate', {
      escalationId: e.id,
      on: '2026-03-04',
      escalatedBy: person('A'),
      escalatedTo: person('B'),
    });
    expect(refused).toMatchObject({
      code: 'conflict',
      message:
        'The response at stage 1 resolved the difference: close the escalation as resolved instead of escalating it',
    });
    expect((await call.ok('escalations.close', { escalationId: e.id, on: '2026-03-04', resolved: true })).status).toBe(
      'resolved',
    );
  });
});

describe('the Kirklees restorative debrief follows resolution', () => {
  async function atStage6(r: R) {
    const s = await setUp(r);
    let e = await s.call.ok('escalations.open', { ...s.base, openedOn: '2026-01-05' });
    for (let stage = 2; stage <= 6; stage += 1) {
      e = await s.call.ok('escalations.escalate', {
        escalationId: e.id,
        on: `2026-01-${String(5 + stage).padStart(2, '0')}`,
        escalatedBy: person('A'),
        escalatedTo: person(`Stage ${stage} lead`),
      });
    }
    return { ...s, e };
  }

  it('is not reached by escalating an unresolved stage 6, and carries no overdue clock', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { call, e } = await atStage6(r);
    expect(e.stages.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      (
        await call.refused('escalations.escalate', {
          escalationId: e.id,
          on: '2026-03-02',
          escalatedBy: person('A'),
          escalatedTo: person('B'),
        })
      ).message,
    ).toBe(
      'This is the protocol’s last stage: close the escalation instead (stage 7, Restorative debrief, follows resolution)',
    );
    expect(e.resolutionStage).toEqual({ number: 7, name: 'Restorative debrief' });
    expect(e.protocol.stages.find((s) => s.number === 7)).toMatchObject({
      limitWorkingDays: null,
      followsResolution: true,
    });
  });

  it('is offered when the escalation is resolved (not when it closes unresolved), with no clock', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { call, e } = await atStage6(r);
    expect(
      (
        await call.refused('escalations.close', {
          escalationId: e.id,
          on: '2026-02-20',
          resolved: false,
          restorativeDebrief: 'A debrief',
        })
      ).issues[0]?.path,
    ).toBe('restorativeDebrief');
    let closed = await call.ok('escalations.close', { escalationId: e.id, on: '2026-02-20', resolved: true });
    expect(closed.next.debrief).toBe(true);
    closed = await call.ok('escalations.recordDebrief', {
      escalationId: e.id,
      on: '2026-02-27',
      notes: 'Agreed how to share referral outcomes',
    });
    expect(closed).toMatchObject({
      debriefOn: '2026-02-27',
      restorativeDebrief: 'Agreed how to share referral outcomes',
    });
    expect((await call.ok('escalations.list', {})).items.map((x) => x.id)).not.toContain(e.id);

    // Unresolved: no debrief.
    const other = await call.ok('escalations.open', { ...(await setUpAgain(call)), openedOn: '2026-02-02' });
    await call.ok('escalations.close', { escalationId: other.id, on: '2026-02-03', resolved: false });
    expect(
      (await call.refused('escalations.recordDebrief', { escalationId: other.id, on: '2026-02-04', notes: 'x' }))
        .message,
    ).toMatch(/follows resolution/);
  });

  async function setUpAgain(call: Awaited<ReturnType<typeof caller>>) {
    const [school, csc] = (await call.ok('agencies.all', {})).sort((a, b) => a.id - b.id);
    return {
      subjectName: 'Ann Beta',
      initiatingAgencyId: school?.id ?? 0,
      challengedAgencyId: csc?.id ?? 0,
      natures: ['assessment' as const],
      details: 'Details',
      outcomeSought: 'Outcome',
      escalatedBy: person('Practitioner'),
    };
  }
});

describe('each protocol produces its own formal record', () => {
  it('Appendix 5 only under Kirklees (and copies adjusted from it); the Croydon form only under Croydon (and its copies); the review meeting record under North Lincolnshire', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { call, base } = await setUp(r);
    const reach = async (protocol: string, stages: number) => {
      await call.ok('protocols.choose', { key: protocol });
      let e = await call.ok('escalations.open', { ...base, openedOn: '2026-02-02' });
      for (let stage = 2; stage <= stages; stage += 1) {
        e = await call.ok('escalations.escalate', {
          escalationId: e.id,
          on: `2026-02-${String(2 + stage).padStart(2, '0')}`,
          escalatedBy: person('A'),
          escalatedTo: person('B'),
        });
      }
      return e;
    };
    const kirklees = await reach('kirklees', 5);
    const croydon = await reach('croydon', 3);
    const generic = await reach('generic-four-stage', 4);
    // Copies keep their source's record.
    for (const [source, key] of [
      ['kirklees', 'our-kirklees'],
      ['croydon', 'our-croydon'],
    ] as const) {
      const definition = (await call.ok('protocols.list', {})).find((p) => p.key === source)?.definition;
      if (!definition) throw new Error('no protocol');
      await call.ok('protocols.save', { protocol: { ...definition, key, name: `Adjusted ${source}`, version: 1 } });
    }
    const kirkleesCopy = await reach('our-kirklees', 5);
    const croydonCopy = await reach('our-croydon', 3);
    expect(kirkleesCopy.protocol.record).toBe('appendix5');

    const planned = async (kind: 'appendix5' | 'croydon-notification' | 'review-meeting-record') =>
      (await call.ok('documents.plan', { kind, from: '2026-01-01', to: '2026-03-02' })).documents
        .map((d) => d.entityId)
        .sort((a, b) => a - b);
    expect(await planned('appendix5')).toEqual([kirklees.id, kirkleesCopy.id]);
    expect(await planned('croydon-notification')).toEqual([croydon.id, croydonCopy.id]);
    expect(await planned('review-meeting-record')).toEqual([]);
    expect(generic.protocol.record).toBe('child-file');

    // North Lincolnshire: the written record of the Principal Officer review meeting.
    const nl = await reach('north-lincolnshire', 3);
    expect(nl.next.reviewMeeting).toBe(true);
    expect(
      (
        await call.refused('escalations.recordReviewMeeting', {
          escalationId: kirklees.id,
          heldOn: '2026-02-20',
          reviewType: 'Pit stop',
          chairedBy: 'PO',
          attendees: 'All',
          discussion: 'D',
          disagreements: 'D',
          agreements: 'A',
        })
      ).message,
    ).toMatch(/keeps its own formal record/);
    const recorded = await call.ok('escalations.recordReviewMeeting', {
      escalationId: nl.id,
      heldOn: '2026-02-20',
      reviewType: 'Multi-agency pit stop',
      chairedBy: 'Synthetic Principal Officer',
      attendees: 'School, CSC, line managers',
      discussion: 'The referral threshold',
      disagreements: 'Whether the disclosure met the threshold',
      agreements: 'A strategy discussion within 2 days',
    });
    expect(recorded.reviewMeeting).toMatchObject({ stageNumber: 3, reviewType: 'Multi-agency pit stop' });
    expect(await planned('review-meeting-record')).toEqual([nl.id]);
    expect(await planned('appendix5')).not.toContain(nl.id);
  });
});

describe('where an escalation starts', () => {
  it('drafted from a Principal Officer review, it opens at that protocol’s Principal Officer review stage', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T15:00:00Z') });
    const { call, school, csc } = await setUp(r, 'north-lincolnshire');
    const police = await call.ok('agencies.create', { name: 'Police', type: 'police' });
    const conference = await call.ok('conferences.create', {
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Chair',
      family: { name: 'Family Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    });
    const childId = conference.children[0]?.id ?? 0;
    const agencies = [csc, school, police, await call.ok('agencies.create', { name: 'Health', type: 'health' })];
    const tie = async (conferenceId: number) => {
      for (const a of agencies) {
        await call.ok('live.invite', { conferenceId, agencyId: a.id });
        await call.ok('live.setAttendance', { conferenceId, agencyId: a.id, attendance: 'attended' });
      }
      await mapAsync(agencies, async (a, i) =>
        call.ok('live.setView', {
          conferenceId,
          childId,
          agencyId: a.id,
          view: i < 2 ? 'plan' : 'no-plan',
          reasons: 'R',
        }),
      );
      await call.ok('live.recordDecision', { conferenceId, childId, category: 'NEG' });
    };
    await tie(conference.id);
    const reconvened = await call.ok('conferences.scheduleReconvened', {
      conferenceId: conference.id,
      date: '2026-01-09',
      time: '10:00',
      venue: 'Room 1',
    });
    r.travelTo('2026-01-09T15:00:00Z');
    await tie(reconvened.id);
    const draft = await call.ok('escalations.draftFromConference', { conferenceId: reconvened.id, childId });
    expect(draft).toMatchObject({ startStage: 3, followUpId: expect.any(Number) });
    expect(String(draft.startReason)).toMatch(/Principal Officer review/);
    const e = await call.ok('escalations.open', {
      ...(draft as OpenEscalationInput),
      initiatingAgencyId: police.id,
      challengedAgencyId: csc.id,
      outcomeSought: 'A Principal Officer review meeting',
      details: 'Still divided when reconvened',
      escalatedBy: person('Conference chair'),
    });
    expect(e.stages.map((s) => `${s.number} ${s.name}`)).toEqual(['3 Principal Officer review']);
    expect(e.startReason).toMatch(/Principal Officer review/);
    // Even opened without the draft's start stage, the follow-up takes it there.
    const again = await call.ok('escalations.open', {
      subjectName: 'Zoë Alpha',
      followUpId: draft.followUpId as number,
      initiatingAgencyId: police.id,
      challengedAgencyId: csc.id,
      natures: ['conference-decision'],
      details: 'D',
      outcomeSought: 'O',
      openedOn: '2026-01-09',
      escalatedBy: person('Chair'),
    });
    expect(again.stages[0]?.number).toBe(3);
    // A minority view under North Lincolnshire goes straight to the line managers (stage 2).
    const minority = await call.ok('escalations.draftFromConference', {
      conferenceId: conference.id,
      childId,
      agencyId: police.id,
    });
    expect(minority.startStage).toBe(2);
    expect(minority.startReason).toMatch(/minority view/);
    // A link to the conference alone does not say why: an escalation started by hand and linked
    // to it must give its own reason for starting at the line managers, not the draft's.
    const handStarted = {
      subjectName: 'Zoë Alpha',
      familyId: conference.familyId,
      childId,
      conferenceId: conference.id,
      initiatingAgencyId: police.id,
      challengedAgencyId: csc.id,
      natures: ['conference-decision' as const],
      details: 'D',
      outcomeSought: 'O',
      openedOn: '2026-01-09',
      escalatedBy: person('Officer'),
      startStage: 2,
    };
    expect((await call.refused('escalations.open', handStarted)).issues[0]?.path).toBe('startReason');
    const reasoned = await call.ok('escalations.open', { ...handStarted, startReason: 'Agreed with both managers' });
    expect(reasoned.startReason).toBe('Agreed with both managers');
  });

  it('a later start only where the procedure allows it, with the reason recorded', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { call, base } = await setUp(r);
    // Kirklees: a disagreement raising significant policy issues is referred urgently to stage 6.
    expect((await call.refused('escalations.open', { ...base, startStage: 6 })).issues).toEqual([
      { path: 'startReason', message: 'Say why the escalation starts at stage 6 (KSCP Business Unit Manager)' },
    ]);
    expect((await call.refused('escalations.open', { ...base, startStage: 4, startReason: 'Skip' })).issues[0]).toEqual(
      {
        path: 'startStage',
        message:
          'Under Kirklees KSCP: resolving professional disagreement an escalation cannot start at stage 4 (Manager discussion with counterpart); it may start at stage 1 or 6',
      },
    );
    expect((await call.refused('escalations.open', { ...base, startStage: 7, startReason: 'x' })).issues[0]?.path).toBe(
      'startStage',
    );
    const e = await call.ok('escalations.open', {
      ...base,
      startStage: 6,
      startReason: 'Significant policy issue about referral thresholds',
    });
    expect(e.stages.map((s) => s.number)).toEqual([6]);
    expect(e.startReason).toBe('Significant policy issue about referral thresholds');
  });
});

describe('immediate risk is due the day it is raised', () => {
  it('even on a weekend or bank holiday, with the partnership’s own same-day contact shown', async () => {
    const r = await tempRegister({ now: () => new Date('2026-04-03T10:00:00Z') }); // Good Friday
    const { call, base } = await setUp(r);
    await call.ok('settings.update', {
      version: await call.version.settings(),
      sameDayContact: 'Children’s Social Care Duty & Advice, professional line 01632 960 999',
    });
    const friday = await call.ok('escalations.open', { ...base, openedOn: '2026-04-03', immediateRisk: true });
    expect(friday.stages[0]).toMatchObject({ dueOn: '2026-04-03', clock: { dueToday: true } });
    expect(friday.sameDayContact).toBe('Children’s Social Care Duty & Advice, professional line 01632 960 999');
    r.travelTo('2026-04-04T10:00:00Z'); // a Saturday
    const saturday = await call.ok('escalations.open', { ...base, openedOn: '2026-04-04', immediateRisk: true });
    expect(saturday.stages[0]?.dueOn).toBe('2026-04-04');
    expect((await call.ok('escalations.list', {})).items[0]).toMatchObject({ immediateRisk: true, overdue: true });
    const ordinary = await call.ok('escalations.open', { ...base, openedOn: '2026-04-04' });
    expect(ordinary.sameDayContact).toBeNull();
  });
});

describe('limits the procedures do not set', () => {
  it('are the partnership’s own setting, and say so', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { call, base } = await setUp(r, 'north-lincolnshire');
    const nl = await call.ok('escalations.open', base);
    expect(nl.stages[0]?.limit).toBe('10 working days: the partnership’s own setting (the procedure sets no limit)');
    await call.ok('protocols.choose', { key: 'generic-four-stage' });
    expect((await call.ok('escalations.open', base)).stages[0]?.limit).toBe(
      '5 working days: the partnership’s own setting (the procedure sets no limit)',
    );
    await call.ok('protocols.choose', { key: 'kirklees' });
    expect((await call.ok('escalations.open', base)).stages[0]?.limit).toBe('5 working days, as the procedure sets');
  });
});
