import { describe, expect, it } from 'vitest';
import {
  annualReturnFileName,
  annualReturnModel,
  annualTable,
  learningEntries,
  MAX_CHART_ROWS,
  measureParts,
  mergedRows,
  themesTable,
  timeToResolutionTable,
  type AnnualReturnInput,
} from '../../shared/forms/annual-return';
import { REPORT_NAMES, REPORT_TABLES, tableSpec, type ReportName, type TableSpec } from '../../shared/reports';
import { annualReturnInputSchema } from '../../shared/schemas/annual-return';
import type { Report, ReportTablesOutput } from '../../shared/schemas/reports';

type Row = ReportTablesOutput['tables'][string][number];

function tables(t: Partial<ReportTablesOutput> = {}): ReportTablesOutput {
  return { tables: {}, totals: {}, timeToResolution: null, learning: [], ...t };
}

function report(
  name: ReportName,
  current: Partial<ReportTablesOutput> = {},
  previous: Partial<ReportTablesOutput> = {},
  countedOn = '2026-12-31',
): Report {
  return {
    report: name,
    period: { from: '2026-01-01', to: '2026-12-31' },
    previousPeriod: { from: '2025-01-01', to: '2025-12-31' },
    current: tables(current),
    previous: tables(previous),
    countedOn,
  };
}

function spec(name: ReportName, id: string): TableSpec {
  const found = tableSpec(name, id);
  if (!found) throw new Error(`${name}.${id}`);
  return found;
}

const row = (key: string, counts: Record<string, number>, label = key): Row => ({ key, label, counts });

const ATTENDANCE = spec('attendance', 'agency');
const HELD = spec('conferences', 'type');
const REPEAT = spec('returns', 'repeat');
const CHALLENGED = spec('escalations', 'challenged-agency');

const attendance = (invited: number, didNotAttend: number) => ({
  invited,
  attended: invited - didNotAttend,
  apologies: 0,
  didNotAttend,
  reportsOnTime: invited,
  reportsLate: 0,
  reportsMissing: 0,
});

describe('measureParts: wide tables split to fit A4', () => {
  it.each([
    [0, [0]],
    [1, [1]],
    [3, [3]],
    [5, [5]],
    [6, [3, 3]],
    [7, [4, 3]],
    [11, [4, 4, 3]],
  ])('%i measures come in parts of %j', (n, sizes) => {
    const measures = Array.from({ length: n }, (_, i) => i);
    const parts = measureParts(measures);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(measures);
  });
});

describe('mergedRows: this year and last, one row per key', () => {
  it('keeps this year’s order, and adds a key counted only last year in label order', () => {
    const current = tables({
      tables: { agency: [row('b', { invited: 2 }, 'Bravo'), row('d', { invited: 1 }, 'Delta')] },
    });
    const previous = tables({
      tables: { agency: [row('a', { invited: 5 }, 'Alpha'), row('b', { invited: 3 }, 'Bravo')] },
    });
    expect(mergedRows(current, previous, { id: 'agency' })).toEqual([
      { key: 'a', label: 'Alpha', current: {}, previous: { invited: 5 } },
      { key: 'b', label: 'Bravo', current: { invited: 2 }, previous: { invited: 3 } },
      { key: 'd', label: 'Delta', current: { invited: 1 }, previous: {} },
    ]);
  });

  it('leaves a fixed order alone when both years have the same keys', () => {
    const keys = ['initial', 'review', 'reconvened'];
    const current = tables({ tables: { type: keys.map((k) => row(k, { held: 1 }, k.toUpperCase())) } });
    const previous = tables({ tables: { type: keys.map((k) => row(k, { held: 2 }, k.toUpperCase())) } });
    expect(mergedRows(current, previous, { id: 'type' }).map((r) => r.key)).toEqual(keys);
  });
});

describe('annualTable', () => {
  it('puts one or two measures side by side, a column per year, with the totals', () => {
    const data = report(
      'conferences',
      { tables: { type: [row('initial', { held: 43 }, 'Initial')] }, totals: { type: { held: 43 } } },
      { tables: { type: [row('initial', { held: 1200 }, 'Initial')] }, totals: { type: { held: 1200 } } },
    );
    const t = annualTable('conferences', HELD, data, 2026);
    expect(t.id).toBe('conferences-type');
    expect(t.title).toBe('Conferences held, by type');
    expect(t.grids).toHaveLength(1);
    expect(t.grids[0]?.columns.map((c) => c.header)).toEqual(['Type', 'Held, 2026', 'Held, 2025']);
    expect(t.grids[0]?.rows).toEqual([
      ['Initial', '43', '1,200'],
      ['Total', '43', '1,200'],
    ]);
    const repeat = annualTable('returns', REPEAT, report('returns'), 2026);
    expect(repeat.grids[0]?.columns.map((c) => c.header)).toEqual([
      'Agency',
      'Did not attend in the period, 2026',
      'Did not attend in the period, 2025',
      'In the 12 months to its end, 2026',
      'In the 12 months to its end, 2025',
    ]);
  });

  it('gives each year its own row when there are more measures, in parts past five', () => {
    const data = report(
      'attendance',
      { tables: { agency: [row('Police', attendance(10, 3))] }, totals: { agency: attendance(10, 3) } },
      { tables: { agency: [row('Police', attendance(8, 1))] }, totals: { agency: attendance(8, 1) } },
    );
    const t = annualTable('attendance', ATTENDANCE, data, 2026);
    expect(t.grids.map((g) => g.columns.map((c) => c.header))).toEqual([
      ['Agency', 'Year', 'Invited', 'Attended', 'Apologies', 'Did not attend'],
      ['Agency', 'Year', 'Reports on time', 'Reports late', 'Reports missing'],
    ]);
    expect(t.grids[0]?.caption).toBe(
      'Attendance and reports, by agency, part 1 of 2: invited, attended, apologies, did not attend',
    );
    expect(t.grids[0]?.rows).toEqual([
      ['Police', '2026', '10', '7', '0', '3'],
      ['Police', '2025', '8', '7', '0', '1'],
      ['Total', '2026', '10', '7', '0', '3'],
      ['Total', '2025', '8', '7', '0', '1'],
    ]);
    // Five measures (escalations) stay in one grid.
    const escalations = annualTable('escalations', CHALLENGED, report('escalations'), 2026);
    expect(escalations.grids).toHaveLength(1);
    expect(escalations.grids[0]?.caption).toBeNull();
  });

  it('charts the table’s chart measure, this year beside last year, with a description for the alternative text', () => {
    const data = report(
      'attendance',
      { tables: { agency: [row('Police', attendance(10, 3)), row('School', attendance(4, 0))] } },
      { tables: { agency: [row('Police', attendance(8, 1))] } },
    );
    const t = annualTable('attendance', ATTENDANCE, data, 2026);
    expect(t.chart?.rows.map((r) => [r.label, r.value, r.previous])).toEqual([
      ['Police', 3, 1],
      ['School', 0, 0],
    ]);
    expect(t.chart?.legend.map((l) => l.label)).toEqual(['2026', '2025']);
    expect(t.chart?.description).toBe(
      'Attendance and reports, by agency. Did not attend, 2026. Police: 3 (1 a year before); School: 0 (0 a year before).',
    );
    expect(t.chartCaption).toBe('The chart shows “Did not attend”, 2026 as the thicker bar and 2025 beneath it.');
  });

  it(`charts only the ${MAX_CHART_ROWS} largest rows of a long table; the table keeps them all`, () => {
    const agencies = Array.from({ length: 30 }, (_, i) =>
      row(`Agency ${String(i).padStart(2, '0')}`, attendance(40, i)),
    );
    const t = annualTable('attendance', ATTENDANCE, report('attendance', { tables: { agency: agencies } }), 2026);
    expect(t.chart?.rows).toHaveLength(MAX_CHART_ROWS);
    expect(t.chart?.rows[0]?.label).toBe('Agency 29');
    expect(t.chart?.rows.at(-1)?.label).toBe('Agency 10');
    expect(t.chart?.title).toBe(`Attendance and reports, by agency: the ${MAX_CHART_ROWS} largest`);
    expect(t.chartCaption).toContain(`for the ${MAX_CHART_ROWS} largest of 30; the table has them all`);
    // 30 agencies, two years each, and the totals (two rows).
    expect(t.grids[0]?.rows).toHaveLength(62);
  });

  it('has no chart and no rows when nothing was counted in either year', () => {
    const t = annualTable('escalations', CHALLENGED, report('escalations'), 2026);
    expect(t.chart).toBeNull();
    expect(t.chartCaption).toBeNull();
    expect(t.grids[0]?.rows).toEqual([]);
    expect(t.empty).toBe('Nothing was counted in 2025 or 2026.');
  });
});

describe('escalations: time to resolution, themes and learning', () => {
  const learning = [
    {
      escalationId: 7,
      closedOn: '2026-03-04',
      status: 'resolved' as const,
      challengedAgency: 'Children’s Social Care',
      natures: ['Threshold', 'Information sharing'],
      learning: 'Share referral outcomes in writing',
      restorativeDebrief: null,
    },
    {
      escalationId: 9,
      closedOn: '2026-05-01',
      status: 'closed-unresolved' as const,
      challengedAgency: 'Police',
      natures: ['Information sharing'],
      learning: null,
      restorativeDebrief: 'Both agencies met',
    },
  ];
  const data = report(
    'escalations',
    {
      timeToResolution: { resolved: 3, medianWorkingDays: 9.5, meanWorkingDays: 11.3, longestWorkingDays: 20 },
      learning,
    },
    { timeToResolution: { resolved: 0, medianWorkingDays: null, meanWorkingDays: null, longestWorkingDays: null } },
  );

  it('gives time to resolution for each year, saying when none was resolved', () => {
    expect(timeToResolutionTable(data, 2026).grids[0]?.rows).toEqual([
      ['Resolved', '3', '0'],
      ['Median working days from opening', '9.5', 'None resolved'],
      ['Mean working days from opening', '11.3', 'None resolved'],
      ['Longest, in working days', '20', 'None resolved'],
    ]);
  });

  it('counts the themes: the natures of the differences with learning, most frequent first', () => {
    expect(themesTable(data, 2026).grids[0]?.rows).toEqual([
      ['Information sharing', '2'],
      ['Threshold', '1'],
    ]);
  });

  it('lists each closed escalation’s learning, saying what was not recorded', () => {
    expect(learningEntries(data)).toEqual([
      {
        heading: 'Escalation 7, closed 4 March 2026',
        fields: [
          ['Outcome', 'Resolved'],
          ['Challenged agency', 'Children’s Social Care'],
          ['Nature of the difference', 'Threshold; Information sharing'],
          ['Learning', 'Share referral outcomes in writing'],
          ['Restorative debrief', 'Not recorded'],
        ],
      },
      {
        heading: 'Escalation 9, closed 1 May 2026',
        fields: [
          ['Outcome', 'Closed unresolved'],
          ['Challenged agency', 'Police'],
          ['Nature of the difference', 'Information sharing'],
          ['Learning', 'Not recorded'],
          ['Restorative debrief', 'Both agencies met'],
        ],
      },
    ]);
  });
});

describe('annualReturnModel', () => {
  const input = (countedOn: string): AnnualReturnInput => ({
    year: 2026,
    partnership: 'Northtown Safeguarding Children Partnership',
    marking: 'OFFICIAL-SENSITIVE',
    generatedOn: '2026-12-02',
    reports: {
      conferences: report('conferences', {}, {}, countedOn),
      attendance: report('attendance', {}, {}, countedOn),
      returns: report('returns', {}, {}, countedOn),
      escalations: report('escalations', {}, {}, countedOn),
    },
  });

  it('has a title page, contents, every report’s tables in order, then learning and themes', () => {
    const m = annualReturnModel(input('2026-12-31'));
    expect(m.frame).toEqual({
      title: 'Annual return 2026',
      partnership: 'Northtown Safeguarding Children Partnership',
      marking: 'OFFICIAL-SENSITIVE',
      generatedOn: '2026-12-02',
    });
    expect(m.titleLines).toEqual([
      'Northtown Safeguarding Children Partnership',
      '1 January to 31 December 2026, compared with 2025',
      'Made on 2 December 2026',
    ]);
    expect(m.contents.map((c) => c.id)).toEqual([...REPORT_NAMES, 'learning']);
    expect(m.contents.map((c) => c.label)).toEqual([
      'Conferences',
      'Agency contribution',
      'Appendix 3 returns',
      'Escalations',
      'Learning and themes',
    ]);
    for (const name of REPORT_NAMES) {
      const section = m.sections.find((s) => s.id === name);
      expect(section?.tables.map((t) => t.title)).toEqual(REPORT_TABLES[name].map((t) => t.title));
    }
    expect(m.sections.find((s) => s.id === 'escalations')?.timeToResolution?.title).toBe('Time to resolution');
    const learning = m.sections.find((s) => s.id === 'learning');
    expect(learning?.paragraphs).toEqual([
      'No escalation closed in 2026 had learning or a restorative debrief recorded.',
    ]);
    expect(learning?.themes?.empty).toBe('No learning was recorded at closing in 2026.');
  });

  it.each([
    ['a year not yet over', '2026-12-02', true],
    ['a year that is over', '2026-12-31', false],
  ])('says when open and overdue were counted, for %s', (_what, countedOn, says) => {
    const text = annualReturnModel(input(countedOn)).introduction.join(' ');
    expect(text.includes('counted on 2 December 2026')).toBe(says);
  });

  it('names the file by the year alone', () => {
    expect(annualReturnFileName(2026)).toBe('annual-return-2026.pdf');
  });
});

describe('annualReturnInputSchema', () => {
  it.each([
    [{ year: 2026 }, null],
    [{ year: 2026, file: '/tmp/x.PDF' }, null],
    [{ year: 2026, folder: '/tmp' }, null],
    [{ year: 1999 }, 'year: Enter the year as a whole number from 2000 to 2099, such as 2026'],
    [{ year: 2100 }, 'year: Enter the year as a whole number from 2000 to 2099, such as 2026'],
    [{ year: 2026.5 }, 'year: Enter the year as a whole number from 2000 to 2099, such as 2026'],
    [{ year: '2026' }, 'year: Enter the year as a whole number from 2000 to 2099, such as 2026'],
    [{}, 'year: Enter the year as a whole number from 2000 to 2099, such as 2026'],
    [{ year: 2026, file: '/tmp/x.txt' }, 'file: The file name must end in .pdf'],
    [{ year: 2026, file: '  ' }, 'file: Enter the PDF file to write'],
    [
      { year: 2026, file: '/tmp/x.pdf', folder: '/tmp' },
      'file: Give a folder or a file for the annual return, not both',
    ],
  ])('%j', (value, problem) => {
    const parsed = annualReturnInputSchema.safeParse(value);
    expect(parsed.success).toBe(problem === null);
    if (problem === null) return;
    const issue = parsed.error?.issues[0];
    expect(`${issue?.path.join('.')}: ${issue?.message}`).toBe(problem);
  });

  it('refuses a field it does not know', () => {
    expect(annualReturnInputSchema.safeParse({ year: 2026, colour: 'blue' }).success).toBe(false);
  });
});
