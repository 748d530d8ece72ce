import { formatLongDate } from '../../../../shared/dates';
import type { View } from '../../../../shared/outcome';
import type { ConferenceType } from '../../../../shared/schemas/conference';
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
