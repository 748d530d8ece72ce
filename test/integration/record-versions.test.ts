import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/ipc/contract';
import { ROLES } from '../../shared/roles';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * Two people at once: every editable record carries a version, and a save over a newer version
 * is refused. For each kind of versioned record, A and B load it, A saves, and B's save (sent with
 * the version B loaded) is refused with `conflict`, its message showing A's values; the register,
 * the row and the audit trail included, is exactly as A left it (`refused` checks every table).
 */

type R = Awaited<ReturnType<typeof tempRegister>>;
type Call = ReturnType<typeof caller>;

const NOW = () => new Date('2026-03-02T12:00:00Z');

/** A conference today with three agencies invited, as A and B each see it. */
async function setUp(r: R) {
  const a = caller(r, { name: 'Alex Officer', roles: ROLES });
  const b = caller(r, { name: 'Bo Chair', roles: ROLES });
  const agencies = [
    await a.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' }),
    await a.ok('agencies.create', { name: 'Health Visiting', type: 'health', leadName: 'First Lead' }),
    await a.ok('agencies.create', { name: 'Police', type: 'police' }),
  ];
  const conference = await a.ok('conferences.create', {
    type: 'initial',
    date: '2026-03-02',
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: 'Family Alpha' },
    newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
  });
  for (const agency of agencies) await a.ok('live.invite', { conferenceId: conference.id, agencyId: agency.id });
  const [csc, health, police] = agencies.map((x) => x.id) as [number, number, number];
  return { r, a, b, conferenceId: conference.id, childId: conference.children[0]?.id ?? 0, csc, health, police };
}
type World = Awaited<ReturnType<typeof setUp>>;

/** Everyone attends and gives a plan view; the decision is recorded. */
async function decided(w: World) {
  for (const agencyId of [w.csc, w.health, w.police]) {
    await w.a.ok('live.setAttendance', { conferenceId: w.conferenceId, agencyId, attendance: 'attended' });
    await w.a.ok('live.setView', { conferenceId: w.conferenceId, childId: w.childId, agencyId, view: 'plan' });
  }
  await w.a.ok('live.recordDecision', { conferenceId: w.conferenceId, childId: w.childId, category: 'NEG' });
}

async function escalation(w: World) {
  return w.a.ok('escalations.open', {
    subjectName: 'Zoë Alpha',
    initiatingAgencyId: w.health,
    challengedAgencyId: w.csc,
    natures: ['referral-decision'],
    details: 'Referral not accepted',
    outcomeSought: 'Strategy discussion',
    openedOn: '2026-03-02',
    escalatedBy: { name: 'Synthetic DSL' },
  });
}

const live = async (call: Call, w: World) => call.ok('live.get', { id: w.conferenceId });
const child = async (call: Call, w: World) => (await live(call, w)).children.find((c) => c.id === w.childId);
/** What an agency said for the child: its view or the record that it gave none (0: neither yet). */
const slot = async (call: Call, w: World) => {
  const c = await child(call, w);
  return (
    c?.views.find((v) => v.agencyId === w.police)?.version ??
    c?.noViews.find((v) => v.agencyId === w.police)?.version ??
    0
  );
};
const invitation = async (call: Call, w: World, agencyId: number) =>
  (await live(call, w)).invitations.find((i) => i.agencyId === agencyId);

interface Case {
  kind: string;
  /** Anything the record needs first; answers what the edits need to name it. */
  prepare?(w: World): Promise<number>;
  /** The version of the record as a caller's screen loads it. */
  load(call: Call, w: World, id: number): Promise<number>;
  /** A's change, saved with the version A loaded. */
  a(w: World, id: number, version: number): Promise<unknown>;
  /** B's change, sent with the version B loaded (now out of date). */
  b: { channel: string; input(w: World, id: number, version: number): unknown };
  /** What the refusal shows: A's values. */
  shows: RegExp;
}

const CASES: Case[] = [
  {
    kind: 'an agency',
    load: async (call, w) => (await call.ok('agencies.get', { id: w.health })).version,
    a: async (w, _id, version) =>
      w.a.ok('agencies.update', {
        id: w.health,
        version,
        fields: { name: 'Health Visiting', type: 'health', leadName: 'Lead Saved By A' },
      }),
    b: {
      channel: 'agencies.update',
      input: (w, _id, version) => ({
        id: w.health,
        version,
        fields: { name: 'Health Visiting', type: 'health', leadName: 'Lead Saved By B' },
      }),
    },
    shows:
      /This agency was changed by someone else.*It now reads: name Health Visiting,.*safeguarding lead Lead Saved By A/,
  },
  {
    kind: 'an agency deactivated',
    load: async (call, w) => (await call.ok('agencies.get', { id: w.health })).version,
    a: async (w, _id, version) =>
      w.a.ok('agencies.update', {
        id: w.health,
        version,
        fields: { name: 'Health Visiting Service', type: 'health' },
      }),
    b: {
      channel: 'agencies.setActive',
      input: (w, _id, version) => ({ id: w.health, active: false, version }),
    },
    shows: /It now reads: name Health Visiting Service,.*status active/,
  },
  {
    kind: 'a conference',
    load: async (call, w) => (await live(call, w)).conference.version,
    a: async (w, _id, version) =>
      w.a.ok('conferences.update', { id: w.conferenceId, version, date: '2026-12-03', venue: 'Town Hall' }),
    b: {
      channel: 'conferences.update',
      input: (w, _id, version) => ({ id: w.conferenceId, version, venue: 'Online' }),
    },
    shows:
      /^This conference was changed by someone else since you opened it\. It now reads: date 2026-12-03, time 10:00, venue Town Hall, chair Test Chair, status scheduled\. Reload to see it, then make your change again\.$/,
  },
  {
    kind: 'a conference cancelled',
    load: async (call, w) => (await live(call, w)).conference.version,
    a: async (w, _id, version) => w.a.ok('conferences.update', { id: w.conferenceId, version, venue: 'Town Hall' }),
    b: {
      channel: 'conferences.cancel',
      input: (w, _id, version) => ({ id: w.conferenceId, version, reason: 'The family moved away' }),
    },
    shows: /venue Town Hall/,
  },
  {
    kind: 'the settings',
    load: async (call) => (await call.ok('settings.get', {})).version,
    a: async (w, _id, version) => w.a.ok('settings.update', { version, partnershipName: 'Partnership Saved By A' }),
    b: {
      channel: 'settings.update',
      input: (_w, _id, version) => ({ version, partnershipName: 'Partnership Saved By B' }),
    },
    shows: /^The settings were changed by someone else.*It now reads: partnership name Partnership Saved By A\./,
  },
  {
    kind: 'an escalation’s details',
    prepare: async (w) => (await escalation(w)).id,
    load: async (call, _w, id) => (await call.ok('escalations.get', { id })).version,
    a: async (w, id, version) =>
      w.a.ok('escalations.correct', { escalationId: id, version, reason: 'Fuller', details: 'Details Saved By A' }),
    b: {
      channel: 'escalations.correct',
      input: (_w, id, version) => ({ escalationId: id, version, reason: 'Fuller', details: 'Details Saved By B' }),
    },
    shows: /^This escalation was changed by someone else.*details Details Saved By A,.*current stage 1/,
  },
  {
    kind: 'an escalation’s response',
    prepare: async (w) => (await escalation(w)).id,
    load: async (call, _w, id) => (await call.ok('escalations.get', { id })).version,
    a: async (w, id, version) =>
      w.a.ok('escalations.respond', {
        escalationId: id,
        version,
        number: 1,
        responseFrom: { name: 'Responder A' },
        responseOn: '2026-03-02',
        summary: 'Answered',
        resolved: false,
      }),
    b: {
      channel: 'escalations.respond',
      input: (_w, id, version) => ({
        escalationId: id,
        version,
        number: 1,
        responseFrom: { name: 'Responder B' },
        responseOn: '2026-03-02',
        summary: 'Answered otherwise',
        resolved: true,
      }),
    },
    shows: /current stage 1 \(.*\), responded 2026-03-02/,
  },
  {
    kind: 'an agency’s attendance',
    load: async (call, w) => (await invitation(call, w, w.police))?.version ?? 0,
    a: async (w, _id, version) =>
      w.a.ok('live.setAttendance', {
        conferenceId: w.conferenceId,
        agencyId: w.police,
        attendance: 'attended',
        version,
      }),
    b: {
      channel: 'live.setAttendance',
      input: (w, _id, version) => ({
        conferenceId: w.conferenceId,
        agencyId: w.police,
        attendance: 'did-not-attend',
        version,
      }),
    },
    shows:
      /^Police’s attendance and report was changed by someone else.*It now reads: attendance Attended, report awaited/,
  },
  {
    kind: 'an agency’s report',
    load: async (call, w) => (await invitation(call, w, w.police))?.version ?? 0,
    a: async (w, _id, version) =>
      w.a.ok('live.setReport', {
        conferenceId: w.conferenceId,
        agencyId: w.police,
        report: 'received',
        receivedOn: '2026-02-27',
        version,
      }),
    b: {
      channel: 'live.setReport',
      input: (w, _id, version) => ({
        conferenceId: w.conferenceId,
        agencyId: w.police,
        report: 'not-received',
        version,
      }),
    },
    shows: /It now reads: attendance not recorded, report received, received on 2026-02-27\./,
  },
  {
    kind: 'an agency’s first view for a child',
    prepare: async (w) => {
      await w.a.ok('live.setAttendance', { conferenceId: w.conferenceId, agencyId: w.police, attendance: 'attended' });
      return 0;
    },
    load: async (call, w) => slot(call, w),
    a: async (w, _id, version) =>
      w.a.ok('live.setView', {
        conferenceId: w.conferenceId,
        childId: w.childId,
        agencyId: w.police,
        view: 'plan',
        reasons: 'Reasons Saved By A',
        version,
      }),
    b: {
      channel: 'live.setView',
      input: (w, _id, version) => ({
        conferenceId: w.conferenceId,
        childId: w.childId,
        agencyId: w.police,
        view: 'no-plan',
        reasons: 'Reasons Saved By B',
        version,
      }),
    },
    shows: /^Police’s view for Zoë was changed by someone else.*It now reads: view Plan, reasons Reasons Saved By A\./,
  },
  {
    kind: 'an agency’s view replaced by a record of no view',
    prepare: async (w) => {
      await w.a.ok('live.setAttendance', { conferenceId: w.conferenceId, agencyId: w.police, attendance: 'attended' });
      await w.a.ok('live.setView', {
        conferenceId: w.conferenceId,
        childId: w.childId,
        agencyId: w.police,
        view: 'plan',
      });
      return 0;
    },
    load: async (call, w) => slot(call, w),
    a: async (w, _id, version) =>
      w.a.ok('live.setNoView', {
        conferenceId: w.conferenceId,
        childId: w.childId,
        agencyId: w.police,
        reason: 'Reason Saved By A',
        version,
      }),
    b: {
      channel: 'live.setView',
      input: (w, _id, version) => ({
        conferenceId: w.conferenceId,
        childId: w.childId,
        agencyId: w.police,
        view: 'no-plan',
        version,
      }),
    },
    shows: /It now reads: no view given, because Reason Saved By A\./,
  },
  {
    kind: 'a recorded decision',
    prepare: async (w) => {
      await decided(w);
      return 0;
    },
    load: async (call, w) => (await child(call, w))?.recorded?.version ?? 0,
    a: async (w, _id, version) =>
      w.a.ok('live.amendDecision', {
        conferenceId: w.conferenceId,
        childId: w.childId,
        version,
        reason: 'Category misrecorded',
        category: 'EMO',
      }),
    b: {
      channel: 'live.amendDecision',
      input: (w, _id, version) => ({
        conferenceId: w.conferenceId,
        childId: w.childId,
        version,
        reason: 'Category misrecorded',
        category: 'PHY',
      }),
    },
    shows:
      /^Zoë’s decision was changed by someone else.*It now reads: decision Child protection plan, category Emotional/,
  },
];

describe('two people at once', () => {
  it.each(CASES)(
    '$kind: A saves, then B’s save from the version B loaded is refused, showing A’s values',
    async (c) => {
      const w = await setUp(await tempRegister({ now: NOW }));
      const id = c.prepare ? await c.prepare(w) : 0;
      const seenByA = await c.load(w.a, w, id);
      const seenByB = await c.load(w.b, w, id);
      expect(seenByB).toBe(seenByA);
      await c.a(w, id, seenByA);
      const auditBefore = await w.r.repos.audit.count();
      // `refused` checks that every table, the audit trail among them, is exactly as A left it.
      const refusal = await w.b.refused(c.b.channel, c.b.input(w, id, seenByB));
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toMatch(c.shows);
      expect(refusal.message).toMatch(/Reload to see it, then make your change again\.$/);
      expect(refusal.issues).toEqual([{ path: 'version', message: refusal.message }]);
      expect(await w.r.repos.audit.count()).toBe(auditBefore);
      // Loaded again, B's save goes through.
      const fresh = await c.load(w.b, w, id);
      expect(fresh).toBeGreaterThan(seenByB);
      await w.b.ok(c.b.channel as 'agencies.update', c.b.input(w, id, fresh) as ChannelInput<'agencies.update'>);
    },
  );

  it('each save answers the new version, so saving twice in a row works', async () => {
    const w = await setUp(await tempRegister({ now: NOW }));
    const first = await w.a.ok('conferences.update', {
      id: w.conferenceId,
      version: (await live(w.a, w)).conference.version,
      venue: 'Room 2',
    });
    const second = await w.a.ok('conferences.update', {
      id: w.conferenceId,
      version: first.conference.version,
      venue: 'Room 3',
    });
    expect(second.conference.venue).toBe('Room 3');
    const settings = await w.a.ok('settings.update', {
      version: (await w.a.ok('settings.get', {})).version,
      unitName: 'Unit One',
    });
    expect((await w.a.ok('settings.update', { version: settings.version, unitName: 'Unit Two' })).unitName).toBe(
      'Unit Two',
    );
  });

  it('an edit of a record on screen must say which version it is of', async () => {
    const w = await setUp(await tempRegister({ now: NOW }));
    const refusal = await w.a.refused('conferences.update', { id: w.conferenceId, venue: 'Online' });
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.issues[0]?.path).toBe('version');
    expect(refusal.issues[0]?.message).toMatch(/version of the record you loaded/);
  });
});
