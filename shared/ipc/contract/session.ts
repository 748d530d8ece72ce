import { z } from 'zod';
import {
  addUserInputSchema,
  changePasswordInputSchema,
  resetPasswordInputSchema,
  sessionStatusSchema,
  setRolesInputSchema,
  setupInputSchema,
  setupResultSchema,
  signInInputSchema,
  signedInUserSchema,
  unlockInputSchema,
  userByNameSchema,
  userSchema,
} from '../../schemas/users';
import { none, type ContractPart } from './common';

/** Signing in and the register's users (answered by the gate, not by an open register). */
export const sessionContract = {
  /** Where the app stands: a register to create, to encrypt, to sign in to, locked, or signed in. */
  'session.status': { input: none, output: sessionStatusSchema },
  /**
   * Creates the register and its first administrator (or, for a register from an earlier version,
   * the first administrator, then encrypts it after a verified copy). Answers the recovery key once.
   */
  'session.setup': { input: setupInputSchema, output: setupResultSchema },
  /** Repeated failures slow down, then lock the name for a while. */
  'session.signIn': { input: signInInputSchema, output: signedInUserSchema },
  /** Forgets the key: the register is closed until someone signs in. */
  'session.signOut': { input: none, output: none },
  /** Locks the screen (idle or by hand), keeping the register and any unsaved text. */
  'session.lock': { input: none, output: none },
  /** Unlocks with the locked user's password. */
  'session.unlock': { input: unlockInputSchema, output: signedInUserSchema },
  'session.changePassword': { input: changePasswordInputSchema, output: none },
  'users.list': { input: none, output: z.array(userSchema) },
  'users.add': { input: addUserInputSchema, output: userSchema },
  'users.setRoles': { input: setRolesInputSchema, output: userSchema },
  /** Disables a user: their wrapped key is removed, so their password no longer opens the register. */
  'users.disable': { input: userByNameSchema, output: userSchema },
  /** Enables a disabled user again, with a new password. */
  'users.enable': { input: resetPasswordInputSchema, output: userSchema },
  /** An administrator sets a new password for a user who has forgotten theirs. */
  'users.resetPassword': { input: resetPasswordInputSchema, output: userSchema },
} as const satisfies ContractPart;
