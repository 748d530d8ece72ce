import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * Every count of the four reports against a register built by hand through the channels, where
 * each number can be worked out from the story below. The period is 1 December 2025 to 28
 * February 2026; the register's clock ends on 10 March 2026.
 */

const PERIOD = { from: '2025-12-01', to: '2026-02-28' };

async function world() {
  const r = await tempRegister();
  const a = caller(r);
  r.travelTo('2025-11-03');
  const agency = async (name: string, type: string) => (await a.ok('agencies.create', { name, type } as never)).id;
  const csc = await agency('Children’s Social Care', 'childrens-social-care');
  const health = await agency('Health Visiting', 'health');
  const police = await agency('Police', 'police');
  const school = await agency('Primary School', 'education');
  const housing = await agency('Zoë’s Housing Trust', 'housing');
  const four = [csc, health, police, school];
  const conference = async (type: 'initial' | 'review', date: string, family: string, children: string[]) => {
    const c = await a.ok('conferences.create', {
      type,
      date,
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Test Chair',
      family: { name: `Family ${family}` },
      newChildren: children.map((givenName) => ({ givenName, familyName: family, dateOfBirth: '2018-04-01' })),
    });
    return { id: c.id, children: c.children.map((x) => x.id) };
  };
  const attend = async (conferenceId: number, agencyId: number, attendance: string) =>
    a.ok('live.setAttendance', { conferenceId, agencyId, attendance } as never);
  const report = async (conferenceId: number, agencyId: number, state: string, receivedOn: string | null) =>
    a.ok('live.setReport', { conferenceId, agencyId, report: state, receivedOn } as never);
  const views = async (conferenceId: number, childId: number, plan: number[], noPlan: number[]) => {
    for (const agencyId of plan)
      await a.ok('live.setView', { conferenceId, childId, agencyId, view: 'plan', reasons: '' });
    for (const agencyId of noPlan)
      await a.ok('live.setView', { conferenceId, childId, agencyId, view: 'no-plan', reasons: 'Minority reasons' });
  };

  // 1. Initial conference on Friday 19 December 2025 for Zoë and Łukasz Alpha. Reports due
  //    Wednesday 17 December: social care's on time, health visiting's late, the others never sent.
  const first = await conference('initial', '2025-12-19', 'Alpha', ['Zoë', 'Łukasz']);
  const [zoe, lukasz] = first.children as [number, number];
  for (const id of four) await a.ok('live.invite', { conferenceId: first.id, agencyId: id });
  r.travelTo('2025-12-18');
  await report(first.id, csc, 'received', '2025-12-16');
  await report(first.id, health, 'received', '2025-12-18');
  r.travelTo('2025-12-19');
  for (const id of four) await attend(first.id, id, 'attended');
  await views(first.id, zoe, [csc, health, police], [school]); // 3-1: majority, plan (neglect)
  await a.ok('live.recordDecision', { conferenceId: first.id, childId: zoe, category: 'NEG' });
  await views(first.id, lukasz, [csc, health], [police, school]); // 2-2: equally divided, adjourned
  await a.ok('live.recordDecision', { conferenceId: first.id, childId: lukasz, category: null });

  // 2. Reconvened on Monday 12 January 2026 (the limit is 14 January): a majority, plan (emotional).
  const reconvened = await a.ok('conferences.scheduleReconvened', {
    conferenceId: first.id,
    date: '2026-01-12',
    time: '14:00',
    venue: 'Room 2',
  });
  r.travelTo('2026-01-12');
  for (const id of four) await attend(reconvened.id, id, 'attended');
  await views(reconvened.id, lukasz, [csc, health, school], [police]);
  await a.ok('live.recordDecision', { conferenceId: reconvened.id, childId: lukasz, category: 'EMO' });

  // 3. Review on Monday 9 February 2026 for Bea Beta (reports due Monday 2 February). Social care
  //    on time, police late, school awaited, health visiting not received and absent, the
  //    housing trust's apologies without a report. Unanimous: the plan continues (physical).
  r.travelTo('2026-01-20');
  const review = await conference('review', '2026-02-09', 'Beta', ['Bea']);
  for (const id of [...four, housing]) await a.ok('live.invite', { conferenceId: review.id, agencyId: id });
  r.travelTo('2026-02-09');
  await report(review.id, csc, 'received', '2026-01-30');
  await report(review.id, police, 'received', '2026-02-04');
  await report(review.id, health, 'not-received', null);
  await report(review.id, housing, 'not-received', null);
  for (const id of [csc, police, school]) await attend(review.id, id, 'attended');
  await attend(review.id, health, 'did-not-attend');
  await attend(review.id, housing, 'apologies-no-report');
  await views(review.id, review.children[0] ?? 0, [csc, police, school], []);
  await a.ok('live.recordDecision', { conferenceId: review.id, childId: review.children[0] ?? 0, category: 'PHY' });

  // 4. Not held: a conference cancelled, and one still scheduled (never recorded), both in the
  //    period; and one held after it.
  const cancelled = await conference('initial', '2026-02-16', 'Gamma', ['Gus']);
  await a.ok('live.invite', { conferenceId: cancelled.id, agencyId: csc });
  await a.ok('conferences.cancel', {
    id: cancelled.id,
    reason: 'Family moved away',
    version: (await a.ok('live.get', { id: cancelled.id })).conference.version,
  } as never);
  const unheld = await conference('initial', '2026-02-20', 'Delta', ['Dee']);
  await a.ok('live.invite', { conferenceId: unheld.id, agencyId: police });

  // Appendix 3 incidents: health visiting missed two conferences in the period (repeat
  // non-attendance); police's late report; a withdrawn one and one outside the period.
  const incident = async (agencyId: number, meetingDate: string, reason: string) =>
    a.ok('agencyEscalations.raiseByHand', {
      agencyId,
      meetingDate,
      familyIdentifier: 'Family Beta',
      chairName: 'Test Chair',
      reason,
    } as never);
  await incident(health, '2026-02-09', 'did-not-attend');
  await incident(health, '2025-12-10', 'did-not-attend');
  await incident(police, '2026-02-09', 'late-report');
  const mistaken = await incident(police, '2026-02-09', 'no-report');
  await a.ok('agencyEscalations.withdraw', { id: mistaken.id, reason: 'Raised by mistake' });
  await incident(school, '2025-11-20', 'no-report');

  // Professional escalations.
  const open = async (openedOn: string, from: number, to: number, natures: string[]) => {
    r.travelTo(openedOn);
    return (
      await a.ok('escalations.open', {
        subjectName: 'Synthetic Child',
        initiatingAgencyId: from,
        challengedAgencyId: to,
        natures,
        details: 'Synthetic details',
        outcomeSought: 'Synthetic outcome',
        openedOn,
        escalatedBy: { name: 'Synthetic Practitioner' },
      } as never)
    ).id;
  };
  const e3 = await open('2025-11-10', school, police, ['conference-decision']);
  r.travelTo('2025-12-05');
  await a.ok('escalations.close', { escalationId: e3, on: '2025-12-05', resolved: false, learning: null } as never);
  // E1: health visiting challenges social care, escalated to stage 2; never answered: overdue.
  const e1 = await open('2026-01-05', health, csc, ['referral-decision', 'information-sharing']);
  r.travelTo('2026-01-15');
  await a.ok('escalations.escalate', {
    escalationId: e1,
    on: '2026-01-15',
    escalatedBy: { name: 'Synthetic Practitioner' },
    escalatedTo: { name: 'Synthetic Manager' },
  } as never);
  // E2: police challenge social care; resolved in 10 working days with learning.
  const e2 = await open('2026-01-06', police, csc, ['assessment']);
  r.travelTo('2026-01-20');
  await a.ok('escalations.close', {
    escalationId: e2,
    on: '2026-01-20',
    resolved: true,
    learning: 'Share strategy discussion minutes within one working day',
  } as never);
  // E4: opened three days before the period ends: open, not yet overdue.
  const e4 = await open('2026-02-25', health, police, ['plan-implementation']);
  // E5: after the period.
  await open('2026-03-05', health, police, ['assessment']);
  r.travelTo('2026-03-10');
  return { r, a, ids: { first: first.id, reconvened: reconvened.id, review: review.id, e1, e2, e3, e4 } };
}

type Report = ChannelOutput<'reports.get'>;
/** A table as `{key: {measure: n}}`, only the rows listed. */
const table = (r: Report, id: string) =>
  Object.fromEntries((r.current.tables[id] ?? []).map((row) => [row.key, row.counts]));

describe('reports', () => {
  it('counts every number of the four reports, and each count leads to its records', async () => {
    const { a, ids } = await world();

    const conferences = await a.ok('reports.get', { report: 'conferences', ...PERIOD });
    expect(conferences.previousPeriod).toEqual({ from: '2024-12-01', to: '2025-02-28' });
    expect(table(conferences, 'type')).toEqual({
      initial: { held: 1 },
      review: { held: 1 },
      reconvened: { held: 1 },
    });
    expect(table(conferences, 'outcome')).toEqual({
      unanimous: { decisions: 1 },
      majority: { decisions: 2 },
      'equally-divided': { decisions: 1 },
      'chair-decision': { decisions: 0 },
      reconvened: { decisions: 1 },
      'principal-officer-review': { decisions: 0 },
    });
    expect(table(conferences, 'category')).toEqual({
      NEG: { started: 1, continued: 0, ended: 0 },
      EMO: { started: 1, continued: 0, ended: 0 },
      PHY: { started: 0, continued: 1, ended: 0 },
    });
    expect(table(conferences, 'adjournment')).toMatchObject({
      'within-limit': { adjourned: 1 },
      'beyond-limit': { adjourned: 0 },
      'not-scheduled-overdue': { adjourned: 0 },
    });
    expect(conferences.previous.tables['type']?.every((row) => row.counts['held'] === 0)).toBe(true);

    const attendance = await a.ok('reports.get', { report: 'attendance', ...PERIOD });
    expect(table(attendance, 'agency')).toEqual({
      'Children’s Social Care': {
        invited: 3,
        attended: 3,
        apologies: 0,
        didNotAttend: 0,
        reportsOnTime: 2,
        reportsLate: 0,
        reportsMissing: 1,
      },
      'Health Visiting': {
        invited: 3,
        attended: 2,
        apologies: 0,
        didNotAttend: 1,
        reportsOnTime: 0,
        reportsLate: 1,
        reportsMissing: 2,
      },
      Police: {
        invited: 3,
        attended: 3,
        apologies: 0,
        didNotAttend: 0,
        reportsOnTime: 0,
        reportsLate: 1,
        reportsMissing: 2,
      },
      'Primary School': {
        invited: 3,
        attended: 3,
        apologies: 0,
        didNotAttend: 0,
        reportsOnTime: 0,
        reportsLate: 0,
        reportsMissing: 3,
      },
      'Zoë’s Housing Trust': {
        invited: 1,
        attended: 0,
        apologies: 1,
        didNotAttend: 0,
        reportsOnTime: 0,
        reportsLate: 0,
        reportsMissing: 1,
      },
    });
    expect(attendance.current.totals['agency']).toMatchObject({ invited: 13, didNotAttend: 1 });

    const returns = await a.ok('reports.get', { report: 'returns', ...PERIOD });
    expect(table(returns, 'agency')).toEqual({
      'Health Visiting': { didNotAttend: 2, noReport: 0, lateReport: 0, other: 0, total: 2 },
      Police: { didNotAttend: 0, noReport: 0, lateReport: 1, other: 0, total: 1 },
    });
    expect(table(returns, 'reason')).toEqual({
      'did-not-attend': { incidents: 2 },
      'no-report': { incidents: 0 },
      'late-report': { incidents: 1 },
      other: { incidents: 0 },
    });
    expect(table(returns, 'repeat')).toEqual({ 'Health Visiting': { inPeriod: 2, last12Months: 2 } });

    const escalations = await a.ok('reports.get', { report: 'escalations', ...PERIOD });
    expect(escalations.countedOn).toBe('2026-02-28');
    const four = (t: Record<string, Record<string, number>>) =>
      Object.fromEntries(
        Object.entries(t).map(([k, c]) => [
          k,
          [c['opened'], c['resolved'], c['closedUnresolved'], c['open'], c['overdue']],
        ]),
      );
    expect(four(table(escalations, 'challenged-agency'))).toEqual({
      'Children’s Social Care': [2, 1, 0, 1, 1],
      Police: [1, 0, 1, 1, 0],
    });
    expect(four(table(escalations, 'initiating-agency'))).toEqual({
      'Health Visiting': [2, 0, 0, 2, 1],
      Police: [1, 1, 0, 0, 0],
      'Primary School': [0, 0, 1, 0, 0],
    });
    expect(four(table(escalations, 'nature'))).toEqual({
      'referral-decision': [1, 0, 0, 1, 1],
      'information-sharing': [1, 0, 0, 1, 1],
      assessment: [1, 1, 0, 0, 0],
      'plan-implementation': [1, 0, 0, 1, 0],
      'conference-decision': [0, 0, 1, 0, 0],
    });
    expect(four(table(escalations, 'stage'))).toEqual({ '1': [2, 1, 1, 1, 0], '2': [1, 0, 0, 1, 1] });
    // An escalation of two natures is one escalation in the totals.
    expect(escalations.current.totals['nature']).toEqual({
      opened: 3,
      resolved: 1,
      closedUnresolved: 1,
      open: 2,
      overdue: 1,
    });
    expect(escalations.current.timeToResolution).toEqual({
      resolved: 1,
      medianWorkingDays: 10,
      meanWorkingDays: 10,
      longestWorkingDays: 10,
    });
    expect(escalations.current.learning).toEqual([
      expect.objectContaining({
        escalationId: ids.e2,
        closedOn: '2026-01-20',
        learning: 'Share strategy discussion minutes within one working day',
      }),
    ]);

    // The records behind counts: the same rule lists them.
    const behind = async (report: string, tableId: string, key: string | undefined, measure: string) =>
      (await a.ok('reports.records', { report, ...PERIOD, table: tableId, key, measure } as never)).records.map(
        (x) => `${x.kind}:${x.id}`,
      );
    expect(await behind('attendance', 'agency', 'Health Visiting', 'didNotAttend')).toEqual([
      `conference:${ids.review}`,
    ]);
    expect(await behind('conferences', 'outcome', 'majority', 'decisions')).toEqual([
      `conference:${ids.first}`,
      `conference:${ids.reconvened}`,
    ]);
    expect(await behind('escalations', 'challenged-agency', 'Children’s Social Care', 'overdue')).toEqual([
      `escalation:${ids.e1}`,
    ]);
    expect(await behind('escalations', 'nature', undefined, 'open')).toEqual([
      `escalation:${ids.e1}`,
      `escalation:${ids.e4}`,
    ]);
    expect((await behind('returns', 'repeat', 'Health Visiting', 'inPeriod')).length).toBe(2);
    expect(await behind('attendance', 'agency', 'Children’s Social Care', 'reportsOnTime')).toEqual([
      `conference:${ids.first}`,
      `conference:${ids.review}`,
    ]);
    expect(await behind('conferences', 'category', 'PHY', 'continued')).toEqual([`conference:${ids.review}`]);
    expect(await behind('conferences', 'adjournment', 'within-limit', 'adjourned')).toEqual([
      `conference:${ids.first}`,
    ]);
    expect(conferences.current.totals['outcome']).toEqual({ decisions: 4 });
    const unknown = await a.refused('reports.records', {
      report: 'attendance',
      ...PERIOD,
      table: 'agency',
      measure: 'height',
    });
    expect(unknown.issues[0]).toMatchObject({ path: 'measure' });
  });

  it('refuses a period that ends before it starts, naming the field, and a role without reports', async () => {
    const r = await tempRegister();
    const a = caller(r);
    const refused = await a.refused('reports.get', { report: 'attendance', from: '2026-02-01', to: '2026-01-01' });
    expect(refused.issues).toEqual([
      expect.objectContaining({ path: 'to', message: 'The end of the period must be on or after its start' }),
    ]);
    const badName = await a.refused('reports.get', { report: 'money', from: '2026-01-01', to: '2026-02-01' });
    expect(badName.issues[0]).toMatchObject({
      path: 'report',
      message: 'Choose conferences, attendance, returns or escalations',
    });
    const chair = caller(r, { name: 'Only A Chair', roles: ['chair'] });
    expect(
      (await chair.refused('reports.get', { report: 'attendance', from: '2026-01-01', to: '2026-02-01' })).code,
    ).toBe('forbidden');
  });
});
