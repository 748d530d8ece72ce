import { describe, expect, it } from 'vitest';
import type { OpenEscalationInput } from '../../shared/schemas/escalation';
import { caller } from './call';
import { tempRegister } from './helpers';

/**
 * An escalation's link to the conference it concerns, through the contract's dispatch: started
 * from a conference, "Escalated by" is the escalating agency's representative there; started by
 * hand, it is linked later by a correction (with its reason, audited). Either way the register
 * checks the conference exists, the family is the conference's and the child was at it; a
 * refused link changes nothing.
 */

type R = Awaited<ReturnType<typeof tempRegister>>;

async function setUp(r: R) {
  const call = caller(r);
  const school = await call.ok('agencies.create', { name: 'Primary School', type: 'education' });
  const csc = await call.ok('agencies.create', { name: 'Children’s Social Care', type: 'childrens-social-care' });
  const conference = async (family: string, givenName: string) =>
    call.ok('conferences.create', {
      type: 'initial',
      date: '2026-03-02',
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Test Chair',
      family: { name: family },
      newChildren: [{ givenName, familyName: family, dateOfBirth: '2018-04-01' }],
    });
  const alpha = await conference('Alpha', 'Zoë');
  const bravo = await conference('Bravo', 'Ben');
  const zoe = alpha.children[0]?.id ?? 0;
  const ben = bravo.children[0]?.id ?? 0;
  const base = {
    subjectName: 'Zoë Alpha',
    initiatingAgencyId: school.id,
    challengedAgencyId: csc.id,
    natures: ['referral-decision'],
    details: 'Referral not accepted despite disclosures',
    outcomeSought: 'Strategy discussion',
    openedOn: '2026-03-02',
    escalatedBy: { name: 'Synthetic DSL', title: null, agency: null },
  } satisfies OpenEscalationInput;
  return { call, school, csc, alpha, bravo, zoe, ben, base };
}

describe('an escalation from a conference', () => {
  it('prefills "Escalated by" with the escalating agency’s representative at the conference, and only when one is named', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T12:00:00Z') });
    const { call, school, csc, alpha, zoe } = await setUp(r);
    await call.ok('live.invite', {
      conferenceId: alpha.id,
      agencyId: school.id,
      representativeName: 'Synthetic DSL',
      representativeRole: 'Designated Safeguarding Lead',
    });
    await call.ok('live.invite', {
      conferenceId: alpha.id,
      agencyId: csc.id,
      representativeName: null,
      representativeRole: null,
    });
    const draft = await call.ok('escalations.draftFromConference', {
      conferenceId: alpha.id,
      childId: zoe,
      agencyId: school.id,
    });
    expect(draft.escalatedBy).toEqual({
      name: 'Synthetic DSL',
      title: 'Designated Safeguarding Lead',
      agency: 'Primary School',
    });
    const unnamed = await call.ok('escalations.draftFromConference', {
      conferenceId: alpha.id,
      childId: zoe,
      agencyId: csc.id,
    });
    expect(unnamed.escalatedBy).toBeUndefined();
  });
});

describe('linking an escalation to a conference and a child', () => {
  it('opens linked only where the conference exists, the family is its family and the child was at it', async () => {
    const r = await tempRegister();
    const { call, alpha, bravo, zoe, ben, base } = await setUp(r);
    const link = { familyId: alpha.familyId, childId: zoe, conferenceId: alpha.id };

    const noConference = await call.refused('escalations.open', { ...base, ...link, conferenceId: 999 });
    expect(noConference.issues[0]?.path).toBe('conferenceId');
    const otherFamily = await call.refused('escalations.open', { ...base, ...link, familyId: bravo.familyId });
    expect(otherFamily.issues[0]).toEqual({
      path: 'familyId',
      message: 'That family is not the family at this conference',
    });
    const otherChild = await call.refused('escalations.open', { ...base, ...link, childId: ben });
    expect(otherChild.issues[0]).toEqual({ path: 'childId', message: 'That child was not at this conference' });

    const e = await call.ok('escalations.open', { ...base, ...link });
    expect(e).toMatchObject({ conferenceId: alpha.id, childId: zoe });
  });

  it('links one started by hand through a correction, with its reason, shown and audited', async () => {
    const r = await tempRegister();
    const { call, alpha, bravo, zoe, ben, base } = await setUp(r);
    const e = await call.ok('escalations.open', base);
    expect(e).toMatchObject({ conferenceId: null, childId: null });

    const linked = await call.ok('escalations.correct', {
      escalationId: e.id,
      version: e.version,
      reason: 'Started by hand before the conference was found',
      familyId: alpha.familyId,
      childId: zoe,
      conferenceId: alpha.id,
    });
    expect(linked).toMatchObject({ conferenceId: alpha.id, childId: zoe });
    const [correction] = linked.corrections;
    expect(correction?.reason).toBe('Started by hand before the conference was found');
    expect(correction?.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Family', null, 'Alpha'],
      ['Child', null, 'Zoë Alpha'],
      ['Conference', null, 'Initial conference, 2 March 2026'],
    ]);
    const history = await call.ok('audit.forRecord', { entity: 'escalation', entityId: e.id });
    expect(history.at(-1)?.action).toBe('amend');

    // Linked to the wrong conference, it is linked again by another correction.
    const relinked = await call.ok('escalations.correct', {
      escalationId: e.id,
      version: linked.version,
      reason: 'Linked to the wrong family',
      familyId: bravo.familyId,
      childId: ben,
      conferenceId: bravo.id,
    });
    expect(relinked).toMatchObject({ familyId: bravo.familyId, conferenceId: bravo.id, childId: ben });
    expect(relinked.corrections.map((c) => c.reason)).toContain('Linked to the wrong family');
  });

  it('refuses a link that does not hold together, and changes nothing', async () => {
    const r = await tempRegister();
    const { call, alpha, bravo, zoe, ben, base } = await setUp(r);
    const e = await call.ok('escalations.open', base);
    const correct = { escalationId: e.id, version: e.version, reason: 'Link to the conference' };
    const link = { familyId: alpha.familyId, childId: zoe, conferenceId: alpha.id };

    const cases: [Record<string, unknown>, string][] = [
      [{ ...link, conferenceId: 999 }, 'conferenceId'],
      [{ ...link, familyId: bravo.familyId }, 'familyId'],
      [{ ...link, childId: ben }, 'childId'],
      [{ familyId: alpha.familyId, childId: zoe }, 'conferenceId'],
      [{ conferenceId: alpha.id, childId: zoe }, 'familyId'],
      [{ conferenceId: alpha.id, familyId: alpha.familyId }, 'childId'],
      [{ ...link, childId: 0 }, 'childId'],
    ];
    for (const [fields, path] of cases) {
      const refused = await call.refused('escalations.correct', { ...correct, ...fields });
      expect(refused.issues[0]?.path, JSON.stringify(fields)).toBe(path);
    }
    expect(await call.ok('escalations.get', { id: e.id })).toMatchObject({
      conferenceId: null,
      childId: null,
      corrections: [],
      version: e.version,
    });
  });
});
