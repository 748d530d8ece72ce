import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { DIVISIONS, coveredYears, type Division } from '../../../shared/bank-holidays';
import { addDays, isIsoDate, localIsoDate } from '../../../shared/dates';
import { CHANNEL_ALIASES, CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { resolveChannel, type ChannelOutput } from '../../../shared/ipc/contract';
import { describeIssues, issuesFromZod, type ApiError } from '../../../shared/ipc/result';
import { decideOutcome, outcomeInputSchema } from '../../../shared/outcome';
import { AGENCY_TYPE_LABELS } from '../../../shared/schemas/agency';
import { ESCALATION_REASON_LABELS } from '../../../shared/schemas/agency-escalation';
import { IMMEDIATE_RISK_GUIDANCE, NATURE_LABELS } from '../../../shared/schemas/escalation';
import { CONFERENCE_TYPE_LABELS } from '../../../shared/schemas/conference';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  MIN_EXPORT_PASSWORD,
  documentKindSchema,
  runExportInputSchema,
} from '../../../shared/schemas/documents';
import {
  addWorkingDays,
  coverageWarning,
  createCalendar,
  subtractWorkingDays,
  type WorkingDayCalendar,
} from '../../../shared/working-days';
import { BackupError, restoreBackup, verifyBackup } from '../register/backup/backup-file';
import { agencyCsvColumn, readAgenciesCsv } from '../register/import/agencies-csv';
import { resolveRegisterPath } from '../register/paths';
import { withoutPassword } from '../register/addresses';
import { backupKey, createGate, type Gate, type GateOptions } from '../register/gate';
import { pgStore } from '../register/register-store';
import { moveRegister } from '../register/move';
import { keyringDocument } from '../register/keys/keyring';
import type { Register } from '../register/register';
import { runAs } from '../register/services/caller';
import { addServeCommand } from './serve';
import { firstLineOf, newPassword, promptHidden, UsageError } from './sign-in';
import { ROLES, ROLE_LABELS, ROLE_PURPOSES, type Role } from '../../../shared/roles';
import type { DemoSize } from '../register/services/demo-service';
import { ServiceError } from '../register/services/errors';
import { loadShippedSnapshot } from '../register/snapshot';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input, as text. */
  stdin?: () => Promise<string>;
  /** Whether stderr is a terminal: progress redraws one line there, and prints every tenth otherwise. */
  errIsTty?: boolean;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Each command opens and closes the register, so automatic backups (daily on opening, always on
 * closing: a session of the app) are the app's; `cpreg backup` makes one when a script wants it.
 */
const CLI_REGISTER = { automaticBackups: false } as const;

/** A backup that failed its check, or could not be written or restored: exit 1, naming what. */
class BackupFailed extends Error {}

/** A batch that wrote some documents but not all (the summary says which): exit 1. */
class PartialBatch extends Error {}

/** The audit trail's chain is broken (the verdict already printed): exit 1. */
class AuditBroken extends Error {}

/** `cpreg call` answered with an error (already printed as JSON on stderr): exit 2 for a refusal, 1 otherwise. */
class CallFailed extends Error {
  constructor(readonly exitCode: 1 | 2) {
    super('call failed');
  }
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTty: process.stderr.isTTY,
};

function readInputFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the ${what} file "${path}"`);
  }
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`<n> must be a whole number of 0 or more (got "${value}")`);
  return Number(value);
}

/**
 * `cpreg`: the scriptable twin of the app for review units. Returns the exit code: 0 success,
 * 2 bad input (a one-line message on stderr naming what is wrong; nothing written), 1 otherwise.
 */
/** The demo register's administrator's password when CPREG_PASSWORD is not set (synthetic data only). */
export const DEMO_PASSWORD = 'demo register password';

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = new Command('cpreg');
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

  /** Runs `fn` on the register as the signed-in user (the audit names them), then closes it. */
  async function withRegister<T>(fn: (register: Register, gate: Gate) => T | Promise<T>): Promise<T> {
    const gate = await signIn();
    try {
      const { register, user } = gate;
      if (!register || !user) throw new UsageError('sign in failed');
      return await runAs(user, async () => fn(register, gate));
    } finally {
      await gate.close();
    }
  }

  /** Calls one channel through the gate as the signed-in user; a refusal exits 2 with its message. */
  async function callChannel(gate: Gate, channel: string, input: unknown): Promise<unknown> {
    const result = await gate.call(channel, input);
    if (!result.ok) {
      const detail = result.error.issues.length > 0 ? describeIssues(result.error.issues) : result.error.message;
      if (result.error.code === 'internal') throw new Error(detail);
      throw new UsageError(detail);
    }
    return result.value;
  }

  function checkPeriod(from: string, to: string): void {
    for (const [flag, value] of [
      ['--from', from],
      ['--to', to],
    ] as const) {
      if (!isIsoDate(value))
        throw new UsageError(`${flag} must be a real date in the form YYYY-MM-DD (got "${value}")`);
    }
    if (to < from) throw new UsageError('--to must be on or after --from');
  }

  async function agencyNamed(register: Register, name: string) {
    // Named as the directory compares names: ignoring case, accents, apostrophe style and spacing.
    const agency = await register.agencies.named(name.trim());
    if (!agency) throw new UsageError(`no agency called "${name}" in the directory (see "cpreg agencies list")`);
    return agency;
  }

  /** The first line of a password file; the password is never echoed. */
  function readPassword(path: string | undefined): string | null {
    if (path === undefined) return null;
    const password = (readInputFile(path, 'password').split(/\r?\n/)[0] ?? '').trim();
    if (password.length < MIN_EXPORT_PASSWORD)
      throw new UsageError(`--password-file: the password must be at least ${MIN_EXPORT_PASSWORD} characters`);
    return password;
  }

  function parseId(value: string, flag: string): number {
    if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`${flag} must be a record number such as 12 (got "${value}")`);
    return Number(value);
  }

  /**
   * Runs `fn` with the register's calendar (imported holidays, closure days, its division) when
   * the register exists; otherwise with the shipped snapshot, creating no register as a side effect.
   */
  async function withCalendar<T>(division: Division | undefined, fn: (calendar: WorkingDayCalendar) => T): Promise<T> {
    if (await registerExists())
      return withRegister(async (register) => fn(await register.calendar.calendarFor(division)));
    const events = loadShippedSnapshot()[division ?? 'england-and-wales']?.events ?? [];
    return fn(createCalendar({ holidays: events.map((e) => e.date), coverage: coveredYears(events) }));
  }

  program
    .description('CP Conference Register: the command-line twin of the app')
    .option('--db <path>', 'register file (default: $CPREG_DB, else the app-data folder)')
    .option('--pg <url>', 'the unit’s register on PostgreSQL, postgres://… (default: $CPREG_PG); instead of --db')
    .option('--user <name>', 'who is signing in (default: $CPREG_USER)')
    .option(
      '--password-file <file>',
      'your password, first line (default: $CPREG_PASSWORD, else a prompt on a terminal)',
    )
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      // One line naming what is wrong, like every other refusal.
      outputError: (message, write) => write(`cpreg: ${message.replace(/^error: /, '').trimEnd()} (see --help)\n`),
    })
    .exitOverride();

  addServeCommand(program, { pgUrl, where, out: io.out });

  program
    .command('call [channel]')
    .description(
      'send one channel’s JSON input (read from stdin) through the app’s own dispatch (same validation, services and audit) and print the value as JSON',
    )
    .option('--list', 'print the channel names (and old names that still work)')
    .addHelpText(
      'after',
      '\nExit codes: 0 with the value as JSON on stdout; 2 when the register refuses the input (the error, with\n' +
        'its code, message and field issues, as JSON on stderr); 1 on an internal error. Empty stdin means {}.\n' +
        'Example: echo \'{"id": 12}\' | cpreg --db register.sqlite call live.get',
    )
    .action(async (channel: string | undefined, opts: { list?: boolean }) => {
      if (opts.list) {
        for (const name of CHANNEL_NAMES) io.out(`${name}\n`);
        for (const [old, now] of Object.entries(CHANNEL_ALIASES)) io.out(`${old}  (old name of ${now})\n`);
        return;
      }
      const fail = (error: ApiError): never => {
        io.err(`${JSON.stringify(error, null, 2)}\n`);
        throw new CallFailed(error.code === 'internal' ? 1 : 2);
      };
      if (!channel)
        throw new UsageError('name the channel to call, e.g. "cpreg call live.get" (see "cpreg call --list")');
      if (resolveChannel(channel) === null) {
        fail({
          code: 'unknown-channel',
          message: `There is no channel “${channel}”: see "cpreg call --list"`,
          issues: [{ path: 'channel', message: `Unknown channel “${channel}”` }],
        });
      }
      const text = await readStdin();
      let input: unknown = {};
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text) as unknown;
        } catch (error) {
          fail({
            code: 'invalid-input',
            message: `stdin is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
            issues: [{ path: '', message: 'stdin is not valid JSON' }],
          });
        }
      }
      const path = where();
      if (!(await registerExists())) {
        fail({
          code: 'not-found',
          message: `No register at ${path}: create one with "cpreg ${registerFlag()} init --admin NAME"`,
          issues: [],
        });
      }
      await withRegister(async (register, gate) => {
        // stderr carries only the error's JSON, so scripts can parse it whole. The call goes
        // through the gate, the same door as the app's: roles, validation, services, audit.
        const result = await gate.call(channel, input);
        // A batch started by the call finishes before the register closes.
        await register.documents.idle();
        if (!result.ok) fail(result.error);
        else io.out(`${JSON.stringify(result.value, null, 2)}\n`);
      });
    });

  program
    .command('init')
    .description(
      'create the register with its first administrator (or encrypt a register from an earlier version) and print the recovery key once',
    )
    .requiredOption('--admin <name>', 'the first administrator’s user name')
    .addHelpText(
      'after',
      '\nThe administrator’s password comes from --password-file, CPREG_PASSWORD, or a prompt. The recovery key\n' +
        'printed once is the register’s data key: it opens the file if every password is lost (see README).',
    )
    .action(async (opts: { admin: string }) => {
      const path = where();
      const gate = newGate();
      try {
        if ((await gate.status()).state === 'signed-out') {
          throw new UsageError(
            `${path} already has its administrator: sign in with --user and add users with "cpreg users add"`,
          );
        }
        const fromFile = program.opts<{ passwordFile?: string }>().passwordFile;
        const fromEnv = process.env['CPREG_PASSWORD'];
        const password =
          fromFile !== undefined
            ? firstLineOf(fromFile, 'password')
            : fromEnv
              ? fromEnv
              : await newPassword(undefined, opts.admin);
        const created = await callChannel(gate, 'session.setup', { name: opts.admin, password });
        const { recoveryKey, user } = created as { recoveryKey: string; user: { name: string; roles: Role[] } };
        io.out(`${path}\n`);
        io.out(`Administrator: ${user.name} (${user.roles.map((r) => ROLE_LABELS[r]).join(', ')})\n`);
        io.out(`Recovery key (shown once; keep it offline, apart from the laptop):\n${recoveryKey}\n`);
      } finally {
        await gate.close();
      }
    });

  const users = program.command('users').description('who may use the register, and their roles (administrators)');
  users
    .command('list')
    .description('list the users, their roles, and whether they are active')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withRegister(async (_register, gate) => {
        const list = (await callChannel(gate, 'users.list', {})) as {
          name: string;
          roles: Role[];
          active: boolean;
          lastSignInAt: string | null;
        }[];
        if (opts.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        table(
          ['Name', 'Roles', 'Active', 'Last signed in'],
          list.map((u) => [
            u.name,
            u.roles.map((r) => ROLE_LABELS[r]).join(', '),
            u.active ? 'yes' : 'disabled',
            u.lastSignInAt?.slice(0, 16).replace('T', ' ') ?? 'never',
          ]),
        );
      });
    });
  const roleHelp = ROLES.map((r) => `${r} (${ROLE_PURPOSES[r]})`).join('; ');
  const parseRoles = (text: string): string[] =>
    text
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  users
    .command('add <name>')
    .description('add a user; their password from --new-password-file or a prompt')
    .requiredOption('--role <roles>', `one role, or several separated by commas: ${roleHelp}`)
    .option('--new-password-file <file>', 'the new user’s password (first line)')
    .action(async (name: string, opts: { role: string; newPasswordFile?: string }) => {
      await withRegister(async (_register, gate) => {
        const password = await newPassword(opts.newPasswordFile, name);
        await callChannel(gate, 'users.add', { name, roles: parseRoles(opts.role), password });
        io.out(`Added ${name}.\n`);
      });
    });
  users
    .command('roles <name>')
    .description('change a user’s roles')
    .requiredOption('--role <roles>', 'the roles, separated by commas')
    .action(async (name: string, opts: { role: string }) => {
      await withRegister(async (_register, gate) => {
        await callChannel(gate, 'users.setRoles', { name, roles: parseRoles(opts.role) });
        io.out(`${name} now has ${parseRoles(opts.role).join(', ')}.\n`);
      });
    });
  users
    .command('disable <name>')
    .description('disable a user: their password no longer opens the register')
    .action(async (name: string) => {
      await withRegister(async (_register, gate) => {
        await callChannel(gate, 'users.disable', { name });
        io.out(`Disabled ${name}.\n`);
      });
    });
  users
    .command('enable <name>')
    .description('enable a disabled user with a new password (--new-password-file or a prompt)')
    .option('--new-password-file <file>', 'their new password (first line)')
    .action(async (name: string, opts: { newPasswordFile?: string }) => {
      await withRegister(async (_register, gate) => {
        const password = await newPassword(opts.newPasswordFile, name);
        await callChannel(gate, 'users.enable', { name, password });
        io.out(`Enabled ${name}.\n`);
      });
    });
  users
    .command('reset <name>')
    .description('set a new password for a user (--new-password-file or a prompt)')
    .option('--new-password-file <file>', 'their new password (first line)')
    .action(async (name: string, opts: { newPasswordFile?: string }) => {
      await withRegister(async (_register, gate) => {
        const password = await newPassword(opts.newPasswordFile, name);
        await callChannel(gate, 'users.resetPassword', { name, password });
        io.out(`Set a new password for ${name}.\n`);
      });
    });

  const workingDays = program.command('working-days').description('count working days with the register’s calendar');
  for (const direction of ['add', 'subtract'] as const) {
    workingDays
      .command(`${direction} <date> <n>`)
      .description(
        direction === 'add'
          ? 'print the n-th working day strictly after <date> (YYYY-MM-DD)'
          : 'print the n-th working day strictly before <date> (YYYY-MM-DD)',
      )
      .addOption(new Option('--division <division>', 'bank-holiday division').choices(DIVISIONS))
      .action(async (date: string, n: string, opts: { division?: Division }) => {
        if (!isIsoDate(date)) throw new UsageError(`<date> must be a real date in the form YYYY-MM-DD (got "${date}")`);
        const count = parseCount(n);
        const compute = (calendar: WorkingDayCalendar) => {
          const result =
            direction === 'add' ? addWorkingDays(date, count, calendar) : subtractWorkingDays(date, count, calendar);
          io.out(`${result}\n`);
          const warning = coverageWarning(calendar, date, result);
          if (warning) io.err(`warning: ${warning}\n`);
        };
        await withCalendar(opts.division, compute);
      });
  }

  const agencies = program.command('agencies').description('the agency directory');
  agencies
    .command('list')
    .description('list agencies and their safeguarding leads')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withRegister(async (register) => {
        const list = await register.agencies.list('', true);
        if (opts.json) {
          io.out(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (list.length === 0) {
          io.out('No agencies yet.\n');
          return;
        }
        const rows = list.map((a) => [
          a.name,
          AGENCY_TYPE_LABELS[a.type],
          a.quoracyGroup ?? '',
          a.leadName ?? '',
          a.leadEmail ?? '',
          a.active ? 'active' : 'inactive',
        ]);
        const header = ['Name', 'Type', 'Quoracy group', 'Safeguarding lead', 'Email', 'Status'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
        const line = (cells: string[]) =>
          `${cells
            .map((c, i) => c.padEnd(widths[i] ?? 0))
            .join('  ')
            .trimEnd()}\n`;
        io.out(line(header));
        for (const r of rows) io.out(line(r));
      });
    });
  agencies
    .command('import <file>')
    .description(
      'add agencies from a CSV file (columns: name,type,quoracy_group,lead_name,lead_job_title,lead_email,lead_phone); all or nothing',
    )
    .action(async (file: string) => {
      const text = readInputFile(file, 'CSV');
      await withRegister(async (register) => {
        const created = await register.agencies.importMany(readAgenciesCsv(text), { fieldName: agencyCsvColumn });
        io.out(`Imported ${created.length} agenc${created.length === 1 ? 'y' : 'ies'}.\n`);
      });
    });

  program
    .command('holidays')
    .description('the bank-holiday calendar')
    .command('import <file>')
    .description('import a GOV.UK bank-holidays.json file; a bad file changes nothing')
    .action(async (file: string) => {
      const text = readInputFile(file, 'bank-holidays');
      let feed: unknown;
      try {
        feed = JSON.parse(text) as unknown;
      } catch {
        throw new UsageError(`"${file}" is not valid JSON`);
      }
      await withRegister(async (register) => {
        const result = await register.calendar.importFeed(feed);
        io.out(`Imported ${result.imported} bank holidays for ${result.divisions.join(', ')}.\n`);
      });
    });

  program
    .command('demo')
    .description('fill an empty register with synthetic data (no real names) for training and benchmarks')
    .addOption(
      new Option('--size <size>', 'small (300 conferences) or large (52,000 over 10 years)')
        .choices(['small', 'large'])
        .default('small'),
    )
    .action(async (opts: { size: DemoSize }) => {
      const path = where();
      if (!(await registerExists())) {
        // A new demo register, with an administrator "demo" (password CPREG_PASSWORD, or the
        // demo's own, printed: the data is synthetic).
        const password = process.env['CPREG_PASSWORD'] || DEMO_PASSWORD;
        const gate = newGate();
        try {
          await callChannel(gate, 'session.setup', { name: 'demo', password });
          await callChannel(gate, 'users.setRoles', { name: 'demo', roles: ROLES });
        } finally {
          await gate.close();
        }
        io.err(
          `Created ${path} with the administrator "demo"${process.env['CPREG_PASSWORD'] ? ' (password from CPREG_PASSWORD)' : ` (password "${DEMO_PASSWORD}")`}.\n`,
        );
        program.setOptionValue('user', 'demo');
        program.setOptionValue('passwordFile', undefined);
        process.env['CPREG_PASSWORD'] = password;
      }
      await withRegister(async (register) => {
        const started = Date.now();
        const summary = await register.demo.generate(opts.size, (done, total) => {
          io.err(`\rgenerating ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} conferences`);
        });
        io.err('\n');
        io.out(
          `Demo register ${path}: ${summary.conferences.toLocaleString('en-GB')} conferences (${summary.reconvened.toLocaleString('en-GB')} reconvened, ` +
            `${summary.adjourned.toLocaleString('en-GB')} adjourned), ${summary.families.toLocaleString('en-GB')} families, ` +
            `${summary.children.toLocaleString('en-GB')} children, ${summary.views.toLocaleString('en-GB')} views, ` +
            `${summary.agencyEscalations.toLocaleString('en-GB')} agency escalations in ${summary.returns.toLocaleString('en-GB')} returns, ` +
            `${summary.escalations} professional escalations, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      });
    });

  const conferencesCommand = program.command('conferences').description('conferences in the register');
  conferencesCommand
    .command('list')
    .description('list conferences, newest first; with --due, what falls due across conferences, soonest first')
    .option('--due', 'list what falls due (decision letters, minutes, core groups, reviews, reconvening) instead')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many rows', '50')
    .action(async (opts: { due?: boolean; json?: boolean; limit: string }) => {
      const limit = parseCount(opts.limit);
      if (limit < 1 || limit > 500) throw new UsageError(`--limit must be between 1 and 500 (got "${opts.limit}")`);
      await withRegister(async (register) => {
        if (opts.due) {
          const due = await register.live.due(limit);
          if (opts.json) return io.out(`${JSON.stringify(due, null, 2)}\n`);
          if (due.length === 0) return io.out('Nothing is due.\n');
          table(
            ['Due', 'What', 'Family', 'Child', 'Conference', 'Status'],
            due.map((d) => [
              d.due,
              d.label,
              d.familyName,
              d.childName ?? '',
              `${d.conferenceDate} ${CONFERENCE_TYPE_LABELS[d.conferenceType]}`,
              d.overdue ? `OVERDUE (${-d.workingDays} WD)` : `${d.workingDays} WD left`,
            ]),
          );
          return;
        }
        const { total, conferences } = await register.conferences.list('', limit);
        if (opts.json) return io.out(`${JSON.stringify({ total, conferences }, null, 2)}\n`);
        if (conferences.length === 0) return io.out('No conferences yet.\n');
        table(
          ['Date', 'Time', 'Type', 'Family', 'Children', 'Chair'],
          conferences.map((c) => [
            c.date,
            c.time,
            CONFERENCE_TYPE_LABELS[c.type],
            c.familyName,
            c.children.map((ch) => ch.givenName).join(', '),
            c.chairName,
          ]),
        );
        io.out(`Showing ${conferences.length} of ${total}.\n`);
      });
    });

  program
    .command('returns')
    .description('agency contribution escalations (Appendix 3) returns for safeguarding leads')
    .command('list')
    .description('one agency’s Appendix 3 rows for a period (meeting dates inclusive)')
    .requiredOption('--agency <name>', 'the agency, by its name in the directory')
    .requiredOption('--from <date>', 'first meeting date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last meeting date, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action(async (opts: { agency: string; from: string; to: string; json?: boolean }) => {
      for (const [flag, value] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const) {
        if (!isIsoDate(value))
          throw new UsageError(`${flag} must be a real date in the form YYYY-MM-DD (got "${value}")`);
      }
      if (opts.to < opts.from) throw new UsageError('--to must be on or after --from');
      await withRegister(async (register) => {
        const agency = await register.repos.agencies.findByName(opts.agency.trim());
        if (!agency)
          throw new UsageError(`no agency called "${opts.agency}" in the directory (see "cpreg agencies list")`);
        const { rows, returns } = await register.agencyEscalations.returnFor(agency.id, opts.from, opts.to);
        if (opts.json)
          return io.out(
            `${JSON.stringify({ agency: agency.name, from: opts.from, to: opts.to, rows, returns }, null, 2)}\n`,
          );
        if (rows.length === 0) return io.out(`No escalations for ${agency.name} from ${opts.from} to ${opts.to}.\n`);
        table(
          [
            'Date of meeting',
            'Family name or identifying factors',
            'CP chair',
            'Agency',
            'Name of agency rep',
            'Reason for escalation',
          ],
          rows.map((r) => [
            r.meetingDate,
            r.familyIdentifier,
            r.chairName,
            r.agencyName,
            r.representativeName ?? '',
            r.reasonDetail
              ? `${ESCALATION_REASON_LABELS[r.reason]}: ${r.reasonDetail}`
              : ESCALATION_REASON_LABELS[r.reason],
          ]),
        );
        const unsent = rows.filter((r) => r.returnId === null).length;
        io.out(
          `${rows.length} escalation${rows.length === 1 ? '' : 's'}; ${unsent} not yet sent to the safeguarding lead.\n`,
        );
      });
    });

  const escalationsCommand = program.command('escalations').description('professional disagreement escalations');
  escalationsCommand
    .command('list')
    .description('open escalations: immediate risk first, then overdue, then by due date')
    .option('--overdue', 'only those past their stage’s due date')
    .option('--json', 'print JSON')
    .action(async (opts: { overdue?: boolean; json?: boolean }) => {
      await withRegister(async (register) => {
        const list = await register.escalations.list({ overdueOnly: opts.overdue ?? false });
        if (opts.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        if (list.length === 0) return io.out(opts.overdue ? 'No escalation is overdue.\n' : 'No open escalations.\n');
        table(
          ['Id', 'Due', 'Clock', 'Stage', 'Child or family', 'Raised by', 'Challenged', 'Protocol'],
          list.map((e) => [
            String(e.id),
            e.dueOn,
            e.immediateRisk
              ? 'IMMEDIATE RISK'
              : e.overdue
                ? `OVERDUE ${-e.workingDaysLeft} WD`
                : e.dueToday
                  ? 'due today'
                  : `${e.workingDaysLeft} WD left`,
            `${e.stage} ${e.stageName}`,
            e.subjectName,
            e.initiatingAgency,
            e.challengedAgency,
            e.protocolName,
          ]),
        );
      });
    });
  escalationsCommand
    .command('show <id>')
    .description('one escalation with every stage, response and action')
    .option('--json', 'print JSON')
    .action(async (idText: string, opts: { json?: boolean }) => {
      if (!/^[1-9]\d*$/.test(idText)) throw new UsageError(`<id> must be an escalation number (got "${idText}")`);
      await withRegister(async (register) => {
        const e = await register.escalations.get(Number(idText));
        if (opts.json) return io.out(`${JSON.stringify(e, null, 2)}\n`);
        const lines = [
          `Escalation ${e.id}: ${e.subjectName} (${e.status})`,
          ...(e.immediateRisk ? [`IMMEDIATE RISK: ${IMMEDIATE_RISK_GUIDANCE}`] : []),
          `Protocol: ${e.protocol.name} (version ${e.protocol.version})`,
          `Raised by ${e.initiatingAgency.name}, challenging ${e.challengedAgency.name}, on ${e.openedOn}`,
          `Nature: ${e.natures.map((n) => (n === 'other' && e.natureOther ? `Other: ${e.natureOther}` : NATURE_LABELS[n])).join('; ')}`,
          `Details: ${e.details}`,
          `Outcome sought: ${e.outcomeSought}`,
          ...e.stages.flatMap((st) => [
            `Stage ${st.number} ${st.name}${st.formalRecord ? ' (formal record)' : ''}: opened ${st.openedOn}, due ${st.dueOn}` +
              (st.closedOn
                ? `, closed ${st.closedOn}`
                : st.clock
                  ? st.clock.overdue
                    ? `, OVERDUE by ${-st.clock.workingDaysLeft} WD`
                    : `, ${st.clock.workingDaysLeft} WD left`
                  : ''),
            `  escalated by ${[st.escalatedBy.name, st.escalatedBy.title, st.escalatedBy.agency].filter(Boolean).join(', ')}` +
              (st.escalatedTo.name
                ? ` to ${[st.escalatedTo.name, st.escalatedTo.title, st.escalatedTo.agency].filter(Boolean).join(', ')}`
                : ''),
            ...(st.response
              ? [
                  `  response ${st.response.on ?? ''} from ${st.response.name ?? ''}: ${st.response.summary ?? ''}${st.resolved === null ? '' : st.resolved ? ' (resolved)' : ' (not resolved)'}`,
                ]
              : []),
          ]),
          ...e.actions.map(
            (a) =>
              `Action: ${a.action}, by ${a.byWhom}${a.completeBy ? `, by ${a.completeBy}` : ''}${a.completedOn ? `, done ${a.completedOn}` : ''}`,
          ),
          ...(e.learning ? [`Learning: ${e.learning}`] : []),
          ...(e.warning ? [`Warning: ${e.warning}`] : []),
        ];
        io.out(`${lines.join('\n')}\n`);
      });
    });

  program
    .command('outcome')
    .description(
      'read one conference’s views for a child as JSON on stdin and print the outcome as JSON, by the rule the app uses',
    )
    .addHelpText(
      'after',
      '\nInput:  { "type": "initial"|"review"|"reconvened", "date": "YYYY-MM-DD", "rule"?: "majority"|"chair",\n' +
        '          "chairDecision"?: "plan"|"no-plan", "views": [ { "agency": string, "view": "plan"|"no-plan" } ] }\n' +
        'Output: { "result", "decision", "interimPlan", "reconveneBy", "minority", "escalation" }',
    )
    .addOption(new Option('--division <division>', 'bank-holiday division').choices(DIVISIONS))
    .action(async (opts: { division?: Division }) => {
      const text = await readStdin();
      let raw: unknown;
      try {
        raw = JSON.parse(text) as unknown;
      } catch {
        throw new UsageError('stdin is not valid JSON');
      }
      const parsed = outcomeInputSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(describeIssues(issuesFromZod(parsed.error)));
      await withCalendar(opts.division, (calendar) => {
        const outcome = decideOutcome(parsed.data, calendar);
        io.out(`${JSON.stringify(outcome)}\n`);
        const warning = outcome.reconveneBy ? coverageWarning(calendar, outcome.reconveneBy) : null;
        if (warning) io.err(`warning: ${warning}\n`);
      });
    });

  const forms = program.command('forms').description('make one form as a PDF');
  forms
    .command('appendix3')
    .description('the Appendix 3 return for one agency and period (meeting dates inclusive)')
    .requiredOption('--agency <name>', 'the agency, by its name in the directory')
    .requiredOption('--from <date>', 'first meeting date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last meeting date, YYYY-MM-DD')
    .requiredOption('--out <file>', 'the PDF file to write')
    .option('--initials', 'family names as initials')
    .option('--protect-password-file <file>', 'protect the PDF with the password on the first line of this file')
    .action(
      async (opts: {
        agency: string;
        from: string;
        to: string;
        out: string;
        initials?: boolean;
        protectPasswordFile?: string;
      }) => {
        checkPeriod(opts.from, opts.to);
        const password = readPassword(opts.protectPasswordFile);
        await withRegister(async (register) => {
          const agency = await agencyNamed(register, opts.agency);
          const doc = await register.documents.makeOne(
            'appendix3',
            agency.id,
            { from: opts.from, to: opts.to },
            resolve(opts.out),
            { initialsOnly: opts.initials === true, password },
          );
          io.out(
            `Wrote ${resolve(opts.out)} (${doc.bytes.toLocaleString('en-GB')} bytes, sha256 ${doc.sha256.slice(0, 12)}…)\n`,
          );
        });
      },
    );
  for (const [kind, command, description] of [
    ['appendix5', 'appendix5', 'the Appendix 5 Professional Difference Escalation Record for one escalation'],
    ['croydon-notification', 'croydon', 'the Croydon Escalation Notification Form for one escalation (initials only)'],
    [
      'review-meeting-record',
      'review-meeting',
      'the written record of the Principal Officer review meeting for one escalation (North Lincolnshire)',
    ],
  ] as const) {
    forms
      .command(command)
      .description(description)
      .requiredOption('--escalation <id>', 'the escalation’s number (see "cpreg escalations list")')
      .requiredOption('--out <file>', 'the PDF file to write')
      .option('--initials', 'names of children and families as initials')
      .option('--protect-password-file <file>', 'protect the PDF with the password on the first line of this file')
      .action(async (opts: { escalation: string; out: string; initials?: boolean; protectPasswordFile?: string }) => {
        const id = parseId(opts.escalation, '--escalation');
        const password = readPassword(opts.protectPasswordFile);
        await withRegister(async (register) => {
          const doc = await register.documents.makeOne(kind, id, null, resolve(opts.out), {
            initialsOnly: opts.initials === true,
            password,
          });
          io.out(
            `Wrote ${resolve(opts.out)} (${doc.bytes.toLocaleString('en-GB')} bytes, sha256 ${doc.sha256.slice(0, 12)}…)\n`,
          );
        });
      });
  }

  program
    .command('letters <kind>')
    .description(`write a batch of forms or letters into a folder; <kind> is one of: ${DOCUMENT_KINDS.join(', ')}`)
    .requiredOption('--from <date>', 'first date of the period, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last date of the period, YYYY-MM-DD')
    .requiredOption('--out <dir>', 'the folder to write into (created if missing)')
    .action(async (kindText: string, opts: { from: string; to: string; out: string }) => {
      const kind = documentKindSchema.safeParse(kindText);
      if (!kind.success) throw new UsageError(`<kind> must be one of ${DOCUMENT_KINDS.join(', ')} (got "${kindText}")`);
      checkPeriod(opts.from, opts.to);
      await withRegister(async (register) => {
        let lastTenth = -1;
        const status = await register.documents.run(kind.data, opts.from, opts.to, opts.out, undefined, (s) => {
          const line = `${DOCUMENT_KIND_LABELS[kind.data]}: ${s.done} of ${s.total}`;
          if (io.errIsTty) {
            io.err(`\r${line}${s.state === 'finished' ? '\n' : ''}`);
            return;
          }
          const tenth = s.total === 0 ? 10 : Math.floor((s.done / s.total) * 10);
          if (tenth !== lastTenth) {
            lastTenth = tenth;
            io.err(`${line}\n`);
          }
        });
        io.out(`Wrote ${status.written.length} of ${status.total} into ${status.folder}\n`);
        for (const f of status.failed) io.out(`  not written: ${f.fileName}: ${f.message}\n`);
        for (const f of status.notWritten) io.out(`  not reached: ${f.fileName}\n`);
        if (status.failed.length || status.notWritten.length) throw new PartialBatch();
      });
    });

  program
    .command('export')
    .description('an export for an agency’s safeguarding lead: PDFs, CSV and JSON, logged in the sharing log')
    .requiredOption('--agency <name>', 'the agency, by its name in the directory')
    .requiredOption('--out <dir>', 'the folder to write the export into (created if missing)')
    .option('--from <date>', 'first date of the period, YYYY-MM-DD (default: a year before --to)')
    .option('--to <date>', 'last date of the period, YYYY-MM-DD (default: today)')
    .option('--initials', 'names of children and families as initials')
    .option('--protect-password-file <file>', 'AES-256 password (first line of the file) for the zip and its PDFs')
    .option('--folder', 'write a folder instead of a zip (not with a password)')
    .option('--eml', 'also write an .eml draft to the safeguarding lead with the export attached')
    .option(
      '--purpose <text>',
      'why the records are shared (recorded in the sharing log)',
      'Appendix 3 return and escalation records for the agency’s safeguarding lead',
    )
    .action(
      async (opts: {
        agency: string;
        out: string;
        from?: string;
        to?: string;
        initials?: boolean;
        protectPasswordFile?: string;
        folder?: boolean;
        eml?: boolean;
        purpose: string;
      }) => {
        const to = opts.to ?? localIsoDate(new Date());
        const from = opts.from ?? addDays(to, -364);
        checkPeriod(from, to);
        const password = readPassword(opts.protectPasswordFile);
        await withRegister(async (register) => {
          const agency = await agencyNamed(register, opts.agency);
          const parsed = runExportInputSchema.safeParse({
            agencyId: agency.id,
            from,
            to,
            folder: opts.out,
            format: opts.folder ? 'folder' : 'zip',
            initialsOnly: opts.initials === true,
            password,
            purpose: opts.purpose,
            emailDraft: opts.eml === true,
          });
          if (!parsed.success) throw new UsageError(describeIssues(issuesFromZod(parsed.error)));
          const result = await register.exports.run(parsed.data);
          io.out(`Wrote ${result.location}\n`);
          for (const f of result.files) io.out(`  ${f.name} (${f.bytes.toLocaleString('en-GB')} bytes)\n`);
          if (result.emailDraft) io.out(`Email draft: ${result.emailDraft}\n`);
          io.out(`Recorded in the sharing log as entry ${result.sharingLogId}.\n`);
        });
      },
    );

  program
    .command('sharing-log')
    .description('what was shared, with whom, when, why and by whom (newest first)')
    .option('--agency <name>', 'only exports to this agency')
    .option('--json', 'print JSON')
    .action(async (opts: { agency?: string; json?: boolean }) => {
      await withRegister(async (register) => {
        const agencyId = opts.agency ? (await agencyNamed(register, opts.agency)).id : null;
        const entries = await register.exports.sharingLog(agencyId, 1000);
        if (opts.json) return io.out(`${JSON.stringify(entries, null, 2)}\n`);
        if (entries.length === 0) return io.out('Nothing has been shared yet.\n');
        table(
          ['When', 'By', 'Agency', 'To', 'Period', 'Why', 'Records', 'Protection', 'Status'],
          entries.map((e) => [
            e.at.slice(0, 16).replace('T', ' '),
            e.actor,
            e.agencyName,
            e.recipientEmail ?? e.recipientName ?? '',
            `${e.from} to ${e.to}`,
            e.purpose,
            String(e.records.length),
            [e.passwordProtected ? 'password' : 'none', e.initialsOnly ? 'initials' : ''].filter(Boolean).join(', '),
            e.status,
          ]),
        );
      });
    });

  const auditCommand = program.command('audit').description('the audit trail: who changed what, when');
  auditCommand
    .command('verify')
    .description(
      'check the audit trail’s hash chain: exit 0 when whole, 1 naming the first event edited, deleted, inserted or moved',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withRegister(async (_register, gate) => {
        // Through the channel, so only an administrator or an auditor may run it.
        const verdict = (await callChannel(gate, 'audit.verify', {})) as
          { ok: true; events: number } | { ok: false; events: number; firstBroken: { id: number; problem: string } };
        if (opts.json) io.out(`${JSON.stringify(verdict, null, 2)}\n`);
        else if (verdict.ok) io.out(`Audit trail whole: ${verdict.events} events\n`);
        else io.out(`Audit trail broken at event ${verdict.firstBroken.id}: ${verdict.firstBroken.problem}\n`);
        if (!verdict.ok) throw new AuditBroken('audit trail broken');
      });
    });

  program
    .command('move-to')
    .description(
      'copy this register file (users, keyring and audit trail included) into an empty PostgreSQL register given by --pg, then check the chain and the counts there',
    )
    .addHelpText(
      'after',
      '\nSign in as an administrator of the register file (--db). The PostgreSQL database must be empty, or hold\n' +
        'an empty register. Everyone signs in there with the same password as before. The file is not changed.',
    )
    .action(async () => {
      const { pg: target } = program.opts<{ pg?: string }>();
      const url = target ?? process.env['CPREG_PG'];
      if (!url || !/^postgres(ql)?:\/\//.test(url)) {
        throw new UsageError('move-to: name the PostgreSQL register with --pg postgres://…');
      }
      const path = resolveRegisterPath(program.opts<{ db?: string }>().db);
      if (!existsSync(path)) throw new UsageError(`move-to: no register at ${path}`);
      const gate = createGate({ path, log: () => undefined, register: CLI_REGISTER });
      try {
        const { name, password } = await credentials();
        await gate.signIn(name, password);
        const { register, user } = gate;
        const keyring = await gate.store.loadKeyring();
        if (!register?.sqlite || !user || !keyring) throw new UsageError('move-to: sign in failed');
        if (!user.roles.includes('administrator')) {
          throw new UsageError(`move-to: only an administrator may move the register; ${user.name} is not one`);
        }
        const started = Date.now();
        const where = withoutPassword(url);
        const moved = await moveRegister(register.sqlite.sync, keyringDocument(keyring), url);
        const rows = Object.values(moved.tables).reduce((a, b) => a + b, 0);
        io.out(
          `Moved ${path} into ${where}: ${rows.toLocaleString('en-GB')} rows in ${Object.keys(moved.tables).length} tables, ` +
            `${moved.users} users, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
            `Checked there: every table's count matches, and the audit trail is whole (${moved.events.toLocaleString('en-GB')} events).\n`,
        );
      } finally {
        await gate.close();
      }
    });

  const backupCommand = program
    .command('backup')
    .description('write a verified backup of the register to a file (one file; encrypted as the register is)')
    .option('--out <file>', 'the backup file to write (refused if it exists)')
    .action(async (opts: { out?: string }) => {
      if (!opts.out)
        throw new UsageError('name the backup file with --out FILE, or check one with "cpreg backup verify FILE"');
      const out = resolve(opts.out);
      await withRegister(async (register) => {
        let written;
        try {
          written = await register.backups.writeTo(out);
        } catch (error) {
          if (error instanceof BackupError) throw new BackupFailed(error.message);
          throw error;
        }
        io.out(`Wrote a verified backup to ${out}\n`);
        io.out(
          `  ${written.tables} tables, ${written.rows.toLocaleString('en-GB')} rows, ${written.size.toLocaleString('en-GB')} bytes\n`,
        );
        io.out(`  content hash ${written.contentHash}\n`);
      });
    });
  backupCommand
    .command('verify <file>')
    .description(
      'check a backup: it opens with your password (from the key file it carries), passes SQLite’s integrity check, and holds what its header says',
    )
    .addHelpText('after', '\nExit codes: 0 when the backup is sound (with a summary); 1 naming what failed.')
    .action(async (file: string) => {
      const path = resolve(file);
      try {
        const { name, password } = await credentials();
        const v = verifyBackup(path, { key: await backupKey(path, name, password) });
        io.out(`The backup ${path} is sound.\n`);
        io.out(`  made ${v.createdAt}, register version ${v.version}\n`);
        io.out(`  ${v.tables} tables, ${v.rows.toLocaleString('en-GB')} rows, content hash ${v.contentHash}\n`);
      } catch (error) {
        if (error instanceof BackupError) throw new BackupFailed(error.message);
        throw error;
      }
    });

  program
    .command('restore')
    .description('put a backup in place of the register: verified first; the current register is kept aside')
    .requiredOption('--from <file>', 'the backup file')
    .addHelpText(
      'after',
      '\nThe app must be closed. You sign in as one of the backup’s users (its key file travels with it).\n' +
        'The current register file (and its -wal, -shm and .keys) is renamed <register>.before-restore-<time>;\n' +
        'nothing is changed if the backup fails its check (exit 1).',
    )
    .action(async (opts: { from: string }) => {
      const path = dbPath();
      const from = resolve(opts.from);
      try {
        const { name, password } = await credentials();
        const key = await backupKey(from, name, password);
        const restored = restoreBackup({ registerPath: path, backupFile: from, key, now: () => new Date() });
        io.out(`Restored ${path} from ${from} (made ${restored.createdAt}).\n`);
        if (restored.keptAside.length === 0) io.out('There was no register there before.\n');
        else io.out(`The register it replaced is kept as:\n${restored.keptAside.map((p) => `  ${p}\n`).join('')}`);
      } catch (error) {
        if (error instanceof BackupError) throw new BackupFailed(error.message);
        throw error;
      }
    });

  const retentionCommand = program
    .command('retention')
    .description('retention dates, legal holds, and erasing families past retention (administrator)');
  retentionCommand
    .command('list')
    .description('families with their retention date and legal hold, past retention first')
    .option('--past', 'only families past their retention date')
    .option('--json', 'print JSON')
    .action(async (opts: { past?: boolean; json?: boolean }) => {
      await withRegister(async (_register, gate) => {
        const list = (await callChannel(gate, 'retention.list', {
          pastOnly: opts.past ?? false,
          limit: 500,
        })) as ChannelOutput<'retention.list'>;
        if (opts.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        io.out(
          `Rule: ${list.rule.years} years after ${list.rule.basis === 'last-record' ? 'the last record' : 'the youngest child’s birth'}; ${list.pastCount} past retention\n`,
        );
        if (list.families.length === 0) return io.out('No families.\n');
        table(
          ['Family', 'Name', 'Last record', 'Kept until', 'Past', 'Legal hold'],
          list.families.map((f) => [
            String(f.familyId),
            f.familyName,
            f.lastRecordOn,
            f.retentionDate,
            f.pastRetention ? 'yes' : 'no',
            f.hold ? `held since ${f.hold.placedAt.slice(0, 10)} by ${f.hold.placedBy}: ${f.hold.reason}` : '',
          ]),
        );
        if (list.total > list.families.length) io.out(`(${list.total - list.families.length} more not shown)\n`);
      });
    });
  for (const [name, channel, description] of [
    ['hold', 'retention.placeHold', 'put a family’s records on legal hold: they cannot be erased while held'],
    ['lift', 'retention.liftHold', 'lift the legal hold on a family’s records'],
  ] as const) {
    retentionCommand
      .command(`${name} <familyId>`)
      .description(description)
      .requiredOption('--reason <text>', 'why')
      .action(async (idText: string, opts: { reason: string }) => {
        const familyId = parseId(idText, '<familyId>');
        await withRegister(async (_register, gate) => {
          const e = (await callChannel(gate, channel, { familyId, reason: opts.reason })) as ChannelOutput<
            typeof channel
          >;
          io.out(
            e.hold
              ? `Family ${e.familyId} is on legal hold.\n`
              : `Family ${e.familyId} is no longer on legal hold; kept until ${e.retentionDate}.\n`,
          );
        });
      });
  }
  retentionCommand
    .command('erase <familyId>')
    .description('erase, for good, a family past retention and not on hold (files already written stay on disk)')
    .requiredOption('--confirm <name>', 'the family’s name, typed again')
    .option('--json', 'print JSON')
    .action(async (idText: string, opts: { confirm: string; json?: boolean }) => {
      const familyId = parseId(idText, '<familyId>');
      await withRegister(async (_register, gate) => {
        const result = (await callChannel(gate, 'retention.erase', {
          familyId,
          confirm: opts.confirm,
        })) as ChannelOutput<'retention.erase'>;
        if (opts.json) return io.out(`${JSON.stringify(result, null, 2)}\n`);
        const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
        io.out(
          `Family ${familyId} erased: ${rows} rows deleted, values removed from ${result.redactedEvents.length} audit events.\n` +
            (result.documentRecordsErased
              ? `${result.documentRecordsErased} generated document records erased; the files themselves are outside the register and were not deleted.\n`
              : ''),
        );
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; usage mistakes are bad input.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`cpreg: ${error.message}\n`);
      return 2;
    }
    if (error instanceof PartialBatch || error instanceof AuditBroken) return 1;
    if (error instanceof BackupFailed) {
      io.err(`cpreg: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CallFailed) return error.exitCode;
    if (error instanceof ServiceError) {
      const detail = error.issues.length > 0 ? describeIssues(error.issues) : error.message;
      io.err(`cpreg: ${detail}\n`);
      return error.code === 'internal' ? 1 : 2;
    }
    io.err(`cpreg: ${error instanceof Error ? error.message : 'failed'}\n`);
    return 1;
  }
}
