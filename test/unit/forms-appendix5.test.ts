import { describe, expect, it } from 'vitest';
import { SHIPPED_PROTOCOLS, type Protocol } from '../../shared/escalation-protocols';
import {
  APPENDIX5_ACTION_COLUMNS,
  APPENDIX5_LABELS,
  APPENDIX5_NATURE_LABELS,
  appendix5Model,
  appendix5Problems,
  type Appendix5Model,
} from '../../shared/forms/appendix5';
import type { EscalationFormInput, FormEscalation, FormStage } from '../../shared/forms/escalation-record';

const protocol = (key: string): Protocol => {
  const p = SHIPPED_PROTOCOLS.find((x) => x.key === key);
  if (!p) throw new Error(key);
  return p;
};

const stage = (number: number, extra: Partial<FormStage> = {}): FormStage => ({
  number,
  openedOn: `2026-01-${String(number * 2).padStart(2, '0')}`,
  escalatedBy: { name: `Synthetic Escalator ${number}`, title: 'Team Manager', agency: 'Demo School' },
  escalatedTo: { name: `Synthetic Receiver ${number}`, title: 'Head of Service', agency: 'Demo Social Care' },
  response: null,
  resolved: null,
  closedOn: null,
  ...extra,
});

function escalation(reached: number, extra: Partial<FormEscalation> = {}): FormEscalation {
  return {
    protocol: protocol('kirklees'),
    subjectName: 'Łukasz Zoë Ó Súilleabháin',
    subjectDateOfBirth: '2017-05-09',
    subjectAddress: '1 Synthetic Row, Demo Town',
    initiatingAgency: { name: 'Demo School' },
    challengedAgency: { name: 'Demo Social Care' },
    natures: ['assessment', 'other'],
    natureOther: 'Transport to contact',
    details: 'Synthetic details of the difference.',
    outcomeSought: 'A synthetic strategy discussion.',
    openedOn: '2026-01-02',
    learning: null,
    restorativeDebrief: null,
    stages: Array.from({ length: reached }, (_, i) => stage(i + 1)),
    actions: [],
    ...extra,
  };
}

const input = (e: FormEscalation, initialsOnly = false): EscalationFormInput => ({
  partnership: 'Demo Safeguarding Children Partnership',
  marking: 'OFFICIAL-SENSITIVE',
  generatedOn: '2026-03-02',
  escalation: e,
  initialsOnly,
});

/** Every string the model would print, in one text. */
function printed(m: Appendix5Model): string {
  return JSON.stringify(m);
}

describe('Appendix 5: Professional Difference Escalation Record (model)', () => {
  it('carries every label of the paper form', () => {
    const text = printed(appendix5Model(input(escalation(5))));
    const labels = [
      ...Object.values(APPENDIX5_LABELS),
      ...Object.values(APPENDIX5_NATURE_LABELS),
      ...APPENDIX5_ACTION_COLUMNS,
      'Professional Difference Escalation Record',
      'Stage 5',
      'Stage 6',
    ];
    for (const label of labels) expect(text).toContain(label);
    expect(Object.values(APPENDIX5_NATURE_LABELS)).toHaveLength(7);
  });

  it('fills the fields from the record, the name in full', () => {
    const m = appendix5Model(input(escalation(5)));
    expect(m.subject).toEqual([
      ['Child/Family’s name', 'Łukasz Zoë Ó Súilleabháin'],
      ['D.O.B.', '9 May 2017'],
      ['Address', '1 Synthetic Row, Demo Town'],
      ['Agency Initiating Escalation', 'Demo School'],
      ['Date of initial escalation', '2 January 2026'],
    ]);
    expect(m.frame.title).toBe('Appendix 5: Professional Difference Escalation Record – Łukasz Zoë Ó Súilleabháin');
    expect(m.purpose).toContain('at stages 5 and 6 of the process');
    expect(m.details).toContain('Synthetic details of the difference.');
    expect(m.details).toContain('Outcome sought: A synthetic strategy discussion.');
  });

  it.each([
    [5, [true, false], 1],
    [6, [false, true], 2],
    [7, [false, true], 2],
  ])('at stage %i ticks only the stage reached, never both', (reached, ticks, rounds) => {
    const m = appendix5Model(input(escalation(reached)));
    expect(m.stageTicks).toEqual([
      { label: 'Stage 5', checked: ticks[0] },
      { label: 'Stage 6', checked: ticks[1] },
    ]);
    expect(m.stageTicks.filter((t) => t.checked)).toHaveLength(1);
    // The people and responses are still shown for every formal stage the escalation went through.
    expect(m.rounds.map((r) => r.heading)).toEqual(
      ['Stage 5: Head of Service', 'Stage 6: KSCP Business Unit Manager'].slice(0, rounds),
    );
  });

  it('lists another protocol’s own formal-record stages', () => {
    const m = appendix5Model(input(escalation(3, { protocol: protocol('croydon') })));
    expect(m.stageTicks).toEqual([
      { label: 'Stage 3', checked: true },
      { label: 'Stage 4', checked: false },
      { label: 'Stage 5', checked: false },
    ]);
    expect(m.purpose).toContain('at stages 3, 4 and 5 of the process');
    expect(appendix5Model(input(escalation(4, { protocol: protocol('croydon') }))).stageTicks).toEqual([
      { label: 'Stage 3', checked: false },
      { label: 'Stage 4', checked: true },
      { label: 'Stage 5', checked: false },
    ]);
  });

  it('ticks the natures in the form’s order, stating “Other”', () => {
    const m = appendix5Model(input(escalation(5)));
    expect(m.natureTicks.filter((t) => t.checked).map((t) => t.label)).toEqual([
      'Need for, or outcome of, an assessment',
      'Other (please state): Transport to contact',
    ]);
    expect(m.natureTicks).toHaveLength(7);
  });

  it('shows who escalated to whom and the response at each formal stage', () => {
    const e = escalation(6);
    const stages = e.stages.map((s) =>
      s.number === 5
        ? {
            ...s,
            response: {
              name: 'Synthetic Responder',
              title: 'Service Manager',
              agency: 'Demo Social Care',
              on: '2026-01-14',
              summary: 'Synthetic response.',
            },
            resolved: false,
          }
        : s,
    );
    const m = appendix5Model(input({ ...e, stages }));
    expect(m.rounds[0]).toEqual({
      heading: 'Stage 5: Head of Service',
      people: [
        ['Matter escalated by:', 'Synthetic Escalator 5', 'Team Manager', 'Demo School'],
        ['Matter escalated to:', 'Synthetic Receiver 5', 'Head of Service', 'Demo Social Care'],
      ],
      responseFrom: ['Response from:', 'Synthetic Responder', 'Service Manager', 'Demo Social Care'],
      responseDate: '14 January 2026',
      responseSummary: 'Synthetic response.',
    });
    expect(m.rounds[1]).toMatchObject({
      responseFrom: ['Response from:', 'Not recorded', 'Not recorded', 'Not recorded'],
      responseDate: 'Not recorded',
      responseSummary: 'Not recorded',
    });
  });

  it('prints “Not recorded” for blanks, never an empty field', () => {
    const e = escalation(5, { subjectDateOfBirth: null, subjectAddress: '  ' });
    const m = appendix5Model(
      input({ ...e, stages: e.stages.map((s) => ({ ...s, escalatedTo: { name: null, title: null, agency: null } })) }),
    );
    expect(m.subject[1]).toEqual(['D.O.B.', 'Not recorded']);
    expect(m.subject[2]).toEqual(['Address', 'Not recorded']);
    expect(m.rounds[0]?.people[1]).toEqual(['Matter escalated to:', 'Not recorded', 'Not recorded', 'Not recorded']);
    expect(m.comments).toBe('Not recorded');
    expect(m.actions).toEqual([]);
  });

  it('lists the actions and gathers the learning into additional comments', () => {
    const m = appendix5Model(
      input(
        escalation(6, {
          learning: 'Synthetic learning.',
          restorativeDebrief: 'Synthetic debrief.',
          actions: [
            { action: 'Synthetic action', byWhom: 'Demo Lead', completeBy: '2026-02-01', completedOn: '2026-01-30' },
            { action: 'Second action', byWhom: 'Demo Manager', completeBy: null, completedOn: null },
          ],
        }),
      ),
    );
    expect(m.actions).toEqual([
      ['Synthetic action', 'Demo Lead', '1 February 2026 (completed 30 January 2026)'],
      ['Second action', 'Demo Manager', 'Not recorded'],
    ]);
    expect(m.comments).toBe('Synthetic learning.\n\nRestorative debrief: Synthetic debrief.');
  });

  it('leaves the signature, date and designation blank to sign by hand', () => {
    expect(appendix5Model(input(escalation(5))).signature).toEqual([
      ['Signature', null],
      ['Date', null],
      ['Designation', null],
    ]);
  });

  it('uses initials when the export asks for them', () => {
    const m = appendix5Model(input(escalation(5), true));
    expect(m.subject[0]).toEqual(['Child/Family’s name', 'Ł.Z.Ó.S.']);
    expect(printed(m)).not.toContain('Łukasz');
  });

  it.each([
    [4, [{ path: 'stage', message: 'The escalation is at stage 4; the Appendix 5 record is made at stages 5 and 6' }]],
    [5, []],
    [6, []],
  ])('problems at stage %i', (reached, expected) => {
    expect(appendix5Problems(input(escalation(reached)))).toEqual(expected);
  });

  it('refuses a protocol with no formal-record stage', () => {
    const e = escalation(2, { protocol: { key: 'plain', stages: [{ number: 1, name: 'Talk', formalRecord: false }] } });
    expect(appendix5Problems(input(e))).toEqual([
      { path: 'protocol', message: 'This escalation’s protocol has no stage that needs the formal record' },
    ]);
  });
});
