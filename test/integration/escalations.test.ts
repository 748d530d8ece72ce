import { describe, expect, it } from 'vitest';
import {
  stageResponseInputSchema,
  escalateInputSchema,
  closeEscalationInputSchema,
  actionInputSchema,
  openEscalationInputSchema,
  type OpenEscalationInput,
} from '../../shared/schemas/escalation';
import { ServiceError } from '../../electron/main/register/services/errors';
import { caller } from './call';
import { tableCounts, tempRegister } from './helpers';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { protocolSchema } from '../../shared/escalation-protocols';
import { agencyInputSchema } from '../../shared/schemas/agency';

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

async function setUp(r: R) {
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const base: OpenEscalationInput = {
    subjectName: 'Zoë Alpha',
    subjectDateOfBirth: '2018-04-01',
    initiatingAgencyId: school.id,
    challengedAgencyId: csc.id,
    natures: ['referral-decision', 'information-sharing'],
    details: 'Referral not accepted despite disclosures',
    outcomeSought: 'Strategy discussion',
    openedOn: '2025-12-19',
    escalatedBy: { name: 'Synthetic DSL', title: 'Designated Safeguarding Lead', agency: 'Primary School' },
  };
  return { school, csc, base };
}

const person = (name: string) => ({ name, title: 'Manager', agency: 'Agency' });

describe('professional disagreement escalations', () => {
  it('ships the four protocols, Kirklees chosen by default', async () => {
    const r = await tempRegister();
    const protocols = await r.escalations.protocols();
    expect(protocols.map((p) => `${p.key} v${p.version}${p.chosen ? ' (chosen)' : ''}`)).toEqual([
      'croydon v1',
      'generic-four-stage v1',
      'kirklees v1 (chosen)',
      'north-lincolnshire v1',
    ]);
  });

  it('moves through the six Kirklees stages, each with its own 5-working-day clock; the debrief follows resolution', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T10:00:00Z') });
    const { base } = await setUp(r);
    let e = await r.escalations.open(openEscalationInputSchema.parse(base));
    expect(e.protocol.key).toBe('kirklees');
    expect(e.stages).toHaveLength(1);
    expect(e.stages[0]).toMatchObject({
      number: 1,
      name: 'Practitioner discussion',
      dueOn: '2025-12-30',
      clock: { workingDaysLeft: 5 },
    });
    const dues: string[] = [e.stages[0]?.dueOn ?? ''];
    let on = '2025-12-19';
    for (let stage = 2; stage <= 6; stage += 1) {
      e = await r.escalations.respond(
        stageResponseInputSchema.parse({
          escalationId: e.id,
          number: stage - 1,
          responseFrom: person('Responder'),
          responseOn: on,
          summary: 'Not agreed',
          resolved: false,
        }),
      );
      on = e.stages[stage - 2]?.dueOn ?? on; // escalate on the day the stage falls due
      r.travelTo(on);
      e = await r.escalations.escalate(
        escalateInputSchema.parse({
          escalationId: e.id,
          on,
          escalatedBy: person('Escalator'),
          escalatedTo: person(`Stage ${stage} lead`),
        }),
      );
      const current = e.stages[stage - 1];
      expect(current?.number).toBe(stage);
      expect(e.stages[stage - 2]?.closedOn).toBe(on);
      dues.push(current?.dueOn ?? '');
    }
    expect(dues).toEqual(['2025-12-30', '2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28', '2026-02-04']);
    expect(e.stages.filter((s) => s.formalRecord).map((s) => s.number)).toEqual([5, 6]);
    // Stage 7, the restorative debrief, is not reached by escalating an unresolved stage 6.
    r.travelTo('2026-02-04');
    expect(
      (
        await refusal(async () =>
          r.escalations.escalate(
            escalateInputSchema.parse({
              escalationId: e.id,
              on: '2026-02-04',
              escalatedBy: person('A'),
              escalatedTo: person('B'),
            }),
          ),
        )
      ).message,
    ).toMatch(/last stage: close the escalation instead \(stage 7, Restorative debrief, follows resolution\)/);
    expect(e.next).toEqual({ respond: true, escalate: false, close: true, debrief: false, reviewMeeting: false });
    e = await r.escalations.close(
      closeEscalationInputSchema.parse({
        escalationId: e.id,
        on: '2026-02-04',
        resolved: true,
        learning: 'Share referral outcomes in writing',
        restorativeDebrief: 'Held 2026-02-04',
      }),
    );
    expect(e).toMatchObject({
      status: 'resolved',
      closedOn: '2026-02-04',
      debriefOn: '2026-02-04',
      learning: 'Share referral outcomes in writing',
      resolutionStage: { number: 7, name: 'Restorative debrief' },
    });
    expect(await r.escalations.list({ overdueOnly: false })).toEqual([]);
  });

  it('moves through Croydon’s five stages at 7 working days, over Christmas', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T10:00:00Z') });
    const { base } = await setUp(r);
    await r.escalations.choose('croydon');
    let e = await r.escalations.open(openEscalationInputSchema.parse(base));
    expect(e.protocol).toMatchObject({ key: 'croydon', initialsOnly: true });
    const dues = [e.stages[0]?.dueOn];
    for (let stage = 2; stage <= 5; stage += 1) {
      const on = e.stages[stage - 2]?.dueOn ?? '';
      r.travelTo(on);
      e = await r.escalations.escalate(
        escalateInputSchema.parse({
          escalationId: e.id,
          on,
          escalatedBy: person('Escalator'),
          escalatedTo: person('Next'),
        }),
      );
      dues.push(e.stages[stage - 1]?.dueOn);
    }
    expect(dues).toEqual(['2026-01-02', '2026-01-13', '2026-01-22', '2026-02-02', '2026-02-11']);
    expect(e.stages.filter((s) => s.formalRecord).map((s) => s.number)).toEqual([3, 4, 5]);
  });

  it('an escalation keeps the protocol version it started under', async () => {
    const r = await tempRegister();
    const { base } = await setUp(r);
    const copy = {
      ...(await r.escalations.protocols()).find((p) => p.key === 'kirklees')?.definition,
      key: 'our-area',
      name: 'Our area',
    };
    expect(await r.escalations.save(protocolSchema.parse(copy))).toMatchObject({ key: 'our-area', version: 1 });
    await r.escalations.choose('our-area');
    const started = await r.escalations.open(openEscalationInputSchema.parse(base));
    const adjusted = {
      ...copy,
      stages: copy.stages?.map((s) => ({ ...s, limitWorkingDays: s.followsResolution ? null : 3 })),
    };
    expect(await r.escalations.save(protocolSchema.parse(adjusted))).toMatchObject({ key: 'our-area', version: 2 });
    expect((await r.escalations.get(started.id)).protocol).toMatchObject({ key: 'our-area', version: 1 });
    expect((await r.escalations.open(openEscalationInputSchema.parse(base))).protocol).toMatchObject({
      key: 'our-area',
      version: 2,
    });
  });

  it('refuses bad protocols and bad dates by field, saving nothing', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { base } = await setUp(r);
    const kirklees = (await r.escalations.protocols()).find((p) => p.key === 'kirklees')?.definition;
    const before = await tableCounts(r);
    // The contract's schema refuses a malformed protocol at the dispatch, before the service.
    const call = caller(r);
    expect(
      (await call.refused('protocols.save', { protocol: { ...kirklees, key: 'x-area', stages: [] } })).issues,
    ).toEqual([{ path: 'protocol.stages', message: 'A protocol needs at least one stage' }]);
    expect(
      (
        await call.refused('protocols.save', {
          protocol: {
            ...kirklees,
            key: 'x-area',
            stages: kirklees?.stages.map((s) => ({ ...s, limitWorkingDays: s.followsResolution ? null : 0 })),
          },
        })
      ).issues[0],
    ).toEqual({
      path: 'protocol.stages.0.limitWorkingDays',
      message: 'The limit must be at least 1 working day',
    });
    expect((await refusal(async () => r.escalations.save(protocolSchema.parse(kirklees)))).issues[0]?.path).toBe('key');
    expect(await tableCounts(r)).toEqual(before);

    const e = await r.escalations.open(openEscalationInputSchema.parse({ ...base, openedOn: '2026-03-02' }));
    const after = await tableCounts(r);
    expect(
      (
        await refusal(async () =>
          r.escalations.escalate(
            escalateInputSchema.parse({
              escalationId: e.id,
              on: '2026-03-01',
              escalatedBy: person('A'),
              escalatedTo: person('B'),
            }),
          ),
        )
      ).issues,
    ).toEqual([{ path: 'on', message: 'A stage cannot close before it opened (2026-03-02)' }]);
    expect(
      (
        await refusal(async () =>
          r.escalations.addAction(
            actionInputSchema.parse({
              escalationId: e.id,
              action: 'Review',
              byWhom: 'CSC',
              agreedOn: '2026-03-02',
              completeBy: '2026-03-01',
            }),
          ),
        )
      ).issues,
    ).toEqual([{ path: 'completeBy', message: 'A completion date cannot precede the action' }]);
    expect((await call.refused('escalations.open', { ...base, natures: ['other'] })).issues[0]?.path).toBe(
      'natureOther',
    );
    expect(
      (await call.refused('escalations.open', { ...base, challengedAgencyId: base.initiatingAgencyId })).issues[0]
        ?.path,
    ).toBe('challengedAgencyId');
    expect(await tableCounts(r)).toEqual(after);
  });

  it('records actions and their completion', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-29T10:00:00Z') });
    const { base } = await setUp(r);
    let e = await r.escalations.open(openEscalationInputSchema.parse(base));
    e = await r.escalations.addAction(
      actionInputSchema.parse({
        escalationId: e.id,
        action: 'Convene strategy discussion',
        byWhom: 'CSC team manager',
        agreedOn: '2025-12-22',
        completeBy: '2025-12-24',
      }),
    );
    const actionId = e.actions[0]?.id ?? 0;
    expect((await refusal(async () => r.escalations.completeAction(actionId, '2025-12-21'))).issues[0]?.path).toBe(
      'on',
    );
    e = await r.escalations.completeAction(actionId, '2025-12-23');
    expect(e.actions[0]).toMatchObject({ completedOn: '2025-12-23' });
  });

  it('puts an immediate-risk escalation at the top, due the same working day; overdue ones next', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-10T10:00:00Z') });
    const { base } = await setUp(r);
    const later = await r.escalations.open(
      openEscalationInputSchema.parse({ ...base, subjectName: 'Due later', openedOn: '2026-03-09' }),
    );
    const overdue = await r.escalations.open(
      openEscalationInputSchema.parse({ ...base, subjectName: 'Overdue', openedOn: '2026-02-20' }),
    );
    const urgent = await r.escalations.open(
      openEscalationInputSchema.parse({
        ...base,
        subjectName: 'At risk',
        openedOn: '2026-03-10',
        immediateRisk: true,
      }),
    );
    expect(urgent.stages[0]?.dueOn).toBe('2026-03-10');
    expect(urgent.stages[0]?.clock).toMatchObject({ dueToday: true, workingDaysLeft: 0 });
    const list = await r.escalations.list({ overdueOnly: false });
    expect(list.map((x) => x.subjectName)).toEqual(['At risk', 'Overdue', 'Due later']);
    expect(list[1]).toMatchObject({ overdue: true, dueOn: '2026-02-27', workingDaysLeft: -7 });
    expect((await r.escalations.list({ overdueOnly: true })).map((x) => x.id)).toEqual([overdue.id]);
    expect(await r.escalations.list({ overdueOnly: false, stage: 2 })).toEqual([]);
    expect(await r.escalations.list({ overdueOnly: false, nature: 'referral-decision' })).toHaveLength(3);
    expect(await r.escalations.list({ overdueOnly: false, protocolKey: 'croydon' })).toEqual([]);
    expect(later.stages[0]?.dueOn).toBe('2026-03-16');
  });

  it('starts from a minority view at a conference, carrying the child and the conference', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T10:00:00Z') });
    const { school, csc } = await setUp(r);
    const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Police', type: 'police' }));
    const conference = await r.conferences.create(
      conferenceInputSchema.parse({
        type: 'initial',
        date: '2026-03-02',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Chair',
        family: { name: 'Family Alpha' },
        newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
      }),
    );
    const childId = conference.children[0]?.id ?? 0;
    for (const a of [csc, school, police]) {
      await r.live.invite({
        conferenceId: conference.id,
        agencyId: a.id,
        representativeName: null,
        representativeRole: null,
      });
      await r.live.setAttendance(conference.id, a.id, 'attended');
    }
    await r.live.setView({ conferenceId: conference.id, childId, agencyId: csc.id, view: 'no-plan', reasons: '' });
    await r.live.setView({ conferenceId: conference.id, childId, agencyId: police.id, view: 'no-plan', reasons: '' });
    await r.live.setView({
      conferenceId: conference.id,
      childId,
      agencyId: school.id,
      view: 'plan',
      reasons: 'Repeated unexplained bruising',
    });
    await r.live.recordDecision({ conferenceId: conference.id, childId, category: null });
    const draft = await r.escalations.draftFromConference(conference.id, childId, school.id);
    expect(draft).toMatchObject({
      conferenceId: conference.id,
      childId,
      subjectName: 'Zoë Alpha',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['conference-decision'],
      details: 'Repeated unexplained bruising',
    });
    const e = await r.escalations.open(
      openEscalationInputSchema.parse({
        ...draft,
        subjectName: draft.subjectName ?? '',
        initiatingAgencyId: school.id,
        challengedAgencyId: csc.id,
        natures: ['conference-decision'],
        details: draft.details ?? '',
        outcomeSought: 'Reconsider the decision',
        openedOn: '2026-03-02',
        escalatedBy: { name: 'Synthetic DSL', title: null, agency: 'Primary School' },
      }),
    );
    expect(e).toMatchObject({ conferenceId: conference.id, childId, familyId: conference.familyId });
  });
});
