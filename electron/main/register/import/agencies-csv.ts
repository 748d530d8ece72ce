import { parse } from 'csv-parse/sync';
import { AGENCY_TYPES, AGENCY_TYPE_LABELS } from '../../../../shared/schemas/agency';
import { ServiceError } from '../services/errors';

/** CSV columns for an agency import, in the order `agencies list --csv`-style files use. */
export const AGENCY_CSV_COLUMNS = {
  name: 'name',
  type: 'type',
  quoracy_group: 'quoracyGroup',
  lead_name: 'leadName',
  lead_job_title: 'leadJobTitle',
  lead_email: 'leadEmail',
  lead_phone: 'leadPhone',
} as const;

const TYPE_BY_LABEL = new Map<string, string>([
  ...AGENCY_TYPES.map((t) => [t, t] as const),
  ...AGENCY_TYPES.map((t) => [AGENCY_TYPE_LABELS[t].toLowerCase().replace(/’/g, "'"), t] as const),
]);

/**
 * Reads an agencies CSV (header row first; columns as in AGENCY_CSV_COLUMNS, any order; `type`
 * as a code like `health` or a label like "Children's social care") into rows for the agencies
 * service to validate. Unknown or missing columns are refused by name.
 */
export function readAgenciesCsv(text: string): Record<string, unknown>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it could not be read';
    throw new ServiceError('invalid-input', `The CSV file could not be read: ${reason}`);
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const unknown = columns.filter((c) => c && !(c in AGENCY_CSV_COLUMNS));
  if (unknown.length > 0) {
    throw new ServiceError(
      'invalid-input',
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${Object.keys(AGENCY_CSV_COLUMNS).join(', ')}`,
    );
  }
  for (const required of ['name', 'type']) {
    if (!columns.includes(required))
      throw new ServiceError('invalid-input', `The CSV file has no "${required}" column`);
  }
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(AGENCY_CSV_COLUMNS)) {
      const value = record[column];
      if (value === undefined) continue;
      row[field] = field === 'type' ? (TYPE_BY_LABEL.get(value.toLowerCase().replace(/’/g, "'")) ?? value) : value;
    }
    return row;
  });
}

/** The CSV column for a field of the agency form, so import errors name what the file calls it. */
export function agencyCsvColumn(field: string): string {
  return Object.entries(AGENCY_CSV_COLUMNS).find(([, f]) => f === field)?.[0] ?? field;
}
