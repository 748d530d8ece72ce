import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { coveredYears, type Division } from '../../../shared/bank-holidays';
import { isIsoDate } from '../../../shared/dates';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { describeIssues, type ApiError } from '../../../shared/ipc/result';
import { MIN_EXPORT_PASSWORD } from '../../../shared/schemas/documents';
import { MAX_PAGE_SIZE } from '../../../shared/schemas/paging';
import { createCalendar, type WorkingDayCalendar } from '../../../shared/working-days';
import { withoutPassword } from '../register/addresses';
import { createGate, type Gate, type GateOptions } from '../register/gate';
import { resolveRegisterPath } from '../register/paths';
import type { Register } from '../register/register';
import { pgStore } from '../register/register-store';
import { runAs } from '../register/services/caller';
import { loadShippedSnapshot } from '../register/snapshot';
import { firstLineOf, promptHidden, UsageError } from './sign-in';

export { UsageError };

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input, as text. */
  stdin?: () => Promise<string>;
  /** Whether stderr is a terminal: progress redraws one line there, and prints every tenth otherwise. */
  errIsTty?: boolean;
}

/** One command (or group of commands): added to the program with what every command shares. */
export type CliCommand = (program: Command, cli: Cli) => void;

/**
 * Each command opens and closes the register, so automatic backups (daily on opening, always on
 * closing: a session of the app) are the app's; `cpreg backup` makes one when a script wants it.
 */
export const CLI_REGISTER = { automaticBackups: false } as const;

/** The demo register's administrator's password when CPREG_PASSWORD is not set (synthetic data only). */
export const DEMO_PASSWORD = 'demo register password';

/** A backup that failed its check, or could not be written or restored: exit 1, naming what. */
export class BackupFailed extends Error {}

/** A batch that wrote some documents but not all (the summary says which): exit 1. */
export class PartialBatch extends Error {}

/** The audit trail's chain is broken (the verdict already printed): exit 1. */
export class AuditBroken extends Error {}

/** `cpreg call` answered with an error (already printed as JSON on stderr): exit 2 for a refusal, 1 otherwise. */
export class CallFailed extends Error {
  constructor(readonly exitCode: 1 | 2) {
    super('call failed');
  }
}

export function readInputFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the ${what} file "${path}"`);
  }
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`<n> must be a whole number of 0 or more (got "${value}")`);
  return Number(value);
}

export function parseId(value: string, flag: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`${flag} must be a record number such as 12 (got "${value}")`);
  return Number(value);
}

export function checkPeriod(from: string, to: string): void {
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isIsoDate(value)) throw new UsageError(`${flag} must be a real date in the form YYYY-MM-DD (got "${value}")`);
  }
  if (to < from) throw new UsageError('--to must be on or after --from');
}

/** The first line of a password file; the password is never echoed. */
export function readPassword(path: string | undefined): string | null {
  if (path === undefined) return null;
  const password = (readInputFile(path, 'password').split(/\r?\n/)[0] ?? '').trim();
  if (password.length < MIN_EXPORT_PASSWORD)
    throw new UsageError(`--password-file: the password must be at least ${MIN_EXPORT_PASSWORD} characters`);
  return password;
}

/** Waits a moment between polls of a running batch (the batch yields between documents). */
export async function pause(ms: number): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What every command shares: where the register is, signing in, and the one door. Commands reach
 * the register only through `call` (the gate's dispatch: roles, validation, services, audit);
 * the few jobs that exist only for the command line (filling a demo register, writing a backup to
 * a named file, moving to PostgreSQL) use `withRegister`.
 */
export function createCli(program: Command, io: CliIo) {
  const readStdin = io.stdin ?? readProcessStdin;
  const dbPath = () => resolveRegisterPath(program.opts<{ db?: string }>().db);
  /** The unit's register on PostgreSQL when --pg (or CPREG_PG) gives one; the embedded file otherwise. */
  const pgUrl = (): string | null => {
    const { pg, db } = program.opts<{ pg?: string; db?: string }>();
    // --pg, or --db given a postgres:// address; a --db file wins over CPREG_PG.
    const url = pg ?? (db === undefined ? process.env['CPREG_PG'] : /^postgres(ql)?:\/\//.test(db) ? db : '') ?? '';
    if (!url) return null;
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--pg must be a postgres:// address (got "${url}")`);
    return url;
  };
  /** The register's name in messages: the file, or the PostgreSQL address without its password. */
  const where = (): string => {
    const url = pgUrl();
    return url ? withoutPassword(url) : dbPath();
  };
  /** How to name the register again in a suggested command. */
  const registerFlag = (): string => (pgUrl() ? `--pg ${where()}` : `--db ${dbPath()}`);
  /** The gate to the register at --pg or --db. */
  const newGate = (extra: Omit<GateOptions, 'path' | 'store'> = {}): Gate => {
    const url = pgUrl();
    return url ? createGate({ store: pgStore(url), ...extra }) : createGate({ path: dbPath(), ...extra });
  };
  /** Whether there is a register there yet (a file, or a PostgreSQL register with its administrator). */
  const registerExists = async (): Promise<boolean> => {
    if (!pgUrl()) return existsSync(dbPath());
    const gate = newGate({ log: () => undefined });
    try {
      return (await gate.status()).state !== 'new';
    } finally {
      await gate.close();
    }
  };

  /** A plain text table, columns padded to their widest cell. */
  function table(header: string[], rows: string[][]): void {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      `${cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`;
    io.out(line(header));
    for (const r of rows) io.out(line(r));
  }

  /** Who is signing in, and their password: flags, then the environment, then a prompt on a terminal. */
  async function credentials(): Promise<{ name: string; password: string }> {
    const opts = program.opts<{ user?: string; passwordFile?: string }>();
    const name = (opts.user ?? process.env['CPREG_USER'] ?? '').trim();
    if (!name) throw new UsageError('sign in: give --user NAME (or set CPREG_USER)');
    if (opts.passwordFile !== undefined) return { name, password: firstLineOf(opts.passwordFile, 'password') };
    const fromEnv = process.env['CPREG_PASSWORD'];
    if (fromEnv !== undefined && fromEnv !== '') return { name, password: fromEnv };
    return { name, password: await promptHidden(`Password for ${name}: `) };
  }

  /** Signs in to the register at --db: nothing in it is read before that. */
  async function signIn(): Promise<Gate> {
    const path = where();
    if (!pgUrl() && !existsSync(path))
      throw new UsageError(`no register at ${path}: create one with "cpreg ${registerFlag()} init --admin NAME"`);
    // stderr carries only what the command says (for `call`, only the error's JSON).
    const gate = newGate({ log: () => undefined, register: CLI_REGISTER });
    const state = (await gate.status()).state;
    if (state === 'new') {
      await gate.close();
      throw new UsageError(`no register at ${path}: create one with "cpreg ${registerFlag()} init --admin NAME"`);
    }
    if (state === 'needs-encryption') {
      throw new UsageError(
        `the register ${path} is from an earlier version and not yet encrypted: run "cpreg --db ${path} init --admin NAME" to create its first administrator and encrypt it`,
      );
    }
    const { name, password } = await credentials();
    await gate.signIn(name, password);
    return gate;
  }

  /** Runs `fn` with a gate signed in to the register, then closes it. */
  async function withGate<T>(fn: (gate: Gate) => T | Promise<T>): Promise<T> {
    const gate = await signIn();
    try {
      return await fn(gate);
    } finally {
      await gate.close();
    }
  }

  /**
   * For the command line's own jobs only (no channel does them: a demo register, a backup to a
   * named file): runs `fn` on the open register as the signed-in user (the audit names them).
   */
  async function withRegister<T>(fn: (register: Register, gate: Gate) => T | Promise<T>): Promise<T> {
    return withGate(async (gate) => {
      const { register, user } = gate;
      if (!register || !user) throw new UsageError('sign in failed');
      return runAs(user, async () => fn(register, gate));
    });
  }

  /**
   * Calls one channel through the gate, the same door as the app's. A refusal exits 2 with the
   * dispatch's message, naming each field (`under` drops the name of the input's wrapper, so a
   * file's problems are named as the file names them).
   */
  async function call<C extends Channel>(
    gate: Gate,
    channel: C,
    input: ChannelInput<C>,
    options: { under?: string; refused?: (error: ApiError) => Error | null } = {},
  ): Promise<ChannelOutput<C>> {
    const result = await gate.call(channel, input);
    if (!result.ok) {
      const special = options.refused?.(result.error);
      if (special) throw special;
      const under = options.under;
      const issues = under
        ? result.error.issues.map((i) => ({
            ...i,
            path: i.path === under ? '' : i.path.startsWith(`${under}.`) ? i.path.slice(under.length + 1) : i.path,
          }))
        : result.error.issues;
      const detail = issues.length > 0 ? describeIssues(issues) : result.error.message;
      if (result.error.code === 'internal') throw new Error(detail);
      throw new UsageError(detail);
    }
    // The dispatch checked the value against the channel's output schema.
    return result.value as ChannelOutput<C>;
  }

  /** The agency named by --agency, as the directory compares names. */
  async function agencyNamed(gate: Gate, name: string): Promise<ChannelOutput<'agencies.findByName'>> {
    return call(
      gate,
      'agencies.findByName',
      { name: name.trim() },
      {
        refused: (error) =>
          error.code === 'not-found' || error.issues.some((i) => i.path === 'name')
            ? new UsageError(`no agency called "${name}" in the directory (see "cpreg agencies list")`)
            : null,
      },
    );
  }

  /**
   * Runs `fn` with the register's calendar (imported holidays, closure days, its division) when
   * the register exists; otherwise with the shipped snapshot, creating no register as a side effect.
   */
  async function withCalendar<T>(division: Division | undefined, fn: (calendar: WorkingDayCalendar) => T): Promise<T> {
    if (await registerExists()) {
      return withGate(async (gate) => {
        const data = await call(gate, 'workingDays.calendar', division === undefined ? {} : { division });
        return fn(createCalendar(data));
      });
    }
    const events = loadShippedSnapshot()[division ?? 'england-and-wales']?.events ?? [];
    return fn(createCalendar({ holidays: events.map((e) => e.date), coverage: coveredYears(events) }));
  }

  return {
    io,
    readStdin,
    dbPath,
    pgUrl,
    where,
    registerFlag,
    newGate,
    registerExists,
    credentials,
    withGate,
    withRegister,
    call,
    agencyNamed,
    withCalendar,
    table,
  };
}
export type Cli = ReturnType<typeof createCli>;

/**
 * Every row of a paged list, page after page of the largest size: the command line prints the
 * whole list where it always did (escalations, the sharing log), and the channel pages it.
 */
export async function allPages<T>(
  fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await fetch(page, MAX_PAGE_SIZE);
    rows.push(...answer.items);
    if (answer.items.length < MAX_PAGE_SIZE || rows.length >= answer.total) return rows;
  }
}
