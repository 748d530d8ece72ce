import { ROLE_LABELS, ROLE_PURPOSES, ROLES, type Role } from '../../../../shared/roles';
import type { User } from '../../../../shared/schemas/users';
import type { CheckboxItem } from '../../components/Checkboxes';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The roles as checkboxes, each with what it is for. */
export const ROLE_ITEMS: readonly CheckboxItem[] = ROLES.map((role) => ({
  value: role,
  label: capitalise(ROLE_LABELS[role]),
  hint: capitalise(ROLE_PURPOSES[role]),
}));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function StatusTag({ user }: { user: User }) {
  return user.active ? (
    <strong className="govuk-tag govuk-tag--green">Active</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--grey">Disabled</strong>
  );
}

/** User names are matched without regard to case, as the register signs them in. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}
