import type { AuditEventView } from '../../../../shared/schemas/audit';

/** How a value reads in a history: text as written, nothing as "(none)". */
function words(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A nested payload as flat `path: value` pairs (`views › child 3 agency 1 › reasons`). */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix} › ${key}` : key, into);
  } else if (prefix) {
    into.set(prefix, value);
  }
}

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

/**
 * What an audit event changed, one line per field: its value before and after. The names of the
 * change (`change`, which child or agency) that are the same on both sides are left out.
 */
export function changeLines(event: Pick<AuditEventView, 'before' | 'after'>): ChangeLine[] {
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  flatten(event.before, '', before);
  flatten(event.after, '', after);
  const lines: ChangeLine[] = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(field);
    const a = after.get(field);
    if (before.has(field) && after.has(field) && JSON.stringify(a) === JSON.stringify(b)) continue;
    lines.push({
      field,
      before: before.has(field) ? words(b) : '(none)',
      after: after.has(field) ? words(a) : '(none)',
    });
  }
  return lines;
}

const ACTION_WORDS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  cancel: 'Cancelled',
  amend: 'Amended',
  withdraw: 'Withdrawn',
  deactivate: 'Deactivated',
  reactivate: 'Reactivated',
  import: 'Imported',
  settings: 'Settings changed',
  erase: 'Erased',
};

/** "Changed (view)": the action, and the kind of change where the event names one. */
export function actionWords(event: Pick<AuditEventView, 'action' | 'before' | 'after'>): string {
  const base = ACTION_WORDS[event.action] ?? event.action;
  const named = (event.after ?? event.before) as { change?: unknown } | undefined;
  return typeof named?.change === 'string' ? `${base} (${named.change})` : base;
}

/** "conference 12", "agency escalation 3": the record an event is about. */
export function recordWords(event: Pick<AuditEventView, 'entity' | 'entityId'>): string {
  return `${event.entity.replace(/_/g, ' ')} ${event.entityId}`;
}
