import { describe, expect, it } from 'vitest';
import { barChart } from '../../shared/charts';
import { csvFile, csvLines } from '../../shared/csv';
import {
  adjournmentState,
  endOfCount,
  escalationMeasures,
  highestStage,
  previousYear,
  repeatRows,
  repeatYearFrom,
  tableRows,
  type AdjournmentFact,
  type EscalationFact,
} from '../../shared/reports';

const adjourned = (reconveneBy: string, reconvenedOn: string | null): AdjournmentFact => ({
  kind: 'adjournment',
  conferenceId: 1,
  date: '2026-01-05',
  reconveneBy,
  reconvenedOn,
  text: 'Family',
});

const escalation = (over: Partial<EscalationFact>): EscalationFact => ({
  id: 1,
  openedOn: '2026-01-05',
  closedOn: null,
  status: 'open',
  initiatingAgency: 'Health',
  challengedAgency: 'Social care',
  natures: ['assessment'],
  protocol: 'Kirklees',
  immediateRisk: false,
  stages: [{ number: 1, openedOn: '2026-01-05', dueOn: '2026-01-12', closedOn: null, clocked: true }],
  learning: null,
  restorativeDebrief: null,
  text: 'Child',
  ...over,
});

const JANUARY = { from: '2026-01-01', to: '2026-01-31' };

describe('report rules', () => {
  it.each([
    ['a year before', { from: '2026-01-01', to: '2026-12-31' }, { from: '2025-01-01', to: '2025-12-31' }],
    [
      '29 February becomes the 28th',
      { from: '2028-02-29', to: '2028-03-31' },
      { from: '2027-02-28', to: '2027-03-31' },
    ],
  ])('the previous period: %s', (_what, period, before) => {
    expect(previousYear(period)).toEqual(before);
  });

  it.each([
    ['reconvened on the last day', adjourned('2026-01-26', '2026-01-26'), '2026-02-10', 'within-limit'],
    ['reconvened a day late', adjourned('2026-01-26', '2026-01-27'), '2026-02-10', 'beyond-limit'],
    ['not yet, still in time', adjourned('2026-01-26', null), '2026-01-26', 'not-scheduled'],
    ['not yet, and past the limit', adjourned('2026-01-26', null), '2026-01-27', 'not-scheduled-overdue'],
  ])('an adjournment %s', (_what, fact, today, state) => {
    expect(adjournmentState(fact, today)).toBe(state);
  });

  it.each([
    ['opened in the period and overdue at its end', escalation({}), ['opened', 'open', 'overdue']],
    [
      'due on the last day: not overdue',
      escalation({
        stages: [{ number: 1, openedOn: '2026-01-05', dueOn: '2026-01-31', closedOn: null, clocked: true }],
      }),
      ['opened', 'open'],
    ],
    ['resolved in the period', escalation({ status: 'resolved', closedOn: '2026-01-20' }), ['opened', 'resolved']],
    [
      'closed unresolved after the period: still open at its end',
      escalation({ status: 'closed-unresolved', closedOn: '2026-02-03' }),
      ['opened', 'open', 'overdue'],
    ],
    ['opened before, open throughout', escalation({ openedOn: '2025-11-03' }), ['open', 'overdue']],
    [
      'at a stage with no clock (after resolution): never overdue',
      escalation({
        stages: [{ number: 7, openedOn: '2026-01-05', dueOn: '2026-01-06', closedOn: null, clocked: false }],
      }),
      ['opened', 'open'],
    ],
    ['opened after the period: nothing', escalation({ openedOn: '2026-02-02' }), []],
  ])('an escalation %s', (_what, fact, measures) => {
    expect(escalationMeasures(fact, JANUARY, '2026-03-01')).toEqual(measures);
  });

  it('counts open and overdue on today while the period runs on', () => {
    expect(endOfCount(JANUARY, '2026-01-10')).toBe('2026-01-10');
    expect(escalationMeasures(escalation({}), JANUARY, '2026-01-10')).toEqual(['opened', 'open']);
  });

  it('takes the highest stage with a clock reached by the end of the period', () => {
    const stages = [
      { number: 1, openedOn: '2026-01-05', dueOn: '2026-01-12', closedOn: '2026-01-10', clocked: true },
      { number: 2, openedOn: '2026-01-10', dueOn: '2026-01-20', closedOn: null, clocked: true },
      { number: 7, openedOn: '2026-02-10', dueOn: '2026-02-10', closedOn: null, clocked: false },
    ];
    expect(highestStage(escalation({ stages }), '2026-01-09')).toBe(1);
    expect(highestStage(escalation({ stages }), '2026-03-01')).toBe(2);
  });

  it('reads repeat non-attendance over the 12 months to the end of the period', () => {
    expect(repeatYearFrom({ from: '2026-06-01', to: '2026-06-30' })).toBe('2025-07-01');
    expect(
      repeatRows([
        { key: 'Twice in the period', counts: { didNotAttend: 2, last12Months: 2 } },
        { key: 'Three times in the year', counts: { didNotAttend: 0, last12Months: 3 } },
        { key: 'Once, twice in the year', counts: { didNotAttend: 1, last12Months: 2 } },
      ]).map((r) => r.key),
    ).toEqual(['Twice in the period', 'Three times in the year']);
  });

  it('labels rows, keeps fixed orders with zeros, and leaves out empty categories', () => {
    expect(tableRows('conferences', 'type', [{ key: 'review', counts: { held: 2 } }])).toEqual([
      { key: 'initial', label: 'Initial', counts: { held: 0 } },
      { key: 'review', label: 'Review', counts: { held: 2 } },
      { key: 'reconvened', label: 'Reconvened', counts: { held: 0 } },
    ]);
    expect(
      tableRows('conferences', 'category', [{ key: 'NEG', counts: { started: 1 } }]).map((r) => [r.label, r.counts]),
    ).toEqual([['Neglect', { started: 1, continued: 0, ended: 0 }]]);
    expect(
      tableRows('attendance', 'agency', [
        { key: 'Police', counts: { invited: 1 } },
        { key: 'Ambulance', counts: { invited: 2 } },
      ]).map((r) => r.key),
    ).toEqual(['Ambulance', 'Police']);
  });
});

describe('charts and CSV for the reports', () => {
  it('lays out a bar per row with the year before beside it, and says it all in words', () => {
    const chart = barChart({
      title: 'Did not attend, by agency',
      measure: 'Did not attend',
      rows: [
        { key: 'a', label: 'Police', value: 4, previous: 2 },
        { key: 'b', label: 'A very long agency name that will not fit the label column', value: 0, previous: 1 },
      ],
      currentLabel: '2026',
      previousLabel: '2025',
    });
    expect(chart.rows).toHaveLength(2);
    const [police, long] = chart.rows;
    expect(police?.current.width).toBeGreaterThan(police?.before?.width ?? Infinity);
    expect(long?.current.width).toBe(0);
    expect(long?.label.endsWith('…')).toBe(true);
    expect(long?.fullLabel).toMatch(/will not fit the label column$/);
    expect(chart.ticks[0]).toMatchObject({ value: 0, x: chart.plot.x });
    expect(chart.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(chart.legend.map((l) => l.label)).toEqual(['2026', '2025']);
    expect(chart.description).toBe(
      'Did not attend, by agency. Did not attend, 2026. Police: 4 (2 a year before); A very long agency name that will not fit the label column: 0 (1 a year before).',
    );
  });

  it('starts a CSV file with the byte-order mark, and guards cells a spreadsheet would run', () => {
    expect(csvFile(['name'], [['Zoë']])).toBe('\uFEFFname\r\nZoë\r\n');
    expect(csvLines(['a', 'b'], [['=SUM(A1)', 'x,y']])).toBe('a,b\r\n\'=SUM(A1),"x,y"\r\n');
  });
});
