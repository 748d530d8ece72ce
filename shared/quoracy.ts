/**
 * Quoracy of a child protection conference (domain brief, "Quoracy"; Working Together practice):
 * children's social care plus at least two other agencies with direct contact with the child,
 * where agencies in one quoracy group (e.g. several health services) count once. Only agencies
 * whose representative attended count: apologies, even with a report, do not make a quorum.
 * The numbers are a partnership setting.
 */
export interface QuoracyRule {
  /** Children's social care must attend. */
  requireChildrensSocialCare: boolean;
  /** Other agencies (counted by group) that must attend besides children's social care. */
  minOtherAgencies: number;
}

export const DEFAULT_QUORACY_RULE: QuoracyRule = { requireChildrensSocialCare: true, minOtherAgencies: 2 };

export interface AttendingAgency {
  id: number;
  name: string;
  type: string;
  quoracyGroup: string | null;
}

export interface Quoracy {
  quorate: boolean;
  childrensSocialCare: boolean;
  /** The other agencies that count, one entry per group: "Health (Health visiting, School nursing)". */
  counted: string[];
  /** What is missing, in words, when not quorate. */
  shortfall: string | null;
}

/** Groups are case-insensitive; an agency with no group counts on its own. */
export function assessQuoracy(attending: readonly AttendingAgency[], rule: QuoracyRule): Quoracy {
  const csc = attending.some((a) => a.type === 'childrens-social-care');
  const groups = new Map<string, { label: string; names: string[] }>();
  for (const a of attending) {
    if (a.type === 'childrens-social-care') continue;
    const key = a.quoracyGroup ? `group:${a.quoracyGroup.trim().toLocaleLowerCase('en-GB')}` : `agency:${a.id}`;
    const entry = groups.get(key) ?? { label: a.quoracyGroup?.trim() ?? a.name, names: [] };
    entry.names.push(a.name);
    groups.set(key, entry);
  }
  const counted = [...groups.values()].map((g) =>
    g.names.length > 1 || (g.names[0] !== undefined && g.names[0] !== g.label)
      ? `${g.label} (${g.names.join(', ')})`
      : g.label,
  );
  const missing: string[] = [];
  if (rule.requireChildrensSocialCare && !csc) missing.push('children’s social care has not attended');
  if (groups.size < rule.minOtherAgencies) {
    const need = rule.minOtherAgencies - groups.size;
    missing.push(`${need} more agenc${need === 1 ? 'y' : 'ies'} (other than children’s social care) must attend`);
  }
  return {
    quorate: missing.length === 0,
    childrensSocialCare: csc,
    counted,
    shortfall: missing.length ? `${missing.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) : null,
  };
}
