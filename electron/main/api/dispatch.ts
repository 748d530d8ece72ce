import { CHANNEL_ACCESS } from '../../../shared/ipc/access';
import { contract, resolveChannel } from '../../../shared/ipc/contract';
import { issuesFromZod, type Result } from '../../../shared/ipc/result';
import { ROLE_LABELS, rolesInWords } from '../../../shared/roles';
import { runAs, type Caller } from '../register/services/caller';
import { ServiceError } from '../register/services/errors';
import { OutputMismatch, type AnyHandlers } from './handlers';

/**
 * Runs one call of the contract: checks the channel, validates the input with the channel's
 * schema, runs the handler, and checks the output. Every failure comes back as a value.
 * Both the Electron IPC registration and the browser-mode server go through here.
 *
 * Nothing about the record is logged: only the channel and the kind of failure.
 */
export async function dispatch(
  handlers: AnyHandlers,
  channel: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  const log = options.log ?? ((line: string) => console.error(line));
  const name = resolveChannel(channel);
  if (name === null) {
    return { ok: false, error: { code: 'unknown-channel', message: 'That operation does not exist', issues: [] } };
  }
  const refusal = accessRefusal(name, options);
  if (refusal) return refusal;
  const spec = contract[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: issues.map((i) => i.message).join('; ') || 'The input is not valid',
        issues,
      },
    };
  }
  const checked = (value: unknown): Result<unknown> => {
    const output = spec.output.safeParse(value);
    if (!output.success) {
      log(`[cpreg] ${name}: output failed its schema (${output.error.issues.length} issue(s))`);
      return {
        ok: false,
        error: { code: 'internal', message: 'The register returned something unexpected', issues: [] },
      };
    }
    return { ok: true, value: output.data };
  };
  try {
    const handler = handlers[name] as ((i: unknown) => unknown) | undefined;
    if (!handler) {
      return { ok: false, error: { code: 'signed-out', message: 'Sign in to use the register', issues: [] } };
    }
    const caller = options.caller;
    const value = await (caller ? runAs(caller, () => handler(parsed.data)) : handler(parsed.data));
    return checked(value);
  } catch (error) {
    return failure(name, error, log);
  }
}

export interface DispatchOptions {
  /** Where the kind of an unexpected failure is logged (never record contents); stderr by default. */
  log?: (line: string) => void;
  /** The signed-in user making the call; without one only the public (sign-in) channels answer. */
  caller?: Caller | null;
  /** The register is open read-only (it failed its check on opening): every write is refused. */
  readOnly?: boolean;
}

/**
 * Roles are enforced here, for every channel and every front end: a refused call names the role
 * it needs and reaches no service, so it changes nothing.
 */
function accessRefusal(channel: keyof typeof CHANNEL_ACCESS, options: DispatchOptions): Result<unknown> | null {
  const access = CHANNEL_ACCESS[channel];
  if (access.who === 'public') return null;
  const caller = options.caller;
  if (!caller) {
    return { ok: false, error: { code: 'signed-out', message: 'Sign in to use the register', issues: [] } };
  }
  if (access.who !== 'signed-in' && !access.who.some((role) => caller.roles.includes(role))) {
    const held = caller.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'no role';
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: `This needs ${rolesInWords(access.who)}; ${caller.name} has ${held}. Nothing was changed.`,
        issues: [],
      },
    };
  }
  if (access.writes && options.readOnly) {
    return {
      ok: false,
      error: {
        code: 'read-only',
        message:
          'The register is open read-only because it failed its check when it opened; restore a backup to make changes.',
        issues: [],
      },
    };
  }
  return null;
}

function failure(channel: string, error: unknown, log: (line: string) => void): Result<unknown> {
  if (error instanceof OutputMismatch) {
    log(`[cpreg] ${channel}: output failed its schema (${error.issueCount} issue(s)); nothing was saved`);
    return {
      ok: false,
      error: { code: 'internal', message: 'The register returned something unexpected; nothing was saved', issues: [] },
    };
  }
  if (error instanceof ServiceError) {
    return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
  }
  const name = error instanceof Error ? error.name : typeof error;
  log(`[cpreg] ${channel}: unexpected ${name}`);
  return {
    ok: false,
    error: { code: 'internal', message: 'Something went wrong and nothing was saved. Try again.', issues: [] },
  };
}
