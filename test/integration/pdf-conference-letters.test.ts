import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSource, MakeOptions } from '../../electron/main/register/documents/source';
import { FormWriter } from '../../electron/main/register/pdf/kit';
import { tempDir, tempRegister } from './helpers';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

type R = Awaited<ReturnType<typeof tempRegister>>;

const OPTIONS: MakeOptions = { generatedOn: '2025-12-22', initialsOnly: false, password: null };

/** Long synthetic reasons: enough to run a table row over more than one page. */
const LONG_REASONS = Array.from(
  { length: 60 },
  (_, i) =>
    `Point ${i + 1}: the synthetic chronology shows the agency’s contact with the family improving, and the agency’s evidence does not meet the threshold for a plan.`,
).join(' ');

/**
 * An initial conference on Friday 19 December 2025 for two siblings (synthetic names with
 * non-ASCII letters): Zoë by a 3–1 majority for a plan, Niamh equally divided and adjourned; then
 * the reconvened conference, still divided, so Niamh stays on a plan and a Principal Officer review opens.
 */
async function scenario(r: R) {
  await r.settings.update({
    partnershipName: 'Synthetic Safeguarding Children Partnership',
    unitName: 'Independent Review Unit',
    unitEmail: 'iru@example.org',
    unitPhone: '01632 960 100',
    protectiveMarking: 'OFFICIAL-SENSITIVE',
  });
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const health = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' }),
  );
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Police', type: 'police' }));
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  const reps = new Map([
    [csc.id, ['Amara Synthetic', 'Social worker']],
    [health.id, ['Bea Example', 'Health visitor']],
    [police.id, ['Łukasz Nowak', 'Detective constable']],
    [school.id, ['Dara Placeholder', 'Designated safeguarding lead']],
  ]);
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre, Room 1',
      chairName: 'Test Chair',
      family: { name: 'Ó Súilleabháin' },
      newChildren: [
        { givenName: 'Zoë', familyName: 'Ó Súilleabháin', dateOfBirth: '2018-04-01' },
        { givenName: 'Niamh', familyName: 'Ó Súilleabháin', dateOfBirth: '2020-06-01' },
      ],
    }),
  );
  const [zoe, niamh] = conference.children;
  if (!zoe || !niamh) throw new Error('children missing');
  const id = conference.id;
  for (const a of [csc, health, police, school]) {
    const [name, role] = reps.get(a.id) ?? [null, null];
    await r.live.invite({
      conferenceId: id,
      agencyId: a.id,
      representativeName: name ?? null,
      representativeRole: role ?? null,
    });
    await r.live.setAttendance(id, a.id, 'attended');
  }
  const view = async (conferenceId: number, childId: number, agencyId: number, v: 'plan' | 'no-plan', reasons = '') =>
    r.live.setView({ conferenceId, childId, agencyId, view: v, reasons });
  await view(id, zoe.id, csc.id, 'plan', 'Neglect evidenced over six months');
  await view(id, zoe.id, health.id, 'plan');
  await view(id, zoe.id, police.id, 'plan');
  await view(id, zoe.id, school.id, 'no-plan', 'Attendance has improved to 96% this term');
  await r.live.recordDecision({ conferenceId: id, childId: zoe.id, category: 'NEG' });
  await view(id, niamh.id, csc.id, 'plan');
  await view(id, niamh.id, health.id, 'plan');
  await view(id, niamh.id, police.id, 'no-plan', 'No evidence of harm to her');
  await view(id, niamh.id, school.id, 'no-plan', 'Not known to the school');
  await r.live.recordDecision({ conferenceId: id, childId: niamh.id, category: null });
  return { conference, zoe, niamh, agencies: { csc, health, police, school }, view };
}

async function reconvene(r: R, s: Awaited<ReturnType<typeof scenario>>) {
  const reconvened = await r.live.scheduleReconvened({
    conferenceId: s.conference.id,
    date: '2026-01-12',
    time: '14:00',
    venue: 'Civic Centre, Room 2',
  });
  const { csc, health, police, school } = s.agencies;
  r.travelTo('2026-01-12T15:00:00Z');
  for (const a of [csc, health, police, school]) await r.live.setAttendance(reconvened.id, a.id, 'attended');
  await s.view(reconvened.id, s.niamh.id, csc.id, 'plan');
  await s.view(reconvened.id, s.niamh.id, health.id, 'plan');
  await s.view(reconvened.id, s.niamh.id, police.id, 'no-plan', LONG_REASONS);
  await s.view(reconvened.id, s.niamh.id, school.id, 'no-plan', 'Still not known to the school');
  await r.live.recordDecision({ conferenceId: reconvened.id, childId: s.niamh.id, category: 'EMO' });
  return reconvened;
}

/** Renders a source's document to a file and returns its text (layout kept) and the file. */
async function render(source: DocumentSource, id: number, options: MakeOptions = OPTIONS) {
  const candidate = await source.candidate(id, null, null);
  if (!candidate) throw new Error('no candidate');
  expect(await source.problems(candidate, options)).toEqual([]);
  const bytes = await source.render(candidate, options);
  const file = join(tempDir(), candidate.fileName);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // The body as one line: page furniture (marking, running header, footer) taken out so a
  // sentence that runs over a page break still reads whole.
  const body = text
    .split('\n')
    .filter((line) => !/^\s*(OFFICIAL-SENSITIVE|Synthetic Safeguarding Children Partnership)\s*$/.test(line))
    .filter((line) => !/Page \d+ of \d+\s*$/.test(line))
    .join('\n');
  return { candidate, bytes, file, text, flat: body.replace(/\s+/g, ' ') };
}

function pdfInfo(file: string): string {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

function expectWellFormed(file: string): void {
  const info = pdfInfo(file);
  expect(info).toMatch(/Tagged:\s+yes/);
  expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
}

// First in the file, so the process's shared font has laid out no plain "O" yet.
describe('the shared font', () => {
  it('keeps every letter in the text after a document with an accented capital', () => {
    const frame = { title: 'T', partnership: 'P', marking: 'M', generatedOn: '2025-12-22' };
    // Subsetting "Ó" pulls its part "O" into the font's glyph cache without its character.
    new FormWriter(frame).paragraph('Ó').finish();
    const file = join(tempDir(), 'officer.pdf');
    writeFileSync(file, new FormWriter(frame).paragraph('Principal Officer review').finish());
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Principal Officer review');
  });
});

describe('conference decision letter', () => {
  it('names every invited agency, the conference and each child’s decision, in full', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const source = r.documents.sourceFor('decision-letter');

    expect(await source.candidates('2025-12-22', '2025-12-22')).toEqual([
      {
        entity: 'conference',
        entityId: s.conference.id,
        periodFrom: null,
        periodTo: null,
        title: 'Decision letter: Ó Súilleabháin, initial conference on 19 December 2025',
        fileName: `decision-letter-conference-${s.conference.id}-2025-12-19.pdf`,
      },
    ]);
    expect(await source.candidates('2025-12-19', '2025-12-19')).toEqual([]);

    const { text, flat, file } = await render(source, s.conference.id);
    expectWellFormed(file);
    expect(text).toMatch(/^\s+OFFICIAL-SENSITIVE\n\s*Synthetic Safeguarding Children Partnership\n/);
    expect(text).toMatch(
      /Decision letter – Ó Súilleabháin, conference of 19 December 2025\s+Page 1 of 2\n\s+OFFICIAL-SENSITIVE/,
    );
    for (const expected of [
      'Independent Review Unit',
      'iru@example.org · 01632 960 100',
      'Child protection conference: decision letter',
      'Date: 22 December 2025',
      'To: everyone invited to the conference',
      'Agency Representative Attendance',
      'Children’s Social Care Amara Synthetic, Social worker Attended',
      'Police Łukasz Nowak, Detective constable Attended',
      'Primary School Dara Placeholder, Designated Attended safeguarding lead',
      'Conference Initial child protection conference',
      'Family Ó Súilleabháin',
      'Date 19 December 2025',
      'Time 10:00',
      'Venue Civic Centre, Room 1',
      'Chair Test Chair',
      'Zoë Ó Súilleabháin',
      'Date of birth 1 April 2018',
      'Decision The child will be subject to a child protection plan.',
      'How it was reached By majority view: 3 agencies to 1.',
      'Category of abuse Neglect',
      'Minority view Recorded. Primary School held a different view; its concerns and reasons are recorded in full in the conference’s dissent record.',
      'Niamh Ó Súilleabháin',
      'Date of birth 1 June 2020',
      'Adjourned: the agencies’ views were equally divided, so the conference will reconvene by 14 January 2026 to decide. Until then the child is subject to a child protection plan.',
      'How it was reached The agencies’ views were equally divided (2 to 2).',
      'Minority view None: the views were equally divided.',
      'refer the matter straight away to its line manager',
      'What happens next',
      'Minutes Sent to everyone invited by 14 January 2026',
      'Reconvened conference To be held by 14 January 2026. A date will be sent.',
      'please contact the Independent Review Unit at iru@example.org or 01632 960 100.',
      'Yours sincerely, Test Chair Conference chair, Independent Review Unit',
    ]) {
      expect(flat).toContain(expected);
    }
    // The minority's reasons are in the dissent record, not the letter to everyone invited.
    expect(text).not.toContain('Attendance has improved');
    expect(text).not.toContain('No evidence of harm');
  });

  it('names the next review and first core group, a review’s words, and the same bytes each time', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const reconvened = await reconvene(r, s);
    const source = r.documents.sourceFor('decision-letter');
    const { flat, bytes, file } = await render(source, reconvened.id, { ...OPTIONS, generatedOn: '2026-01-13' });
    expectWellFormed(file);
    for (const expected of [
      'Conference Reconvened child protection conference, deciding as an initial conference',
      'Reconvenes The conference adjourned on 19 December 2025',
      'Date 12 January 2026',
      'Time 14:00',
      'Venue Civic Centre, Room 2',
      'Decision The child will be subject to a child protection plan.',
      'How it was reached The views were still equally divided when the conference reconvened (2 to 2): the child continues on the plan and the matter goes to a Principal Officer review.',
      'Category of abuse Emotional abuse',
      'Minority view Recorded. Police and Primary School held a different view; their concerns and reasons are recorded in full',
      'Minutes Sent to everyone invited by 2 February 2026',
      // The first review counts from the initial conference, also when it was reconvened.
      'Next review conference For Niamh Ó Súilleabháin: to be held by 19 March 2026',
      'Principal Officer review For Niamh Ó Súilleabháin: by 26 January 2026',
    ]) {
      expect(flat).toContain(expected);
    }
    // Her first core group was scheduled when she was made subject to a plan pending this meeting.
    expect(flat).not.toContain('First core group');
    expect(flat).not.toContain('Zoë');
    const again = await source.render(
      (await source.candidate(reconvened.id, null, null)) ?? expect.fail('no candidate'),
      {
        ...OPTIONS,
        generatedOn: '2026-01-13',
      },
    );
    expect(again.equals(bytes)).toBe(true);
  });

  it('says the plan ends at a review, and refuses a conference with no decision yet', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T11:00:00Z') });
    const s = await scenario(r);
    const review = await r.conferences.create(
      conferenceInputSchema.parse({
        type: 'review',
        date: '2026-03-02',
        time: '14:00',
        venue: 'Online',
        chairName: 'Second Chair',
        family: { id: s.conference.familyId },
        childIds: [s.zoe.id],
      }),
    );
    const source = r.documents.sourceFor('decision-letter');
    const candidate = (await source.candidate(review.id, null, null)) ?? expect.fail('no candidate');
    expect(await source.problems(candidate, OPTIONS)).toEqual([
      {
        path: 'decision',
        message: 'The conference has no decision recorded yet: record the decision for every child first',
      },
    ]);
    for (const a of Object.values(s.agencies)) {
      await r.live.invite({
        conferenceId: review.id,
        agencyId: a.id,
        representativeName: null,
        representativeRole: null,
      });
      await r.live.setAttendance(review.id, a.id, 'attended');
      await s.view(review.id, s.zoe.id, a.id, 'no-plan');
    }
    await r.live.recordDecision({ conferenceId: review.id, childId: s.zoe.id, category: null });
    const { flat } = await render(source, review.id, { ...OPTIONS, generatedOn: '2026-03-03' });
    for (const expected of [
      'Conference Review child protection conference',
      'Police Not named Attended',
      'Decision The child protection plan will end.',
      'How it was reached Unanimous: all 4 agencies giving a view agreed.',
      'Minority view None.',
      'Chair Second Chair',
    ]) {
      expect(flat).toContain(expected);
    }
    expect(flat).not.toContain('Category of abuse');
    expect(flat).not.toContain('refer the matter straight away');
  });

  it('gives children’s and the family’s names as initials when asked; professionals stay in full', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const source = r.documents.sourceFor('decision-letter');
    const { text, flat, candidate } = await render(source, s.conference.id, { ...OPTIONS, initialsOnly: true });
    expect(flat).toContain('Z.Ó.S.');
    expect(flat).toContain('N.Ó.S.');
    expect(flat).toContain('Family Ó.S.');
    expect(flat).toContain('Łukasz Nowak');
    expect(text).not.toMatch(/Zoë|Niamh|Súilleabháin/);
    expect(candidate.fileName).toMatch(/^[a-z0-9-]+\.pdf$/);
  });
});

describe('adjournment and reconvene notice', () => {
  it('explains the adjournment and the 15 working day rule, then gives the reconvened conference once arranged', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const source = r.documents.sourceFor('reconvene-notice');
    expect((await source.candidates('2025-12-01', '2025-12-31')).map((c) => c.fileName)).toEqual([
      `reconvene-notice-conference-${s.conference.id}-2025-12-19.pdf`,
    ]);
    expect(await source.candidates('2026-01-01', '2026-01-31')).toEqual([]);

    const before = await render(source, s.conference.id);
    expectWellFormed(before.file);
    for (const expected of [
      'Child protection conference: adjournment and reconvene notice',
      'To: everyone invited to the conference',
      'Police Łukasz Nowak, Detective constable Attended',
      'The conference on 19 December 2025 was adjourned for Niamh Ó Súilleabháin because the agencies’ views were equally divided.',
      'no more than 15 working days',
      'at an initial conference the child is made subject to a plan until the reconvened conference',
      'the child continues on the plan and the matter goes to a Principal Officer review',
      'In the meantime The child is made subject to a child protection plan until the reconvened conference.',
      'Reconvene by 14 January 2026',
      'The conference also decided for Zoë Ó Súilleabháin; the decision letter gives that decision.',
      'The conference must reconvene by 14 January 2026, 15 working days after the conference.',
      'A date will be sent. The latest date the conference can reconvene is 14 January 2026.',
    ]) {
      expect(before.flat).toContain(expected);
    }

    await reconvene(r, s);
    const after = await render(source, s.conference.id);
    for (const expected of ['Date 12 January 2026', 'Time 14:00', 'Venue Civic Centre, Room 2', 'Chair Test Chair']) {
      expect(after.flat).toContain(expected);
    }
    expect(after.flat).not.toContain('A date will be sent');
  });

  it('refuses a conference that was not adjourned', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const reconvened = await reconvene(r, s);
    const source = r.documents.sourceFor('reconvene-notice');
    const candidate = (await source.candidate(reconvened.id, null, null)) ?? expect.fail('no candidate');
    expect((await source.problems(candidate, OPTIONS)).map((p) => p.path)).toEqual(['status']);
  });
});

describe('dissent record', () => {
  it('records each minority view’s reasons in full', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const source = r.documents.sourceFor('dissent-record');
    expect((await source.candidates('2025-12-19', '2025-12-19')).map((c) => c.fileName)).toEqual([
      `dissent-record-conference-${s.conference.id}-2025-12-19.pdf`,
    ]);
    const { flat, file } = await render(source, s.conference.id);
    expectWellFormed(file);
    for (const expected of [
      'Child protection conference: record of minority views',
      'Conference Initial child protection conference',
      'Zoë Ó Súilleabháin',
      'Decision The child will be subject to a child protection plan.',
      'How it was reached By majority view: 3 agencies to 1.',
      'Category of abuse Neglect',
      'Agency Representative View Reasons',
      'Primary School Dara Placeholder, No plan Attendance has improved to 96% this term',
      'No minority view was recorded for Niamh Ó Súilleabháin.',
    ]) {
      expect(flat).toContain(expected);
    }
    // The majority's reasons are not the dissent.
    expect(flat).not.toContain('Neglect evidenced over six months');
  });

  it('runs long reasons over pages with the header row repeated, and lists the Principal Officer review', async () => {
    const r = await tempRegister({ now: () => new Date('2025-12-19T11:00:00Z') });
    const s = await scenario(r);
    const reconvened = await reconvene(r, s);
    const source = r.documents.sourceFor('dissent-record');
    expect((await source.candidates('2026-01-01', '2026-01-31')).map((c) => c.entityId)).toEqual([reconvened.id]);
    const { text, flat, file } = await render(source, reconvened.id, { ...OPTIONS, generatedOn: '2026-01-13' });
    expectWellFormed(file);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))?.[1])).toBeGreaterThanOrEqual(2);
    const withHeader = pages.filter((p) => /Agency\s+Representative\s+View\s+Reasons/.test(p));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    // Every point of the long reasons is there, in order, across the pages.
    const positions = Array.from({ length: 60 }, (_, i) => flat.indexOf(`Point ${i + 1}:`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const expected of [
      'Still not known to the school',
      'Principal Officer review',
      'The reconvened conference still had no unanimous or majority view',
      'Niamh Ó Súilleabháin: Principal Officer review due by 26 January 2026.',
      'Principal Officer review Due by 26 January 2026',
    ]) {
      expect(flat).toContain(expected);
    }
    expect(flat).toContain('Police Łukasz Nowak, No plan Point 1:');
  });

  it('refuses a conference with no minority view', async () => {
    const r = await tempRegister({ now: () => new Date('2026-03-02T11:00:00Z') });
    const s = await scenario(r);
    const review = await r.conferences.create(
      conferenceInputSchema.parse({
        type: 'review',
        date: '2026-03-02',
        time: '14:00',
        venue: 'Online',
        chairName: 'Test Chair',
        family: { id: s.conference.familyId },
        childIds: [s.zoe.id],
      }),
    );
    for (const a of Object.values(s.agencies)) {
      await r.live.invite({
        conferenceId: review.id,
        agencyId: a.id,
        representativeName: null,
        representativeRole: null,
      });
      await r.live.setAttendance(review.id, a.id, 'attended');
      await s.view(review.id, s.zoe.id, a.id, 'plan');
    }
    await r.live.recordDecision({ conferenceId: review.id, childId: s.zoe.id, category: 'NEG' });
    const source = r.documents.sourceFor('dissent-record');
    expect(await source.candidates('2026-03-02', '2026-03-02')).toEqual([]);
    const candidate = (await source.candidate(review.id, null, null)) ?? expect.fail('no candidate');
    expect((await source.problems(candidate, OPTIONS)).map((p) => p.path)).toEqual(['views']);
  });
});
