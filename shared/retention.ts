import { z } from 'zod';
import { addMonths } from './conference-deadlines';
import { strictObject } from './schemas/common';

/**
 * How long a family's records are kept: the partnership's retention rule.
 *
 * - `last-record`: kept for `years` after the family's last record (its latest conference,
 *   decision, escalation or correction), in effect "years after last contact".
 * - `youngest-child-birth`: kept until the youngest child reaches an age: `years` after the
 *   latest date of birth among the family's children. A child not yet born (an expected date
 *   only) counts from the family's last record instead, as does a family with no child.
 *
 * The default, 35 years after the last record, follows the retention schedules English councils
 * publish for child protection conference records: Blackpool Council's Children's Services
 * retention schedule keeps "Child Protection Conferences" (minutes and reports) and "Child
 * Protection Records" for 35 years after last contact; Northumberland County Council keeps child
 * protection conference minutes and plans 35 years after the case closes, a policy the High
 * Court held lawful in R (C) v Northumberland County Council [2015] EWHC 2134 (Admin). The
 * judgment notes there is no single national figure; a partnership sets its own in Settings
 * (Derbyshire's schedule, for example, offers "DOB+25", which is `youngest-child-birth`, 25).
 */
export const retentionRuleSchema = strictObject({
  basis: z.enum(['last-record', 'youngest-child-birth'], {
    error: () => 'Choose whether retention counts from the last record or the youngest child’s birth',
  }),
  years: z
    .number({ error: 'Years kept must be a number' })
    .int('Years kept must be a whole number')
    .min(1, 'Years kept must be 1 or more')
    .max(100, 'Years kept must be 100 or fewer'),
});
export type RetentionRule = z.infer<typeof retentionRuleSchema>;
export type RetentionBasis = RetentionRule['basis'];

export const DEFAULT_RETENTION_RULE: RetentionRule = { basis: 'last-record', years: 35 };

export const RETENTION_BASIS_LABELS: Record<RetentionBasis, string> = {
  'last-record': 'Years after the family’s last record',
  'youngest-child-birth': 'Years after the youngest child’s date of birth',
};

/** What the rule needs to know about a family. */
export interface RetentionFacts {
  /** The date of the family's latest record (YYYY-MM-DD). */
  lastRecordOn: string;
  /** Each child's date of birth; `null` for a child not yet born. */
  childrenBornOn: readonly (string | null)[];
}

/** `years` calendar years after a date; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/**
 * The family's retention date: the last day its records are kept. They are past retention from
 * the day after (see `isPastRetention`).
 */
export function retentionDate(rule: RetentionRule, facts: RetentionFacts): string {
  if (rule.basis === 'last-record' || facts.childrenBornOn.length === 0) {
    return addYears(facts.lastRecordOn, rule.years);
  }
  // The youngest child decides; an unborn child counts from the last record, so a family whose
  // baby has not yet been born (or whose birth was never recorded) is never erased early.
  const from = facts.childrenBornOn.map((born) => born ?? facts.lastRecordOn);
  return addYears(
    from.reduce((a, b) => (b > a ? b : a)),
    rule.years,
  );
}

/** True once today is after the retention date. */
export function isPastRetention(retentionOn: string, today: string): boolean {
  return today > retentionOn;
}
