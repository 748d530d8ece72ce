import { ESCALATION_REASON_LABELS, type EscalationReason } from '../schemas/agency-escalation';
import { NATURE_LABELS, type Nature } from '../schemas/escalation';
import { nameFor } from './frame';
import { csvCell, csvFile } from '../csv';

/**
 * The machine-readable half of an export for an agency's safeguarding lead: the Appendix 3 rows
 * and the agency's professional escalations as CSV and as JSON. The JSON carries a schema name
 * and version (documented in the README, "Export format"); the version goes up whenever a field
 * is removed or changes meaning, so the lead's own system can tell.
 */
export const EXPORT_SCHEMA = 'cp-conference-register/agency-export';
export const EXPORT_SCHEMA_VERSION = 1;

export const EXPORT_FILES = {
  appendix3Csv: 'appendix3-rows.csv',
  escalationsCsv: 'escalations.csv',
  json: 'export.json',
} as const;

export interface ExportEscalation {
  reference: number;
  openedOn: string;
  subject: string;
  protocol: string;
  stage: number;
  stageName: string;
  status: 'open' | 'resolved' | 'closed-unresolved';
  natures: Nature[];
  natureOther: string | null;
  initiatingAgency: string;
  challengedAgency: string;
  immediateRisk: boolean;
  closedOn: string | null;
}

export interface AgencyExportInput {
  partnership: string;
  marking: string;
  generatedAt: string;
  agency: string;
  from: string;
  to: string;
  initialsOnly: boolean;
  appendix3: readonly {
    id: number;
    meetingDate: string;
    familyIdentifier: string;
    chairName: string;
    representativeName: string | null;
    reason: EscalationReason;
    reasonDetail: string | null;
  }[];
  escalations: readonly ExportEscalation[];
}

/** The CSV files of an export: with the byte-order mark, so Excel shows names as written. */
const csv = csvFile;
export { csvCell };

export function appendix3Rows(input: AgencyExportInput) {
  return [...input.appendix3]
    .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.id - b.id)
    .map((r) => ({
      reference: r.id,
      meetingDate: r.meetingDate,
      family: nameFor(r.familyIdentifier, input.initialsOnly),
      chair: r.chairName,
      agency: input.agency,
      representative: r.representativeName,
      reason: r.reason,
      reasonLabel: ESCALATION_REASON_LABELS[r.reason],
      reasonDetail: r.reasonDetail,
    }));
}

export function escalationRows(input: AgencyExportInput) {
  return input.escalations.map((e) => ({
    reference: e.reference,
    openedOn: e.openedOn,
    subject: nameFor(e.subject, input.initialsOnly),
    protocol: e.protocol,
    stage: e.stage,
    stageName: e.stageName,
    status: e.status,
    natures: e.natures,
    natureLabels: e.natures.map((n) => (n === 'other' && e.natureOther ? `Other: ${e.natureOther}` : NATURE_LABELS[n])),
    initiatingAgency: e.initiatingAgency,
    challengedAgency: e.challengedAgency,
    immediateRisk: e.immediateRisk,
    closedOn: e.closedOn,
  }));
}

export function appendix3Csv(input: AgencyExportInput): string {
  return csv(
    [
      'reference',
      'date_of_meeting',
      'family_name_or_identifying_factors',
      'cp_chair',
      'agency',
      'name_of_agency_rep',
      'reason',
      'reason_for_escalation',
      'reason_detail',
    ],
    appendix3Rows(input).map((r) => [
      r.reference,
      r.meetingDate,
      r.family,
      r.chair,
      r.agency,
      r.representative,
      r.reason,
      r.reasonLabel,
      r.reasonDetail,
    ]),
  );
}

export function escalationsCsv(input: AgencyExportInput): string {
  return csv(
    [
      'reference',
      'opened_on',
      'child_or_family',
      'protocol',
      'stage',
      'stage_name',
      'status',
      'nature_of_difference',
      'initiating_agency',
      'challenged_agency',
      'immediate_risk',
      'closed_on',
    ],
    escalationRows(input).map((e) => [
      e.reference,
      e.openedOn,
      e.subject,
      e.protocol,
      e.stage,
      e.stageName,
      e.status,
      e.natureLabels.join('; '),
      e.initiatingAgency,
      e.challengedAgency,
      e.immediateRisk,
      e.closedOn,
    ]),
  );
}

export function agencyExportJson(input: AgencyExportInput): string {
  const document = {
    schema: EXPORT_SCHEMA,
    version: EXPORT_SCHEMA_VERSION,
    generatedAt: input.generatedAt,
    protectiveMarking: input.marking,
    partnership: input.partnership,
    agency: input.agency,
    period: { from: input.from, to: input.to },
    namesAsInitials: input.initialsOnly,
    appendix3: appendix3Rows(input),
    escalations: escalationRows(input),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
