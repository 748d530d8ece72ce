import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { withoutPassword } from '../../register/addresses';
import { createGate } from '../../register/gate';
import { keyringDocument } from '../../register/keys/keyring';
import { moveRegister } from '../../register/move';
import { resolveRegisterPath } from '../../register/paths';
import { CLI_REGISTER, UsageError, type Cli } from '../cli';

/**
 * `cpreg move-to --pg URL`: a job for the register file alone (copying it whole, keyring and
 * audit chain included, into PostgreSQL), so it works on the file rather than through a channel.
 */
export function moveToCommand(program: Command, cli: Cli): void {
  const { io } = cli;
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
        const { name, password } = await cli.credentials();
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
}
