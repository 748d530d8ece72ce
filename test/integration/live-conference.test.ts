import { mapAsync } from '../../shared/async';
import { describe, expect, it } from 'vitest';
import type { LiveConference } from '../../shared/schemas/live-conference';
import { ServiceError } from '../../electron/main/register/services/errors';
import { tableCounts, tempRegister } from './helpers';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { dueListInputSchema } from '../../shared/schemas/live-conference';

type R = Awaited<ReturnType<typeof tempRegister>>;

async function refusal(fn: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** An initial conference on Friday 19 December 2025 for two siblings, four agencies attending. */
async function setUp(r: R, date = '2025-12-19') {
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const health = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' }),
  );
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Police', type: 'police' }));
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
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
    }),
  );
  const [zoe, lukasz] = conference.children;
  if (!zoe || !lukasz) throw new Error('children missing');
  const agencies = { csc, health, police, school };
  for (const a of Object.values(agencies)) {
    await r.live.invite({
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
  it('computes the report due date and quoracy live as attendance is recorded', async () => {
    const r = await tempRegister();
    const { conference, agencies } = await setUp(r, '2026-03-09');
    let live = await r.live.get(conference.id);
    expect(live.reportDue).toBe('2026-03-05');
    expect(live.quoracy.quorate).toBe(false);
    r.travelTo('2026-03-09');
    live = await r.live.setAttendance(conference.id, agencies.csc.id, 'attended');
    live = await r.live.setAttendance(conference.id, agencies.health.id, 'attended');
    expect(live.quoracy).toMatchObject({
      quorate: false,
      shortfall: '1 more agency (other than children’s social care) must attend.',
    });
    live = await r.live.setAttendance(conference.id, agencies.police.id, 'attended');
    expect(live.quoracy).toMatchObject({ quorate: true, counted: ['Health (Health Visiting)', 'Police'] });
  });

  it('records reports on time or late against the due date', async () => {
    const r = await tempRegister();
    r.travelTo('2026-03-09T09:00:00Z');
    const { conference, agencies } = await setUp(r, '2026-03-09');
    let live = await r.live.setReport(conference.id, agencies.health.id, 'received', '2026-03-05');
    live = await r.live.setReport(conference.id, agencies.police.id, 'received', '2026-03-06');
    live = await r.live.setReport(conference.id, agencies.school.id, 'not-received', null);
    const byName = new Map(live.invitations.map((i) => [i.agencyName, i]));
    expect(byName.get('Health Visiting')?.reportTimeliness).toBe('on-time');
    expect(byName.get('Police')?.reportTimeliness).toBe('late');
    expect(byName.get('Primary School')).toMatchObject({ report: 'not-received', reportTimeliness: null });
    expect(
      (await refusal(async () => r.live.setReport(conference.id, agencies.csc.id, 'received', null))).issues[0]?.path,
    ).toBe('receivedOn');
    expect(
      (await refusal(async () => r.live.setReport(conference.id, agencies.csc.id, 'received', '2026-03-10'))).message,
    ).toMatch(/today or in the past/);
  });

  it('runs the whole scenario: 3-1 with minority reasons, 2-2 adjourned, reconvened to a majority', async () => {
    const r = await tempRegister();
    r.travelTo('2025-12-19T11:00:00Z');
    const { conference, zoe, lukasz, agencies } = await setUp(r);
    const id = conference.id;
    for (const a of Object.values(agencies)) await r.live.setAttendance(id, a.id, 'attended');

    // Zoë: 3-1 for a plan; the school is the minority
    await r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.csc.id,
      view: 'plan',
      reasons: 'Neglect evidenced',
    });
    await r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.health.id,
      view: 'plan',
      reasons: '',
    });
    await r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.police.id,
      view: 'plan',
      reasons: '',
    });
    let live = await r.live.setView({
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
    const before = await tableCounts(r);
    expect(
      (await refusal(async () => r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'NEG' })))
        .message,
    ).toBe('Record the concerns and reasons of the minority view: Primary School');
    expect(await tableCounts(r)).toEqual(before);
    await r.live.setView({
      conferenceId: id,
      childId: zoe.id,
      agencyId: agencies.school.id,
      view: 'no-plan',
      reasons: 'Attendance has improved',
    });
    expect(
      (await refusal(async () => r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: null })))
        .issues[0]?.path,
    ).toBe('category');
    expect(
      (await refusal(async () => r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'MUL' })))
        .message,
    ).toMatch(/not used in this partnership/);
    live = await r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'NEG' });
    expect(child(live, zoe.id).recorded).toMatchObject({ result: 'majority', decision: 'plan', category: 'NEG' });
    expect(live.conference.status).toBe('scheduled');

    // Łukasz: copy Zoë's views, then make it 2-2
    live = await r.live.copyViews(id, zoe.id, lukasz.id);
    expect(child(live, lukasz.id).views).toHaveLength(4);
    await r.live.setView({
      conferenceId: id,
      childId: lukasz.id,
      agencyId: agencies.police.id,
      view: 'no-plan',
      reasons: 'No evidence of harm to him',
    });
    live = await r.live.get(id);
    expect(child(live, lukasz.id).preview).toMatchObject({
      result: 'equally-divided',
      decision: 'adjourned',
      interimPlan: true,
      reconveneBy: '2026-01-14',
    });
    live = await r.live.recordDecision({ conferenceId: id, childId: lukasz.id, category: null });
    expect(child(live, lukasz.id).recorded).toMatchObject({
      decision: 'adjourned',
      interimPlan: true,
      reconveneBy: '2026-01-14',
    });
    expect(live.conference.status).toBe('adjourned');
    expect(
      (
        await refusal(async () =>
          r.live.setView({ conferenceId: id, childId: lukasz.id, agencyId: agencies.csc.id, view: null, reasons: '' }),
        )
      ).code,
    ).toBe('conflict');

    // The adjournments screen and what falls due
    const [adjournment] = await r.live.adjournments();
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
    expect(
      (await r.live.due(dueListInputSchema.parse({ pageSize: 10 }))).items.map((d) =>
        `${d.kind} ${d.due} ${d.childName ?? ''}`.trim(),
      ),
    ).toEqual([
      'decision-letter 2025-12-22',
      'first-core-group 2026-01-07 Zoë Alpha',
      'first-core-group 2026-01-07 Łukasz Alpha',
      'minutes 2026-01-14',
      'reconvene 2026-01-14',
      'next-review 2026-03-19 Zoë Alpha',
    ]);

    // Reconvene: too late is refused; in time carries the child and the invitations
    expect(
      (
        await refusal(async () =>
          r.live.scheduleReconvened({ conferenceId: id, date: '2026-01-15', time: '10:00', venue: 'Room 1' }),
        )
      ).message,
    ).toMatch(/must be held by 2026-01-14/);
    const reconvened = await r.live.scheduleReconvened({
      conferenceId: id,
      date: '2026-01-12',
      time: '14:00',
      venue: 'Room 2',
    });
    expect(reconvened).toMatchObject({ type: 'reconvened', date: '2026-01-12', children: [{ id: lukasz.id }] });
    live = await r.live.get(reconvened.id);
    expect(live.conference.reconvenesId).toBe(id);
    expect(live.invitations.map((i) => i.representativeName)).toHaveLength(4);
    expect((await r.live.get(id)).conference.reconvenedById).toBe(reconvened.id);

    r.travelTo('2026-01-12T15:00:00Z');
    for (const a of Object.values(agencies)) await r.live.setAttendance(reconvened.id, a.id, 'attended');
    for (const a of [agencies.csc, agencies.health, agencies.school]) {
      await r.live.setView({
        conferenceId: reconvened.id,
        childId: lukasz.id,
        agencyId: a.id,
        view: 'plan',
        reasons: '',
      });
    }
    live = await r.live.setView({
      conferenceId: reconvened.id,
      childId: lukasz.id,
      agencyId: agencies.police.id,
      view: 'no-plan',
      reasons: 'Still disagree',
    });
    live = await r.live.recordDecision({ conferenceId: reconvened.id, childId: lukasz.id, category: 'EMO' });
    expect(child(live, lukasz.id).recorded).toMatchObject({ result: 'majority', decision: 'plan', category: 'EMO' });
    expect(child(live, lukasz.id).initialCategory).toBe('EMO');
    expect(live.conference.status).toBe('concluded');
    // the adjourned conference's reconvene task is done
    expect(
      (await r.live.due(dueListInputSchema.parse({ pageSize: 20 }))).items.some((d) => d.kind === 'reconvene'),
    ).toBe(false);
  });

  it('a reconvened conference still divided keeps the plan and opens a Principal Officer review', async () => {
    const r = await tempRegister();
    r.travelTo('2025-12-19T11:00:00Z');
    const { conference, zoe, lukasz, agencies } = await setUp(r);
    const id = conference.id;
    for (const a of Object.values(agencies)) await r.live.setAttendance(id, a.id, 'attended');
    const tie = async (confId: number, childId: number) => {
      await r.live.setView({ conferenceId: confId, childId, agencyId: agencies.csc.id, view: 'plan', reasons: '' });
      await r.live.setView({ conferenceId: confId, childId, agencyId: agencies.health.id, view: 'plan', reasons: '' });
      await r.live.setView({
        conferenceId: confId,
        childId,
        agencyId: agencies.police.id,
        view: 'no-plan',
        reasons: 'Police reasons',
      });
      await r.live.setView({
        conferenceId: confId,
        childId,
        agencyId: agencies.school.id,
        view: 'no-plan',
        reasons: 'School reasons',
      });
    };
    await tie(id, zoe.id);
    await tie(id, lukasz.id);
    await r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: null });
    await r.live.recordDecision({ conferenceId: id, childId: lukasz.id, category: null });
    const reconvened = await r.live.scheduleReconvened({
      conferenceId: id,
      date: '2026-01-09',
      time: '10:00',
      venue: 'Room 1',
    });
    expect(reconvened.children.map((c) => c.id)).toEqual([zoe.id, lukasz.id]);
    r.travelTo('2026-01-09T11:00:00Z');
    for (const a of Object.values(agencies)) await r.live.setAttendance(reconvened.id, a.id, 'attended');
    await tie(reconvened.id, zoe.id);
    const live = await r.live.recordDecision({ conferenceId: reconvened.id, childId: zoe.id, category: 'NEG' });
    expect(child(live, zoe.id).recorded).toMatchObject({
      result: 'equally-divided',
      decision: 'plan',
      escalation: 'principal-officer-review',
    });
    // The Principal Officer review can start an escalation in one step, carrying the child, the conference and the follow-up.
    const draft = await r.escalations.draftFromConference(reconvened.id, zoe.id, null);
    expect(draft).toMatchObject({ conferenceId: reconvened.id, childId: zoe.id, natures: ['conference-decision'] });
    expect(draft.followUpId).toEqual(expect.any(Number));
    expect(
      (await r.live.due(dueListInputSchema.parse({ pageSize: 20 }))).items.find(
        (d) => d.kind === 'principal-officer-review',
      ),
    ).toMatchObject({
      due: '2026-01-23',
      label: 'Principal Officer review',
    });
  });

  it('a reconvened review decides in a review’s words: the plan continues', async () => {
    const r = await tempRegister();
    r.travelTo('2026-03-02T11:00:00Z');
    const { conference, zoe, agencies } = await setUp(r, '2026-03-02');
    const review = await r.conferences.create(
      conferenceInputSchema.parse({
        type: 'review',
        date: '2026-03-02',
        time: '14:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        family: { id: conference.familyId },
        childIds: [zoe.id],
      }),
    );
    for (const a of Object.values(agencies)) {
      await r.live.invite({
        conferenceId: review.id,
        agencyId: a.id,
        representativeName: null,
        representativeRole: null,
      });
      await r.live.setAttendance(review.id, a.id, 'attended');
    }
    const views = async (confId: number, plan: number) =>
      mapAsync(Object.values(agencies), async (a, i) =>
        r.live.setView({
          conferenceId: confId,
          childId: zoe.id,
          agencyId: a.id,
          view: i < plan ? 'plan' : 'no-plan',
          reasons: 'Reasons',
        }),
      );
    await views(review.id, 2);
    await r.live.recordDecision({ conferenceId: review.id, childId: zoe.id, category: null });
    const reconvened = await r.live.scheduleReconvened({
      conferenceId: review.id,
      date: '2026-03-16',
      time: '10:00',
      venue: 'Room 1',
    });
    expect((await r.live.get(reconvened.id)).conference.decidesAs).toBe('review');
    r.travelTo('2026-03-16T11:00:00Z');
    for (const a of Object.values(agencies)) await r.live.setAttendance(reconvened.id, a.id, 'attended');
    await views(reconvened.id, 3);
    const live = await r.live.recordDecision({ conferenceId: reconvened.id, childId: zoe.id, category: 'NEG' });
    expect(child(live, zoe.id).recorded).toMatchObject({ decision: 'plan-continues', category: 'NEG' });
  });

  it('refuses to decide while inquorate unless the chair records why it goes ahead; or re-dates it', async () => {
    const r = await tempRegister();
    const { conference, zoe, agencies } = await setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    await r.live.setAttendance(conference.id, agencies.csc.id, 'attended');
    await r.live.setAttendance(conference.id, agencies.health.id, 'attended');
    await r.live.setView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.csc.id,
      view: 'plan',
      reasons: '',
    });
    expect(
      (
        await refusal(async () =>
          r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'NEG' }),
        )
      ).issues[0]?.path,
    ).toBe('quoracy');
    await r.live.setInquorateReason(conference.id, 'Delay would place the children at risk');
    await r.live.setNoView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.health.id,
      reason: 'The health visitor has not met Zoë',
    });
    expect(
      (await r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'NEG' })).conference
        .inquorateReason,
    ).toBe('Delay would place the children at risk');
  });

  it('re-dating clears attendance and keeps invitations', async () => {
    const r = await tempRegister();
    const { conference, agencies } = await setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    await r.live.setAttendance(conference.id, agencies.csc.id, 'attended');
    const live = await r.live.redate(conference.id, '2026-03-16', '11:00');
    expect(live.conference).toMatchObject({ date: '2026-03-16', time: '11:00' });
    expect(live.invitations.every((i) => i.attendance === null)).toBe(true);
    expect(live.reportDue).toBe('2026-03-12');
  });

  it('takes views only from agencies that attended, and keeps views safe from attendance changes', async () => {
    const r = await tempRegister();
    const { conference, zoe, agencies } = await setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    expect(
      (
        await refusal(async () =>
          r.live.setView({
            conferenceId: conference.id,
            childId: zoe.id,
            agencyId: agencies.police.id,
            view: 'plan',
            reasons: '',
          }),
        )
      ).message,
    ).toBe('Police is not marked as attending, so gives no view');
    await r.live.setAttendance(conference.id, agencies.police.id, 'attended');
    await r.live.setView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.police.id,
      view: 'plan',
      reasons: '',
    });
    expect(
      (await refusal(async () => r.live.setAttendance(conference.id, agencies.police.id, 'did-not-attend'))).message,
    ).toMatch(/withdraw its views first/);
    expect((await refusal(async () => r.live.uninvite(conference.id, agencies.police.id))).message).toMatch(
      /withdraw them/,
    );
  });

  it('under the “chair decides” rule, records the chair’s decision and the dissent', async () => {
    const r = await tempRegister();
    await r.settings.update({ outcomeRule: 'chair' });
    const { conference, zoe, agencies } = await setUp(r, '2026-03-09');
    r.travelTo('2026-03-09');
    for (const a of Object.values(agencies)) await r.live.setAttendance(conference.id, a.id, 'attended');
    for (const a of [agencies.csc, agencies.health, agencies.school]) {
      await r.live.setView({ conferenceId: conference.id, childId: zoe.id, agencyId: a.id, view: 'plan', reasons: '' });
    }
    await r.live.setView({
      conferenceId: conference.id,
      childId: zoe.id,
      agencyId: agencies.police.id,
      view: 'no-plan',
      reasons: '',
    });
    expect(child(await r.live.get(conference.id), zoe.id).preview).toBeNull();
    expect(
      (
        await refusal(async () =>
          r.live.recordDecision({ conferenceId: conference.id, childId: zoe.id, category: 'PHY' }),
        )
      ).issues[0]?.path,
    ).toBe('chairDecision');
    expect(
      (
        await refusal(async () =>
          r.live.recordDecision({
            conferenceId: conference.id,
            childId: zoe.id,
            category: 'PHY',
            chairDecision: 'plan',
          }),
        )
      ).message,
    ).toBe('Record the concerns and reasons of the minority view: Police');
  });

  it('lists conferences in the coming weeks with reports outstanding', async () => {
    const r = await tempRegister();
    r.travelTo('2026-03-02T09:00:00Z');
    const { conference, agencies } = await setUp(r, '2026-03-09');
    await r.live.setReport(conference.id, agencies.health.id, 'received', '2026-03-02');
    expect(await r.live.reportsOutstanding(4)).toEqual([
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
