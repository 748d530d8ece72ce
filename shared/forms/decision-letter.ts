import {
  birthWords,
  categoryWords,
  childName,
  contactWords,
  decisionWords,
  letterParts,
  listWords,
  minorityViews,
  nextSteps,
  resultWords,
  undecidedProblem,
  type ConferenceLetterInput,
  type LetterParts,
} from './conference-letter';
import type { IssueLike } from './problems';

/**
 * The decision letter: the conference's decision for each child, sent to everyone invited within
 * 1 working day of the conference (domain brief, "Afterwards"). It says how each decision was
 * reached and whether a minority view was recorded, but not the minority's reasons: those are
 * in the dissent record, which goes to the conference record rather than to everyone invited.
 */
export interface DecisionLetterModel extends LetterParts {
  heading: string;
  introduction: string;
  children: { name: string; fields: [string, string][] }[];
  /** The SAfE route for an agency in the minority; null when no minority view was recorded. */
  minorityNote: string | null;
  nextSteps: [string, string][];
  contact: string;
  closing: string[];
}

export function decisionLetterProblems(input: ConferenceLetterInput): IssueLike[] {
  const undecided = undecidedProblem(input);
  return undecided ? [undecided] : [];
}

export function decisionLetterModel(input: ConferenceLetterInput): DecisionLetterModel {
  const c = input.live.conference;
  const names = new Map(input.live.invitations.map((i) => [i.agencyId, i.agencyName]));
  let anyMinority = false;
  const children = input.live.children.map((child) => {
    const fields: [string, string][] = [birthWords(child)];
    const r = child.recorded;
    if (!r) {
      fields.push(['Decision', 'Not recorded']);
      return { name: childName(child, input.initialsOnly), fields };
    }
    fields.push([
      'Decision',
      decisionWords(r.decision, { interimPlan: r.interimPlan, reconveneBy: r.reconveneBy, decidesAs: c.decidesAs }),
    ]);
    fields.push(['How it was reached', resultWords(r, child.views)]);
    const category = categoryWords(r);
    if (category) fields.push(['Category of abuse', category]);
    const minority = minorityViews(child).map((v) => names.get(v.agencyId) ?? 'An agency');
    if (minority.length > 0) anyMinority = true;
    fields.push([
      'Minority view',
      minority.length > 0
        ? `Recorded. ${listWords(minority)} held a different view; ${minority.length === 1 ? 'its' : 'their'} concerns and reasons are recorded in full in the conference’s dissent record.`
        : r.decision === 'adjourned'
          ? 'None: the views were equally divided.'
          : 'None.',
    ]);
    return { name: childName(child, input.initialsOnly), fields };
  });
  const parts = letterParts(input, 'Decision letter');
  return {
    ...parts,
    heading: 'Child protection conference: decision letter',
    introduction:
      'This letter tells everyone invited to the conference what it decided for each child. The minutes of the conference follow.',
    children,
    minorityNote: anyMinority
      ? 'An agency that held a minority view and wishes to discuss the decision, its evidence or its concerns for the child should refer the matter straight away to its line manager (for school staff, the designated person), who will discuss it with the service manager for the Independent Review Service.'
      : null,
    nextSteps: nextSteps(input),
    contact: contactWords(input.unit, 'letter'),
    closing: ['Yours sincerely,', c.chairName, `Conference chair, ${input.unit.name}`],
  };
}
