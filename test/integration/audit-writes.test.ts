import { describe, expect, it } from 'vitest';
import type { Register } from '../../electron/main/register/register';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * Every write is one audit event holding the values before and after of what changed. Each row
 * calls one write channel through the contract's dispatch (in order: later rows build on earlier
 * ones) and checks the one event it appended: which record, and what changed.
 */

type Call = Awaited<ReturnType<typeof caller>>;
interface World {
  r: Register;
  call: Call;
  ids: Record<string, number>;
}
interface Row {
  channel: string;
  run: (w: World) => Promise<unknown>;
  entity: string;
  entityId: (w: World) => number;
  before?: unknown;
  after?: unknown;
}

const person = (name: string) => ({ name, title: 'Manager', agency: 'Agency' });
const id = (key: string) => (w: World) => w.ids[key] ?? 0;

const ROWS: Row[] = [
  {
    channel: 'agencies.create',
    run: async (w) => {
      w.ids['csc'] = (
        await w.call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' })
      ).id;
      w.ids['police'] = (await w.call.ok('agencies.create', { name: 'Police', type: 'police' })).id;
      w.ids['health'] = (await w.call.ok('agencies.create', { name: 'Health Visiting', type: 'health' })).id;
    },
    entity: 'agency',
    entityId: id('health'),
    after: { name: 'Health Visiting', type: 'health' },
  },
  {
    channel: 'agencies.update',
    run: async (w) =>
      w.call.ok('agencies.update', {
        id: w.ids['health'] ?? 0,
        version: await w.call.version.agency(w.ids['health'] ?? 0),
        fields: { name: 'Health Visiting Service', type: 'health' },
      }),
    entity: 'agency',
    entityId: id('health'),
    before: { name: 'Health Visiting' },
    after: { name: 'Health Visiting Service' },
  },
  {
    channel: 'agencies.setActive',
    run: async (w) => w.call.ok('agencies.setActive', { id: w.ids['health'] ?? 0, active: false }),
    entity: 'agency',
    entityId: id('health'),
    before: { active: true },
    after: { active: false },
  },
  {
    channel: 'conferences.create',
    run: async (w) => {
      const c = await w.call.ok('conferences.create', {
        type: 'initial',
        date: '2026-03-02',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        family: { name: 'Family Alpha' },
        newChildren: [
          { givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' },
          { givenName: 'Yan', familyName: 'Alpha', dateOfBirth: '2019-05-01' },
        ],
      });
      w.ids['conference'] = c.id;
      w.ids['zoe'] = c.children[0]?.id ?? 0;
      w.ids['yan'] = c.children[1]?.id ?? 0;
    },
    entity: 'conference',
    entityId: id('conference'),
    after: { venue: 'Room 1' },
  },
  {
    channel: 'live.invite',
    run: async (w) => {
      await w.call.ok('live.invite', { conferenceId: w.ids['conference'] ?? 0, agencyId: w.ids['csc'] ?? 0 });
      await w.call.ok('live.invite', {
        conferenceId: w.ids['conference'] ?? 0,
        agencyId: w.ids['police'] ?? 0,
        representativeName: 'DC Synthetic',
      });
    },
    entity: 'conference',
    entityId: id('conference'),
    after: {
      change: 'invite',
      invitations: { [`agency 2`]: { agency: 'Police', representativeName: 'DC Synthetic' } },
    },
  },
  {
    channel: 'live.uninvite',
    run: async (w) =>
      w.call.ok('live.uninvite', { conferenceId: w.ids['conference'] ?? 0, agencyId: w.ids['police'] ?? 0 }),
    entity: 'conference',
    entityId: id('conference'),
    before: { change: 'uninvite', invitations: { 'agency 2': { representativeName: 'DC Synthetic' } } },
    after: { change: 'uninvite' },
  },
  {
    channel: 'live.setAttendance',
    run: async (w) => {
      await w.call.ok('live.invite', { conferenceId: w.ids['conference'] ?? 0, agencyId: w.ids['police'] ?? 0 });
      await w.call.ok('live.setAttendance', {
        conferenceId: w.ids['conference'] ?? 0,
        agencyId: w.ids['police'] ?? 0,
        attendance: 'attended',
      });
      await w.call.ok('live.setAttendance', {
        conferenceId: w.ids['conference'] ?? 0,
        agencyId: w.ids['csc'] ?? 0,
        attendance: 'attended',
      });
    },
    entity: 'conference',
    entityId: id('conference'),
    before: { invitations: { 'agency 1': { attendance: null } } },
    after: { invitations: { 'agency 1': { attendance: 'attended' } } },
  },
  {
    channel: 'live.setReport',
    run: async (w) =>
      w.call.ok('live.setReport', {
        conferenceId: w.ids['conference'] ?? 0,
        agencyId: w.ids['csc'] ?? 0,
        report: 'received',
        receivedOn: '2026-02-27',
      }),
    entity: 'conference',
    entityId: id('conference'),
    before: { invitations: { 'agency 1': { report: 'awaited', reportReceivedOn: null } } },
    after: { invitations: { 'agency 1': { report: 'received', reportReceivedOn: '2026-02-27' } } },
  },
  {
    channel: 'live.setView (recorded)',
    run: async (w) =>
      w.call.ok('live.setView', {
        conferenceId: w.ids['conference'] ?? 0,
        childId: w.ids['zoe'] ?? 0,
        agencyId: w.ids['csc'] ?? 0,
        view: 'plan',
        reasons: 'First reasons given',
      }),
    entity: 'conference',
    entityId: id('conference'),
    before: { change: 'view' },
    after: { change: 'view', views: { 'child 1 agency 1': { view: 'plan', reasons: 'First reasons given' } } },
  },
  {
    channel: 'live.setView (reasons changed)',
    run: async (w) =>
      w.call.ok('live.setView', {
        conferenceId: w.ids['conference'] ?? 0,
        childId: w.ids['zoe'] ?? 0,
        agencyId: w.ids['csc'] ?? 0,
        view: 'plan',
        reasons: 'Reasons corrected',
      }),
    entity: 'conference',
    entityId: id('conference'),
    before: { views: { 'child 1 agency 1': { reasons: 'First reasons given' } } },
    after: { views: { 'child 1 agency 1': { reasons: 'Reasons corrected' } } },
  },
  {
    channel: 'live.setNoView',
    run: async (w) =>
      w.call.ok('live.setNoView', {
        conferenceId: w.ids['conference'] ?? 0,
        childId: w.ids['zoe'] ?? 0,
        agencyId: w.ids['police'] ?? 0,
        reason: 'Not known to the police',
      }),
    entity: 'conference',
    entityId: id('conference'),
    after: { change: 'no-view', noViews: { 'child 1 agency 2': { reason: 'Not known to the police' } } },
  },
  {
    channel: 'live.copyViews',
    run: async (w) =>
      w.call.ok('live.copyViews', {
        conferenceId: w.ids['conference'] ?? 0,
        fromChildId: w.ids['zoe'] ?? 0,
        toChildId: w.ids['yan'] ?? 0,
      }),
    entity: 'conference',
    entityId: id('conference'),
    after: {
      views: { 'child 2 agency 1': { view: 'plan', reasons: 'Reasons corrected' } },
      noViews: { 'child 2 agency 2': { reason: 'Not known to the police' } },
    },
  },
  {
    channel: 'live.setInquorateReason',
    run: async (w) =>
      w.call.ok('live.setInquorateReason', {
        conferenceId: w.ids['conference'] ?? 0,
        reason: 'Health could not attend; their report was shared',
      }),
    entity: 'conference',
    entityId: id('conference'),
    before: { inquorateReason: null },
    after: { inquorateReason: 'Health could not attend; their report was shared' },
  },
  {
    channel: 'live.recordDecision',
    run: async (w) => {
      await w.call.ok('live.recordDecision', {
        conferenceId: w.ids['conference'] ?? 0,
        childId: w.ids['yan'] ?? 0,
        category: 'NEG',
      });
      await w.call.ok('live.recordDecision', {
        conferenceId: w.ids['conference'] ?? 0,
        childId: w.ids['zoe'] ?? 0,
        category: 'NEG',
      });
    },
    entity: 'conference',
    entityId: id('conference'),
    before: { status: 'scheduled' },
    after: { status: 'concluded', decisions: { 'child 1': { decision: 'plan', category: 'NEG' } } },
  },
  {
    channel: 'live.amendDecision',
    run: async (w) =>
      w.call.ok('live.amendDecision', {
        conferenceId: w.ids['conference'] ?? 0,
        childId: w.ids['zoe'] ?? 0,
        version: await w.call.version.decision(w.ids['conference'] ?? 0, w.ids['zoe'] ?? 0),
        reason: 'Category recorded wrongly',
        views: [],
        noViews: [],
        category: 'PHY',
      }),
    entity: 'conference',
    entityId: id('conference'),
    before: { decisions: { 'child 1': { category: 'NEG' } } },
    after: { reason: 'Category recorded wrongly', decisions: { 'child 1': { category: 'PHY' } } },
  },
  {
    channel: 'due.complete',
    run: async (w) =>
      w.call.ok('due.complete', {
        conferenceId: w.ids['conference'] ?? 0,
        kind: 'first-core-group',
        childId: w.ids['zoe'] ?? 0,
      }),
    entity: 'conference',
    entityId: id('conference'),
    before: { change: 'task-done', kind: 'first-core-group', doneOn: null },
    after: { change: 'task-done', kind: 'first-core-group', doneOn: '2026-03-02' },
  },
  {
    channel: 'live.redate',
    run: async (w) => {
      w.ids['later'] = (
        await w.call.ok('conferences.create', {
          type: 'review',
          date: '2026-03-09',
          time: '10:00',
          venue: 'Room 2',
          chairName: 'Test Chair',
          family: { id: 1 },
          childIds: [w.ids['zoe'] ?? 0],
        })
      ).id;
      await w.call.ok('live.redate', { conferenceId: w.ids['later'] ?? 0, date: '2026-03-16', time: '11:00' });
    },
    entity: 'conference',
    entityId: id('later'),
    before: { change: 'redate', date: '2026-03-09', time: '10:00' },
    after: { change: 'redate', date: '2026-03-16', time: '11:00' },
  },
  {
    channel: 'conferences.update',
    run: async (w) =>
      w.call.ok('conferences.update', {
        id: w.ids['later'] ?? 0,
        version: await w.call.version.conference(w.ids['later'] ?? 0),
        venue: 'Online',
      }),
    entity: 'conference',
    entityId: id('later'),
    before: { venue: 'Room 2' },
    after: { venue: 'Online' },
  },
  {
    channel: 'conferences.cancel',
    run: async (w) => w.call.ok('conferences.cancel', { id: w.ids['later'] ?? 0, reason: 'Family moved away' }),
    entity: 'conference',
    entityId: id('later'),
    before: { cancelReason: null, cancelledOn: null },
    after: { cancelReason: 'Family moved away', cancelledOn: '2026-03-02' },
  },
  {
    channel: 'conferences.delete',
    run: async (w) => {
      w.ids['mistake'] = (
        await w.call.ok('conferences.create', {
          type: 'review',
          date: '2026-03-10',
          time: '10:00',
          venue: 'Room 3',
          chairName: 'Test Chair',
          family: { id: 1 },
          childIds: [w.ids['zoe'] ?? 0],
        })
      ).id;
      await w.call.ok('conferences.delete', { id: w.ids['mistake'] ?? 0 });
    },
    entity: 'conference',
    entityId: id('mistake'),
    before: { venue: 'Room 3' },
  },
  {
    channel: 'agencyEscalations.raiseFromConference',
    run: async (w) =>
      void (w.ids['agencyEscalation'] = (
        await w.call.ok('agencyEscalations.raiseFromConference', {
          conferenceId: w.ids['conference'] ?? 0,
          agencyId: w.ids['police'] ?? 0,
          reason: 'other',
          reasonDetail: 'The report named the wrong child',
        })
      ).id),
    entity: 'agency_escalation',
    entityId: id('agencyEscalation'),
    after: { reason: 'other', reasonDetail: 'The report named the wrong child' },
  },
  {
    channel: 'agencyEscalations.withdraw',
    run: async (w) =>
      w.call.ok('agencyEscalations.withdraw', { id: w.ids['agencyEscalation'] ?? 0, reason: 'Raised by mistake' }),
    entity: 'agency_escalation',
    entityId: id('agencyEscalation'),
    before: { withdrawnOn: null },
    after: { withdrawnOn: '2026-03-02', reason: 'Raised by mistake' },
  },
  {
    channel: 'agencyEscalations.raiseByHand',
    run: async (w) =>
      void (w.ids['byHand'] = (
        await w.call.ok('agencyEscalations.raiseByHand', {
          agencyId: w.ids['health'] ?? 0,
          meetingDate: '2026-02-20',
          familyIdentifier: 'Family Beta',
          chairName: 'Test Chair',
          reason: 'no-report',
        })
      ).id),
    entity: 'agency_escalation',
    entityId: id('byHand'),
    after: { reason: 'no-report' },
  },
  {
    channel: 'returns.markSent',
    run: async (w) => {
      await w.call.ok('returns.markSent', {
        agencyId: w.ids['health'] ?? 0,
        from: '2026-02-01',
        to: '2026-02-28',
        sentOn: '2026-03-01',
        sentTo: 'lead@example.org',
      });
    },
    entity: 'agency_return',
    entityId: () => 1,
    after: { sentTo: 'lead@example.org' },
  },
  {
    channel: 'returns.recordResponse',
    run: async (w) =>
      w.call.ok('returns.recordResponse', {
        returnId: 1,
        responseOn: '2026-03-02',
        response: 'We will send reports on time',
      }),
    entity: 'agency_return',
    entityId: () => 1,
    before: { response: null },
    after: { response: 'We will send reports on time' },
  },
  {
    channel: 'protocols.choose',
    run: async (w) => w.call.ok('protocols.choose', { key: 'kirklees' }),
    entity: 'settings',
    entityId: () => 1,
    after: { escalationProtocolKey: 'kirklees' },
  },
  {
    channel: 'escalations.open',
    run: async (w) =>
      void (w.ids['escalation'] = (
        await w.call.ok('escalations.open', {
          subjectName: 'Zoë Alpha',
          initiatingAgencyId: w.ids['police'] ?? 0,
          challengedAgencyId: w.ids['csc'] ?? 0,
          natures: ['referral-decision'],
          details: 'Referral not accepted',
          outcomeSought: 'Strategy discussion',
          openedOn: '2026-03-02',
          escalatedBy: { name: 'Synthetic DSL' },
        })
      ).id),
    entity: 'escalation',
    entityId: id('escalation'),
    after: { change: 'open', details: 'Referral not accepted' },
  },
  {
    channel: 'escalations.respond',
    run: async (w) =>
      w.call.ok('escalations.respond', {
        escalationId: w.ids['escalation'] ?? 0,
        number: 1,
        responseFrom: person('CSC manager'),
        responseOn: '2026-03-02',
        summary: 'Referral stands',
        resolved: false,
      }),
    entity: 'escalation',
    entityId: id('escalation'),
    after: { change: 'response', stages: { 0: { response: { summary: 'Referral stands' } } } },
  },
  {
    channel: 'escalations.escalate',
    run: async (w) =>
      w.call.ok('escalations.escalate', {
        escalationId: w.ids['escalation'] ?? 0,
        on: '2026-03-02',
        escalatedBy: person('A'),
        escalatedTo: person('B'),
      }),
    entity: 'escalation',
    entityId: id('escalation'),
    before: { stages: { 0: { closedOn: null } } },
    after: { change: 'escalate', stages: { 0: { closedOn: '2026-03-02' }, 1: { number: 2 } } },
  },
  {
    channel: 'escalations.addAction',
    run: async (w) =>
      w.call.ok('escalations.addAction', {
        escalationId: w.ids['escalation'] ?? 0,
        action: 'Hold a strategy discussion',
        byWhom: 'CSC manager',
        agreedOn: '2026-03-02',
        completeBy: null,
      }),
    entity: 'escalation',
    entityId: id('escalation'),
    after: { change: 'action', actions: { 0: { action: 'Hold a strategy discussion' } } },
  },
  {
    channel: 'escalations.completeAction',
    run: async (w) => {
      const actionId = (await w.call.ok('escalations.get', { id: w.ids['escalation'] ?? 0 })).actions[0]?.id ?? 0;
      await w.call.ok('escalations.completeAction', { actionId, on: '2026-03-02' });
    },
    entity: 'escalation',
    entityId: id('escalation'),
    before: { actions: { 0: { completedOn: null } } },
    after: { change: 'action-done', actions: { 0: { completedOn: '2026-03-02' } } },
  },
  {
    channel: 'escalations.correct',
    run: async (w) =>
      w.call.ok('escalations.correct', {
        escalationId: w.ids['escalation'] ?? 0,
        version: await w.call.version.escalation(w.ids['escalation'] ?? 0),
        reason: 'Details were incomplete',
        details: 'Referral not accepted despite disclosures',
      }),
    entity: 'escalation',
    entityId: id('escalation'),
    before: { details: 'Referral not accepted' },
    after: { reason: 'Details were incomplete', details: 'Referral not accepted despite disclosures' },
  },
  {
    channel: 'escalations.close',
    run: async (w) =>
      w.call.ok('escalations.close', {
        escalationId: w.ids['escalation'] ?? 0,
        on: '2026-03-02',
        resolved: true,
        learning: 'Share the threshold document',
        restorativeDebrief: null,
      }),
    entity: 'escalation',
    entityId: id('escalation'),
    before: { status: 'open' },
    after: { change: 'close', status: 'resolved', learning: 'Share the threshold document' },
  },
  {
    channel: 'escalations.recordDebrief',
    run: async (w) =>
      w.call.ok('escalations.recordDebrief', {
        escalationId: w.ids['escalation'] ?? 0,
        on: '2026-03-02',
        notes: 'Both agencies met and agreed the learning',
      }),
    entity: 'escalation',
    entityId: id('escalation'),
    after: {
      change: 'debrief',
      restorativeDebrief: 'Both agencies met and agreed the learning',
      debriefOn: '2026-03-02',
    },
  },
  {
    channel: 'settings.update',
    run: async (w) =>
      w.call.ok('settings.update', { version: await w.call.version.settings(), unitEmail: 'unit@example.org' }),
    entity: 'settings',
    entityId: () => 1,
    after: { unitEmail: 'unit@example.org' },
  },
  {
    channel: 'holidays.import',
    run: async (w) =>
      w.call.ok('holidays.import', {
        feed: {
          'england-and-wales': {
            division: 'england-and-wales',
            events: [{ title: 'Christmas Day', date: '2028-12-25', notes: '', bunting: true }],
          },
        },
      }),
    entity: 'bank_holidays',
    entityId: () => 1,
    after: { imported: 1, divisions: ['england-and-wales'] },
  },
];

describe('every write is audited with the values before and after of what changed', () => {
  it('each write channel appends one event naming its record', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const w: World = { r, call: caller(r), ids: {} };
    for (const row of ROWS) {
      const last = (await r.repos.audit.head())?.id ?? 0;
      await row.run(w);
      const event = (await r.repos.audit.list({ offset: 0, limit: 1 })).events[0];
      expect(event?.id, `${row.channel} appended no audit event`).toBeGreaterThan(last);
      expect(event, row.channel).toMatchObject({ entity: row.entity, entityId: row.entityId(w) });
      if (row.before !== undefined) expect(event?.before, `${row.channel}: before`).toMatchObject(row.before as object);
      if (row.after !== undefined) expect(event?.after, `${row.channel}: after`).toMatchObject(row.after as object);
    }
    expect(await r.repos.audit.verify()).toEqual({ ok: true, events: await r.repos.audit.count() });
  });

  it('keeps only what changed: an unchanged field is not repeated', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const call = caller(r);
    const a = await call.ok('agencies.create', { name: 'Police', type: 'police', leadName: 'Synthetic Lead' });
    await call.ok('agencies.update', {
      id: a.id,
      version: a.version,
      fields: { name: 'Police', type: 'police', leadName: 'Another Lead' },
    });
    const [, update] = await r.repos.audit.forRecord('agency', a.id);
    expect(update?.before).toEqual({ leadName: 'Synthetic Lead' });
    expect(update?.after).toEqual({ leadName: 'Another Lead' });
  });
});
