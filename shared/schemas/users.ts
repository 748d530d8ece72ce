import { z } from 'zod';
import { ROLES, ROLE_LABELS } from '../roles';
import { strictObject } from './common';

/** At least 12 characters (NCSC: length over complexity); at most 256 so a hash stays bounded. */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

export const passwordSchema = z
  .string({ error: 'Enter a password' })
  .min(MIN_PASSWORD, `The password must be at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `The password must be at most ${MAX_PASSWORD} characters`);

/** A password being checked (not set): any length, so a short wrong one is simply wrong. */
export const passwordAttemptSchema = z
  .string({ error: 'Enter your password' })
  .min(1, 'Enter your password')
  .max(MAX_PASSWORD, `The password must be at most ${MAX_PASSWORD} characters`);

/** How a user signs in: letters, digits, spaces, dots, hyphens, apostrophes; case-insensitive. */
export const userNameSchema = z
  .string({ error: 'Enter a user name' })
  .trim()
  .min(1, 'Enter a user name')
  .max(80, 'The user name must be at most 80 characters')
  // Empty is only "Enter a user name", not a second complaint about its characters.
  .regex(
    /^(?:[\p{L}\p{N}][\p{L}\p{N} .'’_-]*)?$/u,
    'The user name may hold letters, digits, spaces, dots, hyphens and apostrophes',
  );

export const roleSchema = z.enum(ROLES, {
  error: () => `Choose a role: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}`,
});
export const rolesSchema = z
  .array(roleSchema)
  .min(1, 'Choose at least one role')
  .max(ROLES.length)
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

export const userSchema = z.object({
  name: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const signedInUserSchema = z.object({ name: z.string(), roles: z.array(roleSchema) });
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const SESSION_STATES = ['new', 'needs-encryption', 'signed-out', 'locked', 'signed-in'] as const;

/** What the app shows before anything else: create the register, sign in, unlock, or work. */
export const sessionStatusSchema = z.object({
  state: z.enum(SESSION_STATES),
  /** The signed-in (or locked-out) user. */
  user: signedInUserSchema.nullable(),
  /** Minutes without input before the screen locks. */
  idleLockMinutes: z.number(),
  /** The register is open read-only because it failed its check on opening. */
  readOnly: z.boolean(),
  registerPath: z.string(),
  /** What the audit trail's check found when the register opened; null when whole. */
  auditProblem: z.string().nullable(),
  /** The unit server's address when the register is a unit's, served to this page (absent on a laptop). */
  unitServer: z.string().nullable().optional(),
  /** Where single sign-on starts, when the unit server offers it. */
  singleSignOn: z.string().nullable().optional(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const setupInputSchema = strictObject({ name: userNameSchema, password: passwordSchema });
export const signInInputSchema = strictObject({ name: userNameSchema, password: passwordAttemptSchema });
export const unlockInputSchema = strictObject({ password: passwordAttemptSchema });
export const changePasswordInputSchema = strictObject({ current: passwordAttemptSchema, next: passwordSchema });
export const addUserInputSchema = strictObject({ name: userNameSchema, roles: rolesSchema, password: passwordSchema });
export const setRolesInputSchema = strictObject({ name: userNameSchema, roles: rolesSchema });
export const userByNameSchema = strictObject({ name: userNameSchema });
export const resetPasswordInputSchema = strictObject({ name: userNameSchema, password: passwordSchema });

export const setupResultSchema = z.object({
  user: signedInUserSchema,
  /** The raw data key as 64 hex characters: shown once, opens the file with SQLCipher tools. */
  recoveryKey: z.string().regex(/^[0-9a-f]{64}$/),
});
