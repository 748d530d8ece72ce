import type { Command } from 'commander';
import { allPages, type Cli } from '../cli';

/** `cpreg sharing-log`: what was shared, with whom, when and why. */
export function sharingLogCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('sharing-log')
    .description('what was shared, with whom, when, why and by whom (newest first)')
    .option('--agency <name>', 'only exports to this agency')
    .option('--json', 'print JSON')
    .action(async (opts: { agency?: string; json?: boolean }) => {
      await cli.withGate(async (gate) => {
        const agencyId = opts.agency ? (await cli.agencyNamed(gate, opts.agency)).id : null;
        const entries = await allPages(async (page, pageSize) =>
          cli.call(gate, 'sharingLog.list', { agencyId, page, pageSize }),
        );
        if (opts.json) return io.out(`${JSON.stringify(entries, null, 2)}\n`);
        if (entries.length === 0) return io.out('Nothing has been shared yet.\n');
        cli.table(
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
}
