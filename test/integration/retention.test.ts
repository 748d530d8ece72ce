import { embedded } from '../embedded';
import { describe, expect, it } from 'vitest';
import { caller } from './call';
import { registerContent, tempRegister, onPostgres } from './helpers';

/**
 * Retention and legal hold (issue 10, §5): each family's retention date from the partnership's
 * rule; a hold, or a date not yet past, refuses the erase and changes nothing; an erase removes
 * every row about the family from every table, leaves the other family's rows as they were, and
 * leaves one audit event that names no one.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

/**
 * A family with a conference recorded in full (invitations, attendance, views, a no-view,
 * decisions, what falls due, an amendment with its correction, an agency escalation withdrawn,
 * a document record, a sharing-log entry), an escalation with a stage response and an action.
 */
async function recordFamily(r: R, names: { family: string; child: string; sibling: string }, date: string) {
  const call = caller(r);
  const agencies = await call.ok('agencies.all', {});
  const byName = (n: string) => agencies.find((a) => a.name === n)?.id ?? 0;
  const csc = byName('Children’s Social Care');
  const health = byName('Health Visiting');
  const police = byName('Police');
  const school = byName('School');
  r.travelTo(date);
  const conf = await call.ok('conferences.create', {
    type: 'initial',
    date,
    time: '10:00',
    venue: 'Room 1',
    chairName: 'Test Chair',
    family: { name: names.family, caseReference: `${names.family}-REF` },
    newChildren: [
      { givenName: names.child, familyName: names.family, dateOfBirth: '2018-04-01' },
      { givenName: names.sibling, familyName: names.family, dateOfBirth: '2019-06-01' },
    ],
  });
  const [child, sibling] = conf.children.map((c) => c.id) as [number, number];
  for (const a of [csc, health, police, school]) await call.ok('live.invite', { conferenceId: conf.id, agencyId: a });
  for (const a of [csc, health, police])
    await call.ok('live.setAttendance', { conferenceId: conf.id, agencyId: a, attendance: 'attended' });
  await call.ok('live.setAttendance', { conferenceId: conf.id, agencyId: school, attendance: 'did-not-attend' });
  for (const c of [child, sibling]) {
    await call.ok('live.setView', {
      conferenceId: conf.id,
      childId: c,
      agencyId: csc,
      view: 'plan',
      reasons: `${names.child} is at risk`,
    });
    await call.ok('live.setView', {
      conferenceId: conf.id,
      childId: c,
      agencyId: health,
      view: 'plan',
      reasons: 'Agree',
    });
    await call.ok('live.setNoView', {
      conferenceId: conf.id,
      childId: c,
      agencyId: police,
      reason: `No contact with ${names.family}`,
    });
    await call.ok('live.recordDecision', { conferenceId: conf.id, childId: c, category: 'NEG' });
  }
  await call.ok('live.amendDecision', {
    conferenceId: conf.id,
    childId: child,
    version: await call.version.decision(conf.id, child),
    reason: `Category misrecorded for ${names.child}`,
    category: 'EMO',
  });
  const raised = await call.ok('agencyEscalations.raiseFromConference', {
    conferenceId: conf.id,
    agencyId: school,
    reason: 'did-not-attend',
  });
  await call.ok('agencyEscalations.withdraw', { id: raised.id, reason: `${names.family}: school sent apologies` });
  await call.ok('agencyEscalations.raiseFromConference', {
    conferenceId: conf.id,
    agencyId: school,
    reason: 'other',
    reasonDetail: `Report on ${names.child} incomplete`,
  });
  const escalation = await call.ok('escalations.open', {
    subjectName: `${names.child} ${names.family}`,
    familyId: conf.familyId,
    childId: child,
    conferenceId: conf.id,
    initiatingAgencyId: health,
    challengedAgencyId: csc,
    natures: ['plan-implementation'],
    details: `Plan for ${names.child} not followed`,
    outcomeSought: 'Core group',
    openedOn: date,
    escalatedBy: { name: 'Synthetic Nurse' },
  });
  await call.ok('escalations.addAction', {
    escalationId: escalation.id,
    action: `Visit ${names.family} home`,
    byWhom: 'Social worker',
    agreedOn: date,
  });
  await call.ok('escalations.correct', {
    escalationId: escalation.id,
    version: await call.version.escalation(escalation.id),
    reason: 'Spelling',
    subjectName: `${names.child} ${names.family}-Smith`,
  });
  const doc = await r.repos.documents.insert({
    kind: 'decision-letter',
    entity: 'conference',
    entityId: conf.id,
    periodFrom: null,
    periodTo: null,
    title: `Decision letter: ${names.family}`,
    fileName: `decision-letter-conference-${conf.id}-${date}.pdf`,
    sha256: '0'.repeat(64),
    bytes: 1,
    batchId: null,
    generatedAt: `${date}T12:00:00.000Z`,
    generatedBy: 'Test Chair',
  });
  await r.repos.documents.insertSharing({
    at: `${date}T12:00:00.000Z`,
    actor: 'Test Chair',
    agencyId: school,
    emailDraft: null,
    recipientName: 'Synthetic Lead',
    recipientEmail: null,
    purpose: 'Quarterly return',
    from: date,
    to: date,
    format: 'zip',
    initialsOnly: false,
    passwordProtected: false,
    location: '/tmp/export.zip',
    files: ['appendix3.pdf'],
    records: [
      { entity: 'agency_escalation', id: raised.id },
      { entity: 'escalation', id: escalation.id },
    ],
  });
  return { familyId: conf.familyId, conferenceId: conf.id, escalationId: escalation.id, documentId: doc };
}

async function setUp() {
  const r = await tempRegister({ now: () => new Date('2020-01-06T09:00:00Z') });
  const call = caller(r);
  await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
  await call.ok('agencies.create', { name: 'Health Visiting', type: 'health' });
  await call.ok('agencies.create', { name: 'Police', type: 'police' });
  await call.ok('agencies.create', { name: 'School', type: 'education' });
  const old = await recordFamily(r, { family: 'Quenby', child: 'Ottoline', sibling: 'Peregrine' }, '2020-01-06');
  const recent = await recordFamily(r, { family: 'Ravensworth', child: 'Sigismund', sibling: 'Tamsin' }, '2024-05-13');
  return { r, call, old, recent };
}

const ERASED_NAMES = ['Quenby', 'Ottoline', 'Peregrine'];

describe('retention dates', () => {
  it('come from the partnership’s rule, past retention first', async () => {
    const { r, call, old, recent } = await setUp();
    r.travelTo('2026-03-02');
    const list = await call.ok('retention.list', {});
    expect(list.rule).toEqual({ basis: 'last-record', years: 35 });
    expect(list.families.map((f) => [f.familyName, f.lastRecordOn, f.retentionDate, f.pastRetention])).toEqual([
      ['Quenby', '2020-01-06', '2055-01-06', false],
      ['Ravensworth', '2024-05-13', '2059-05-13', false],
    ]);
    await call.ok('settings.update', {
      version: await call.version.settings(),
      retentionRule: { basis: 'last-record', years: 5 },
    });
    const five = await call.ok('retention.list', {});
    expect(five.families.map((f) => [f.familyId, f.retentionDate, f.pastRetention])).toEqual([
      [old.familyId, '2025-01-06', true],
      [recent.familyId, '2029-05-13', false],
    ]);
    expect(five.pastCount).toBe(1);
    expect((await call.ok('retention.list', { pastOnly: true })).families.map((f) => f.familyId)).toEqual([
      old.familyId,
    ]);
    // Youngest child's birth: the sibling born 2019-06-01 decides.
    await call.ok('settings.update', {
      version: await call.version.settings(),
      retentionRule: { basis: 'youngest-child-birth', years: 25 },
    });
    expect((await call.ok('retention.list', {})).families.map((f) => f.retentionDate)).toEqual([
      '2044-06-01',
      '2044-06-01',
    ]);
    expect(
      (
        await call.refused('settings.update', {
          version: await call.version.settings(),
          retentionRule: { basis: 'last-record', years: 0 },
        })
      ).message,
    ).toMatch(/Years kept must be 1 or more/);
  });

  it('are for an administrator only', async () => {
    const { r } = await setUp();
    const chair = caller(r, { name: 'A Chair', roles: ['chair'] });
    expect((await chair.refused('retention.list', {})).code).toBe('forbidden');
    expect((await chair.refused('retention.erase', { familyId: 1, confirm: 'Quenby' })).code).toBe('forbidden');
  });
});

describe('legal hold and erase', () => {
  it('a hold refuses the erase, naming why; lifted, the erase goes ahead', async () => {
    const { r, call, old } = await setUp();
    r.travelTo('2026-03-02');
    await call.ok('settings.update', {
      version: await call.version.settings(),
      retentionRule: { basis: 'last-record', years: 5 },
    });
    const held = await call.ok('retention.placeHold', { familyId: old.familyId, reason: 'Civil claim expected' });
    expect(held.hold).toMatchObject({ reason: 'Civil claim expected', placedBy: 'Test Chair' });
    expect((await call.refused('retention.placeHold', { familyId: old.familyId, reason: 'Again' })).message).toMatch(
      /already on legal hold/,
    );
    expect((await call.refused('retention.placeHold', { familyId: old.familyId, reason: ' ' })).issues[0]?.path).toBe(
      'reason',
    );
    expect((await call.refused('retention.erase', { familyId: old.familyId, confirm: 'Quenby' })).message).toMatch(
      /on legal hold .*lift the hold/,
    );
    expect((await call.ok('retention.liftHold', { familyId: old.familyId, reason: 'Claim settled' })).hold).toBeNull();
    expect((await call.refused('retention.liftHold', { familyId: old.familyId, reason: 'Again' })).message).toMatch(
      /not on legal hold/,
    );
    expect((await call.ok('retention.erase', { familyId: old.familyId, confirm: 'quenby' })).familyId).toBe(
      old.familyId,
    );
  });

  it('a family not yet past retention, or the wrong name typed, refuses the erase and changes nothing', async () => {
    const { r, call, old, recent } = await setUp();
    r.travelTo('2026-03-02');
    expect((await call.refused('retention.erase', { familyId: old.familyId, confirm: 'Quenby' })).message).toMatch(
      /kept until 2055-01-06/,
    );
    await call.ok('settings.update', {
      version: await call.version.settings(),
      retentionRule: { basis: 'last-record', years: 5 },
    });
    expect((await call.refused('retention.erase', { familyId: recent.familyId, confirm: 'Ravensworth' })).code).toBe(
      'conflict',
    );
    expect(
      (await call.refused('retention.erase', { familyId: old.familyId, confirm: 'Ravensworth' })).issues[0]?.path,
    ).toBe('confirm');
    expect((await call.refused('retention.erase', { familyId: 999, confirm: 'X' })).code).toBe('not-found');
  });

  it('erases every row about the family from every table, leaves the other family’s as it was, and audits with no personal data', async () => {
    const { r, call, old } = await setUp();
    r.travelTo('2026-03-02');
    await call.ok('settings.update', {
      version: await call.version.settings(),
      retentionRule: { basis: 'last-record', years: 5 },
    });
    await call.ok('retention.placeHold', { familyId: old.familyId, reason: 'Quenby complaint' });
    await call.ok('retention.liftHold', { familyId: old.familyId, reason: 'Resolved' });

    const before = await registerContent(r);
    const mentions = (content: Record<string, string[]>) =>
      Object.entries(content).flatMap(([table, rows]) =>
        rows.filter((row) => ERASED_NAMES.some((n) => row.includes(n))).map((row) => `${table}: ${row}`),
      );
    // The family is everywhere before: its rows and the audit trail's values.
    const tablesNaming = new Set(mentions(before).map((m) => m.split(':')[0]));
    for (const t of ['families', 'children', 'child_views', 'child_no_views', 'corrections', 'escalations'])
      expect(tablesNaming).toContain(t);
    expect(tablesNaming).toContain('audit_payloads');

    const result = await call.ok('retention.erase', { familyId: old.familyId, confirm: '  Quenby ' });
    expect(result.counts).toMatchObject({
      families: 1,
      children: 2,
      conferences: 1,
      conference_children: 2,
      conference_agencies: 4,
      child_views: 4,
      child_no_views: 2,
      child_outcomes: 2,
      escalations: 1,
      escalation_stages: 1,
      escalation_actions: 1,
      agency_escalations: 2,
      generated_documents: 1,
      legal_holds: 1,
    });
    expect(result.counts['corrections']).toBeGreaterThanOrEqual(3);
    expect(result.documentRecordsErased).toBe(1);
    expect(result.sharingLogUpdated).toBe(1);
    expect(result.redactedEvents.length).toBeGreaterThan(10);

    const after = await registerContent(r);
    expect(mentions(after)).toEqual([]);
    // The other family's rows are exactly as they were, table by table.
    const otherRows = (content: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(content)
          .filter(([t]) => !['audit_events', 'audit_payloads', 'sharing_log'].includes(t))
          .map(([t, rows]) => [t, rows.filter((row) => !ERASED_NAMES.some((n) => row.includes(n)))]),
      );
    const untouched = otherRows(before);
    // Rows of the erased family that do not carry a name (ids only) are gone too: compare counts.
    for (const [table, rows] of Object.entries(otherRows(after))) {
      for (const row of rows) expect(untouched[table], `${table} changed`).toContain(row);
    }
    for (const table of ['families', 'children', 'conferences', 'escalations'])
      expect(after[table]?.length, table).toBe((before[table]?.length ?? 0) / 2);
    for (const table of ['Ravensworth', 'Sigismund', 'Tamsin'])
      expect(JSON.stringify(after).includes(table)).toBe(true);
    // No row anywhere refers to the erased records by id (PostgreSQL enforces foreign keys itself).
    if (!onPostgres) {
      const c = embedded(r).connection;
      expect(c.prepare('SELECT count(*) AS n FROM conferences WHERE family_id = ?').get(old.familyId)).toEqual({
        n: 0,
      });
      expect(
        c
          .prepare('SELECT * FROM sharing_log')
          .all()
          .map((s) => (s as { records_json: string }).records_json),
      ).toEqual([expect.not.stringContaining(`"id":${old.escalationId}`), expect.any(String)]);
      expect(c.pragma('foreign_key_check')).toEqual([]);
    }

    const erase = (await r.repos.audit.forRecord('family', old.familyId)).at(-1);
    expect(erase).toMatchObject({ action: 'erase', entity: 'family', entityId: old.familyId, before: undefined });
    expect(erase?.after).toEqual({
      counts: result.counts,
      sharingLogUpdated: 1,
      redactedEvents: result.redactedEvents,
      rule: { basis: 'last-record', years: 5 },
      retentionDate: '2025-01-06',
    });
    // The events about the erased records keep who, when and what kind, not the values.
    for (const e of await r.repos.audit.forRecord('conference', old.conferenceId)) {
      expect(e.before).toBeUndefined();
      expect(e.after).toBeUndefined();
    }
    // The other family's conference keeps its history.
    expect((await call.ok('retention.list', {})).families).toHaveLength(1);
  });
});
