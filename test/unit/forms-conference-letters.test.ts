import { describe, expect, it } from 'vitest';
import {
  decisionWords,
  minorityViews,
  resultWords,
  viewWords,
  type ConferenceLetterInput,
  type LetterChild,
} from '../../shared/forms/conference-letter';
import { decisionLetterModel, decisionLetterProblems } from '../../shared/forms/decision-letter';
import { dissentRecordModel, dissentRecordProblems } from '../../shared/forms/dissent-record';
import { reconveneNoticeModel, reconveneNoticeProblems } from '../../shared/forms/reconvene-notice';
import type { RecordedDecision } from '../../shared/outcome';

/** Agencies 1–4 (synthetic): 1 children's social care, 2 health, 3 police, 4 school. */
const INVITATIONS: ConferenceLetterInput['live']['invitations'] = [
  {
    agencyId: 1,
    agencyName: 'Children’s Social Care',
    representativeName: 'Amara Synthetic',
    representativeRole: 'Social worker',
    attendance: 'attended',
  },
  {
    agencyId: 2,
    agencyName: 'Health Visiting',
    representativeName: null,
    representativeRole: null,
    attendance: 'apologies-with-report',
  },
  {
    agencyId: 3,
    agencyName: 'Police',
    representativeName: 'Łukasz Nowak',
    representativeRole: null,
    attendance: 'attended',
  },
  {
    agencyId: 4,
    agencyName: 'Primary School',
    representativeName: 'Dara Placeholder',
    representativeRole: 'DSL',
    attendance: null,
  },
];

function child(id: number, givenName: string, over: Partial<LetterChild> = {}): LetterChild {
  return {
    id,
    givenName,
    familyName: 'Ó Súilleabháin',
    dateOfBirth: '2018-04-01',
    expectedDate: null,
    views: [],
    recorded: null,
    ...over,
  };
}

const views = (...list: ['plan' | 'no-plan', string][]) =>
  list.map(([view, reasons], i) => ({ agencyId: i + 1, view, reasons }));

/** Zoë 3–1 for a plan (the school in the minority); Niamh 2–2, adjourned with an interim plan. */
function input(over: Partial<ConferenceLetterInput> = {}): ConferenceLetterInput {
  return {
    partnership: 'Synthetic Safeguarding Children Partnership',
    marking: 'OFFICIAL-SENSITIVE',
    generatedOn: '2025-12-22',
    unit: { name: 'Independent Review Unit', email: 'iru@example.org', phone: null },
    live: {
      conference: {
        id: 7,
        type: 'initial',
        date: '2025-12-19',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        familyName: 'Ó Súilleabháin',
        status: 'adjourned',
        decidesAs: 'initial',
      },
      invitations: INVITATIONS,
      children: [
        child(11, 'Zoë', {
          views: views(['plan', 'Neglect'], ['plan', ''], ['plan', ''], ['no-plan', 'Attendance has improved']),
          recorded: {
            result: 'majority',
            decision: 'plan',
            interimPlan: false,
            reconveneBy: null,
            category: 'NEG',
            escalation: null,
          },
        }),
        child(12, 'Niamh', {
          dateOfBirth: null,
          expectedDate: '2026-02-01',
          views: views(['plan', ''], ['plan', ''], ['no-plan', 'No harm'], ['no-plan', 'Not known']),
          recorded: {
            result: 'equally-divided',
            decision: 'adjourned',
            interimPlan: true,
            reconveneBy: '2026-01-14',
            category: null,
            escalation: null,
          },
        }),
      ],
    },
    reconvenes: null,
    reconvened: null,
    tasks: [
      { kind: 'decision-letter', due: '2025-12-22', childId: null },
      { kind: 'minutes', due: '2026-01-14', childId: null },
      { kind: 'reconvene', due: '2026-01-14', childId: null },
    ],
    principalOfficerReviews: [],
    initialsOnly: false,
    ...over,
  };
}

function withConference(over: Partial<ConferenceLetterInput['live']['conference']>, base = input()) {
  return { ...base, live: { ...base.live, conference: { ...base.live.conference, ...over } } };
}

describe('the decision in words', () => {
  it.each<[RecordedDecision, boolean, 'initial' | 'review', string]>([
    ['plan', false, 'initial', 'The child will be subject to a child protection plan.'],
    ['no-plan', false, 'initial', 'The child will not be subject to a child protection plan.'],
    ['plan-continues', false, 'review', 'The child will continue to be subject to a child protection plan.'],
    ['plan-ends', false, 'review', 'The child protection plan will end.'],
    [
      'adjourned',
      true,
      'initial',
      'Adjourned: the agencies’ views were equally divided, so the conference will reconvene by 14 January 2026 to decide. Until then the child is subject to a child protection plan.',
    ],
    [
      'adjourned',
      true,
      'review',
      'Adjourned: the agencies’ views were equally divided, so the conference will reconvene by 14 January 2026 to decide. Until then the child stays on the child protection plan.',
    ],
    [
      'adjourned',
      false,
      'initial',
      'Adjourned: the agencies’ views were equally divided, so the conference will reconvene by 14 January 2026 to decide.',
    ],
  ])('%s (interim plan %s, decides as %s)', (decision, interimPlan, decidesAs, expected) => {
    expect(decisionWords(decision, { interimPlan, reconveneBy: '2026-01-14', decidesAs })).toBe(expected);
  });

  const v = (plan: number, noPlan: number) => [
    ...Array.from({ length: plan }, () => ({ view: 'plan' as const })),
    ...Array.from({ length: noPlan }, () => ({ view: 'no-plan' as const })),
  ];
  it.each([
    ['unanimous', 'plan', null, v(4, 0), 'Unanimous: all 4 agencies giving a view agreed.'],
    ['unanimous', 'no-plan', null, v(0, 1), 'Unanimous: all 1 agency giving a view agreed.'],
    ['majority', 'plan', null, v(3, 1), 'By majority view: 3 agencies to 1.'],
    ['majority', 'plan-ends', null, v(1, 3), 'By majority view: 3 agencies to 1.'],
    ['equally-divided', 'adjourned', null, v(2, 2), 'The agencies’ views were equally divided (2 to 2).'],
    [
      'equally-divided',
      'plan',
      'principal-officer-review',
      v(2, 2),
      'The views were still equally divided when the conference reconvened (2 to 2): the child continues on the plan and the matter goes to a Principal Officer review.',
    ],
    ['chair-decision', 'no-plan', null, v(1, 1), 'The chair’s decision, after hearing the views of 2 agencies.'],
  ] as const)('%s, %s', (result, decision, escalation, list, expected) => {
    expect(resultWords({ result, decision, escalation }, list)).toBe(expected);
  });

  it('words a view in the conference’s own terms', () => {
    expect(viewWords('plan', 'initial')).toBe('Plan');
    expect(viewWords('no-plan', 'initial')).toBe('No plan');
    expect(viewWords('plan', 'review')).toBe('Plan to continue');
    expect(viewWords('no-plan', 'review')).toBe('Plan to end');
  });
});

describe('the minority', () => {
  const recorded = (decision: RecordedDecision) => ({
    result: 'majority' as const,
    decision,
    interimPlan: false,
    reconveneBy: null,
    category: null,
    escalation: null,
  });
  const list = views(['plan', 'a'], ['no-plan', 'b'], ['plan', 'c']);
  it.each<[RecordedDecision | null, number[]]>([
    ['plan', [2]],
    ['plan-continues', [2]],
    ['no-plan', [1, 3]],
    ['plan-ends', [1, 3]],
    ['adjourned', []],
    [null, []],
  ])('is every view differing from a %s decision', (decision, agencies) => {
    expect(
      minorityViews({ views: list, recorded: decision ? recorded(decision) : null }).map((m) => m.agencyId),
    ).toEqual(agencies);
  });
});

describe('decision letter model', () => {
  it('gives each child’s decision, how it was reached and the minority without its reasons', () => {
    const model = decisionLetterModel(input());
    expect(decisionLetterProblems(input())).toEqual([]);
    expect(model.frame).toEqual({
      title: 'Decision letter – Ó Súilleabháin, conference of 19 December 2025',
      partnership: 'Synthetic Safeguarding Children Partnership',
      marking: 'OFFICIAL-SENSITIVE',
      generatedOn: '2025-12-22',
    });
    expect(model.letterhead).toEqual(['Synthetic Safeguarding Children Partnership', 'Independent Review Unit']);
    expect(model.letterheadContact).toBe('iru@example.org');
    expect(model.dateLine).toBe('Date: 22 December 2025');
    expect(model.addressee).toBe('To: everyone invited to the conference');
    expect(model.distribution).toEqual([
      ['Children’s Social Care', 'Amara Synthetic, Social worker', 'Attended'],
      ['Health Visiting', 'Not named', 'Apologies, report sent'],
      ['Police', 'Łukasz Nowak', 'Attended'],
      ['Primary School', 'Dara Placeholder, DSL', 'Not recorded'],
    ]);
    expect(model.conferenceFields).toEqual([
      ['Conference', 'Initial child protection conference'],
      ['Family', 'Ó Súilleabháin'],
      ['Date', '19 December 2025'],
      ['Time', '10:00'],
      ['Venue', 'Room 1'],
      ['Chair', 'Test Chair'],
    ]);
    expect(model.children).toEqual([
      {
        name: 'Zoë Ó Súilleabháin',
        fields: [
          ['Date of birth', '1 April 2018'],
          ['Decision', 'The child will be subject to a child protection plan.'],
          ['How it was reached', 'By majority view: 3 agencies to 1.'],
          ['Category of abuse', 'Neglect'],
          [
            'Minority view',
            'Recorded. Primary School held a different view; its concerns and reasons are recorded in full in the conference’s dissent record.',
          ],
        ],
      },
      {
        name: 'Niamh Ó Súilleabháin',
        fields: [
          ['Expected date of birth', '1 February 2026'],
          [
            'Decision',
            'Adjourned: the agencies’ views were equally divided, so the conference will reconvene by 14 January 2026 to decide. Until then the child is subject to a child protection plan.',
          ],
          ['How it was reached', 'The agencies’ views were equally divided (2 to 2).'],
          ['Minority view', 'None: the views were equally divided.'],
        ],
      },
    ]);
    expect(JSON.stringify(model)).not.toContain('Attendance has improved');
    expect(model.minorityNote).toMatch(/^An agency that held a minority view/);
    expect(model.nextSteps).toEqual([
      ['Minutes', 'Sent to everyone invited by 14 January 2026'],
      ['Reconvened conference', 'To be held by 14 January 2026. A date will be sent.'],
    ]);
    expect(model.contact).toBe(
      'If you have any questions about this letter, please contact the Independent Review Unit at iru@example.org.',
    );
    expect(model.closing).toEqual(['Yours sincerely,', 'Test Chair', 'Conference chair, Independent Review Unit']);
  });

  it('words a reconvened conference, its Principal Officer review and what it scheduled', () => {
    const base = input({
      reconvenes: { date: '2025-12-19' },
      tasks: [
        { kind: 'decision-letter', due: '2026-01-13', childId: null },
        { kind: 'first-core-group', due: '2026-01-26', childId: 12 },
        { kind: 'minutes', due: '2026-02-02', childId: null },
        { kind: 'next-review', due: '2026-04-12', childId: 12 },
      ],
      principalOfficerReviews: [{ childId: 12, due: '2026-01-26' }],
    });
    const reconvened = withConference({ type: 'reconvened', date: '2026-01-12', status: 'concluded' }, base);
    const model = decisionLetterModel(reconvened);
    expect(model.conferenceFields[0]).toEqual([
      'Conference',
      'Reconvened child protection conference, deciding as an initial conference',
    ]);
    expect(model.conferenceFields).toContainEqual(['Reconvenes', 'The conference adjourned on 19 December 2025']);
    expect(model.nextSteps).toEqual([
      ['First core group', 'For Niamh Ó Súilleabháin: to meet by 26 January 2026'],
      ['Minutes', 'Sent to everyone invited by 2 February 2026'],
      ['Next review conference', 'For Niamh Ó Súilleabháin: to be held by 12 April 2026'],
      ['Principal Officer review', 'For Niamh Ó Súilleabháin: by 26 January 2026'],
    ]);
    expect(
      decisionLetterModel(withConference({ type: 'reconvened', decidesAs: 'review' })).conferenceFields[0],
    ).toEqual(['Conference', 'Reconvened child protection conference, deciding as a review conference']);
  });

  it('gives children’s and the family’s names as initials when asked, professionals in full', () => {
    const model = decisionLetterModel(input({ initialsOnly: true }));
    expect(model.frame.title).toBe('Decision letter – Ó.S., conference of 19 December 2025');
    expect(model.children.map((c) => c.name)).toEqual(['Z.Ó.S.', 'N.Ó.S.']);
    expect(model.conferenceFields).toContainEqual(['Family', 'Ó.S.']);
    expect(JSON.stringify(model)).not.toMatch(/Zoë|Niamh|Súilleabháin/);
    expect(model.distribution).toContainEqual(['Police', 'Łukasz Nowak', 'Attended']);
  });

  it('is refused until the conference has recorded its decisions', () => {
    expect(decisionLetterProblems(withConference({ status: 'scheduled' }))).toEqual([
      {
        path: 'decision',
        message: 'The conference has no decision recorded yet: record the decision for every child first',
      },
    ]);
    expect(decisionLetterProblems(withConference({ status: 'concluded' }))).toEqual([]);
  });
});

describe('adjournment and reconvene notice model', () => {
  it('explains the adjournment and the rule, and says a date will be sent', () => {
    const model = reconveneNoticeModel(input());
    expect(reconveneNoticeProblems(input())).toEqual([]);
    expect(model.frame.title).toBe('Adjournment and reconvene notice – Ó Súilleabháin, conference of 19 December 2025');
    expect(model.adjourned).toBe(
      'The conference on 19 December 2025 was adjourned for Niamh Ó Súilleabháin because the agencies’ views were equally divided.',
    );
    expect(model.rule.join(' ')).toContain('no more than 15 working days');
    expect(model.rule.join(' ')).toContain('the matter goes to a Principal Officer review');
    expect(model.children).toEqual([
      {
        name: 'Niamh Ó Súilleabháin',
        fields: [
          ['Expected date of birth', '1 February 2026'],
          ['In the meantime', 'The child is made subject to a child protection plan until the reconvened conference.'],
          ['Reconvene by', '14 January 2026'],
        ],
      },
    ]);
    expect(model.otherChildren).toBe(
      'The conference also decided for Zoë Ó Súilleabháin; the decision letter gives that decision.',
    );
    expect(model.reconveneBy).toBe(
      'The conference must reconvene by 14 January 2026, 15 working days after the conference.',
    );
    expect(model.reconvened).toBeNull();
    expect(model.dateToFollow).toBe(
      'A date will be sent. The latest date the conference can reconvene is 14 January 2026.',
    );
  });

  it('gives the reconvened conference once arranged, and a review’s interim words', () => {
    const model = reconveneNoticeModel(
      withConference(
        { type: 'review', decidesAs: 'review' },
        input({ reconvened: { date: '2026-01-12', time: '14:00', venue: 'Room 2', chairName: 'Other Chair' } }),
      ),
    );
    expect(model.reconvened).toEqual([
      ['Date', '12 January 2026'],
      ['Time', '14:00'],
      ['Venue', 'Room 2'],
      ['Chair', 'Other Chair'],
    ]);
    expect(model.dateToFollow).toBeNull();
    expect(
      decisionLetterModel(
        input({ reconvened: { date: '2026-01-12', time: '14:00', venue: 'Room 2', chairName: 'Other Chair' } }),
      ).nextSteps,
    ).toContainEqual([
      'Reconvened conference',
      'To be held by 14 January 2026: arranged for 12 January 2026 at 14:00, Room 2',
    ]);
    expect(model.children[0]?.fields[1]).toEqual([
      'In the meantime',
      'The child stays on the child protection plan until the reconvened conference.',
    ]);
  });

  it('is refused for a conference that was not adjourned', () => {
    expect(reconveneNoticeProblems(withConference({ status: 'concluded' })).map((p) => p.path)).toEqual(['status']);
    expect(reconveneNoticeProblems(withConference({ status: 'scheduled' })).map((p) => p.path)).toEqual(['status']);
  });
});

describe('dissent record model', () => {
  it('records each minority view in full, with the representative, and names children without one', () => {
    const model = dissentRecordModel(input());
    expect(dissentRecordProblems(input())).toEqual([]);
    expect(model.frame.title).toBe('Record of minority views – Ó Súilleabháin, conference of 19 December 2025');
    expect(model.children).toEqual([
      {
        name: 'Zoë Ó Súilleabháin',
        fields: [
          ['Date of birth', '1 April 2018'],
          ['Decision', 'The child will be subject to a child protection plan.'],
          ['How it was reached', 'By majority view: 3 agencies to 1.'],
          ['Category of abuse', 'Neglect'],
        ],
        columns: ['Agency', 'Representative', 'View', 'Reasons'],
        rows: [['Primary School', 'Dara Placeholder, DSL', 'No plan', 'Attendance has improved']],
      },
    ]);
    expect(model.noMinority).toBe('No minority view was recorded for Niamh Ó Súilleabháin.');
    expect(model.principalOfficerReview).toBeNull();
  });

  it('words a review’s views and lists the Principal Officer review', () => {
    const base = input({ principalOfficerReviews: [{ childId: 11, due: '2026-01-26' }] });
    const [zoe] = base.live.children;
    if (!zoe?.recorded) throw new Error('fixture');
    const escalated = {
      ...base,
      live: {
        ...base.live,
        conference: { ...base.live.conference, type: 'reconvened' as const, decidesAs: 'review' as const },
        children: [
          {
            ...zoe,
            views: views(['plan', ''], ['plan', ''], ['no-plan', 'Improved'], ['no-plan', '']),
            recorded: {
              ...zoe.recorded,
              result: 'equally-divided' as const,
              decision: 'plan-continues' as const,
              escalation: 'principal-officer-review' as const,
            },
          },
        ],
      },
    };
    const model = dissentRecordModel(escalated);
    expect(model.children[0]?.rows).toEqual([
      ['Police', 'Łukasz Nowak', 'Plan to end', 'Improved'],
      ['Primary School', 'Dara Placeholder, DSL', 'Plan to end', 'Not recorded'],
    ]);
    expect(model.children[0]?.fields).toContainEqual(['Principal Officer review', 'Due by 26 January 2026']);
    expect(model.principalOfficerReview?.children).toEqual([
      'Zoë Ó Súilleabháin: Principal Officer review due by 26 January 2026.',
    ]);
    expect(model.noMinority).toBeNull();
    expect(dissentRecordModel({ ...escalated, initialsOnly: true }).principalOfficerReview?.children).toEqual([
      'Z.Ó.S.: Principal Officer review due by 26 January 2026.',
    ]);
  });

  it('is refused when no agency held a minority view', () => {
    const base = input();
    const noDissent = {
      ...base,
      live: { ...base.live, children: base.live.children.filter((c) => c.recorded?.decision === 'adjourned') },
    };
    expect(dissentRecordProblems(noDissent)).toEqual([
      {
        path: 'views',
        message: 'No agency held a minority view at this conference, so there is no dissent to record',
      },
    ]);
    expect(dissentRecordProblems(withConference({ status: 'scheduled' }, noDissent)).map((p) => p.path)).toEqual([
      'views',
    ]);
  });
});
