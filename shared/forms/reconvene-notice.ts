import { ADJOURNMENT_WORKING_DAYS } from '../outcome';
import {
  birthWords,
  childName,
  contactWords,
  latestReconveneBy,
  letterParts,
  listWords,
  type ConferenceLetterInput,
  type LetterParts,
} from './conference-letter';
import { formatDate } from './frame';
import type { IssueLike } from './problems';

/**
 * The adjournment and reconvene notice, sent to everyone invited to a conference adjourned on an
 * equally divided view. North Lincolnshire SAfE: the conference adjourns "for a brief period – not
 * exceeding 15 working days" to reassess; meanwhile the child stays on the plan, and at an
 * initial conference is made subject to a plan pending the reconvened meeting; a reconvened
 * conference still without a unanimous or majority view keeps the plan and goes to a Principal
 * Officer review.
 */
export interface ReconveneNoticeModel extends LetterParts {
  heading: string;
  adjourned: string;
  rule: string[];
  children: { name: string; fields: [string, string][] }[];
  /** Children the conference did decide (their decisions are in the decision letter). */
  otherChildren: string | null;
  reconveneBy: string;
  /** When and where the reconvened conference meets, if it is already arranged. */
  reconvened: [string, string][] | null;
  /** Said instead when it is not arranged yet. */
  dateToFollow: string | null;
  contact: string;
  closing: string[];
}

export function reconveneNoticeProblems(input: ConferenceLetterInput): IssueLike[] {
  const status = input.live.conference.status;
  if (status === 'adjourned') return [];
  return [
    {
      path: 'status',
      message:
        status === 'scheduled'
          ? 'The conference has not reached its decisions yet; a reconvene notice is for an adjourned conference'
          : 'The conference was not adjourned; a reconvene notice is for an adjourned conference',
    },
  ];
}

export function reconveneNoticeModel(input: ConferenceLetterInput): ReconveneNoticeModel {
  const c = input.live.conference;
  const adjourned = input.live.children.filter((ch) => ch.recorded?.decision === 'adjourned');
  const decided = input.live.children.filter((ch) => ch.recorded && ch.recorded.decision !== 'adjourned');
  const by = latestReconveneBy(input.live.children);
  const byWords = formatDate(by) ?? 'Not recorded';
  const interim = (plan: boolean) =>
    !plan
      ? 'No interim plan.'
      : c.decidesAs === 'initial'
        ? 'The child is made subject to a child protection plan until the reconvened conference.'
        : 'The child stays on the child protection plan until the reconvened conference.';
  const names = (list: typeof adjourned) => listWords(list.map((ch) => childName(ch, input.initialsOnly)));
  const r = input.reconvened;
  return {
    ...letterParts(input, 'Adjournment and reconvene notice'),
    heading: 'Child protection conference: adjournment and reconvene notice',
    adjourned: `The conference on ${formatDate(c.date)} was adjourned for ${names(adjourned)} because the agencies’ views were equally divided.`,
    rule: [
      `Under the procedure for disagreements at conferences (North Lincolnshire SAfE), when the agencies’ views are equally divided the conference adjourns for a short time, no more than ${ADJOURNMENT_WORKING_DAYS} working days, so that each agency can look again at its evidence and professional judgement. The conference then reconvenes to decide.`,
      'Until then a child already on a child protection plan stays on it, and at an initial conference the child is made subject to a plan until the reconvened conference.',
      'At the reconvened conference each agency is asked for its view again. If there is still no unanimous or majority view, the child continues on the plan and the matter goes to a Principal Officer review.',
    ],
    children: adjourned.map((ch) => ({
      name: childName(ch, input.initialsOnly),
      fields: [
        birthWords(ch),
        ['In the meantime', interim(ch.recorded?.interimPlan ?? false)],
        ['Reconvene by', formatDate(ch.recorded?.reconveneBy) ?? 'Not recorded'],
      ],
    })),
    otherChildren:
      decided.length > 0
        ? `The conference also decided for ${names(decided)}; the decision letter gives ${decided.length === 1 ? 'that decision' : 'those decisions'}.`
        : null,
    reconveneBy: `The conference must reconvene by ${byWords}, ${ADJOURNMENT_WORKING_DAYS} working days after the conference.`,
    reconvened: r
      ? [
          ['Date', formatDate(r.date) ?? r.date],
          ['Time', r.time],
          ['Venue', r.venue],
          ['Chair', r.chairName],
        ]
      : null,
    dateToFollow: r ? null : `A date will be sent. The latest date the conference can reconvene is ${byWords}.`,
    contact: contactWords(input.unit, 'notice'),
    closing: ['Yours sincerely,', c.chairName, `Conference chair, ${input.unit.name}`],
  };
}
