import { fromDayNumber, toDayNumber } from './dates';
import type { RecordedDecision } from './outcome';
import { addWorkingDays, subtractWorkingDays, type WorkingDayCalendar } from './working-days';

/**
 * Conference timescales (domain brief, "The conference" and "Afterwards"; North Lincolnshire
 * report deadlines). All are partnership settings with these defaults.
 */
export interface ConferenceTimescales {
  /** Working days before an initial conference that agency reports are due (North Lincolnshire: 2). */
  reportDueInitial: number;
  /** Working days before a review (North Lincolnshire: 5; some areas 3). */
  reportDueReview: number;
  /** Decision letter to everyone invited: within 1 working day. */
  decisionLetterWorkingDays: number;
  /** Minutes: 15 to 20 working days, by area. */
  minutesWorkingDays: number;
  /** First core group after a plan is made: 10 working days. */
  firstCoreGroupWorkingDays: number;
  /** First review within 3 months of the initial conference. */
  firstReviewMonths: number;
  /** Later reviews at most 6 months apart. */
  laterReviewMonths: number;
}

export const DEFAULT_TIMESCALES: ConferenceTimescales = {
  reportDueInitial: 2,
  reportDueReview: 5,
  decisionLetterWorkingDays: 1,
  minutesWorkingDays: 15,
  firstCoreGroupWorkingDays: 10,
  firstReviewMonths: 3,
  laterReviewMonths: 6,
};

export type ConferenceKind = 'initial' | 'review' | 'reconvened';

/**
 * When agency reports are due: N working days strictly before the conference. A reconvened
 * conference takes the deadline of the conference it reconvenes (`decidesAs`): a reconvened
 * review uses the review deadline (North Lincolnshire: 5 working days), a reconvened initial
 * conference the initial one (2).
 */
export function reportDueDate(
  conferenceDate: string,
  decidesAs: 'initial' | 'review',
  timescales: ConferenceTimescales,
  calendar: WorkingDayCalendar,
): string {
  const days = decidesAs === 'review' ? timescales.reportDueReview : timescales.reportDueInitial;
  return subtractWorkingDays(conferenceDate, days, calendar);
}

/** A report received by the end of its due date is on time; after it, late. */
export function reportTimeliness(receivedOn: string, dueDate: string): 'on-time' | 'late' {
  return toDayNumber(receivedOn) <= toDayNumber(dueDate) ? 'on-time' : 'late';
}

/**
 * Calendar months later, clamped to the month's last day (31 August + 6 months = 28 or 29
 * February): "within 3 months" must never land in the month after.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return fromDayNumber(toDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`) + day - 1);
}

/** What falls due for the conference as a whole once every child's decision is recorded. */
export type ConferenceDueKind = 'decision-letter' | 'minutes' | 'reconvene';
/** What falls due for one child from its own decision. */
export type ChildDueKind = 'first-core-group' | 'next-review';
export type DueKind = ConferenceDueKind | ChildDueKind;

export const CONFERENCE_DUE_KINDS = ['decision-letter', 'minutes', 'reconvene'] as const satisfies ConferenceDueKind[];
export const CHILD_DUE_KINDS = ['first-core-group', 'next-review'] as const satisfies ChildDueKind[];

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  'decision-letter': 'Decision letter',
  minutes: 'Minutes',
  'first-core-group': 'First core group',
  'next-review': 'Next review conference',
  reconvene: 'Reconvened conference',
};

export interface DueItem<K extends DueKind = DueKind> {
  kind: K;
  due: string;
}

/**
 * What falls due for the conference once every child's decision is recorded: the decision letter
 * to everyone invited (1 working day) and the minutes (15-20, a setting) always, also when a child
 * is adjourned; and, when any child is adjourned, the reconvened conference by the earliest
 * reconvene-by date of its adjourned children.
 */
export function dueAfterDecisions(
  conferenceDate: string,
  reconveneBy: string | null,
  timescales: ConferenceTimescales,
  calendar: WorkingDayCalendar,
): DueItem<ConferenceDueKind>[] {
  const items: DueItem<ConferenceDueKind>[] = [
    { kind: 'decision-letter', due: addWorkingDays(conferenceDate, timescales.decisionLetterWorkingDays, calendar) },
    { kind: 'minutes', due: addWorkingDays(conferenceDate, timescales.minutesWorkingDays, calendar) },
  ];
  if (reconveneBy) items.push({ kind: 'reconvene', due: reconveneBy });
  return items;
}

/** One child's decision as far as what falls due is concerned. */
export interface ChildDecisionForDue {
  decision: RecordedDecision;
  /** Equally divided: the child is on a plan until the reconvened conference. */
  interimPlan: boolean;
  /** An unborn child's expected date (no date of birth yet), for the first review after its initial conference. */
  expectedDate: string | null;
  /**
   * The first core group was already scheduled for this child when the conference this one
   * reconvenes made it subject to a plan pending the reconvened meeting.
   */
  firstCoreGroupScheduled: boolean;
}

/**
 * What falls due for one child from its own decision, whatever its siblings' decisions (North
 * Lincolnshire SAfE: decisions are made per child, so a sibling's adjournment pauses nothing here):
 * - a new plan (an initial conference, or a reconvened one deciding as an initial): the first core
 *   group within 10 working days, and the first review within 3 months of the **initial**
 *   conference (for a reconvened one, of the conference it reconvenes); for an unborn baby, within
 *   10 working days of the (expected) birth if that is sooner, but never before the conference;
 * - an initial conference equally divided: the child is made subject to a plan pending the
 *   reconvened meeting, so its first core group is scheduled (the review waits for the decision);
 * - a plan continuing at a review: the next review at most 6 months after the review (for a
 *   reconvened review, after the review it reconvenes);
 * - no plan, a plan ended, or a review adjourned: nothing for the child.
 *
 * `conference.chainStart` is the date of the conference the decision answers: its own date, or
 * for a reconvened conference the date of the one it reconvenes.
 */
export function dueForChild(
  conference: { date: string; decidesAs: 'initial' | 'review'; chainStart: string },
  child: ChildDecisionForDue,
  timescales: ConferenceTimescales,
  calendar: WorkingDayCalendar,
): DueItem<ChildDueKind>[] {
  const coreGroup = (): DueItem<ChildDueKind>[] =>
    child.firstCoreGroupScheduled
      ? []
      : [
          {
            kind: 'first-core-group',
            due: addWorkingDays(conference.date, timescales.firstCoreGroupWorkingDays, calendar),
          },
        ];
  switch (child.decision) {
    case 'adjourned':
      return child.interimPlan && conference.decidesAs === 'initial' ? coreGroup() : [];
    case 'plan': {
      let review = addMonths(conference.chainStart, timescales.firstReviewMonths);
      if (child.expectedDate) {
        const afterBirth = addWorkingDays(child.expectedDate, UNBORN_FIRST_REVIEW_WORKING_DAYS, calendar);
        const sooner = afterBirth < review ? afterBirth : review;
        review = sooner < conference.date ? conference.date : sooner;
      }
      return [...coreGroup(), { kind: 'next-review', due: review }];
    }
    case 'plan-continues':
      return [{ kind: 'next-review', due: addMonths(conference.chainStart, timescales.laterReviewMonths) }];
    case 'no-plan':
    case 'plan-ends':
      return [];
  }
}

/**
 * For an unborn baby's initial conference, published procedures put the first review within 10
 * working days of the birth or 3 months after the conference, whichever is sooner.
 */
export const UNBORN_FIRST_REVIEW_WORKING_DAYS = 10;

/**
 * What a child's decision closes among the child's open items from earlier conferences: any
 * decision (not an adjournment) answers the review that was due ("a review held answers the
 * review that was due"); a decision that the child is not, or no longer, on a plan also closes a
 * first core group still awaited (a plan made pending a reconvened meeting that then made none).
 */
export function closedByDecision(decision: RecordedDecision): { kind: ChildDueKind; closedBy: ChildTaskClosure }[] {
  if (decision === 'adjourned') return [];
  const closes: { kind: ChildDueKind; closedBy: ChildTaskClosure }[] = [
    { kind: 'next-review', closedBy: 'review-held' },
  ];
  if (decision === 'no-plan' || decision === 'plan-ends')
    closes.push({ kind: 'first-core-group', closedBy: 'plan-ended' });
  return closes;
}

/** Why a child's item closed: done by hand, the review held, the plan ended, or a decision amended. */
export type ChildTaskClosure = 'done' | 'review-held' | 'plan-ended' | 'amended';
/** Why a conference's item closed: done by hand, the letter made, the reconvened conference decided, or amended. */
export type ConferenceTaskClosure = 'done' | 'letter-made' | 'reconvened' | 'amended';

/** Calendar days from `today` to `due` (negative when overdue). */
export function daysUntil(today: string, due: string): number {
  return toDayNumber(due) - toDayNumber(today);
}
