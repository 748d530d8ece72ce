import { describe, expect, it } from 'vitest';
import { APPENDIX3_COLUMNS } from '../../shared/forms/appendix3';
import { tempRegister } from './helpers';
import { pdfFile, pdfInfo, pdfText, squash } from './pdf';
import { agencyInputSchema } from '../../shared/schemas/agency';

const REASONS = ['did-not-attend', 'no-report', 'late-report', 'other'] as const;

const LONG_DETAIL =
  'The representative joined late and left before the decision; the written report arrived after the conference had started and did not address the concerns raised at the previous review. '.repeat(
    3,
  );

async function registerWithReturn(rows = 3) {
  const r = await tempRegister();
  await r.settings.update({
    partnershipName: 'Northtown Safeguarding Children Partnership',
    unitName: 'Northtown CP Review Unit',
    unitEmail: 'cpru@northtown.example.org',
    unitPhone: '01632 960 100',
    trainingLink: 'https://training.northtown.example.org/cp-conferences',
  });
  const agency = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'Łódź Community Health Trust',
      type: 'health',
      leadName: 'Zoë Ó Súilleabháin',
      leadJobTitle: 'Named Nurse for Safeguarding',
      leadEmail: 'zoe.lead@example.org',
    }),
  );
  for (let i = 0; i < rows; i++) {
    await r.agencyEscalations.raiseByHand({
      agencyId: agency.id,
      meetingDate: `2026-02-${String(2 + (i % 26)).padStart(2, '0')}`,
      familyIdentifier: i % 2 ? 'Ó Súilleabháin family' : 'Łukasz Nowak-Smith',
      chairName: 'Chair Bridget Ainsworth',
      representativeName: i % 3 === 0 ? null : 'Rep Zoë Kowalczyk',
      reason: REASONS[i % 4] ?? 'other',
      reasonDetail: i % 4 === 3 ? LONG_DETAIL : null,
    });
  }
  const source = r.documents.sourceFor('appendix3');
  return { r, agency, source };
}

const OPTIONS = { generatedOn: '2026-03-02', initialsOnly: false, password: null };

describe('Appendix 3 return as a PDF', () => {
  it('carries the covering text, every column, every row and the unit’s contact details', async () => {
    const { agency, source } = await registerWithReturn(4);
    const candidate = await source.candidate(agency.id, '2026-02-01', '2026-02-28');
    if (!candidate) throw new Error('no candidate');
    expect(candidate.fileName).toBe('appendix3-lodz-community-health-trust-2026-02-01-to-2026-02-28.pdf');
    expect(await source.problems(candidate, OPTIONS)).toEqual([]);
    const path = pdfFile(await source.render(candidate, OPTIONS));
    const text = squash(pdfText(path));
    for (const phrase of [
      'OFFICIAL-SENSITIVE',
      'Northtown Safeguarding Children Partnership',
      'Appendix 3. Child Protection Case Conference escalation',
      'Child Protection Case Conference Escalation information.',
      'To: Zoë Ó Súilleabháin, Named Nurse for Safeguarding, Łódź Community Health Trust',
      'Period: 1 February 2026 to 28 February 2026',
      'Following agreement with the Northtown Safeguarding Children Partnership, your name has been provided as a Safeguarding Lead for your agency/organisation.',
      'Safeguarding is a joint responsibility',
      'An issue has been identified regarding your agency/organisation contribution to the Child Protection process',
      'Please contact the Northtown CP Review Unit at cpru@northtown.example.org or 01632 960 100 if you require any further information.',
      'https://training.northtown.example.org/cp-conferences',
      '2 February 2026',
      'Łukasz Nowak-Smith',
      'Ó Súilleabháin family',
      'Chair Bridget Ainsworth',
      'Rep Zoë Kowalczyk',
      'Not known',
      'Did not attend',
      'No report provided',
      'Report not provided in time',
      'Page 1 of',
    ]) {
      expect(text).toContain(phrase);
    }
    for (const column of APPENDIX3_COLUMNS) {
      for (const word of column.split(' ')) expect(text).toContain(word);
    }
    const info = pdfInfo(path);
    expect(info['Tagged']).toBe('yes');
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(info['Title']).toContain('Appendix 3');
    expect(info['Encrypted']).toBe('no');
  });

  it('names the safeguarding lead once, with their job title', async () => {
    const { r, agency, source } = await registerWithReturn(4);
    const candidate = await source.candidate(agency.id, '2026-02-01', '2026-02-28');
    if (!candidate) throw new Error('no candidate');
    const text = squash(pdfText(pdfFile(await source.render(candidate, OPTIONS))));
    expect(text.split('Zoë Ó Súilleabháin')).toHaveLength(2);
    expect(text).toContain('Named Nurse for Safeguarding');
    expect(text).toContain('To: Zoë Ó Súilleabháin, Named Nurse for Safeguarding, Łódź Community Health Trust');
    expect(text).not.toContain('Safeguarding Lead, Łódź');

    // With no job title recorded the lead is the agency's "Safeguarding Lead"; with no name, the
    // return goes to the Safeguarding Lead.
    await r.agencies.update(
      agency.id,
      agencyInputSchema.parse({ name: agency.name, type: agency.type, leadName: 'Zoë Ó Súilleabháin' }),
    );
    const untitled = squash(pdfText(pdfFile(await source.render(candidate, OPTIONS))));
    expect(untitled.split('Zoë Ó Súilleabháin')).toHaveLength(2);
    expect(untitled).toContain('To: Zoë Ó Súilleabháin, Safeguarding Lead, Łódź Community Health Trust');
    await r.agencies.update(
      agency.id,
      agencyInputSchema.parse({ name: agency.name, type: agency.type, leadJobTitle: 'Named Nurse' }),
    );
    const unnamed = squash(pdfText(pdfFile(await source.render(candidate, OPTIONS))));
    expect(unnamed).toContain('To: the Safeguarding Lead, Łódź Community Health Trust');
    expect(unnamed).not.toContain('Zoë Ó Súilleabháin');
  });

  it('gives the same bytes for the same record and date, and different bytes on another date', async () => {
    const { agency, source } = await registerWithReturn(2);
    const c = await source.candidate(agency.id, '2026-02-01', '2026-02-28');
    if (!c) throw new Error('no candidate');
    const a = await source.render(c, OPTIONS);
    // Another document in between (other glyphs, the shared parsed font) changes nothing.
    await source.render(c, { ...OPTIONS, initialsOnly: true });
    expect((await source.render(c, OPTIONS)).equals(a)).toBe(true);
    expect((await source.render(c, { ...OPTIONS, generatedOn: '2026-03-03' })).equals(a)).toBe(false);
  });

  it('breaks a long table across pages with the header row repeated, and numbers every page', async () => {
    const { agency, source } = await registerWithReturn(40);
    const c = await source.candidate(agency.id, '2026-02-01', '2026-02-28');
    if (!c) throw new Error('no candidate');
    const path = pdfFile(await source.render(c, OPTIONS));
    const pages = pdfText(path, { layout: true })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // The header row ("Date of meeting ... Reason for escalation") starts every page the table runs onto.
    for (const page of pages.slice(1, -1)) {
      expect(page).toMatch(/Date of\s+Family name,/);
      expect(page).toContain('Reason for');
    }
    // The long "other" reason is all there, wrapped.
    expect(squash(pdfText(path))).toContain(squash(LONG_DETAIL).trim().slice(0, 120));
  });

  it('shows initials for family names when asked, and names what is missing before anything is made', async () => {
    const { r, agency, source } = await registerWithReturn(2);
    const c = await source.candidate(agency.id, '2026-02-01', '2026-02-28');
    if (!c) throw new Error('no candidate');
    const text = pdfText(pdfFile(await source.render(c, { ...OPTIONS, initialsOnly: true })));
    expect(text).not.toContain('Nowak-Smith');
    expect(text).not.toContain('Súilleabháin family');
    expect(text).toContain('Ł.N.S.');
    await r.settings.update({ unitEmail: null });
    expect(await source.problems(c, OPTIONS)).toEqual([
      expect.objectContaining({ path: 'settings.unitEmail', message: expect.stringContaining('Settings') }),
    ]);
  });

  it('opens only with its password when one is given', async () => {
    const { agency, source } = await registerWithReturn(1);
    const c = await source.candidate(agency.id, '2026-02-01', '2026-02-28');
    if (!c) throw new Error('no candidate');
    const path = pdfFile(await source.render(c, { ...OPTIONS, password: 'correct horse battery staple' }));
    expect(() => pdfText(path)).toThrow();
    expect(squash(pdfText(path, { password: 'correct horse battery staple' }))).toContain('Łukasz Nowak-Smith');
    expect(pdfInfo(path, 'correct horse battery staple')['Encrypted']).toContain('AES-256');
  });
});
