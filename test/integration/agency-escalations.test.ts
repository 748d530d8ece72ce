import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/main/register/services/errors';
import { tableCounts, tempRegister } from './helpers';
import { conferenceInputSchema } from '../../shared/schemas/conference';
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

async function conferenceWithAgencies(r: R, date: string, familyName = 'Family Alpha') {
  const named = async (name: string) => (await r.agencies.list(name, true)).find((a) => a.name === name);
  const csc =
    (await named('Children’s Social Care')) ??
    (await r.agencies.create(
      agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
    ));
  const police =
    (await named('Police')) ??
    (await r.agencies.create(
      agencyInputSchema.parse({
        name: 'Police',
        type: 'police',
        leadName: 'Synthetic Lead',
        leadEmail: 'lead@example.org',
      }),
    ));
  const school =
    (await named('Primary School')) ??
    (await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' })));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date,
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Chair One',
      family: { name: familyName },
      newChildren: [{ givenName: 'A', familyName, dateOfBirth: '2019-01-01' }],
    }),
  );
  await r.live.invite({
    conferenceId: conference.id,
    agencyId: csc.id,
    representativeName: 'Rep CSC',
    representativeRole: 'Social worker',
  });
  await r.live.invite({
    conferenceId: conference.id,
    agencyId: police.id,
    representativeName: 'PC Synthetic',
    representativeRole: 'Officer',
  });
  await r.live.invite({
    conferenceId: conference.id,
    agencyId: school.id,
    representativeName: 'Rep School',
    representativeRole: 'DSL',
  });
  return { conference, csc, police, school };
}

describe('agency contribution escalations (Appendix 3)', () => {
  it('suggests what attendance and reports show, and raises each in one step with the Appendix 3 fields', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-20T10:00:00Z') });
    const { conference, police, school } = await conferenceWithAgencies(r, '2026-03-09');
    await r.live.setAttendance(conference.id, police.id, 'did-not-attend');
    await r.live.setReport(conference.id, police.id, 'not-received', null);
    await r.live.setReport(conference.id, school.id, 'received', '2026-03-06'); // due 2026-03-05: late
    const { suggestions } = await r.agencyEscalations.forConference(conference.id);
    expect(suggestions.map((s) => `${s.agencyName}: ${s.reason}`)).toEqual([
      'Primary School: late-report',
      'Police: did-not-attend',
      'Police: no-report',
    ]);
    const row = await r.agencyEscalations.raiseFromConference({
      conferenceId: conference.id,
      agencyId: police.id,
      reason: 'did-not-attend',
      reasonDetail: null,
    });
    expect(row).toMatchObject({
      meetingDate: '2026-03-09',
      familyIdentifier: 'Family Alpha',
      chairName: 'Chair One',
      agencyName: 'Police',
      representativeName: 'PC Synthetic',
      reason: 'did-not-attend',
      returnId: null,
    });
    expect((await r.agencyEscalations.forConference(conference.id)).suggestions).toHaveLength(2);
    // the same incident twice is refused, nothing written
    const before = await tableCounts(r);
    expect(
      (
        await refusal(async () =>
          r.agencyEscalations.raiseFromConference({
            conferenceId: conference.id,
            agencyId: police.id,
            reason: 'did-not-attend',
            reasonDetail: null,
          }),
        )
      ).code,
    ).toBe('conflict');
    expect(await tableCounts(r)).toEqual(before);
    expect(await r.repos.audit.forRecord('agency_escalation', row.id)).toHaveLength(1);
  });

  it('raises by hand for a meeting the register does not hold; "other" needs the issue stated', async () => {
    const r = await tempRegister();
    const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Police', type: 'police' }));
    const row = await r.agencyEscalations.raiseByHand({
      agencyId: police.id,
      meetingDate: '2026-02-02',
      familyIdentifier: 'B. family, 3 children',
      chairName: 'Chair Two',
      representativeName: null,
      reason: 'other',
      reasonDetail: 'Representative could not share police information',
    });
    expect(row).toMatchObject({
      conferenceId: null,
      reason: 'other',
      reasonDetail: 'Representative could not share police information',
    });
  });

  it('groups rows per agency for a period, with repeat non-attendance standing out, and marks the return sent', async () => {
    const r = await tempRegister({ now: () => new Date('2026-04-02T10:00:00Z') });
    for (const [date, family] of [
      ['2026-03-02', 'Family A'],
      ['2026-03-16', 'Family B'],
    ] as const) {
      const { conference, police } = await conferenceWithAgencies(r, date, family);
      await r.live.setAttendance(conference.id, police.id, 'did-not-attend');
      await r.agencyEscalations.raiseFromConference({
        conferenceId: conference.id,
        agencyId: police.id,
        reason: 'did-not-attend',
        reasonDetail: null,
      });
    }
    const { conference: april, school } = await conferenceWithAgencies(r, '2026-04-01', 'Family C');
    await r.agencyEscalations.raiseFromConference({
      conferenceId: april.id,
      agencyId: school.id,
      reason: 'late-report',
      reasonDetail: null,
    });

    const march = await r.agencyEscalations.summary('2026-03-01', '2026-03-31');
    expect(march).toHaveLength(1);
    expect(march[0]).toMatchObject({
      agencyName: 'Police',
      total: 2,
      notYetSent: 2,
      repeatNonAttendance: true,
      leadEmail: 'lead@example.org',
    });
    expect(march[0]?.counts['did-not-attend']).toBe(2);

    const policeId = march[0]?.agencyId ?? 0;
    const sent = await r.agencyEscalations.markSent({
      agencyId: policeId,
      from: '2026-03-01',
      to: '2026-03-31',
      sentOn: '2026-04-02',
      sentTo: 'Synthetic Lead',
    });
    expect(sent.attached).toBe(2);
    expect(sent.rows.every((row) => row.returnId === sent.returns[0]?.id)).toBe(true);
    expect((await r.agencyEscalations.summary('2026-03-01', '2026-03-31'))[0]?.notYetSent).toBe(0);
    expect(
      (
        await refusal(async () =>
          r.agencyEscalations.markSent({
            agencyId: policeId,
            from: '2026-03-01',
            to: '2026-03-31',
            sentOn: '2026-04-02',
            sentTo: 'x',
          }),
        )
      ).message,
    ).toBe('Every escalation in this period has already been sent');

    const returnId = sent.returns[0]?.id ?? 0;
    expect(
      (await refusal(async () => r.agencyEscalations.recordResponse(returnId, '2026-04-01', 'Too early'))).issues[0]
        ?.path,
    ).toBe('responseOn');
    expect(
      (await refusal(async () => r.agencyEscalations.recordResponse(returnId, '2026-04-10', 'Not yet'))).issues[0]
        ?.message,
    ).toBe('The date of the response cannot be in the future (today is 2 April 2026)');
    r.travelTo('2026-04-10');
    expect(
      await r.agencyEscalations.recordResponse(returnId, '2026-04-10', 'Attendance plan agreed with the team'),
    ).toMatchObject({
      responseOn: '2026-04-10',
      response: 'Attendance plan agreed with the team',
    });
  });
});
