import { z } from 'zod';
import { toDayNumber } from './dates';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingDayCalendar } from './working-days';

/**
 * A partnership's professional-disagreement escalation protocol, as data: its stages, who is
 * involved and what happens at each, each stage's limit in working days, which stages need the
 * formal record, and whether that record uses the family's initials only. Versioned: an
 * escalation keeps the protocol version it started under.
 */
export const protocolStageSchema = z.object({
  number: z.number({ error: 'Stage number must be a number' }).int().min(1, 'Stage numbers start at 1'),
  name: z.string({ error: 'Enter the stage’s name' }).trim().min(1, 'Enter the stage’s name').max(200),
  who: z.string().trim().max(1000).default(''),
  what: z.string().trim().max(4000).default(''),
  limitWorkingDays: z
    .number({ error: 'Enter the stage’s limit in working days' })
    .int('The limit must be a whole number of working days')
    .positive('The limit must be at least 1 working day'),
  formalRecord: z.boolean().default(false),
});
export type ProtocolStage = z.infer<typeof protocolStageSchema>;

export const protocolSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,40}$/, 'The key is 2 to 40 lower-case letters, digits or hyphens'),
    version: z.number().int().min(1),
    name: z.string({ error: 'Enter the protocol’s name' }).trim().min(1, 'Enter the protocol’s name').max(200),
    source: z.string().trim().max(500).default(''),
    formalRecordName: z.string().trim().max(200).default(''),
    initialsOnly: z.boolean().default(false),
    stages: z.array(protocolStageSchema).min(1, 'A protocol needs at least one stage'),
  })
  .superRefine((p, ctx) => {
    p.stages.forEach((s, i) => {
      if (s.number !== i + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'number'],
          message: `Stage ${i + 1} is numbered ${s.number}; number the stages 1, 2, 3 …`,
        });
      }
    });
  });
export type Protocol = z.infer<typeof protocolSchema>;

const stage = (
  number: number,
  name: string,
  who: string,
  what: string,
  limitWorkingDays: number,
  formalRecord = false,
): ProtocolStage => ({
  number,
  name,
  who,
  what,
  limitWorkingDays,
  formalRecord,
});

/** Kirklees Safeguarding Children Partnership: 7 stages, each "should not exceed 5 working days"; Appendix 5 at stages 5 and 6. */
const KIRKLEES: Protocol = {
  key: 'kirklees',
  version: 1,
  name: 'Kirklees KSCP: resolving professional disagreement',
  source: 'Kirklees Safeguarding Children Partnership escalation protocol',
  formalRecordName: 'Appendix 5: Professional Difference Escalation Record',
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
      true,
    ),
    stage(
      6,
      'KSCP Business Unit Manager',
      'The KSCP Business Unit Manager, reporting to the Independent Person',
      'Refer for partnership action to seek resolution.',
      5,
      true,
    ),
    stage(
      7,
      'Restorative debrief',
      'Those involved',
      'After resolution, consider a restorative debrief and changes to local procedures.',
      5,
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
      true,
    ),
    stage(4, 'Formal: heads of service', 'Heads of service', 'Escalate; update the notification form.', 7, true),
    stage(
      5,
      'Formal: partnership executive',
      'The CSCP executive',
      'Request to the partnership executive; update the notification form.',
      7,
      true,
    ),
  ],
};

/**
 * North Lincolnshire SAfE procedure: practitioner, line managers, Principal Officer review meeting,
 * partnership chair's mediation. It sets no number of days ("a timely manner to safeguard the
 * child"); pit stop meetings aim at 2 weeks, so each stage defaults to 10 working days.
 */
const NORTH_LINCOLNSHIRE: Protocol = {
  key: 'north-lincolnshire',
  version: 1,
  name: 'North Lincolnshire SAfE: disagreement resolution',
  source: 'North Lincolnshire SAfE procedure',
  formalRecordName: 'Written record of the Principal Officer review meeting',
  initialsOnly: false,
  stages: [
    stage(1, 'Practitioner discussion', 'The practitioners', 'Resolve the disagreement between practitioners.', 10),
    stage(
      2,
      'Line managers',
      'Line managers, with the Independent Review Service manager',
      'Managers attempt resolution with written confirmation.',
      10,
    ),
    stage(
      3,
      'Principal Officer review',
      'A Principal Officer of the local authority',
      'A review meeting chaired by a Principal Officer; written record kept on the child’s file.',
      10,
      true,
    ),
    stage(
      4,
      'Partnership chair’s mediation',
      'The safeguarding partnership chair',
      'A mediation appointment with the professionals and managers.',
      10,
      true,
    ),
  ],
};

/** A generic four-stage procedure: practitioners, line managers, senior managers, heads of safeguarding. */
const GENERIC: Protocol = {
  key: 'generic-four-stage',
  version: 1,
  name: 'Generic four-stage escalation',
  source: 'A generic four-stage escalation procedure',
  formalRecordName: 'Record on the child’s file',
  initialsOnly: false,
  stages: [
    stage(1, 'Practitioners', 'The professionals involved', 'Direct discussion to resolve the concern.', 5),
    stage(
      2,
      'Line managers',
      'Line managers, with designated safeguarding leads',
      'Managers review and seek agreement.',
      5,
    ),
    stage(
      3,
      'Senior managers',
      'Senior managers of each organisation',
      'A decision between agencies and an agreed way forward.',
      5,
    ),
    stage(
      4,
      'Heads of safeguarding',
      'Heads of safeguarding of the agencies',
      'A record of the disagreement and outstanding concerns.',
      5,
      true,
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
 * When a stage opened on `openedOn` is due. Normally the stage's limit in working days after it
 * opened. Where a child is at **immediate risk of significant harm** the concern goes the same
 * working day through the normal safeguarding route (every protocol says so): due that day, or
 * the next working day if it opened on a weekend or holiday. It never waits on the stage clock.
 */
export function stageDueDate(
  openedOn: string,
  limitWorkingDays: number,
  calendar: WorkingDayCalendar,
  immediateRisk = false,
): string {
  if (immediateRisk) return isWorkingDay(openedOn, calendar) ? openedOn : addWorkingDays(openedOn, 1, calendar);
  return addWorkingDays(openedOn, limitWorkingDays, calendar);
}

export function stageClock(due: string, today: string, calendar: WorkingDayCalendar): StageClock {
  const left = workingDaysBetween(today, due, calendar);
  const overdue = toDayNumber(due) < toDayNumber(today);
  return { due, workingDaysLeft: overdue ? Math.min(left, -1) : left, overdue, dueToday: due === today };
}

/** The stages of `protocol` after `number`, or null at the last stage. */
export function nextStage(protocol: Protocol, number: number): ProtocolStage | null {
  return protocol.stages.find((s) => s.number === number + 1) ?? null;
}

/** Initials for forms that must not name the family ("Ó Súilleabháin" → "Ó.S."). */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part.charAt(0).toLocaleUpperCase('en-GB')}.`)
    .join('');
}
