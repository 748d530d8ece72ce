import { describe, expect, it } from 'vitest';
import { SHIPPED_PROTOCOLS, type Protocol } from '../../shared/escalation-protocols';
import {
  CROYDON_LABELS,
  CROYDON_STAGE_INSTRUCTIONS,
  croydonModel,
  croydonProblems,
  type CroydonModel,
} from '../../shared/forms/croydon-notification';
import type { EscalationFormInput, FormEscalation, FormStage } from '../../shared/forms/escalation-record';

const protocol = (key: string): Protocol => {
  const p = SHIPPED_PROTOCOLS.find((x) => x.key === key);
  if (!p) throw new Error(key);
  return p;
};

const stage = (number: number, extra: Partial<FormStage> = {}): FormStage => ({
  number,
  openedOn: `2026-01-${String(number * 3).padStart(2, '0')}`,
  escalatedBy: {
    name: `Synthetic Notifier ${number}`,
    title: 'Service Manager',
    agency: 'Demo Health',
    email: `notifier${number}@example.org`,
  },
  escalatedTo: { name: `Synthetic Receiver ${number}`, title: 'Service Manager', agency: 'Demo Social Care' },
  concerns: `Synthetic concerns at stage ${number}.`,
  response: null,
  resolved: null,
  learning: null,
  closedOn: null,
  ...extra,
});

function escalation(reached: number, extra: Partial<FormEscalation> = {}): FormEscalation {
  return {
    protocol: protocol('croydon'),
    subjectName: 'Łukasz Zoë Ó Súilleabháin',
    subjectDateOfBirth: '2016-11-30',
    subjectAddress: '2 Synthetic Close, Demo Town',
    subjectGender: 'male',
    subjectEthnicity: 'WOTH',
    subjectSend: 'ehc-plan',
    initiatingAgency: { name: 'Demo Health' },
    challengedAgency: { name: 'Demo Social Care' },
    natures: ['referral-decision'],
    natureOther: null,
    details: 'Synthetic details naming Łukasz Zoë Ó Súilleabháin.',
    outcomeSought: 'Synthetic outcome.',
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

const printed = (m: CroydonModel): string => JSON.stringify(m);

describe('Croydon Escalation Notification Form (model)', () => {
  it('carries every label of the form and each stage’s instruction', () => {
    const text = printed(croydonModel(input(escalation(3))));
    for (const label of [
      ...Object.values(CROYDON_LABELS),
      ...Object.values(CROYDON_STAGE_INSTRUCTIONS),
      'Escalation Notification Form',
      'Stage 3',
      'Stage 4',
      'Stage 5',
      'Do not include full family details, use family initials only',
    ]) {
      expect(text).toContain(label);
    }
  });

  it.each([false, true])('shows the child as initials only, always (export initials %s)', (initialsOnly) => {
    const m = croydonModel(input(escalation(5), initialsOnly));
    expect(m.child).toEqual([
      ['Full name', 'Ł.Z.Ó.S.'],
      ['Date of birth', '30 November 2016'],
      ['Gender', 'Male'],
      ['Ethnicity', 'Any other White background'],
      ['SEND', 'Education, health and care (EHC) plan'],
    ]);
    expect(m.frame.title).toBe('Croydon Escalation Notification Form – Ł.Z.Ó.S.');
    const text = printed(m);
    for (const part of ['Łukasz', 'Zoë', 'Súilleabháin', 'Synthetic Close']) expect(text).not.toContain(part);
  });

  it.each([
    ['female', 'WBRI', 'none', ['Female', 'White British', 'No special educational needs']],
    ['unborn', 'NOBT', 'not-known', ['Unborn child', 'Information not yet obtained', 'Not known']],
    ['not-known', 'REFU', 'being-assessed', ['Not known', 'Refused', 'Being assessed']],
    ['other', 'WROM', 'sen-support', ['Other', 'Gypsy/Roma', 'SEN support']],
  ])('prints the list’s label for the codes %s, %s, %s', (gender, ethnicity, send, labels) => {
    const m = croydonModel(
      input(escalation(3, { subjectGender: gender, subjectEthnicity: ethnicity, subjectSend: send })),
    );
    expect(m.child.slice(2)).toEqual([
      ['Gender', labels[0]],
      ['Ethnicity', labels[1]],
      ['SEND', labels[2]],
    ]);
  });

  it('prints gender, ethnicity and SEND recorded as free text before the lists as recorded', () => {
    const m = croydonModel(
      input(
        escalation(3, {
          subjectGender: 'Not stated',
          subjectEthnicity: ' White: any other White background ',
          subjectSend: 'EHC plan (since 2024)',
        }),
      ),
    );
    expect(m.child.slice(2)).toEqual([
      ['Gender', 'Not stated'],
      ['Ethnicity', 'White: any other White background'],
      ['SEND', 'EHC plan (since 2024)'],
    ]);
  });

  it('names the person completing the notification: who escalated to the latest formal stage', () => {
    expect(croydonModel(input(escalation(4))).person).toEqual([
      ['Name', 'Synthetic Notifier 4'],
      ['Role', 'Service Manager'],
      ['Agency', 'Demo Health'],
      ['Email', 'notifier4@example.org'],
      ['Date', '12 January 2026'],
    ]);
  });

  it('fills stage 3 and leaves the stages not reached as not recorded', () => {
    const e = escalation(3);
    const stages = e.stages.map((s) =>
      s.number === 3
        ? {
            ...s,
            response: { name: 'R', title: null, agency: null, on: '2026-01-15', summary: 'Synthetic decision.' },
            resolved: true,
            learning: 'Synthetic learning.',
          }
        : s,
    );
    const m = croydonModel(input({ ...e, stages }));
    expect(m.stages.map((s) => s.heading)).toEqual(['Stage 3', 'Stage 4', 'Stage 5']);
    expect(m.stages[0]).toMatchObject({
      notReached: null,
      concerns: 'Synthetic concerns at stage 3.',
      resolved: { label: 'Is the matter resolved?', value: 'Yes' },
      fields: [
        ['Decision / Outcome', 'Synthetic decision.'],
        ['Summary of key learning', 'Synthetic learning.'],
        ['Date', '15 January 2026'],
      ],
    });
    expect(m.stages[0]?.resolved?.note).toContain('If no, please move to section 4');
    expect(m.stages[1]).toMatchObject({
      notReached: 'The escalation has not reached stage 4.',
      concerns: 'Not recorded',
      resolved: { value: 'Not recorded' },
      fields: [
        ['Decision / Outcome', 'Not recorded'],
        ['Summary of key learning', 'Not recorded'],
        ['Date', 'Not recorded'],
      ],
    });
  });

  it('asks the partnership executive at stage 5, with no “resolved?” question', () => {
    const e = escalation(5);
    const stages = e.stages.map((s) => (s.number === 4 ? { ...s, resolved: false } : s));
    const m = croydonModel(input({ ...e, stages }));
    expect(m.stages[1]?.resolved?.value).toBe('No');
    expect(m.stages[2]).toMatchObject({
      concernsLabel:
        'Outline concerns along with supporting evidence. Conclude with a request for the Executive Group to consider.',
      concerns: 'Synthetic concerns at stage 5.',
      resolved: null,
    });
    expect(m.stages[2]?.fields[0]).toEqual(['Partnership Executive Decision / Outcome', 'Not recorded']);
  });

  it('prints “Not recorded” for blanks', () => {
    const e = escalation(3, {
      subjectDateOfBirth: null,
      subjectGender: null,
      subjectEthnicity: ' ',
      subjectSend: undefined,
    });
    const stages = e.stages.map((s) => ({
      ...s,
      concerns: null,
      escalatedBy: { name: 'Only A Name', title: null, agency: null },
    }));
    const m = croydonModel(input({ ...e, stages }));
    expect(m.child.slice(1).map(([, v]) => v)).toEqual([
      'Not recorded',
      'Not recorded',
      'Not recorded',
      'Not recorded',
    ]);
    expect(m.person.slice(1, 4).map(([, v]) => v)).toEqual(['Not recorded', 'Not recorded', 'Not recorded']);
    expect(m.stages[0]?.concerns).toBe('Not recorded');
  });

  it.each([
    [
      'croydon',
      2,
      [
        {
          path: 'stage',
          message: 'The escalation is at stage 2; the Croydon notification form is completed from stage 3',
        },
      ],
    ],
    ['croydon', 3, []],
    ['croydon', 5, []],
    [
      'kirklees',
      5,
      [
        {
          path: 'protocol',
          message: 'The Croydon Escalation Notification Form is for escalations under the Croydon CSCP protocol',
        },
      ],
    ],
  ])('problems: %s protocol at stage %i', (key, reached, expected) => {
    expect(croydonProblems(input(escalation(reached, { protocol: protocol(key) })))).toEqual(expected);
  });
});
