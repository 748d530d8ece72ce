import type { IssueLike } from './problems';
import { ESCALATION_REASON_LABELS, type EscalationReason } from '../schemas/agency-escalation';
import { formatDate, nameFor, type DocumentFrame } from './frame';

/**
 * Kirklees Appendix 3, "Child Protection Case Conference escalation": the return sent to one
 * agency's safeguarding lead for a period. A covering text (why they receive it, whom to contact
 * at the review unit, where training is offered) and a table, one row per incident: date of
 * meeting; family name, or identifying factors; CP chair; agency; name of agency rep; reason.
 */
export interface Appendix3Input {
  partnership: string;
  marking: string;
  generatedOn: string;
  unit: { name: string; email: string | null; phone: string | null; trainingLink: string | null };
  agency: { name: string; leadName: string | null; leadJobTitle: string | null };
  period: { from: string; to: string };
  rows: readonly {
    meetingDate: string;
    familyIdentifier: string;
    chairName: string;
    representativeName: string | null;
    reason: EscalationReason;
    reasonDetail: string | null;
  }[];
  /** Family names as initials (for exports that ask for it). */
  initialsOnly: boolean;
}

export const APPENDIX3_COLUMNS = [
  'Date of meeting',
  'Family name, or identifying factors.',
  'CP Chair',
  'Agency',
  'Name of agency Rep',
  'Reason for escalation',
] as const;

export interface Appendix3Model {
  frame: DocumentFrame;
  heading: string;
  /** "To: name, job title, agency": the only place the safeguarding lead is named. */
  addressee: string;
  periodLine: string;
  introduction: string[];
  issueLine: string;
  columns: readonly string[];
  rows: string[][];
  contact: string;
  training: string;
  /** Printed on its own line as a link, so it is never broken mid-address. */
  trainingLink: string | null;
}

/** What the form cannot be made without, named before anything is written. */
export function appendix3Problems(input: Appendix3Input): IssueLike[] {
  const problems: IssueLike[] = [];
  if (!input.unit.email)
    problems.push({
      path: 'settings.unitEmail',
      message:
        'Enter the review unit’s email address in Settings: the Appendix 3 covering text gives it as the contact',
    });
  if (input.rows.length === 0)
    problems.push({ path: 'rows', message: `${input.agency.name} has no escalations in this period` });
  return problems;
}

/** The lead's role when the directory records no job title: the covering text's "Safeguarding Lead". */
export const APPENDIX3_LEAD_ROLE = 'Safeguarding Lead';

/**
 * Whom the return is addressed to. The covering text opens "your name has been provided as a
 * Safeguarding Lead for your agency/organisation", so the lead is named once, with their job
 * title ("Safeguarding Lead" when none is recorded); with no name recorded, the return goes to
 * "the Safeguarding Lead" of the agency.
 */
export function appendix3Addressee(agency: Appendix3Input['agency']): string {
  const name = agency.leadName?.trim();
  const title = agency.leadJobTitle?.trim() || APPENDIX3_LEAD_ROLE;
  return name ? `To: ${name}, ${title}, ${agency.name}` : `To: the ${APPENDIX3_LEAD_ROLE}, ${agency.name}`;
}

export function appendix3Model(input: Appendix3Input): Appendix3Model {
  const period = `${formatDate(input.period.from)} to ${formatDate(input.period.to)}`;
  const contactWays = [input.unit.email, input.unit.phone].filter(Boolean).join(' or ');
  return {
    frame: {
      title: `Appendix 3: Child Protection Case Conference escalation – ${input.agency.name}, ${period}`,
      partnership: input.partnership,
      marking: input.marking,
      generatedOn: input.generatedOn,
    },
    heading: 'Child Protection Case Conference Escalation information.',
    addressee: appendix3Addressee(input.agency),
    periodLine: `Period: ${period}. Sent: ${formatDate(input.generatedOn)}.`,
    introduction: [
      `Following agreement with the ${input.partnership}, your name has been provided as a Safeguarding Lead for your agency/organisation.`,
      'Safeguarding is a joint responsibility and multi-agency input in the Child Protection Conference process is essential to inform decision making. Agency non-attendance at Child Protection Conferences, failure to provide timely reports for Conferences as required, or any presenting issues that require further exploration will therefore be escalated for consideration/action. Please refer to the partnership’s procedure regarding agency contribution to the Child Protection Conference process.',
    ],
    issueLine:
      'An issue has been identified regarding your agency/organisation contribution to the Child Protection process, information of which is provided below.',
    columns: APPENDIX3_COLUMNS,
    rows: [...input.rows]
      .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))
      .map((r) => [
        formatDate(r.meetingDate) ?? r.meetingDate,
        nameFor(r.familyIdentifier, input.initialsOnly),
        r.chairName,
        input.agency.name,
        r.representativeName ?? 'Not known',
        r.reasonDetail
          ? `${ESCALATION_REASON_LABELS[r.reason]}: ${r.reasonDetail}`
          : ESCALATION_REASON_LABELS[r.reason],
      ]),
    contact: `Please contact the ${input.unit.name} at ${contactWays || 'the review unit'} if you require any further information.`,
    training: `Child Protection Conference partnership training is available to agencies/organisations to provide information and support and assist with clarifying roles and responsibilities. If this would be of interest to your agency, ${
      input.unit.trainingLink
        ? 'the following link provides course details.'
        : `please ask the ${input.unit.name} for course details.`
    }`,
    trainingLink: input.unit.trainingLink,
  };
}
