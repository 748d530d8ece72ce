import { fromDayNumber, toDayNumber } from './dates';
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

/** When agency reports are due: N working days strictly before the conference. */
export function reportDueDate(
  conferenceDate: string,
  type: ConferenceKind,
  timescales: ConferenceTimescales,
  calendar: WorkingDayCalendar,
): string {
  const days = type === 'review' ? timescales.reportDueReview : timescales.reportDueInitial;
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

export type DueKind = 'decision-letter' | 'minutes' | 'first-core-group' | 'next-review' | 'reconvene';

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  'decision-letter': 'Decision letter',
  minutes: 'Minutes',
  'first-core-group': 'First core group',
  'next-review': 'Next review conference',
  reconvene: 'Reconvened conference',
};

export interface DueItem {
  kind: DueKind;
  due: string;
}

/**
 * What falls due after a conference for one child, given its decision:
 * the decision letter and minutes always; a first core group when a plan is newly made (an
 * initial conference, or a reconvened one that makes the plan); the next review when the child
 * is (or stays) on a plan: within 3 months of a new plan, at most 6 months after a review.
 * An adjourned conference instead needs reconvening by its reconvene-by date.
 */
export function dueAfterConference(
  conference: { date: string; type: ConferenceKind },
  outcome: { onPlan: boolean; newPlan: boolean; reconveneBy: string | null },
  timescales: ConferenceTimescales,
  calendar: WorkingDayCalendar,
): DueItem[] {
  const items: DueItem[] = [
    { kind: 'decision-letter', due: addWorkingDays(conference.date, timescales.decisionLetterWorkingDays, calendar) },
    { kind: 'minutes', due: addWorkingDays(conference.date, timescales.minutesWorkingDays, calendar) },
  ];
  if (outcome.reconveneBy) {
    items.push({ kind: 'reconvene', due: outcome.reconveneBy });
    return items;
  }
  if (outcome.onPlan && outcome.newPlan) {
    items.push({
      kind: 'first-core-group',
      due: addWorkingDays(conference.date, timescales.firstCoreGroupWorkingDays, calendar),
    });
  }
  if (outcome.onPlan) {
    const months = outcome.newPlan ? timescales.firstReviewMonths : timescales.laterReviewMonths;
    items.push({ kind: 'next-review', due: addMonths(conference.date, months) });
  }
  return items;
}

/** Calendar days from `today` to `due` (negative when overdue). */
export function daysUntil(today: string, due: string): number {
  return toDayNumber(due) - toDayNumber(today);
}
