import { describe, expect, it } from 'vitest';
import {
  agencyExportJson,
  appendix3Csv,
  csvCell,
  escalationsCsv,
  type AgencyExportInput,
} from '../../shared/forms/agency-export';
import {
  APPENDIX3_COLUMNS,
  appendix3Model,
  appendix3Problems,
  type Appendix3Input,
} from '../../shared/forms/appendix3';
import { formatDate, nameFor, slug } from '../../shared/forms/frame';

const input: Appendix3Input = {
  partnership: 'Northtown Safeguarding Children Partnership',
  marking: 'OFFICIAL-SENSITIVE',
  generatedOn: '2026-11-02',
  unit: {
    name: 'CP Review Unit',
    email: 'cpru@example.org',
    phone: null,
    trainingLink: 'https://example.org/training',
  },
  agency: { name: 'Northtown Police', leadName: 'Zoë Lead', leadJobTitle: 'DI' },
  period: { from: '2026-10-01', to: '2026-10-31' },
  rows: [
    {
      meetingDate: '2026-10-20',
      familyIdentifier: 'Ó Súilleabháin',
      chairName: 'Chair B',
      representativeName: null,
      reason: 'other',
      reasonDetail: 'Left early',
    },
    {
      meetingDate: '2026-10-03',
      familyIdentifier: 'Łukasz Nowak',
      chairName: 'Chair A',
      representativeName: 'PC Rep',
      reason: 'did-not-attend',
      reasonDetail: null,
    },
  ],
  initialsOnly: false,
};

describe('Appendix 3 model', () => {
  it('has the form’s six columns and one row per incident, oldest first', () => {
    const m = appendix3Model(input);
    expect(m.columns).toEqual(APPENDIX3_COLUMNS);
    expect(m.rows).toEqual([
      ['3 October 2026', 'Łukasz Nowak', 'Chair A', 'Northtown Police', 'PC Rep', 'Did not attend'],
      ['20 October 2026', 'Ó Súilleabháin', 'Chair B', 'Northtown Police', 'Not known', 'Other issue: Left early'],
    ]);
    expect(m.addressee).toBe('To: Zoë Lead, DI, Northtown Police');
    expect(m.contact).toBe(
      'Please contact the CP Review Unit at cpru@example.org if you require any further information.',
    );
    expect(m.trainingLink).toBe('https://example.org/training');
    expect(m.frame).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', generatedOn: '2026-11-02' });
  });

  it.each([
    ['Jane Doe', 'Designated Safeguarding Lead', 'To: Jane Doe, Designated Safeguarding Lead, Northtown Police'],
    ['Jane Doe', null, 'To: Jane Doe, Safeguarding Lead, Northtown Police'],
    ['Jane Doe', '  ', 'To: Jane Doe, Safeguarding Lead, Northtown Police'],
    [null, 'Designated Safeguarding Lead', 'To: the Safeguarding Lead, Northtown Police'],
    [null, null, 'To: the Safeguarding Lead, Northtown Police'],
  ])('addresses the safeguarding lead once, as name and job title (%s, %s)', (leadName, leadJobTitle, expected) => {
    const m = appendix3Model({ ...input, agency: { name: 'Northtown Police', leadName, leadJobTitle } });
    expect(m.addressee).toBe(expected);
    // The lead is named once in everything the form prints, and "Safeguarding Lead" is not
    // repeated after a job title.
    const printed = JSON.stringify(m);
    if (leadName) expect(printed.split(leadName)).toHaveLength(2);
    expect(m.addressee.split('Safeguarding Lead')).toHaveLength(2);
  });

  it('uses initials for family names when asked', () => {
    expect(appendix3Model({ ...input, initialsOnly: true }).rows.map((r) => r[1])).toEqual(['Ł.N.', 'Ó.S.']);
  });

  it('names what is missing: the unit’s email, or any rows at all', () => {
    expect(appendix3Problems(input)).toEqual([]);
    expect(appendix3Problems({ ...input, unit: { ...input.unit, email: null }, rows: [] }).map((p) => p.path)).toEqual([
      'settings.unitEmail',
      'rows',
    ]);
  });
});

describe('document helpers', () => {
  it.each([
    ['Łódź Community Health', 'lodz-community-health'],
    ['Children’s Social Care', 'children-s-social-care'],
    ['  ', 'record'],
  ])('slug(%s) is %s', (text, expected) => expect(slug(text)).toBe(expected));

  it('formats dates the GOV.UK way and keeps blanks blank', () => {
    expect(formatDate('2026-01-05')).toBe('5 January 2026');
    expect(formatDate(null)).toBeNull();
    expect(nameFor('Zoë Ó Súilleabháin', true)).toBe('Z.Ó.S.');
  });
});

describe('export rows as CSV and JSON', () => {
  const exportInput: AgencyExportInput = {
    partnership: 'P',
    marking: 'OFFICIAL-SENSITIVE',
    generatedAt: '2026-11-02T10:00:00.000Z',
    agency: 'Northtown Police',
    from: '2026-10-01',
    to: '2026-10-31',
    initialsOnly: false,
    appendix3: [
      {
        id: 7,
        meetingDate: '2026-10-03',
        familyIdentifier: '=HYPERLINK("x")',
        chairName: 'Chair, A',
        representativeName: null,
        reason: 'other',
        reasonDetail: 'Said "no"\nthen left',
      },
    ],
    escalations: [
      {
        reference: 3,
        openedOn: '2026-10-05',
        subject: 'Zoë Ó Súilleabháin',
        protocol: 'Kirklees',
        stage: 5,
        stageName: 'Head of service',
        status: 'open',
        natures: ['other', 'information-sharing'],
        natureOther: 'Transport',
        initiatingAgency: 'Police',
        challengedAgency: 'Health',
        immediateRisk: false,
        closedOn: null,
      },
    ],
  };

  it('quotes cells RFC 4180 style and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(null)).toBe('');
    const lines = appendix3Csv(exportInput).split('\r\n');
    expect(lines[1]).toBe(
      '7,2026-10-03,"\'=HYPERLINK(""x"")","Chair, A",Northtown Police,,other,Other issue,"Said ""no""\nthen left"',
    );
    expect(escalationsCsv(exportInput).split('\r\n')[1]).toBe(
      '3,2026-10-05,Zoë Ó Súilleabháin,Kirklees,5,Head of service,open,Other: Transport; Information sharing,Police,Health,false,',
    );
  });

  it('carries the schema name and version, and initials when asked', () => {
    const json = JSON.parse(agencyExportJson({ ...exportInput, initialsOnly: true })) as Record<string, unknown>;
    expect(json).toMatchObject({
      schema: 'cp-conference-register/agency-export',
      version: 1,
      namesAsInitials: true,
      period: { from: '2026-10-01', to: '2026-10-31' },
      escalations: [expect.objectContaining({ subject: 'Z.Ó.S.', natures: ['other', 'information-sharing'] })],
    });
  });
});
