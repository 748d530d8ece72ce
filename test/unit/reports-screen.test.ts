import { describe, expect, it } from 'vitest';
import { REPORT_TABLES, type TableSpec } from '../../shared/reports';
import type { Report, ReportTablesOutput } from '../../shared/schemas/reports';
import { parseRoute } from '../../renderer/src/app/routes';
import {
  comparedRows,
  fileStem,
  formatRate,
  nextSort,
  quickPeriods,
  rate,
  rateSpecs,
  recordHref,
  reportPath,
  sheetNames,
  sortRows,
  tableCsv,
  tableGrid,
  workbookSheets,
} from '../../renderer/src/features/reports/report-model';

const attendanceSpec = REPORT_TABLES.attendance[0] as TableSpec;

function tables(rows: { key: string; counts: Record<string, number> }[], totals: Record<string, number>) {
  return {
    tables: { agency: rows.map((r) => ({ ...r, label: r.key })) },
    totals: { agency: totals },
    timeToResolution: null,
    learning: [],
  } satisfies ReportTablesOutput;
}

/** Attendance for 2025-12-01 to 2026-11-30: Humber Police missed most; Zoë's surgery was only invited the year before. */
const attendance: Report = {
  report: 'attendance',
  period: { from: '2025-12-01', to: '2026-11-30' },
  previousPeriod: { from: '2024-12-01', to: '2025-11-30' },
  countedOn: '2026-11-30',
  current: tables(
    [
      { key: 'Children’s Social Care', counts: { invited: 4, attended: 4, reportsOnTime: 3, reportsLate: 1 } },
      { key: 'Humber Police', counts: { invited: 4, attended: 1, didNotAttend: 3, reportsMissing: 4 } },
    ],
    { invited: 8, attended: 5, didNotAttend: 3, reportsOnTime: 3, reportsLate: 1, reportsMissing: 4 },
  ),
  previous: tables(
    [
      { key: 'Humber Police', counts: { invited: 2, didNotAttend: 2 } },
      { key: 'Zoë Lane Surgery', counts: { invited: 1, attended: 1 } },
    ],
    { invited: 3, attended: 1, didNotAttend: 2 },
  ),
};

describe('the Reports screen’s rows, rates and sorting', () => {
  it('puts both periods’ rows side by side, with the rows only the year before had last', () => {
    const rows = comparedRows(attendanceSpec, attendance.current, attendance.previous);
    expect(rows.map((r) => [r.key, r.current.didNotAttend, r.previous.didNotAttend])).toEqual([
      ['Children’s Social Care', 0, 0],
      ['Humber Police', 3, 2],
      ['Zoë Lane Surgery', 0, 0],
    ]);
    expect(rows[2]?.previous.attended).toBe(1);
  });

  it.each([
    [3, 4, 0.75, '75%'],
    [2, 3, 2 / 3, '67%'],
    [0, 0, null, '–'],
  ])('rate(%d, %d) is %s, shown as %s', (part, whole, expected, shown) => {
    expect(rate(part, whole)).toBe(expected);
    expect(formatRate(rate(part, whole))).toBe(shown);
  });

  it('works out attendance and reports-on-time rates; other tables have none', () => {
    const [attended, onTime] = rateSpecs('attendance', 'agency');
    const counts = { invited: 4, attended: 1, reportsOnTime: 1, reportsLate: 1, reportsMissing: 2 };
    expect(attended?.of(counts)).toBe(0.25);
    expect(onTime?.of(counts)).toBe(0.25);
    expect(rateSpecs('escalations', 'nature')).toEqual([]);
  });

  it('sorts by a count highest first, then turns round; by the key in words from A', () => {
    const rows = comparedRows(attendanceSpec, attendance.current, attendance.previous);
    const byDna = nextSort(null, 'didNotAttend');
    expect(byDna).toEqual({ column: 'didNotAttend', direction: 'descending' });
    expect(sortRows(rows, byDna, []).map((r) => r.key)).toEqual([
      'Humber Police',
      'Children’s Social Care',
      'Zoë Lane Surgery',
    ]);
    const turned = nextSort(byDna, 'didNotAttend');
    expect(turned.direction).toBe('ascending');
    expect(sortRows(rows, turned, [])[0]?.key).toBe('Children’s Social Care');
    expect(nextSort(turned, 'label')).toEqual({ column: 'label', direction: 'ascending' });
    const byRate = { column: 'attendanceRate', direction: 'descending' } as const;
    expect(sortRows(rows, byRate, rateSpecs('attendance', 'agency')).map((r) => r.key)).toEqual([
      'Children’s Social Care',
      'Humber Police',
      'Zoë Lane Surgery',
    ]);
  });
});

describe('the Reports screen’s periods and address', () => {
  it('offers this year so far, the last 12 months, the last financial and calendar years', () => {
    expect(quickPeriods('2026-12-02').map((q) => q.period)).toEqual([
      { from: '2026-01-01', to: '2026-12-02' },
      { from: '2025-12-03', to: '2026-12-02' },
      { from: '2025-04-01', to: '2026-03-31' },
      { from: '2025-01-01', to: '2025-12-31' },
    ]);
    // Before April, the last complete financial year ended the March before last.
    expect(quickPeriods('2026-03-15')[2]?.period).toEqual({ from: '2024-04-01', to: '2025-03-31' });
  });

  it('keeps the report in the address, and reads it back', () => {
    const path = reportPath({ report: 'escalations', from: '2025-04-01', to: '2026-03-31' });
    expect(path).toBe('/reports?report=escalations&from=2025-04-01&to=2026-03-31');
    expect(parseRoute(path)).toEqual({ name: 'reports', report: 'escalations', from: '2025-04-01', to: '2026-03-31' });
    expect(parseRoute('/reports')).toEqual({ name: 'reports', report: null, from: null, to: null });
    expect(parseRoute('/reports?report=nonsense&from=yesterday')).toEqual({
      name: 'reports',
      report: null,
      from: null,
      to: null,
    });
  });

  it('leads each record to its conference or escalation', () => {
    const base = { id: 7, conferenceId: null, date: '2026-01-05', text: 'Alpha' };
    expect(recordHref({ ...base, kind: 'conference' })).toBe('#/conferences/7');
    expect(recordHref({ ...base, kind: 'escalation' })).toBe('#/escalations/7');
    expect(recordHref({ ...base, kind: 'agency-escalation', conferenceId: 3 })).toBe('#/conferences/3');
    expect(recordHref({ ...base, kind: 'agency-escalation' })).toBeNull();
  });
});

describe('the Reports screen’s files', () => {
  it('writes a table with both periods, the rates and the totals (not the sum of the rows)', () => {
    const grid = tableGrid(attendance, attendanceSpec);
    expect(grid.header.slice(0, 3)).toEqual([
      'Agency',
      'Invited (2025-12-01 to 2026-11-30)',
      'Invited (2024-12-01 to 2025-11-30)',
    ]);
    expect(grid.header.at(-2)).toBe('Reports on time rate % (2025-12-01 to 2026-11-30)');
    // Most "did not attend" first, as on the screen.
    expect(grid.rows.map((r) => r[0])).toEqual([
      'Humber Police',
      'Children’s Social Care',
      'Zoë Lane Surgery',
      'Total',
    ]);
    const police = grid.rows[0] ?? [];
    expect(police.slice(1, 3)).toEqual([4, 2]);
    // Attendance rate 1 of 4; none the year before (2 invited, none attended).
    expect(police.slice(-4, -2)).toEqual([25, 0]);
    expect(grid.rows.at(-1)?.slice(1, 3)).toEqual([8, 3]);
  });

  it('starts a CSV file with the byte-order mark and keeps accented names', () => {
    const csv = tableCsv(attendance, attendanceSpec);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\nZoë Lane Surgery,0,1,');
  });

  it('names files by report, table and period', () => {
    expect(fileStem(attendance)).toBe('cp-register-attendance-2025-12-01-to-2026-11-30');
    expect(fileStem(attendance, 'agency')).toBe('cp-register-attendance-agency-2025-12-01-to-2026-11-30');
  });

  it('names sheets within Excel’s 31 characters, without its forbidden characters, each once', () => {
    expect(
      sheetNames([
        'Conferences held, by type',
        'Escalations, by challenged agency',
        'Adjournments against the 15-working-day limit',
        'Odd [name]: a/b',
        'Conferences held, by type',
      ]),
    ).toEqual([
      'Conferences held, by type',
      'By challenged agency',
      'Adjournments against the 15-wo…',
      'Odd name a b',
      'Conferences held, by type (2)',
    ]);
    for (const report of ['conferences', 'attendance', 'returns', 'escalations'] as const) {
      const names = sheetNames(REPORT_TABLES[report].map((t) => t.title));
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    }
  });

  it('has one sheet per table, and escalations add time to resolution and learning', () => {
    expect(workbookSheets(attendance).map((s) => s.title)).toEqual(['Attendance and reports, by agency']);
  });
});
