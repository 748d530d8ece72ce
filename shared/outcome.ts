import { z } from 'zod';
import { isIsoDate } from './dates';
import { strictObject } from './schemas/common';
import { addWorkingDays, type WorkingDayCalendar } from './working-days';

/**
 * The outcome of a child protection conference for one child, from the agencies' views.
 *
 * Encodes the North Lincolnshire SAfE procedure ("Disagreements at conferences"):
 * - a unanimous or **majority** view decides, and the concerns and reasons of the minority are
 *   recorded in full;
 * - an **equally divided** view adjourns the conference "for a brief period – not exceeding 15
 *   working days"; meanwhile the child continues on the plan, and at an initial conference is
 *   made subject to a plan pending the reconvened meeting;
 * - if the **reconvened** conference still has no unanimous or majority view, the child continues
 *   on the plan and the matter goes to a Principal Officer review.
 * Many areas instead let the chair decide after hearing every view (`rule: 'chair'`); dissenting
 * agencies' reasons are recorded the same way.
 *
 * At a review, `plan` means the plan continues and `no-plan` that it ends.
 */
export const OUTCOME_RULES = ['majority', 'chair'] as const;
export type OutcomeRule = (typeof OUTCOME_RULES)[number];
export const VIEWS = ['plan', 'no-plan'] as const;
export type View = (typeof VIEWS)[number];

/** The procedure's adjournment limit. */
export const ADJOURNMENT_WORKING_DAYS = 15;

export const outcomeInputSchema = strictObject({
  type: z.enum(['initial', 'review', 'reconvened'], {
    error: (i) => `type must be initial, review or reconvened (got ${JSON.stringify(i.input)})`,
  }),
  date: z.string({ error: 'date must be a date in the form YYYY-MM-DD' }).refine(isIsoDate, {
    error: (i) => `date must be a real date in the form YYYY-MM-DD (got "${String(i.input)}")`,
  }),
  rule: z
    .enum(OUTCOME_RULES, { error: (i) => `rule must be majority or chair (got ${JSON.stringify(i.input)})` })
    .default('majority'),
  chairDecision: z
    .enum(VIEWS, { error: (i) => `chairDecision must be plan or no-plan (got ${JSON.stringify(i.input)})` })
    .optional(),
  views: z
    .array(
      strictObject({
        agency: z
          .string({ error: 'agency must be the agency’s name' })
          .trim()
          .min(1, 'agency must not be blank')
          .max(200, 'agency must be 200 characters or fewer'),
        view: z.enum(VIEWS, { error: (i) => `view must be plan or no-plan (got ${JSON.stringify(i.input)})` }),
      }),
      { error: 'views must be a list of { agency, view }' },
    )
    .min(1, 'views must hold at least one agency’s view')
    .max(100, 'views must hold 100 agencies’ views or fewer'),
}).superRefine((input, ctx) => {
  const seen = new Map<string, number>();
  input.views.forEach((v, i) => {
    const key = v.agency.toLocaleLowerCase('en-GB');
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['views', i, 'agency'], message: `"${v.agency}" gives a view twice` });
    }
    seen.set(key, i);
  });
  if (input.rule === 'chair' && input.chairDecision === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['chairDecision'],
      message: 'chairDecision is needed when the rule is chair',
    });
  }
});
export type OutcomeInput = z.output<typeof outcomeInputSchema>;

export interface Outcome {
  result: 'unanimous' | 'majority' | 'equally-divided' | 'chair-decision';
  decision: View | 'adjourned';
  /** The child is on a plan until the reconvened conference (equally divided at initial or review). */
  interimPlan: boolean;
  /** The latest date to reconvene: the 15th working day after the conference. */
  reconveneBy: string | null;
  /** Agencies whose view differs from the decision: their concerns and reasons must be recorded. */
  minority: string[];
  escalation: 'principal-officer-review' | null;
}

export function decideOutcome(input: OutcomeInput, calendar: WorkingDayCalendar): Outcome {
  const against = (decision: View) => input.views.filter((v) => v.view !== decision).map((v) => v.agency);

  if (input.rule === 'chair') {
    const decision = input.chairDecision ?? 'plan';
    return {
      result: 'chair-decision',
      decision,
      interimPlan: false,
      reconveneBy: null,
      minority: against(decision),
      escalation: null,
    };
  }

  const plan = input.views.filter((v) => v.view === 'plan').length;
  const noPlan = input.views.length - plan;
  if (plan !== noPlan) {
    const decision: View = plan > noPlan ? 'plan' : 'no-plan';
    const minority = against(decision);
    return {
      result: minority.length === 0 ? 'unanimous' : 'majority',
      decision,
      interimPlan: false,
      reconveneBy: null,
      minority,
      escalation: null,
    };
  }
  if (input.type === 'reconvened') {
    // Still divided after reconvening: the plan continues and a Principal Officer review follows.
    return {
      result: 'equally-divided',
      decision: 'plan',
      interimPlan: false,
      reconveneBy: null,
      minority: against('plan'),
      escalation: 'principal-officer-review',
    };
  }
  return {
    result: 'equally-divided',
    decision: 'adjourned',
    interimPlan: true,
    reconveneBy: addWorkingDays(input.date, ADJOURNMENT_WORKING_DAYS, calendar),
    minority: [],
    escalation: null,
  };
}

/** The decision recorded for a child, in the words of the conference it belongs to. */
export type RecordedDecision = 'plan' | 'no-plan' | 'plan-continues' | 'plan-ends' | 'adjourned';

/**
 * The outcome as the decision recorded for the child: at an initial conference a plan is made or
 * not; at a review the plan continues or ends. A reconvened conference decides in the words of the
 * conference it reconvenes (`decidesAs`).
 */
export function recordedDecision(
  outcome: Pick<Outcome, 'decision'>,
  decidesAs: 'initial' | 'review',
): RecordedDecision {
  if (outcome.decision === 'adjourned') return 'adjourned';
  if (outcome.decision === 'plan') return decidesAs === 'review' ? 'plan-continues' : 'plan';
  return decidesAs === 'review' ? 'plan-ends' : 'no-plan';
}

/** A category of abuse is required when the child is made (or stays) subject to a plan. */
export function needsCategory(decision: RecordedDecision): boolean {
  return decision === 'plan' || decision === 'plan-continues';
}

/**
 * Whether a category may be recorded: with every plan, and also with an adjournment that puts the
 * child on a plan pending the reconvened meeting (North Lincolnshire SAfE: at an equally divided
 * initial conference "the child is made subject to a child protection plan pending the
 * reconvened meeting"; at a review the child stays on its plan). It is not required then: the
 * reconvened conference decides.
 */
export function categoryAllowed(decision: RecordedDecision, interimPlan: boolean): boolean {
  return needsCategory(decision) || (decision === 'adjourned' && interimPlan);
}

/** The view a recorded decision stands for (null while adjourned): agencies whose view differs dissented. */
export function viewOfDecision(decision: RecordedDecision): View | null {
  if (decision === 'plan' || decision === 'plan-continues') return 'plan';
  if (decision === 'no-plan' || decision === 'plan-ends') return 'no-plan';
  return null;
}
