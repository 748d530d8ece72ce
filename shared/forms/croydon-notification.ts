import { initials } from '../escalation-protocols';
import { ethnicityLabel, genderLabel, sendLabel } from '../schemas/child-characteristics';
import {
  formalStagesReached,
  NOT_RECORDED,
  orNotRecorded,
  type EscalationFormInput,
  type FormStage,
} from './escalation-record';
import { formatDate, type DocumentFrame } from './frame';
import type { IssueLike } from './problems';

/**
 * Croydon Safeguarding Children Partnership, "Escalation Notification Form": completed at stage 3
 * (the first formal stage) and updated at stages 4 and 5, then sent to the CSCP. The policy says
 * "Do not include full family details, use family initials only", so the child's name is always
 * initials here, whatever the export asks for, and the family's address is not on the form.
 */

export const CROYDON_PROTOCOL_KEY = 'croydon';
export const CROYDON_TITLE = 'Escalation Notification Form';
/** The stage the form is first completed at. */
export const CROYDON_FIRST_STAGE = 3;

export const CROYDON_LABELS = {
  person: 'Details of person completing notification',
  personName: 'Name',
  role: 'Role',
  agency: 'Agency',
  email: 'Email',
  date: 'Date',
  child: 'Details of child/young person',
  fullName: 'Full name',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  send: 'SEND',
  concerns:
    'Brief description of your concerns (incl. key dates, evidence of need, key procedural issue/disagreement, summary of interventions to date)',
  resolved: 'Is the matter resolved?',
  outcome: 'Decision / Outcome',
  learning: 'Summary of key learning',
  stage5Concerns:
    'Outline concerns along with supporting evidence. Conclude with a request for the Executive Group to consider.',
  stage5Outcome: 'Partnership Executive Decision / Outcome',
} as const;

/** The instruction printed under each stage's heading on the form. */
export const CROYDON_STAGE_INSTRUCTIONS: Record<3 | 4 | 5, string> = {
  3: 'This should be completed in all cases where Stage 3 has been reached, it should be submitted whether issue is resolved or not. If unresolved Stage 4 should be followed.',
  4: 'This should be completed in all cases where Stage 4 has been reached, it should be submitted whether issue is resolved or not. If unresolved Stage 5 should be followed.',
  5: 'This should only be completed in all cases where all the previous stages remain unresolved.',
};

export interface CroydonStageSection {
  number: 3 | 4 | 5;
  heading: string;
  instruction: string;
  /** Said when the escalation has not reached the stage (its fields then read "Not recorded"). */
  notReached: string | null;
  concernsLabel: string;
  concerns: string;
  /** "Is the matter resolved?" and the form's note under it; stage 5 has no such question. */
  resolved: { label: string; value: string; note: string } | null;
  fields: [string, string][];
}

export interface CroydonModel {
  frame: DocumentFrame;
  title: string;
  purpose: string[];
  whenLabel: string;
  when: string[];
  personHeading: string;
  person: [string, string][];
  childHeading: string;
  child: [string, string][];
  stages: CroydonStageSection[];
  submit: string;
}

/** What stops the form being made, named before anything is written. */
export function croydonProblems(input: EscalationFormInput): IssueLike[] {
  const e = input.escalation;
  // The Croydon protocol's own record, also for a copy adjusted from it (which keeps its record).
  const record = e.protocol.record ?? (e.protocol.key === CROYDON_PROTOCOL_KEY ? 'croydon-notification' : null);
  if (record !== 'croydon-notification') {
    return [
      {
        path: 'protocol',
        message: 'The Croydon Escalation Notification Form is for escalations under the Croydon CSCP protocol',
      },
    ];
  }
  const current = Math.max(0, ...e.stages.map((s) => s.number));
  if (current < CROYDON_FIRST_STAGE) {
    return [
      {
        path: 'stage',
        message: `The escalation is at stage ${current}; the Croydon notification form is completed from stage ${CROYDON_FIRST_STAGE}`,
      },
    ];
  }
  return [];
}

function resolvedText(resolved: boolean | null | undefined): string {
  if (resolved === true) return 'Yes';
  if (resolved === false) return 'No';
  return NOT_RECORDED;
}

function section(number: 3 | 4 | 5, stage: FormStage | undefined): CroydonStageSection {
  const L = CROYDON_LABELS;
  const last = number === 5;
  const outcome = orNotRecorded(stage?.response?.summary);
  const date = formatDate(stage?.response?.on ?? stage?.closedOn) ?? NOT_RECORDED;
  return {
    number,
    heading: `Stage ${number}`,
    instruction: CROYDON_STAGE_INSTRUCTIONS[number],
    notReached: stage ? null : `The escalation has not reached stage ${number}.`,
    concernsLabel: last ? L.stage5Concerns : L.concerns,
    concerns: orNotRecorded(stage?.concerns),
    resolved: last
      ? null
      : {
          label: L.resolved,
          value: resolvedText(stage?.resolved),
          note: `If yes, please provide details of the outcome below. If no, please move to section ${number + 1}.`,
        },
    fields: [
      [last ? L.stage5Outcome : L.outcome, outcome],
      [L.learning, orNotRecorded(stage?.learning)],
      [L.date, date],
    ],
  };
}

export function croydonModel(input: EscalationFormInput): CroydonModel {
  const e = input.escalation;
  const L = CROYDON_LABELS;
  // Initials only, always: the form's own rule, not the export's choice.
  const name = initials(e.subjectName);
  const reached = formalStagesReached(e);
  const latest = reached[reached.length - 1];
  const completing = latest ? e.stages.find((s) => s.number === latest.number) : undefined;
  const by = completing?.escalatedBy;
  return {
    frame: {
      title: `Croydon ${CROYDON_TITLE} – ${name}`,
      partnership: input.partnership,
      marking: input.marking,
      generatedOn: input.generatedOn,
    },
    title: CROYDON_TITLE,
    purpose: [
      'The purpose of this template is to capture detail of significant or recurring practice or policy issues. In capturing this detail, the CSCP Quality Improvement Group (a multi-agency partnership group) will agree a response to make improvements – this may relate to a process, policy or practice issue. Use of this policy will be reported on annually.',
    ],
    whenLabel: 'When to complete this form:',
    when: [
      'This form should be used at Stage 3, and subsequently updated if moving to Stages 4 and 5',
      'Completed forms should be saved locally and relevant information should be added to the child’s record',
      'Do not include full family details, use family initials only',
      'Completed forms should be emailed securely to CSCP@croydon.gov.uk',
    ],
    personHeading: L.person,
    person: [
      [L.personName, orNotRecorded(by?.name)],
      [L.role, orNotRecorded(by?.title)],
      [L.agency, orNotRecorded(by?.agency)],
      [L.email, orNotRecorded(by?.email)],
      [L.date, formatDate(completing?.openedOn) ?? NOT_RECORDED],
    ],
    childHeading: L.child,
    child: [
      [L.fullName, name],
      [L.dateOfBirth, formatDate(e.subjectDateOfBirth) ?? NOT_RECORDED],
      // The form's drop-downs: the list's label for a code; free text from before the lists as recorded.
      [L.gender, orNotRecorded(genderLabel(e.subjectGender))],
      [L.ethnicity, orNotRecorded(ethnicityLabel(e.subjectEthnicity))],
      [L.send, orNotRecorded(sendLabel(e.subjectSend))],
    ],
    stages: ([3, 4, 5] as const).map((n) =>
      section(
        n,
        e.stages.find((s) => s.number === n),
      ),
    ),
    submit: 'Submit the completed form via secure email to the CSCP Manager at CSCP@Croydon.gov.uk',
  };
}
