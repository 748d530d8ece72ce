import { expect } from 'vitest';
import { dispatch } from '../../electron/main/api/dispatch';
import { createHandlers, type Handlers } from '../../electron/main/api/handlers';
import type { Caller } from '../../electron/main/register/services/caller';
import { ROLES } from '../../shared/roles';
import type { ApiError } from '../../shared/ipc/result';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Register } from '../../electron/main/register/register';
import { registerContent } from './helpers';

/** The user the tests sign in as unless a test is about roles: every role. */
export const TEST_CALLER: Caller = { name: 'Test Chair', roles: ROLES };

/** The contract's dispatch, called as a signed-in user (every role unless a test says otherwise). */
export async function dispatchAs(handlers: Handlers, channel: unknown, input: unknown, caller: Caller = TEST_CALLER) {
  return dispatch(handlers, channel, input, { caller });
}

/**
 * Calls through the contract's own dispatch, as the app, browser mode and `cpreg call` do: the
 * same validation, services and audit. `ok` expects a value; `refused` expects a refusal and
 * checks that the register was left exactly as it was.
 */
export function caller(r: Register, as: Caller = TEST_CALLER) {
  const handlers = createHandlers(r);
  const this_ = {
    async ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await dispatch(handlers, channel, input, { caller: as });
      if (result instanceof Promise) throw new Error(`${channel} is asynchronous: use okAsync`);
      if (!result.ok) expect.fail(`${channel} was refused: ${result.error.message}`);
      return result.value as ChannelOutput<C>;
    },
    async refused(channel: string, input: unknown): Promise<ApiError> {
      const before = await registerContent(r);
      const result = await dispatch(handlers, channel, input, { caller: as });
      if (result instanceof Promise) throw new Error(`${channel} is asynchronous`);
      if (result.ok) expect.fail(`${channel} was accepted, but should have been refused`);
      expect(await registerContent(r), `${channel} changed the register although refused`).toEqual(before);
      return result.error;
    },
    /** The version of a record as a screen would load it, to send back with an edit. */
    version: {
      agency: async (id: number) => (await this_.ok('agencies.get', { id })).version,
      conference: async (id: number) => (await this_.ok('live.get', { id })).conference.version,
      escalation: async (id: number) => (await this_.ok('escalations.get', { id })).version,
      settings: async () => (await this_.ok('settings.get', {})).version,
      decision: async (conferenceId: number, childId: number) =>
        (await this_.ok('live.get', { id: conferenceId })).children.find((c) => c.id === childId)?.recorded?.version ??
        0,
    },
  };
  return this_;
}
