import { z } from 'zod';
import { toDayNumber } from './dates';
import { strictObject } from './schemas/common';
import { addWorkingDays, workingDaysBetween, type WorkingDayCalendar } from './working-days';

/**
 * A partnership's professional-disagreement escalation protocol, as data: its stages, who is
 * involved and what happens at each, each stage's limit in working days (and whether the
 * procedure sets it or the partnership does), which stages need the formal record and which
 * record the protocol keeps, where an escalation may start, and whether the record uses the
 * family's initials only. Versioned: an escalation keeps the protocol version it started under.
 */

/** The most working days a stage may be given. */
export const MAX_STAGE_LIMIT = 60;

/**
 * Routes by which an escalation starts at a later stage than the first (North Lincolnshire SAfE:
 * a minority agency refers "straight away" to its line manager; a reconvened conference without
 * a majority goes to a Principal Officer review meeting).
 */
export const START_ROUTES = ['minority-view', 'principal-officer-review'] as const;
export type StartRoute = (typeof START_ROUTES)[number];
export const START_ROUTE_LABELS: Record<StartRoute, string> = {
  'minority-view': 'a minority view at a conference',
  'principal-officer-review': 'a Principal Officer review after a reconvened conference without a majority',
};

/**
 * The formal record each protocol keeps: Kirklees the Appendix 5 Professional Difference
 * Escalation Record (stages 5 and 6); Croydon its Escalation Notification Form (stage 3, updated
 * at 4 and 5); North Lincolnshire the written record of the Principal Officer review meeting; the
 * generic procedure records on the child's file. An adjusted copy keeps its source's record.
 */
export const FORMAL_RECORDS = ['appendix5', 'croydon-notification', 'review-meeting-record', 'child-file'] as const;
export type FormalRecord = (typeof FORMAL_RECORDS)[number];

export const protocolStageSchema = strictObject({
  number: z.number({ error: 'Stage number must be a number' }).int().min(1, 'Stage numbers start at 1').max(20),
  name: z.string({ error: 'Enter the stage’s name' }).trim().min(1, 'Enter the stage’s name').max(200),
  who: z.string().trim().max(1000).default(''),
  what: z.string().trim().max(4000).default(''),
  /** Working days to complete the stage; none for a stage that follows resolution (it has no clock). */
  limitWorkingDays: z
    .number({ error: 'Enter the stage’s limit in working days' })
    .int('The limit must be a whole number of working days')
    .min(1, 'The limit must be at least 1 working day')
    .max(MAX_STAGE_LIMIT, `The limit must be ${MAX_STAGE_LIMIT} working days or fewer`)
    .nullable(),
  /**
   * Who sets the limit: the procedure's own number (Kirklees 5, Croydon 7), or the partnership's
   * setting where the procedure sets none (North Lincolnshire's "a timescale that safeguards the
   * child", the generic procedure's "as set").
   */
  limitSetBy: z.enum(['procedure', 'partnership']).default('procedure'),
  formalRecord: z.boolean().default(false),
  /** Offered once the escalation is resolved, not reached by escalating (Kirklees stage 7, the restorative debrief). */
  followsResolution: z.boolean().default(false),
  /** Where the procedure allows an escalation to start here, with the reason recorded. */
  mayStartHere: z.boolean().default(false),
  /** The routes that start here (and so need no reason of their own). */
  startFor: z.array(z.enum(START_ROUTES)).max(START_ROUTES.length).default([]),
});
export type ProtocolStage = z.infer<typeof protocolStageSchema>;

/** The shipped protocols' records, by key: what an older stored definition (without `record`) keeps. */
const RECORD_BY_KEY: Record<string, FormalRecord> = {
  kirklees: 'appendix5',
  croydon: 'croydon-notification',
  'north-lincolnshire': 'review-meeting-record',
  'generic-four-stage': 'child-file',
};
const RECORD_BY_NAME: Record<string, FormalRecord> = {
  'Appendix 5: Professional Difference Escalation Record': 'appendix5',
  'Escalation Notification Form': 'croydon-notification',
  'Written record of the Principal Officer review meeting': 'review-meeting-record',
};

export const protocolSchema = strictObject({
  key: z
    .string()
    .trim()
    .max(40, 'The key is 2 to 40 lower-case letters, digits or hyphens')
    .regex(/^[a-z0-9-]{2,40}$/, 'The key is 2 to 40 lower-case letters, digits or hyphens'),
  version: z.number().int().min(1).max(100_000),
  name: z.string({ error: 'Enter the protocol’s name' }).trim().min(1, 'Enter the protocol’s name').max(200),
  source: z.string().trim().max(500).default(''),
  formalRecordName: z.string().trim().max(200).default(''),
  /** Which formal record the protocol keeps; a copy keeps its source's. */
  record: z.enum(FORMAL_RECORDS, { error: () => 'Choose the formal record the protocol keeps' }).optional(),
  initialsOnly: z.boolean().default(false),
  stages: z.array(protocolStageSchema).min(1, 'A protocol needs at least one stage').max(20, 'At most 20 stages'),
})
  .superRefine((p, ctx) => {
    p.stages.forEach((s, i) => {
      const path = (field: string) => ['stages', i, field];
      if (s.number !== i + 1) {
        ctx.addIssue({
          code: 'custom',
          path: path('number'),
          message: `Stage ${i + 1} is numbered ${s.number}; number the stages 1, 2, 3 …`,
        });
      }
      if (s.followsResolution) {
        if (i !== p.stages.length - 1 || i === 0) {
          ctx.addIssue({
            code: 'custom',
            path: path('followsResolution'),
            message: 'Only the last stage, after at least one other, can follow resolution',
          });
        }
        if (s.limitWorkingDays !== null) {
          ctx.addIssue({
            code: 'custom',
            path: path('limitWorkingDays'),
            message: 'A stage that follows resolution has no time limit: leave the limit blank',
          });
        }
      } else if (s.limitWorkingDays === null) {
        ctx.addIssue({
          code: 'custom',
          path: path('limitWorkingDays'),
          message: 'Enter the stage’s limit in working days',
        });
      }
      if ((s.mayStartHere || s.startFor.length > 0) && s.followsResolution) {
        ctx.addIssue({
          code: 'custom',
          path: path('mayStartHere'),
          message: 'An escalation cannot start at a stage that follows resolution',
        });
      }
    });
    for (const route of START_ROUTES) {
      if (p.stages.filter((s) => s.startFor.includes(route)).length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages'],
          message: `Only one stage can be where escalations from ${START_ROUTE_LABELS[route]} start`,
        });
      }
    }
  })
  .transform((p) => ({
    ...p,
    record: p.record ?? RECORD_BY_KEY[p.key] ?? RECORD_BY_NAME[p.formalRecordName] ?? ('child-file' as const),
  }));
export type Protocol = z.output<typeof protocolSchema>;
export type ProtocolInput = z.input<typeof protocolSchema>;

const stage = (
  number: number,
  name: string,
  who: string,
  what: string,
  limitWorkingDays: number | null,
  more: Partial<Omit<ProtocolStage, 'number' | 'name' | 'who' | 'what' | 'limitWorkingDays'>> = {},
): ProtocolStage => ({
  number,
  name,
  who,
  what,
  limitWorkingDays,
  limitSetBy: 'procedure',
  formalRecord: false,
  followsResolution: false,
  mayStartHere: false,
  startFor: [],
  ...more,
});

/**
 * Kirklees Safeguarding Children Partnership: stages 1-6 each "should not exceed 5 working days";
 * Appendix 5 "to be completed ... at stages 5 and 6"; stage 6 is also where a disagreement that
 * raises significant policy issues "should be referred urgently"; "Following resolution consider:
 * Stage 7 (Restorative debrief)", which has no clock.
 */
const KIRKLEES: Protocol = {
  key: 'kirklees',
  version: 1,
  name: 'Kirklees KSCP: resolving professional disagreement',
  source: 'Kirklees Safeguarding Children Partnership escalation protocol',
  formalRecordName: 'Appendix 5: Professional Difference Escalation Record',
  record: 'appendix5',
  initialsOnly: false,
  stages: [
    stage(
      1,
      'Practitioner discussion',
      'The practitioners',
      'Discuss the concern with the other agency to resolve it informally.',
      5,
    ),
    stage(
      2,
      'Written confirmation',
      'The practitioner',
      'Put the challenge in writing to the agency whose decision is disputed.',
      5,
    ),
    stage(
      3,
      'Line manager or safeguarding lead',
      'The practitioner’s line manager or safeguarding lead',
      'Record the disagreement and copy in the line manager or safeguarding lead.',
      5,
    ),
    stage(
      4,
      'Manager discussion with counterpart',
      'The line manager or safeguarding lead and their counterpart',
      'Discuss with the counterpart in the other agency to seek resolution.',
      5,
    ),
    stage(
      5,
      'Head of Service',
      'Head of Service or equivalent senior manager of each agency',
      'Refer to the Head of Service within 5 working days.',
      5,
      { formalRecord: true },
    ),
    stage(
      6,
      'KSCP Business Unit Manager',
      'The KSCP Business Unit Manager, reporting to the Independent Person',
      'Refer for partnership action to seek resolution; referred urgently where the disagreement raises significant policy issues.',
      5,
      { formalRecord: true, mayStartHere: true },
    ),
    stage(
      7,
      'Restorative debrief',
      'Those involved',
      'Following resolution, consider a restorative debrief and changes to local procedures.',
      null,
      { followsResolution: true },
    ),
  ],
};

/** Croydon Safeguarding Children Partnership: stages 1-2 informal, 3-5 formal, "7 working days or less" each; notification form from stage 3; family initials only. */
const CROYDON: Protocol = {
  key: 'croydon',
  version: 1,
  name: 'Croydon CSCP: escalation and resolution',
  source: 'Croydon Safeguarding Children Partnership escalation and resolution policy',
  formalRecordName: 'Escalation Notification Form',
  record: 'croydon-notification',
  initialsOnly: true,
  stages: [
    stage(1, 'Informal: practitioner discussion', 'The practitioners', 'Raise and discuss the concern directly.', 7),
    stage(
      2,
      'Informal: line managers',
      'Line managers or safeguarding leads',
      'Managers discuss to resolve the concern.',
      7,
    ),
    stage(
      3,
      'Formal: service managers',
      'Service managers',
      'Formal escalation; consider a multi-agency reflective group consultation. Complete the notification form.',
      7,
      { formalRecord: true },
    ),
    stage(4, 'Formal: heads of service', 'Heads of service', 'Escalate; update the notification form.', 7, {
      formalRecord: true,
    }),
    stage(
      5,
      'Formal: partnership executive',
      'The CSCP executive',
      'Request to the partnership executive; update the notification form.',
      7,
      { formalRecord: true },
    ),
  ],
};

/**
 * North Lincolnshire SAfE procedure: practitioner, line managers, Principal Officer review meeting,
 * partnership chair's mediation. It sets no number of days ("a timescale that safeguards the
 * child"), so each limit is the partnership's own setting: 10 working days by default, as its pit
 * stop meetings aim at two weeks. A minority agency at a conference refers "straight away" to its
 * line manager (stage 2); a reconvened conference without a majority goes to a Principal Officer
 * review (stage 3), whose meeting's written record ("key areas of discussion, disagreement,
 * agreements and actions") is kept on the child's file.
 */
const NORTH_LINCOLNSHIRE: Protocol = {
  key: 'north-lincolnshire',
  version: 1,
  name: 'North Lincolnshire SAfE: disagreement resolution',
  source: 'North Lincolnshire SAfE procedure',
  formalRecordName: 'Written record of the Principal Officer review meeting',
  record: 'review-meeting-record',
  initialsOnly: false,
  stages: [
    stage(1, 'Practitioner discussion', 'The practitioners', 'Resolve the disagreement between practitioners.', 10, {
      limitSetBy: 'partnership',
    }),
    stage(
      2,
      'Line managers',
      'Line managers, with the Independent Review Service manager',
      'Managers attempt resolution with written confirmation.',
      10,
      { limitSetBy: 'partnership', mayStartHere: true, startFor: ['minority-view'] },
    ),
    stage(
      3,
      'Principal Officer review',
      'A Principal Officer of the local authority',
      'A review meeting chaired by a Principal Officer; written record kept on the child’s file.',
      10,
      { limitSetBy: 'partnership', formalRecord: true, mayStartHere: true, startFor: ['principal-officer-review'] },
    ),
    stage(
      4,
      'Partnership chair’s mediation',
      'The safeguarding partnership chair',
      'A mediation appointment with the professionals and managers.',
      10,
      { limitSetBy: 'partnership' },
    ),
  ],
};

/** A generic four-stage procedure: practitioners, line managers, senior managers, heads of safeguarding; limits "as set" by the partnership. */
const GENERIC: Protocol = {
  key: 'generic-four-stage',
  version: 1,
  name: 'Generic four-stage escalation',
  source: 'A generic four-stage escalation procedure',
  formalRecordName: 'Record on the child’s file',
  record: 'child-file',
  initialsOnly: false,
  stages: [
    stage(1, 'Practitioners', 'The professionals involved', 'Direct discussion to resolve the concern.', 5, {
      limitSetBy: 'partnership',
    }),
    stage(
      2,
      'Line managers',
      'Line managers, with designated safeguarding leads',
      'Managers review and seek agreement.',
      5,
      { limitSetBy: 'partnership' },
    ),
    stage(
      3,
      'Senior managers',
      'Senior managers of each organisation',
      'A decision between agencies and an agreed way forward.',
      5,
      { limitSetBy: 'partnership' },
    ),
    stage(
      4,
      'Heads of safeguarding',
      'Heads of safeguarding of the agencies',
      'A record of the disagreement and outstanding concerns.',
      5,
      { limitSetBy: 'partnership', formalRecord: true },
    ),
  ],
};

export const SHIPPED_PROTOCOLS: readonly Protocol[] = [KIRKLEES, CROYDON, NORTH_LINCOLNSHIRE, GENERIC];

export interface StageClock {
  /** The date the stage must be completed by. */
  due: string;
  /** Working days from today to the due date: 0 is due today, negative is overdue. */
  workingDaysLeft: number;
  overdue: boolean;
  dueToday: boolean;
}

/**
 * When a stage opened on `openedOn` is due: the stage's limit in working days after it opened.
 * Where a child is at **immediate risk of significant harm** the concern goes through the normal
 * safeguarding route the same day (every protocol says so): due the day it is raised, even a
 * weekend or bank holiday. It never waits on the stage clock.
 */
export function stageDueDate(
  openedOn: string,
  limitWorkingDays: number,
  calendar: WorkingDayCalendar,
  immediateRisk = false,
): string {
  if (immediateRisk) return openedOn;
  return addWorkingDays(openedOn, limitWorkingDays, calendar);
}

/** The stages an escalation moves through by escalating (a stage that follows resolution is offered, not reached). */
export function clockedStages(protocol: Protocol): ProtocolStage[] {
  return protocol.stages.filter((s) => !s.followsResolution);
}

/** The stage offered once an escalation is resolved (Kirklees: the restorative debrief), if any. */
export function resolutionStage(protocol: Protocol): ProtocolStage | null {
  return protocol.stages.find((s) => s.followsResolution) ?? null;
}

/** Where an escalation from a route starts under this protocol (stage 1 when the protocol names none). */
export function routeStage(protocol: Protocol, route: StartRoute): ProtocolStage | null {
  return protocol.stages.find((s) => s.startFor.includes(route)) ?? null;
}

/** Whether an escalation may start at stage `number` (always at the first; later only where the procedure allows). */
export function mayStartAt(protocol: Protocol, number: number): boolean {
  const s = protocol.stages.find((x) => x.number === number);
  if (!s || s.followsResolution) return false;
  return number === clockedStages(protocol)[0]?.number || s.mayStartHere || s.startFor.length > 0;
}

/** The limit in words, saying who sets it: the procedure, or (where it sets none) the partnership. */
export function limitWords(s: ProtocolStage): string {
  if (s.followsResolution || s.limitWorkingDays === null) return 'No time limit: offered after resolution';
  const days = `${s.limitWorkingDays} working day${s.limitWorkingDays === 1 ? '' : 's'}`;
  return s.limitSetBy === 'partnership'
    ? `${days}: the partnership’s own setting (the procedure sets no limit)`
    : `${days}, as the procedure sets`;
}

export function stageClock(due: string, today: string, calendar: WorkingDayCalendar): StageClock {
  const left = workingDaysBetween(today, due, calendar);
  const overdue = toDayNumber(due) < toDayNumber(today);
  return { due, workingDaysLeft: overdue ? Math.min(left, -1) : left, overdue, dueToday: due === today };
}

/** The stage an escalation moves to from stage `number`, or null at the last stage reached by escalating. */
export function nextStage(protocol: Protocol, number: number): ProtocolStage | null {
  return clockedStages(protocol).find((s) => s.number > number) ?? null;
}

/** Initials for forms that must not name the family ("Ó Súilleabháin" → "Ó.S."). */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part.charAt(0).toLocaleUpperCase('en-GB')}.`)
    .join('');
}
