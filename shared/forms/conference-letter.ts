import { DUE_KIND_LABELS, type DueKind } from '../conference-deadlines';
import { needsCategory, viewOfDecision, type RecordedDecision, type View } from '../outcome';
import { CONFERENCE_TYPE_LABELS } from '../schemas/conference';
import { ATTENDANCE_LABELS, CATEGORY_LABELS, type Attendance, type RecordedOutcome } from '../schemas/live-conference';
import { formatDate, nameFor, type DocumentFrame } from './frame';
import type { IssueLike } from './problems';

/**
 * What the three conference documents (decision letter, adjournment and reconvene notice,
 * dissent record) are made from: the conference as the chair's screen has it (a `LiveConference`
 * fits), what it scheduled afterwards, and the partnership's letterhead. Plain data, so each
 * model can be built and tested without a database.
 */
export interface ConferenceLetterInput {
  partnership: string;
  marking: string;
  /** YYYY-MM-DD: the date of the letter. */
  generatedOn: string;
  unit: { name: string; email: string | null; phone: string | null };
  live: LetterConference;
  /** The adjourned conference this one reconvenes (a reconvened conference only). */
  reconvenes: { date: string } | null;
  /** The conference scheduled to reconvene this one (an adjourned conference only), if any. */
  reconvened: { date: string; time: string; venue: string; chairName: string } | null;
  /**
   * What the conference scheduled when its decisions were recorded: its own items (childId null)
   * and each child's (first core group, next review).
   */
  tasks: readonly { kind: DueKind; due: string; childId: number | null }[];
  /** Principal Officer reviews opened for children (a reconvened conference still divided). */
  principalOfficerReviews: readonly { childId: number; due: string }[];
  /** Children's and families' names as initials. */
  initialsOnly: boolean;
}

/** The parts of a `LiveConference` the documents use. */
export interface LetterConference {
  conference: {
    id: number;
    type: 'initial' | 'review' | 'reconvened';
    date: string;
    time: string;
    venue: string;
    chairName: string;
    familyName: string;
    status: 'scheduled' | 'concluded' | 'adjourned' | 'cancelled';
    decidesAs: 'initial' | 'review';
  };
  invitations: readonly {
    agencyId: number;
    agencyName: string;
    representativeName: string | null;
    representativeRole: string | null;
    attendance: Attendance | null;
  }[];
  children: readonly LetterChild[];
}

export interface LetterChild {
  id: number;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDate: string | null;
  views: readonly { agencyId: number; view: View; reasons: string }[];
  recorded: Pick<
    RecordedOutcome,
    'result' | 'decision' | 'interimPlan' | 'reconveneBy' | 'category' | 'escalation'
  > | null;
}

/** The letterhead, date, addressee and conference details every conference document opens with. */
export interface LetterParts {
  frame: DocumentFrame;
  /** The partnership and the review unit, then how to reach the unit (if set). */
  letterhead: string[];
  letterheadContact: string | null;
  dateLine: string;
  addressee: string;
  distributionColumns: readonly string[];
  distribution: string[][];
  conferenceFields: [string, string][];
}

export const DISTRIBUTION_COLUMNS = ['Agency', 'Representative', 'Attendance'] as const;
export const DISSENT_COLUMNS = ['Agency', 'Representative', 'View', 'Reasons'] as const;

const typeLabel = (type: 'initial' | 'review' | 'reconvened') =>
  `${CONFERENCE_TYPE_LABELS[type]} child protection conference`;

/** The conference's type, and for a reconvened one the words it decides in. */
export function conferenceTypeWords(
  type: 'initial' | 'review' | 'reconvened',
  decidesAs: 'initial' | 'review',
): string {
  if (type !== 'reconvened') return typeLabel(type);
  return `${typeLabel('reconvened')}, deciding as ${decidesAs === 'initial' ? 'an initial' : 'a review'} conference`;
}

export function childName(child: Pick<LetterChild, 'givenName' | 'familyName'>, initialsOnly: boolean): string {
  return nameFor(`${child.givenName} ${child.familyName}`.trim(), initialsOnly);
}

/** "Date of birth: 1 April 2018", or the expected date for an unborn child. */
export function birthWords(child: Pick<LetterChild, 'dateOfBirth' | 'expectedDate'>): [string, string] {
  if (child.dateOfBirth) return ['Date of birth', formatDate(child.dateOfBirth) ?? child.dateOfBirth];
  if (child.expectedDate) return ['Expected date of birth', formatDate(child.expectedDate) ?? child.expectedDate];
  return ['Date of birth', 'Not recorded'];
}

/**
 * The recorded decision in words for everyone invited. An adjourned child's interim position
 * follows the SAfE procedure: at an initial conference the child is made subject to a plan
 * pending the reconvened meeting; at a review the child stays on the plan.
 */
export function decisionWords(
  decision: RecordedDecision,
  options: { interimPlan: boolean; reconveneBy: string | null; decidesAs: 'initial' | 'review' },
): string {
  switch (decision) {
    case 'plan':
      return 'The child will be subject to a child protection plan.';
    case 'no-plan':
      return 'The child will not be subject to a child protection plan.';
    case 'plan-continues':
      return 'The child will continue to be subject to a child protection plan.';
    case 'plan-ends':
      return 'The child protection plan will end.';
    case 'adjourned': {
      const by = options.reconveneBy ? ` by ${formatDate(options.reconveneBy)}` : '';
      const interim = !options.interimPlan
        ? ''
        : options.decidesAs === 'initial'
          ? ' Until then the child is subject to a child protection plan.'
          : ' Until then the child stays on the child protection plan.';
      return `Adjourned: the agencies’ views were equally divided, so the conference will reconvene${by} to decide.${interim}`;
    }
  }
}

function agencies(n: number): string {
  return `${n} ${n === 1 ? 'agency' : 'agencies'}`;
}

/** How the decision was reached, with the count of views behind it. */
export function resultWords(
  recorded: Pick<RecordedOutcome, 'result' | 'decision' | 'escalation'>,
  views: readonly { view: View }[],
): string {
  const plan = views.filter((v) => v.view === 'plan').length;
  const noPlan = views.length - plan;
  switch (recorded.result) {
    case 'unanimous':
      return `Unanimous: all ${agencies(views.length)} giving a view agreed.`;
    case 'majority': {
      const side = viewOfDecision(recorded.decision);
      const [more, fewer] = side === 'no-plan' ? [noPlan, plan] : [plan, noPlan];
      return `By majority view: ${agencies(more)} to ${fewer}.`;
    }
    case 'equally-divided':
      return recorded.escalation === 'principal-officer-review'
        ? `The views were still equally divided when the conference reconvened (${plan} to ${noPlan}): the child continues on the plan and the matter goes to a Principal Officer review.`
        : `The agencies’ views were equally divided (${plan} to ${noPlan}).`;
    case 'chair-decision':
      return `The chair’s decision, after hearing the views of ${agencies(views.length)}.`;
  }
}

/** What a view stands for, in the words of the conference (a review decides whether the plan continues). */
export function viewWords(view: View, decidesAs: 'initial' | 'review'): string {
  if (decidesAs === 'review') return view === 'plan' ? 'Plan to continue' : 'Plan to end';
  return view === 'plan' ? 'Plan' : 'No plan';
}

/**
 * The agencies whose view differs from the child's recorded decision: the minority (or, under
 * "chair decides", the dissent). None while adjourned: an equally divided view has no minority.
 */
export function minorityViews<V extends { view: View }>(child: {
  views: readonly V[];
  recorded: LetterChild['recorded'];
}): V[] {
  if (!child.recorded) return [];
  const decided = viewOfDecision(child.recorded.decision);
  if (decided === null) return [];
  return child.views.filter((v) => v.view !== decided);
}

export function categoryWords(recorded: Pick<RecordedOutcome, 'decision' | 'category'>): string | null {
  if (!needsCategory(recorded.decision)) return null;
  return recorded.category ? CATEGORY_LABELS[recorded.category] : 'Not recorded';
}

/** The invited agency's representative: "Name, role", or that none was named. */
export function representativeWords(inv: { representativeName: string | null; representativeRole: string | null }) {
  return [inv.representativeName, inv.representativeRole].filter(Boolean).join(', ') || 'Not named';
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How to reach the review unit, for the closing line. */
export function contactWords(unit: ConferenceLetterInput['unit'], documentNoun: string): string {
  const ways = [unit.email, unit.phone].filter(Boolean).join(' or ');
  return `If you have any questions about this ${documentNoun}, please contact the ${unit.name}${ways ? ` at ${ways}` : ''}.`;
}

/** The opening every conference document shares. */
export function letterParts(input: ConferenceLetterInput, documentName: string): LetterParts {
  const c = input.live.conference;
  const family = nameFor(c.familyName, input.initialsOnly);
  const contact = [input.unit.email, input.unit.phone].filter(Boolean).join(' · ');
  const fields: [string, string][] = [
    ['Conference', conferenceTypeWords(c.type, c.decidesAs)],
    ['Family', family],
    ['Date', formatDate(c.date) ?? c.date],
    ['Time', c.time],
    ['Venue', c.venue],
    ['Chair', c.chairName],
  ];
  if (input.reconvenes) {
    fields.push(['Reconvenes', `The conference adjourned on ${formatDate(input.reconvenes.date)}`]);
  }
  return {
    frame: {
      title: `${documentName} – ${family}, conference of ${formatDate(c.date)}`,
      partnership: input.partnership,
      marking: input.marking,
      generatedOn: input.generatedOn,
    },
    letterhead: [input.partnership, input.unit.name],
    letterheadContact: contact || null,
    dateLine: `Date: ${formatDate(input.generatedOn)}`,
    addressee: 'To: everyone invited to the conference',
    distributionColumns: DISTRIBUTION_COLUMNS,
    distribution: input.live.invitations.map((i) => [
      i.agencyName,
      representativeWords(i),
      i.attendance ? ATTENDANCE_LABELS[i.attendance] : 'Not recorded',
    ]),
    conferenceFields: fields,
  };
}

/** The latest date the conference may reconvene: the earliest reconvene-by of its adjourned children. */
export function latestReconveneBy(children: readonly LetterChild[]): string | null {
  return (
    children
      .map((c) => (c.recorded?.decision === 'adjourned' ? c.recorded.reconveneBy : null))
      .filter((d): d is string => !!d)
      .sort()[0] ?? null
  );
}

/** What happens next, from what the conference scheduled (the decision letter itself left out). */
export function nextSteps(input: ConferenceLetterInput): [string, string][] {
  const words: Record<DueKind, (due: string) => string> = {
    'decision-letter': (due) => `Sent by ${due}`,
    minutes: (due) => `Sent to everyone invited by ${due}`,
    'first-core-group': (due) => `To meet by ${due}`,
    'next-review': (due) => `To be held by ${due}`,
    reconvene: (due) => {
      const r = input.reconvened;
      return r
        ? `To be held by ${due}: arranged for ${formatDate(r.date)} at ${r.time}, ${r.venue}`
        : `To be held by ${due}. A date will be sent.`;
    },
  };
  const names = new Map(input.live.children.map((c) => [c.id, childName(c, input.initialsOnly)]));
  const steps: [string, string][] = input.tasks
    .filter((t) => t.kind !== 'decision-letter')
    .map((t) => {
      const what = words[t.kind](formatDate(t.due) ?? t.due);
      return [
        DUE_KIND_LABELS[t.kind],
        t.childId === null
          ? what
          : `For ${names.get(t.childId) ?? 'a child'}: ${what[0]?.toLowerCase() ?? ''}${what.slice(1)}`,
      ];
    });
  for (const review of input.principalOfficerReviews) {
    steps.push([
      'Principal Officer review',
      `For ${names.get(review.childId) ?? 'a child'}: by ${formatDate(review.due)}`,
    ]);
  }
  return steps;
}

/** Refuses a document for a conference whose decisions are not all recorded yet. */
export function undecidedProblem(input: ConferenceLetterInput): IssueLike | null {
  if (input.live.conference.status === 'cancelled') {
    return { path: 'status', message: 'The conference was cancelled: no document is made for it' };
  }
  if (input.live.conference.status !== 'scheduled') return null;
  return {
    path: 'decision',
    message: 'The conference has no decision recorded yet: record the decision for every child first',
  };
}
