import {
  birthWords,
  categoryWords,
  childName,
  decisionWords,
  DISSENT_COLUMNS,
  letterParts,
  listWords,
  minorityViews,
  representativeWords,
  resultWords,
  viewWords,
  type ConferenceLetterInput,
  type LetterParts,
} from './conference-letter';
import { formatDate } from './frame';
import type { IssueLike } from './problems';

/**
 * The dissent record: the concerns and reasons of every agency whose view differed from the
 * decision, in full (North Lincolnshire SAfE, "Majority view in conferences": "The concerns and
 * reasons of those who have a differing view will be clearly recorded in the full conference
 * record"), and any Principal Officer review a reconvened conference still divided opened.
 */
export interface DissentRecordModel extends LetterParts {
  heading: string;
  introduction: string[];
  children: {
    name: string;
    fields: [string, string][];
    columns: readonly string[];
    rows: string[][];
  }[];
  /** Children decided without a minority view, named so the record is complete. */
  noMinority: string | null;
  /** The Principal Officer reviews opened: what happens, then one line per child with its due date. */
  principalOfficerReview: { text: string; children: string[] } | null;
}

export function dissentRecordProblems(input: ConferenceLetterInput): IssueLike[] {
  if (input.live.children.some((ch) => minorityViews(ch).length > 0)) return [];
  return [
    {
      path: 'views',
      message:
        input.live.conference.status === 'scheduled'
          ? 'The conference has no decision recorded yet, so no minority view is recorded'
          : 'No agency held a minority view at this conference, so there is no dissent to record',
    },
  ];
}

export function dissentRecordModel(input: ConferenceLetterInput): DissentRecordModel {
  const c = input.live.conference;
  const invitations = new Map(input.live.invitations.map((i) => [i.agencyId, i]));
  const withMinority = input.live.children.filter((ch) => minorityViews(ch).length > 0);
  const without = input.live.children.filter((ch) => ch.recorded && minorityViews(ch).length === 0);
  const escalated = input.live.children.filter((ch) => ch.recorded?.escalation === 'principal-officer-review');
  const dueFor = new Map(input.principalOfficerReviews.map((p) => [p.childId, p.due]));

  return {
    ...letterParts(input, 'Record of minority views'),
    heading: 'Child protection conference: record of minority views',
    introduction: [
      'This record sets out in full the concerns and reasons of each agency whose view differed from the conference’s decision for a child. It forms part of the full conference record.',
      'An agency that held a minority view and wishes to discuss the decision, its evidence or its concerns for the child should refer the matter straight away to its line manager (for school staff, the designated person), who will discuss it with the service manager for the Independent Review Service.',
    ],
    children: withMinority.map((ch) => {
      const r = ch.recorded;
      const fields: [string, string][] = [birthWords(ch)];
      if (r) {
        fields.push([
          'Decision',
          decisionWords(r.decision, { interimPlan: r.interimPlan, reconveneBy: r.reconveneBy, decidesAs: c.decidesAs }),
        ]);
        fields.push(['How it was reached', resultWords(r, ch.views)]);
        const category = categoryWords(r);
        if (category) fields.push(['Category of abuse', category]);
        if (r.escalation === 'principal-officer-review') {
          fields.push(['Principal Officer review', `Due by ${formatDate(dueFor.get(ch.id)) ?? 'a date not recorded'}`]);
        }
      }
      return {
        name: childName(ch, input.initialsOnly),
        fields,
        columns: DISSENT_COLUMNS,
        rows: minorityViews(ch).map((v) => {
          const inv = invitations.get(v.agencyId);
          return [
            inv?.agencyName ?? 'Agency not invited',
            inv ? representativeWords(inv) : 'Not named',
            viewWords(v.view, c.decidesAs),
            v.reasons.trim() || 'Not recorded',
          ];
        }),
      };
    }),
    noMinority:
      without.length > 0
        ? `No minority view was recorded for ${listWords(without.map((ch) => childName(ch, input.initialsOnly)))}.`
        : null,
    principalOfficerReview:
      escalated.length > 0
        ? {
            text: 'The reconvened conference still had no unanimous or majority view, so the child continues on the plan and the matter goes to a Principal Officer review. A Principal Officer agrees the type of review and chairs a meeting of the professionals involved; if the matter remains unresolved, it goes to the partnership chair for mediation.',
            children: escalated.map(
              (ch) =>
                `${childName(ch, input.initialsOnly)}: Principal Officer review due by ${formatDate(dueFor.get(ch.id)) ?? 'a date not recorded'}.`,
            ),
          }
        : null,
  };
}
