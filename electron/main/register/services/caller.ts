import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../../../../shared/roles';

/** Who is making a call: the signed-in user, with the roles the register holds for them. */
export interface Caller {
  readonly name: string;
  readonly roles: readonly Role[];
}

const current = new AsyncLocalStorage<Caller>();

/**
 * Runs `fn` on behalf of `caller`: every audit event written inside it (synchronously or in the
 * promises it starts) names them. The dispatch does this for every call, so the audit's "who" is
 * the signed-in user whatever the front end, and a unit server can serve several users at once.
 */
export function runAs<T>(caller: Caller, fn: () => T): T {
  return current.run(caller, fn);
}

/** The user the current call is made for, if any. */
export function currentCaller(): Caller | undefined {
  return current.getStore();
}
