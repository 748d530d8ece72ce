import { addMonths } from './conference-deadlines';
import { addDays, formatLongDate } from './dates';

/**
 * Which dates a record can hold, so the register never holds an impossible one. Every date is a
 * real calendar date within the register's years; beyond that, what a date says decides its
 * range: something that happened cannot be in the future, a conference is planned at most two
 * years ahead, a child is under 18 at its conference, an unborn child's expected date is near
 * today. The rules take "today" as an argument (the register's clock), never a hidden one.
 */
export const FIRST_REGISTER_DATE = '2000-01-01';
export const LAST_REGISTER_DATE = '2099-12-31';

/** How far ahead a conference can be scheduled. */
export const MAX_YEARS_AHEAD = 2;
/** A child protection conference considers children under 18. */
export const CHILD_AGE_LIMIT_YEARS = 18;
/** An unborn child's expected date: at most 10 months ahead, and at most 6 weeks past (babies come late). */
export const EXPECTED_DATE_MONTHS_AHEAD = 10;
export const EXPECTED_DATE_DAYS_PAST = 42;

const long = (date: string) => formatLongDate(date).replace(/^\S+ /, '');

/** Something that happened (a response, a closure, a report received): not after today. */
export function happenedProblem(date: string, today: string, label: string): string | null {
  return date > today ? `${label} cannot be in the future (today is ${long(today)})` : null;
}

/** A conference's date: not more than two years ahead. */
export function conferenceDateProblem(date: string, today: string): string | null {
  const last = addMonths(today, MAX_YEARS_AHEAD * 12);
  return date > last
    ? `The date of the conference must be within ${MAX_YEARS_AHEAD} years of today (by ${long(last)})`
    : null;
}

/** A child's date of birth: not in the future, and the child under 18 on the conference's date. */
export function dateOfBirthProblem(dateOfBirth: string, today: string, onDate: string): string | null {
  if (dateOfBirth > today)
    return 'The date of birth cannot be in the future: for an unborn child enter the expected date';
  const earliest = addDays(addMonths(onDate, -CHILD_AGE_LIMIT_YEARS * 12), 1);
  if (dateOfBirth < earliest) {
    return `The child would be 18 or over on ${long(onDate)}: check the date of birth`;
  }
  return null;
}

/** An unborn child's expected date: near today (up to 10 months ahead, or 6 weeks past). */
export function expectedDateProblem(expectedDate: string, today: string): string | null {
  const latest = addMonths(today, EXPECTED_DATE_MONTHS_AHEAD);
  const earliest = addDays(today, -EXPECTED_DATE_DAYS_PAST);
  if (expectedDate > latest) return `The expected date must be within ${EXPECTED_DATE_MONTHS_AHEAD} months of today`;
  if (expectedDate < earliest) {
    return 'The expected date is more than 6 weeks ago: if the baby has been born, enter the date of birth';
  }
  return null;
}
