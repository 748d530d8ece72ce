/**
 * The register's roles. A user holds one or more; each channel says which may call it
 * (`shared/ipc/access.ts`), and the main process enforces that on every call, whatever the
 * front end.
 */
export const ROLES = ['administrator', 'chair', 'officer', 'manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  administrator: 'administrator',
  chair: 'chair',
  officer: 'unit officer',
  manager: 'manager',
  auditor: 'auditor',
};

/** What each role is for, as the users screen and `cpreg users` explain it. */
export const ROLE_PURPOSES: Readonly<Record<Role, string>> = {
  administrator: 'users, settings, protocols, backups and retention',
  chair: 'conferences, their views and decisions, and escalations',
  officer: 'agencies, scheduling, returns, letters and exports',
  manager: 'reads everything, and the reports',
  auditor: 'reads everything, and the audit trail',
};

/** "the chair or unit officer role": how a refusal names the roles a channel needs. */
export function rolesInWords(roles: readonly Role[]): string {
  const words = roles.map((r) => ROLE_LABELS[r]);
  if (words.length <= 1) return `the ${words[0] ?? 'right'} role`;
  return `the ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]} role`;
}
