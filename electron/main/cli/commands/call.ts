import type { Command } from 'commander';
import { CHANNEL_ALIASES, CHANNEL_NAMES } from '../../../../shared/ipc/channels';
import { resolveChannel } from '../../../../shared/ipc/contract';
import type { ApiError } from '../../../../shared/ipc/result';
import { CallFailed, pause, UsageError, type Cli } from '../cli';

/** `cpreg call`: any channel, as the app calls it. */
export function callCommand(program: Command, cli: Cli): void {
  const { io } = cli;
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
      const text = await cli.readStdin();
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
      const path = cli.where();
      if (!(await cli.registerExists())) {
        fail({
          code: 'not-found',
          message: `No register at ${path}: create one with "cpreg ${cli.registerFlag()} init --admin NAME"`,
          issues: [],
        });
      }
      await cli.withGate(async (gate) => {
        // stderr carries only the error's JSON, so scripts can parse it whole. The call goes
        // through the gate, the same door as the app's: roles, validation, services, audit.
        const result = await gate.call(channel, input);
        // A batch started by the call finishes before the register closes.
        if (result.ok && resolveChannel(channel) === 'documents.startBatch') {
          const { id } = result.value as { id: string };
          for (;;) {
            const status = await gate.call('documents.batchStatus', { id });
            if (!status.ok || (status.value as { state: string }).state === 'finished') break;
            await pause(20);
          }
        }
        if (!result.ok) fail(result.error);
        else io.out(`${JSON.stringify(result.value, null, 2)}\n`);
      });
    });
}
