import type { Command } from 'commander';
import { ROLE_LABELS } from '../../../../shared/roles';
import { UsageError, type Cli } from '../cli';
import { firstLineOf, newPassword } from '../sign-in';

/** `cpreg init`: the register and its first administrator. */
export function initCommand(program: Command, cli: Cli): void {
  const { io } = cli;
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
      const path = cli.where();
      const gate = cli.newGate();
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
        const { recoveryKey, user } = await cli.call(gate, 'session.setup', { name: opts.admin, password });
        io.out(`${path}\n`);
        io.out(`Administrator: ${user.name} (${user.roles.map((r) => ROLE_LABELS[r]).join(', ')})\n`);
        io.out(`Recovery key (shown once; keep it offline, apart from the laptop):\n${recoveryKey}\n`);
      } finally {
        await gate.close();
      }
    });
}
