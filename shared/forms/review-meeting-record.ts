import { NATURE_LABELS, type Nature } from '../schemas/escalation';
import { formatDate, nameFor, type DocumentFrame } from './frame';
import { orNotRecorded, type EscalationFormInput, type FormEscalation } from './escalation-record';
import type { IssueLike } from './problems';

/** The meeting's record as the register keeps it (the escalation's `reviewMeeting`). */
export interface ReviewMeetingFields {
  stageNumber: number;
  heldOn: string;
  reviewType: string;
  chairedBy: string;
  attendees: string;
  discussion: string;
  disagreements: string;
  agreements: string;
}

export interface ReviewMeetingInput extends EscalationFormInput {
  escalation: FormEscalation & {
    id: number;
    status: 'open' | 'resolved' | 'closed-unresolved';
    protocol: FormEscalation['protocol'] & { name: string; record: string };
    reviewMeeting: ReviewMeetingFields | null;
  };
}

export interface ReviewMeetingModel {
  frame: DocumentFrame;
  title: string;
  purpose: string;
  subject: [string, string][];
  meeting: [string, string][];
  sections: { heading: string; text: string }[];
  actionsHeading: string;
  actionColumns: readonly string[];
  actions: string[][];
  noActions: string;
  outcome: string;
}

const ACTION_COLUMNS = ['Action', 'By whom', 'Complete by', 'Completed'] as const;

/**
 * The written record of a Principal Officer review meeting under the North Lincolnshire SAfE
 * procedure: "A Principal Officer ... will agree the type of review to be undertaken and
 * coordinate a meeting. The meeting will be chaired by a Principal Officer ... A written record
 * will be made of the key areas of discussion, disagreement, agreements and actions. This will be
 * retained on the child's file." Only that protocol (and copies adjusted from it) keeps this record.
 */
export function reviewMeetingProblems(input: ReviewMeetingInput): IssueLike[] {
  const e = input.escalation;
  if (e.protocol.record !== 'review-meeting-record') {
    return [
      {
        path: 'protocol',
        message: `${e.protocol.name} keeps its own formal record: the Principal Officer review meeting record is North Lincolnshire’s`,
      },
    ];
  }
  if (!e.reviewMeeting) {
    return [{ path: 'reviewMeeting', message: 'Record the Principal Officer review meeting on the escalation first' }];
  }
  return [];
}

export function reviewMeetingModel(input: ReviewMeetingInput): ReviewMeetingModel {
  const e = input.escalation;
  const m = e.reviewMeeting;
  const name = nameFor(e.subjectName, input.initialsOnly || e.protocol.initialsOnly === true);
  const stage = m ? e.protocol.stages.find((s) => s.number === m.stageNumber) : undefined;
  const natures = e.natures
    .map((n: Nature) => (n === 'other' && e.natureOther ? `Other: ${e.natureOther}` : NATURE_LABELS[n]))
    .join('; ');
  return {
    frame: {
      title: `Principal Officer review meeting record – ${name} (escalation ${e.id})`,
      partnership: input.partnership,
      marking: input.marking,
      generatedOn: input.generatedOn,
    },
    title: 'Principal Officer review meeting: written record',
    purpose:
      'A written record of the key areas of discussion, disagreement, agreements and actions, to be retained on the child’s file.',
    subject: [
      ['Child/family’s name', name],
      ['Date of birth', formatDate(e.subjectDateOfBirth) ?? 'Not recorded'],
      ['Escalation reference', String(e.id)],
      ['Agency initiating the escalation', e.initiatingAgency.name],
      ['Agency with whom the difference is held', e.challengedAgency.name],
      ['Nature of the difference', natures],
      ['Date of initial escalation', formatDate(e.openedOn) ?? e.openedOn],
    ],
    meeting: [
      ['Stage', stage ? `Stage ${stage.number}: ${stage.name}` : 'Not recorded'],
      ['Type of review', orNotRecorded(m?.reviewType)],
      ['Date of meeting', formatDate(m?.heldOn) ?? 'Not recorded'],
      ['Chaired by (Principal Officer)', orNotRecorded(m?.chairedBy)],
      ['Professionals attending', orNotRecorded(m?.attendees)],
    ],
    sections: [
      { heading: 'Key areas of discussion', text: orNotRecorded(m?.discussion) },
      { heading: 'Disagreements', text: orNotRecorded(m?.disagreements) },
      { heading: 'Agreements', text: orNotRecorded(m?.agreements) },
    ],
    actionsHeading: 'Actions',
    actionColumns: ACTION_COLUMNS,
    actions: e.actions.map((a) => [
      a.action,
      a.byWhom,
      formatDate(a.completeBy) ?? 'Not set',
      formatDate(a.completedOn) ?? 'Not yet',
    ]),
    noActions: 'No actions recorded',
    outcome:
      e.status === 'resolved'
        ? 'The difference was resolved.'
        : e.status === 'closed-unresolved'
          ? 'The escalation closed without resolution.'
          : 'Should the matter still remain unresolved it will be referred to the partnership chair by any manager who attended the meeting, for a mediation appointment.',
  };
}
