import type { Nature } from '../schemas/escalation';

/**
 * What the escalation forms (Kirklees Appendix 5, the Croydon Escalation Notification Form) read
 * from a professional disagreement escalation: the register's `Escalation` fits it, and a test can
 * build one from a plain object.
 */
export interface FormPerson {
  name: string | null;
  title: string | null;
  agency: string | null;
}

export interface FormStage {
  number: number;
  openedOn: string;
  escalatedBy: FormPerson & { email?: string | null };
  escalatedTo: FormPerson;
  concerns?: string | null;
  response: (FormPerson & { on: string | null; summary: string | null }) | null;
  resolved: boolean | null;
  learning?: string | null;
  closedOn: string | null;
}

export interface FormEscalation {
  protocol: {
    key: string;
    /** The formal record the protocol keeps (a copy keeps its source's). */
    record?: string;
    initialsOnly?: boolean;
    stages: readonly { number: number; name: string; formalRecord: boolean }[];
  };
  subjectName: string;
  subjectDateOfBirth: string | null;
  subjectAddress: string | null;
  /** Croydon: codes from `schemas/child-characteristics.ts`, or free text recorded before the lists. */
  subjectGender?: string | null;
  subjectEthnicity?: string | null;
  subjectSend?: string | null;
  initiatingAgency: { name: string };
  challengedAgency: { name: string };
  natures: readonly Nature[];
  natureOther: string | null;
  details: string;
  outcomeSought: string;
  openedOn: string;
  learning: string | null;
  restorativeDebrief: string | null;
  stages: readonly FormStage[];
  actions: readonly { action: string; byWhom: string; completeBy: string | null; completedOn: string | null }[];
}

/** What every escalation form is made with besides the record itself. */
export interface EscalationFormInput {
  partnership: string;
  marking: string;
  /** YYYY-MM-DD */
  generatedOn: string;
  escalation: FormEscalation;
  /** Children's and families' names as initials (a form that always uses initials ignores this). */
  initialsOnly: boolean;
}

/** Printed wherever a form's field has nothing in the record: never left blank, never guessed. */
export const NOT_RECORDED = 'Not recorded';

/** The text, or "Not recorded" when it is missing or blank. */
export function orNotRecorded(text: string | null | undefined): string {
  return text && text.trim() ? text.trim() : NOT_RECORDED;
}

/** The protocol's stages that need the formal record, in order. */
export function formalStages(e: FormEscalation): { number: number; name: string }[] {
  return e.protocol.stages.filter((s) => s.formalRecord).map((s) => ({ number: s.number, name: s.name }));
}

/** The formal-record stages this escalation has reached (has a stage row for). */
export function formalStagesReached(e: FormEscalation): { number: number; name: string }[] {
  const reached = new Set(e.stages.map((s) => s.number));
  return formalStages(e).filter((s) => reached.has(s.number));
}

/** "5", "5 and 6", "3, 4 and 5". */
export function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
