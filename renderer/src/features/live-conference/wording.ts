import { formatLongDate } from '../../../../shared/dates';
import type { View } from '../../../../shared/outcome';
import type { ConferenceStatus, ConferenceType } from '../../../../shared/schemas/conference';
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  type LiveChild,
  type LiveConference,
  type RecordedOutcome,
} from '../../../../shared/schemas/live-conference';

export function childName(child: { givenName: string; familyName: string }): string {
  return `${child.givenName} ${child.familyName}`;
}

/**
 * The two views an agency can give, in the words of the conference: an initial conference asks
 * whether the child needs a plan, a review whether the plan should continue (a reconvened one
 * as the conference it reconvenes).
 */
export function viewLabels(type: ConferenceType): Record<View, string> {
  return type === 'review'
    ? { plan: 'Plan should continue', 'no-plan': 'Plan should end' }
    : { plan: 'Needs a plan', 'no-plan': 'Does not need a plan' };
}

/** The decision each view leads to, in a few words: "plan", "no plan", "plan continues". */
function decisionWords(type: ConferenceType): Record<View, string> {
  return type === 'review'
    ? { plan: 'plan continues', 'no-plan': 'plan ends' }
    : { plan: 'plan', 'no-plan': 'no plan' };
}

export function viewCounts(child: LiveChild): { plan: number; noPlan: number } {
  const plan = child.views.filter((v) => v.view === 'plan').length;
  return { plan, noPlan: child.views.length - plan };
}

/** While the child is on a plan until the reconvened conference. */
export function interimWords(type: ConferenceType, givenName: string): string {
  return type === 'review'
    ? `${givenName} stays on a plan meanwhile`
    : `${givenName} is made subject to a plan meanwhile`;
}

/**
 * The outcome rule applied to the views so far, in a line: "Majority: plan (3–1)",
 * "Equally divided (2–2): adjourn – reconvene by …", "Unanimous: no plan (4–0)".
 */
export function previewText(child: LiveChild, live: LiveConference): string {
  const type = live.conference.decidesAs;
  const { plan, noPlan } = viewCounts(child);
  if (child.views.length === 0) return 'No views given yet';
  if (live.rule === 'chair') {
    return `The chair decides: ${plan} for ${type === 'review' ? 'continuing the plan' : 'a plan'}, ${noPlan} against`;
  }
  const preview = child.preview;
  if (!preview) return 'No views given yet';
  const words = decisionWords(type);
  const high = Math.max(plan, noPlan);
  const low = Math.min(plan, noPlan);
  switch (preview.result) {
    case 'unanimous':
      return `Unanimous: ${preview.decision === 'no-plan' ? words['no-plan'] : words.plan} (${high}–0)`;
    case 'majority':
      return `Majority: ${preview.decision === 'no-plan' ? words['no-plan'] : words.plan} (${high}–${low})`;
    case 'equally-divided':
      if (preview.decision === 'adjourned') {
        const by = preview.reconveneBy ? ` – reconvene by ${formatLongDate(preview.reconveneBy)}` : '';
        return `Equally divided (${plan}–${noPlan}): adjourn${by}, ${interimWords(type, child.givenName)}`;
      }
      return `Still equally divided (${plan}–${noPlan}): the plan continues and a Principal Officer review is opened`;
    case 'chair-decision':
      return `The chair decides: ${plan} for a plan, ${noPlan} against`;
  }
}

export const RESULT_LABELS: Record<RecordedOutcome['result'], string> = {
  unanimous: 'Unanimous view',
  majority: 'Majority view',
  'equally-divided': 'Equally divided view',
  'chair-decision': 'Chair’s decision after hearing all views',
};

/** The recorded decision in a line, for the status panel. */
export function recordedText(recorded: RecordedOutcome): string {
  if (recorded.decision === 'adjourned') {
    return `Adjourned${recorded.reconveneBy ? ` – reconvene by ${formatLongDate(recorded.reconveneBy)}` : ''}${
      recorded.interimPlan ? ', on a plan meanwhile' : ''
    }`;
  }
  const category = recorded.category ? ` – ${CATEGORY_LABELS[recorded.category]}` : '';
  const escalation = recorded.escalation ? '; Principal Officer review opened' : '';
  return `${DECISION_LABELS[recorded.decision]}${category} (${RESULT_LABELS[recorded.result].toLowerCase()})${escalation}`;
}

export const STATUS_TAGS: Record<LiveConference['conference']['status'], { text: string; className: string }> = {
  scheduled: { text: 'Scheduled', className: 'govuk-tag' },
  concluded: { text: 'Concluded', className: 'govuk-tag govuk-tag--green' },
  adjourned: { text: 'Adjourned', className: 'govuk-tag govuk-tag--orange' },
  cancelled: { text: 'Cancelled', className: 'govuk-tag govuk-tag--grey' },
};

/** The earliest reconvene-by date among the children adjourned. */
export function reconveneBy(live: LiveConference): string | null {
  return (
    live.children
      .map((c) => c.recorded?.reconveneBy ?? '')
      .filter(Boolean)
      .sort()[0] ?? null
  );
}

/** "A", "A and B", "A, B and C": names in a sentence, as the register writes them. */
export function listWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Until the conference's day, nothing can be concluded at it: said in place of the controls. */
export function notOpenText(live: LiveConference): string {
  return `Attendance and views can be recorded from ${formatLongDate(live.conference.date)}, the day of the conference.`;
}

/** What stops a child's decision being recorded: one entry each, where it is put right. */
export interface DecisionProblem {
  /** Where the error summary's link goes. */
  kind: 'quoracy' | 'unconsulted' | 'no-views' | 'chair-decision' | 'minority' | 'category';
  message: string;
}

/**
 * Every problem that stops the decision for `child`, in the register's order and words (see
 * `recordDecision` in the live-conference service): quoracy, agencies still to consult, no views
 * at all, the chair's decision, the minority's reasons, the category a plan needs. Shown beside
 * the button so the chair sees them all at once, not one refusal at a time.
 */
export function decisionProblems(
  live: LiveConference,
  child: LiveChild,
  choices: { chairDecision: View | null; categoryNeeded: boolean; category: string; minorityMissing: string[] },
): DecisionProblem[] {
  // The conference's own state, in the register's words (`blockers`): quoracy, agencies still to
  // consult, the majority's minority reasons.
  const problems: DecisionProblem[] = child.blockers.map((b) => ({
    kind:
      b.path === 'quoracy'
        ? 'quoracy'
        : b.path === 'reasons'
          ? 'minority'
          : child.unconsulted.length > 0
            ? 'unconsulted'
            : 'no-views',
    message: b.message,
  }));
  // The chair's own choices on this screen.
  if (live.rule === 'chair' && choices.chairDecision === null) {
    problems.push({ kind: 'chair-decision', message: 'Record the chair’s decision' });
  }
  if (live.rule === 'chair' && choices.minorityMissing.length > 0) {
    problems.push({
      kind: 'minority',
      message: `Record the concerns and reasons of the minority view: ${choices.minorityMissing.join(', ')}`,
    });
  }
  if (choices.categoryNeeded && choices.category === '') {
    problems.push({ kind: 'category', message: `Choose the category of abuse for ${child.givenName}’s plan` });
  }
  return problems;
}

/**
 * Where a reconvened conference stands, from its status: reconvening on its date until it has
 * decided, reconvened once it has (an adjournment is not "reconvened" before the meeting is held).
 */
export function reconveningText(reconvened: { status: ConferenceStatus; date: string }): string {
  switch (reconvened.status) {
    case 'scheduled':
      return `Reconvening on ${formatLongDate(reconvened.date)}`;
    case 'cancelled':
      return `The reconvened conference of ${formatLongDate(reconvened.date)} was cancelled`;
    case 'concluded':
    case 'adjourned':
      return `Reconvened on ${formatLongDate(reconvened.date)}`;
  }
}

/**
 * What is recorded on a conference, as the register counts it (attendance, reports, views,
 * decisions, escalations, documents, a reconvened conference): it can be deleted only while this
 * is empty; otherwise it is cancelled, with the reason.
 */
export function recordedOnConference(live: LiveConference): string[] {
  return live.conference.recorded;
}
