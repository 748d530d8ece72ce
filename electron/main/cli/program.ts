import { Command, CommanderError } from 'commander';
import { version } from '../../../package.json';
import { describeIssues } from '../../../shared/ipc/result';
import { ServiceError } from '../register/services/errors';
import {
  AuditBroken,
  BackupFailed,
  CallFailed,
  createCli,
  PartialBatch,
  UsageError,
  type CliCommand,
  type CliIo,
} from './cli';
import { agenciesCommand } from './commands/agencies';
import { auditCommand } from './commands/audit';
import { backupCommand, restoreCommand } from './commands/backup';
import { callCommand } from './commands/call';
import { conferencesCommand } from './commands/conferences';
import { demoCommand } from './commands/demo';
import { escalationsCommand } from './commands/escalations';
import { exportCommand } from './commands/export';
import { formsCommand } from './commands/forms';
import { holidaysCommand } from './commands/holidays';
import { initCommand } from './commands/init';
import { lettersCommand } from './commands/letters';
import { moveToCommand } from './commands/move-to';
import { outcomeCommand } from './commands/outcome';
import { reportsCommand } from './commands/reports';
import { retentionCommand } from './commands/retention';
import { returnsCommand } from './commands/returns';
import { serveCommand } from './commands/serve';
import { sharingLogCommand } from './commands/sharing-log';
import { usersCommand } from './commands/users';
import { workingDaysCommand } from './commands/working-days';

export { DEMO_PASSWORD, type CliIo } from './cli';

/**
 * The commands, in the order `--help` lists them. Each is a small file in `commands/` that calls
 * channels through the gate (the one door) and prints the answer: adding one is an import and a
 * line here.
 */
const COMMANDS: readonly CliCommand[] = [
  callCommand,
  initCommand,
  usersCommand,
  workingDaysCommand,
  agenciesCommand,
  holidaysCommand,
  demoCommand,
  conferencesCommand,
  returnsCommand,
  escalationsCommand,
  reportsCommand,
  outcomeCommand,
  formsCommand,
  lettersCommand,
  exportCommand,
  sharingLogCommand,
  auditCommand,
  moveToCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
  retentionCommand,
];

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTty: process.stderr.isTTY,
};

/**
 * `cpreg`: the scriptable twin of the app for review units. Returns the exit code: 0 success,
 * 2 bad input (a one-line message on stderr naming what is wrong; nothing written), 1 otherwise.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = new Command('cpreg');
  program
    .description('CP Conference Register: the command-line twin of the app')
    .version(version, '--version', 'the version of CP Conference Register this is')
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

  const cli = createCli(program, io);
  for (const add of COMMANDS) add(program, cli);

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
