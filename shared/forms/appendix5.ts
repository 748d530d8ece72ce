import type { Nature } from '../schemas/escalation';
import {
  formalStages,
  formalStagesReached,
  listNumbers,
  NOT_RECORDED,
  orNotRecorded,
  type EscalationFormInput,
  type FormPerson,
} from './escalation-record';
import { formatDate, nameFor, type DocumentFrame } from './frame';
import type { IssueLike } from './problems';

/**
 * Kirklees Appendix 5, "Professional Difference Escalation Record": completed by the agency
 * escalating a professional difference at the protocol's formal-record stages (Kirklees KSCP:
 * stages 5 and 6), to notify the partnership. The labels are the form's own; a field the register
 * has nothing for reads "Not recorded"; the signature, its date and the designation are left as
 * dotted lines to sign by hand.
 */

export const APPENDIX5_TITLE = 'Appendix 5: Professional Difference Escalation Record';

/** The form's seven natures of professional difference, in its wording and order. */
export const APPENDIX5_NATURE_LABELS: Record<Nature, string> = {
  'referral-decision': 'Referral decision',
  assessment: 'Need for, or outcome of, an assessment',
  'plan-implementation': 'Implementation of child’s Plan (e.g. agreed actions not followed through)',
  'plan-effectiveness': 'Effectiveness of child’s Plan (e.g. drift/delay)',
  'information-sharing': 'Information sharing',
  'conference-decision': 'Child protection case conference decision',
  other: 'Other (please state)',
};
const NATURE_ORDER: readonly Nature[] = [
  'referral-decision',
  'assessment',
  'plan-implementation',
  'plan-effectiveness',
  'information-sharing',
  'conference-decision',
  'other',
];

export const APPENDIX5_LABELS = {
  name: 'Child/Family’s name',
  dateOfBirth: 'D.O.B.',
  address: 'Address',
  initiatingAgency: 'Agency Initiating Escalation',
  openedOn: 'Date of initial escalation',
  stage: 'Stage of escalation',
  natures: 'Nature of professional difference (please tick)',
  details: 'Details of the professional difference and outcome sought',
  escalatedBy: 'Matter escalated by',
  escalatedTo: 'Matter escalated to',
  personName: 'Name',
  personTitle: 'Job title',
  personAgency: 'Agency',
  responseHeading: 'RESPONSE FROM AGENCY TO PROFESSIONAL DIFFERENCE',
  responseFrom: 'Response from',
  responseDate: 'Date of response',
  responseSummary: 'Summary of response',
  outcomeHeading: 'OUTCOME OF ESCALATION',
  comments: 'ADDITIONAL COMMENTS (including any learning identified)',
  signature: 'Signature',
  signatureDate: 'Date',
  designation: 'Designation',
} as const;

export const APPENDIX5_ACTION_COLUMNS = ['Actions to be taken', 'By Whom', 'Completion date'] as const;

/** The people and the response at one formal-record stage. */
export interface Appendix5Round {
  heading: string;
  /** Rows of the people table: label, name, job title, agency. */
  people: readonly (readonly [string, string, string, string])[];
  responseFrom: readonly [string, string, string, string];
  responseDate: string;
  responseSummary: string;
}

export interface Appendix5Model {
  frame: DocumentFrame;
  title: string;
  partnershipLine: string;
  formName: string;
  purpose: string;
  subject: [string, string][];
  stageLabel: string;
  /** One box per formal-record stage; only the stage reached is checked (Kirklees: 5 or 6, never both). */
  stageTicks: { label: string; checked: boolean }[];
  natureLabel: string;
  natureTicks: { label: string; checked: boolean }[];
  detailsLabel: string;
  details: string;
  personColumns: readonly [string, string, string, string];
  rounds: Appendix5Round[];
  responseHeading: string;
  responseDateLabel: string;
  responseSummaryLabel: string;
  outcomeHeading: string;
  actionColumns: readonly string[];
  actions: string[][];
  noActions: string;
  commentsLabel: string;
  comments: string;
  signature: [string, null][];
}

/** What stops the record being made, named before anything is written. */
export function appendix5Problems(input: EscalationFormInput): IssueLike[] {
  const e = input.escalation;
  const formal = formalStages(e);
  if (formal.length === 0) {
    return [{ path: 'protocol', message: 'This escalation’s protocol has no stage that needs the formal record' }];
  }
  if (formalStagesReached(e).length === 0) {
    const current = Math.max(0, ...e.stages.map((s) => s.number));
    return [
      {
        path: 'stage',
        message: `The escalation is at stage ${current}; the Appendix 5 record is made at ${
          formal.length > 1 ? 'stages' : 'stage'
        } ${listNumbers(formal.map((s) => s.number))}`,
      },
    ];
  }
  return [];
}

const personRow = (label: string, p: FormPerson | null): [string, string, string, string] => [
  label,
  orNotRecorded(p?.name),
  orNotRecorded(p?.title),
  orNotRecorded(p?.agency),
];

export function appendix5Model(input: EscalationFormInput): Appendix5Model {
  const e = input.escalation;
  const L = APPENDIX5_LABELS;
  const name = nameFor(e.subjectName, input.initialsOnly || e.protocol.initialsOnly === true);
  const formal = formalStages(e);
  const reached = formalStagesReached(e);
  // "Stage of escalation: Stage 5 / Stage 6" asks where the difference has got to, so only the
  // latest formal-record stage reached is ticked, never every one it passed through.
  const stageReached = reached[reached.length - 1]?.number ?? null;
  // With no formal stage reached (the problems say so) the record still lays out, blank.
  const roundStages = reached.length > 0 ? reached : formal.slice(0, 1);

  const rounds = roundStages.map((spec): Appendix5Round => {
    const stage = e.stages.find((s) => s.number === spec.number) ?? null;
    return {
      heading: `Stage ${spec.number}: ${spec.name}`,
      people: [
        personRow(`${L.escalatedBy}:`, stage?.escalatedBy ?? null),
        personRow(`${L.escalatedTo}:`, stage?.escalatedTo ?? null),
      ],
      responseFrom: personRow(`${L.responseFrom}:`, stage?.response ?? null),
      responseDate: formatDate(stage?.response?.on) ?? NOT_RECORDED,
      responseSummary: orNotRecorded(stage?.response?.summary),
    };
  });

  const comments = [
    e.learning,
    ...e.stages.filter((s) => s.learning && s.learning.trim()).map((s) => `Stage ${s.number}: ${s.learning}`),
    e.restorativeDebrief ? `Restorative debrief: ${e.restorativeDebrief}` : null,
  ].filter((x): x is string => Boolean(x && x.trim()));

  return {
    frame: {
      title: `${APPENDIX5_TITLE} – ${name}`,
      partnership: input.partnership,
      marking: input.marking,
      generatedOn: input.generatedOn,
    },
    title: APPENDIX5_TITLE,
    partnershipLine: input.partnership,
    formName: 'Professional Difference Escalation Record',
    purpose: `To be completed to enable notification to the ${input.partnership} by the Agency escalating the professional difference at stages ${listNumbers(
      formal.map((s) => s.number),
    )} of the process`,
    subject: [
      [L.name, name],
      [L.dateOfBirth, formatDate(e.subjectDateOfBirth) ?? NOT_RECORDED],
      [L.address, orNotRecorded(e.subjectAddress)],
      [L.initiatingAgency, e.initiatingAgency.name],
      [L.openedOn, formatDate(e.openedOn) ?? NOT_RECORDED],
    ],
    stageLabel: L.stage,
    stageTicks: formal.map((s) => ({ label: `Stage ${s.number}`, checked: s.number === stageReached })),
    natureLabel: L.natures,
    natureTicks: NATURE_ORDER.map((n) => ({
      label:
        n === 'other' && e.natures.includes('other') && e.natureOther
          ? `${APPENDIX5_NATURE_LABELS[n]}: ${e.natureOther}`
          : APPENDIX5_NATURE_LABELS[n],
      checked: e.natures.includes(n),
    })),
    detailsLabel: L.details,
    details: [
      `Agency with whom the difference is held: ${e.challengedAgency.name}.`,
      e.details.trim(),
      `Outcome sought: ${e.outcomeSought.trim()}`,
    ].join('\n\n'),
    personColumns: ['', L.personName, L.personTitle, L.personAgency],
    rounds,
    responseHeading: L.responseHeading,
    responseDateLabel: L.responseDate,
    responseSummaryLabel: L.responseSummary,
    outcomeHeading: L.outcomeHeading,
    actionColumns: APPENDIX5_ACTION_COLUMNS,
    actions: e.actions.map((a) => [
      a.action,
      a.byWhom,
      [formatDate(a.completeBy) ?? NOT_RECORDED, a.completedOn ? `(completed ${formatDate(a.completedOn)})` : null]
        .filter(Boolean)
        .join(' '),
    ]),
    noActions: 'No actions recorded',
    commentsLabel: L.comments,
    comments: comments.length > 0 ? comments.join('\n\n') : NOT_RECORDED,
    signature: [
      [L.signature, null],
      [L.signatureDate, null],
      [L.designation, null],
    ],
  };
}
