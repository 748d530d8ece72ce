import { describe, expect, it } from 'vitest';
import type { LiveConference } from '../../shared/schemas/live-conference';
import { ServiceError } from '../../electron/main/register/services/errors';
import { tableCounts, tempRegister } from './helpers';

type R = ReturnType<typeof tempRegister>;

function refusal(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** An initial conference on Friday 19 December 2025 for two siblings, four agencies attending. */
function setUp(r: R, date = '2025-12-19') {
  const csc = r.agencies.create({ name: 'Children’s Social Care', type: 'childrens-social-care' });
  const health = r.agencies.create({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' });
  const police = r.agencies.create({ name: 'Police', type: 'police' });
  const school = r.agencies.create({ name: 'Primary School', type: 'education' });
  const conference = r.conferences.create({
    type: 'initial',
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
  const agencies = { csc, health, police, school };
  for (const a of Object.values(agencies)) {
    r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: `Rep of ${a.name}`,
      representativeRole: 'Practitioner',
    });
  }
  return { conference, zoe, lukasz, agencies };
}

const child = (live: LiveConference, id: number) => {
  const c = live.children.find((x) => x.id === id);
  if (!c) throw new Error('no child');
  return c;
};

describe('the live conference', () => {
  it('computes the report due date and quoracy live as attendance is recorded', () => {
    const r = tempRegister();
    const { conference, agencies } = setUp(r, '2026-03-09');
    let live = r.live.get(conference.id);
    expect(live.reportDue).toBe('2026-03-05');
    expect(live.quoracy.quorate).toBe(false);
    r.travelTo('2026-03-09');
    live = r.live.setAttendance(conference.id, agencies.csc.id, 'attended');
    live = r.live.setAttendance(conference.id, agencies.health.id, 'attended');
    expect(live.quoracy).toMatchObject({
      quorate: false,
      shortfall: '1 more agency (other than children’s social care) must attend.',
    });
    live = r.live.setAttendance(conference.id, agencies.police.id, 'attended');
    expect(live.quoracy).toMatchObject({ quorate: true, counted: ['Health (Health Visiting)', 'Police'] });
  });

  it('records reports on time or late against the due date', () => {
    const r = tempRegister();
    r.travelTo('2026-03-09T09:00:00Z');
    const { conference, agencies } = setUp(r, '2026-03-09');
    let live = r.live.setReport(conference.id, agencies.health.id, 'received', '2026-03-05');
    live = r.live.setReport(conference.id, agencies.police.id, 'received', '2026-03-06');
    live = r.live.setReport(conference.id, agencies.school.id, 'not-received', null);
    const byName = new Map(live.invitations.map((i) => [i.agencyName, i]));
    expect(byName.get('Health Visiting')?.reportTimeliness).toBe('on-time');
    expect(byName.get('Police')?.reportTimeliness).toBe('late');
    expect(byName.get('Primary School')).toMatchObject({ report: 'not-received', reportTimeliness: null });
    expect(refusal(() => r.live.setReport(conference.id, agencies.csc.id, 'received', null)).issues[0]?.path).toBe(
      'receivedOn',
    );
    expect(refusal(() => r.live.setReport(conference.id, agencies.csc.id, 'received', '2026-03-10')).message).toMatch(
      /today or in the past/,
    );
  });

  it('runs the whole scenario: 3-1 with minority reasons, 2-2 adjourned, reconvened to a majority', () => {
    const r = tempRegister();
    r.travelTo('2025-12-19T11:00:00Z');
    const { conference, zoe, lukasz, agencies } = setUp(r);
    const id = conference.id;
    for (const a of Object.values(agencies)) r.live.setAttendance(id, a.id, 'attended');

    // Zoë: 3-1 for a plan; the school is the minority
    r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.csc.id,
      view: 'plan',
      reasons: 'Neglect evidenced',
    });
    r.live.setView({ conferenceId: id, childId: zoe.id, agencyId: agencies.health.id, view: 'plan', reasons: '' });
    r.live.setView({ conferenceId: id, childId: zoe.id, agencyId: agencies.police.id, view: 'plan', reasons: '' });
    let live = r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.school.id,
      view: 'no-plan',
      reasons: '',
    });
    expect(child(live, zoe.id).preview).toMatchObject({
      result: 'majority',
      decision: 'plan',
      minority: ['Primary School'],
    });
    expect(child(live, zoe.id).missingReasons).toEqual(['Primary School']);
    const before = tableCounts(r);
    expect(refusal(() => r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'NEG' })).message).toBe(
      'Record the concerns and reasons of the minority view: Primary School',
    );
    expect(tableCounts(r)).toEqual(before);
    r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.school.id,
      view: 'no-plan',
      reasons: 'Attendance has improved',
    });
    expect(
      refusal(() => r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: null })).issues[0]?.path,
    ).toBe('category');
    expect(
      refusal(() => r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'MUL' })).message,
    ).toMatch(/not used in this partnership/);
    live = r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'NEG' });
    expect(child(live, zoe.id).recorded).toMatchObject({ result: 'majority', decision: 'plan', category: 'NEG' });
    expect(live.conference.status).toBe('scheduled');

    // Łukasz: copy Zoë's views, then make it 2-2
    live = r.live.copyViews(id, zoe.id, lukasz.id);
    expect(child(live, lukasz.id).views).toHaveLength(4);
    r.live.setView({
      conferenceId: id,
      childId: lukasz.id,
      agencyId: agencies.police.id,
      view: 'no-plan',
      reasons: 'No evidence of harm to him',
    });
    live = r.live.get(id);
    expect(child(live, lukasz.id).preview).toMatchObject({
      result: 'equally-divided',
      decision: 'adjourned',
      interimPlan: true,
      reconveneBy: '2026-01-14',
    });
    live = r.live.recordDecision({ conferenceId: id, childId: lukasz.id, category: null });
    expect(child(live, lukasz.id).recorded).toMatchObject({
      decision: 'adjourned',
      interimPlan: true,
      reconveneBy: '2026-01-14',
    });
    expect(live.conference.status).toBe('adjourned');
    expect(
      refusal(() =>
        r.live.setView({ conferenceId: id, childId: lukasz.id, agencyId: agencies.csc.id, view: null, reasons: '' }),
      ).code,
    ).toBe('conflict');

    // The adjournments screen and what falls due
    const [adjournment] = r.live.adjournments();
    expect(adjournment).toMatchObject({
      conferenceId: id,
      reconveneBy: '2026-01-14',
      workingDaysLeft: 15,
      reconvenedId: null,
    });
    expect(adjournment?.children).toEqual([
      { id: lukasz.id, givenName: 'Łukasz', familyName: 'Alpha', interimPlan: true },
    ]);
    // Zoë was decided, so her core group and first review run on while her brother is adjourned;
    // his core group is due too, as he is made subject to a plan pending the reconvened meeting.
    expect(r.live.due(10).map((d) => `${d.kind} ${d.due} ${d.childName ?? ''}`.trim())).toEqual([
      'decision-letter 2025-12-22',
      'first-core-group 2026-01-07 Zoë Alpha',
      'first-core-group 2026-01-07 Łukasz Alpha',
      'minutes 2026-01-14',
      'reconvene 2026-01-14',
      'next-review 2026-03-19 Zoë Alpha',
    ]);

    // Reconvene: too late is refused; in time carries the child and the invitations
    expect(
      refusal(() => r.live.scheduleReconvened({ conferenceId: id, date: '2026-01-15', time: '10:00', venue: 'Room 1' }))
        .message,
    ).toMatch(/must be held by 2026-01-14/);
    const reconvened = r.live.scheduleReconvened({
      conferenceId: id,
      date: '2026-01-12',
      time: '14:00',
      venue: 'Room 2',
    });
    expect(reconvened).toMatchObject({ type: 'reconvened', date: '2026-01-12', children: [{ id: lukasz.id }] });
    live = r.live.get(reconvened.id);
    expect(live.conference.reconvenesId).toBe(id);
    expect(live.invitations.map((i) => i.representativeName)).toHaveLength(4);
    expect(r.live.get(id).conference.reconvenedById).toBe(reconvened.id);

    r.travelTo('2026-01-12T15:00:00Z');
    for (const a of Object.values(agencies)) r.live.setAttendance(reconvened.id, a.id, 'attended');
    for (const a of [agencies.csc, agencies.health, agencies.school]) {
      r.live.setView({ conferenceId: reconvened.id, childId: lukasz.id, agencyId: a.id, view: 'plan', reasons: '' });
    }
    live = r.live.setView({
      conferenceId: reconvened.id,
      childId: lukasz.id,
      agencyId: agencies.police.id,
      view: 'no-plan',
      reasons: 'Still disagree',
    });
    live = r.live.recordDecision({ conferenceId: reconvened.id, childId: lukasz.id, category: 'EMO' });
    expect(child(live, lukasz.id).recorded).toMatchObject({ result: 'majority', decision: 'plan', category: 'EMO' });
    expect(child(live, lukasz.id).initialCategory).toBe('EMO');
    expect(live.conference.status).toBe('concluded');
    // the adjourned conference's reconvene task is done
    expect(r.live.due(20).some((d) => d.kind === 'reconvene')).toBe(false);
  });

  it('a reconvened conference still divided keeps the plan and opens a Principal Officer review', () => {
    const r = tempRegister();
    r.travelTo('2025-12-19T11:00:00Z');
    const { conference, zoe, lukasz, agencies } = setUp(r);
    const id = conference.id;
    for (const a of Object.values(agencies)) r.live.setAttendance(id, a.id, 'attended');
    const tie = (confId: number, childId: number) => {
      r.live.setView({ conferenceId: confId, childId, agencyId: agencies.csc.id, view: 'plan', reasons: '' });
      r.live.setView({ conferenceId: confId, childId, agencyId: agencies.health.id, view: 'plan', reasons: '' });
      r.live.setView({
        conferenceId: confId,
        childId,
        agencyId: agencies.police.id,
        view: 'no-plan',
        reasons: 'Police reasons',
      });
      r.live.setView({
        conferenceId: confId,
        childId,
        agencyId: agencies.school.id,
        view: 'no-plan',
        reasons: 'School reasons',
      });
    };
    tie(id, zoe.id);
    tie(id, lukasz.id);
    r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: null });
    r.live.recordDecision({ conferenceId: id, childId: lukasz.id, category: null });
    const reconvened = r.live.scheduleReconvened({
      conferenceId: id,
      date: '2026-01-09',
      time: '10:00',
      venue: 'Room 1',
    });
    expect(reconvened.children.map((c) => c.id)).toEqual([zoe.id, lukasz.id]);
    r.travelTo('2026-01-09T11:00:00Z');
    for (const a of Object.values(agencies)) r.live.setAttendance(reconvened.id, a.id, 'attended');
    tie(reconvened.id, zoe.id);
    const live = r.live.recordDecision({ conferenceId: reconvened.id, childId: zoe.id, category: 'NEG' });
    expect(child(live, zoe.id).recorded).toMatchObject({
      result: 'equally-divided',
      decision: 'plan',
      escalation: 'principal-officer-review',
    });
    // The Principal Officer review can start an escalation in one step, carrying the child, the conference and the follow-up.
    const draft = r.escalations.draftFromConference(reconvened.id, zoe.id, null);
    expect(draft).toMatchObject({ conferenceId: reconvened.id, childId: zoe.id, natures: ['conference-decision'] });
    expect(draft.followUpId).toEqual(expect.any(Number));
    expect(r.live.due(20).find((d) => d.kind === 'principal-officer-review')).toMatchObject({
      due: '2026-01-23',
      label: 'Principal Officer review',
    });
  });

  it('a reconvened review decides in a review’s words: the plan continues', () => {
    const r = tempRegister();
    r.travelTo('2026-03-02T11:00:00Z');
    const { conference, zoe, agencies } = setUp(r, '2026-03-02');
    const review = r.conferences.create({
      type: 'review',
      date: '2026-03-02',
      time: '14:00',
      venue: 'Room 1',
      chairName: 'Test Chair',
      family: { id: conference.familyId },
      childIds: [zoe.id],
    });
    for (const a of Object.values(agencies)) {
      r.live.invite({ conferenceId: review.id, agencyId: a.id, representativeName: null, representativeRole: null });
      r.live.setAttendance(review.id, a.id, 'attended');
    }
    const views = (confId: number, plan: number) =>
      Object.values(agencies).forEach((a, i) =>
        r.live.setView({
          conferenceId: confId,
          childId: zoe.id,
          agencyId: a.id,
          view: i < plan ? 'plan' : 'no-plan',
          reasons: 'Reasons',
        }),
      );
    views(review.id, 2);
    r.live.recordDecision({ conferenceId: review.id, childId: zoe.id, category: null });
    const reconvened = r.live.scheduleReconvened({
      conferenceId: review.id,
      date: '2026-03-16',
      time: '10:00',
      venue: 'Room 1',
    });
    expect(r.live.get(reconvened.id).conference.decidesAs).toBe('review');
    r.travelTo('2026-03-16T11:00:00Z');
    for (const a of Object.values(agencies)) r.live.setAttendance(reconvened.id, a.id, 'attended');
    views(reconvened.id, 3);
    const live = r.live.recordDecision({ conferenceId: reconvened.id, childId: zoe.id, category: 'NEG' });
    expect(child(live, zoe.id).recorded).toMatchObject({ decision: 'plan-continues', category: 'NEG' });
  });

  it('refuses to decide while inquorate unless the chair records why it goes ahead; or re-dates it', () => {
    const r = tempRegister();
    const { conference, zoe, agencies } = setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    r.live.setAttendance(conference.id, agencies.csc.id, 'attended');
    r.live.setAttendance(conference.id, agencies.health.id, 'attended');
    r.live.setView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.csc.id,
      view: 'plan',
      reasons: '',
    });
    expect(
      refusal(() => r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'NEG' })).issues[0]
        ?.path,
    ).toBe('quoracy');
    r.live.setInquorateReason(conference.id, 'Delay would place the children at risk');
    r.live.setNoView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.health.id,
      reason: 'The health visitor has not met Zoë',
    });
    expect(
      r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'NEG' }).conference
        .inquorateReason,
    ).toBe('Delay would place the children at risk');
  });

  it('re-dating clears attendance and keeps invitations', () => {
    const r = tempRegister();
    const { conference, agencies } = setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    r.live.setAttendance(conference.id, agencies.csc.id, 'attended');
    const live = r.live.redate(conference.id, '2026-03-16', '11:00');
    expect(live.conference).toMatchObject({ date: '2026-03-16', time: '11:00' });
    expect(live.invitations.every((i) => i.attendance === null)).toBe(true);
    expect(live.reportDue).toBe('2026-03-12');
  });

  it('takes views only from agencies that attended, and keeps views safe from attendance changes', () => {
    const r = tempRegister();
    const { conference, zoe, agencies } = setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    expect(
      refusal(() =>
        r.live.setView({
          conferenceId: conference.id,
          childId: zoe.id,
          agencyId: agencies.police.id,
          view: 'plan',
          reasons: '',
        }),
      ).message,
    ).toBe('Police is not marked as attending, so gives no view');
    r.live.setAttendance(conference.id, agencies.police.id, 'attended');
    r.live.setView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.police.id,
      view: 'plan',
      reasons: '',
    });
    expect(refusal(() => r.live.setAttendance(conference.id, agencies.police.id, 'did-not-attend')).message).toMatch(
      /withdraw its views first/,
    );
    expect(refusal(() => r.live.uninvite(conference.id, agencies.police.id)).message).toMatch(/withdraw them/);
  });

  it('under the “chair decides” rule, records the chair’s decision and the dissent', () => {
    const r = tempRegister();
    r.settings.update({ outcomeRule: 'chair' });
    const { conference, zoe, agencies } = setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    for (const a of Object.values(agencies)) r.live.setAttendance(conference.id, a.id, 'attended');
    for (const a of [agencies.csc, agencies.health, agencies.school]) {
      r.live.setView({ conferenceId: conference.id, childId: zoe.id, agencyId: a.id, view: 'plan', reasons: '' });
    }
    r.live.setView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.police.id,
      view: 'no-plan',
      reasons: '',
    });
    expect(child(r.live.get(conference.id), zoe.id).preview).toBeNull();
    expect(
      refusal(() => r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'PHY' })).issues[0]
        ?.path,
    ).toBe('chairDecision');
    expect(
      refusal(() =>
        r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'PHY', chairDecision: 'plan' }),
      ).message,
    ).toBe('Record the concerns and reasons of the minority view: Police');
  });

  it('lists conferences in the coming weeks with reports outstanding', () => {
    const r = tempRegister();
    r.travelTo('2026-03-02T09:00:00Z');
    const { conference, agencies } = setUp(r, '2026-03-09');
    r.live.setReport(conference.id, agencies.health.id, 'received', '2026-03-02');
    expect(r.live.reportsOutstanding(4)).toEqual([
      {
        conferenceId: conference.id,
        type: 'initial',
        date: '2026-03-09',
        time: '10:00',
        familyName: 'Family Alpha',
        reportDue: '2026-03-05',
        agencies: ['Children’s Social Care', 'Police', 'Primary School'],
      },
    ]);
  });
});
