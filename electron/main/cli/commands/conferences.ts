import type { Command } from 'commander';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import { parseCount, UsageError, type Cli } from '../cli';

/** `cpreg conferences list`: conferences, or what falls due across them. */
export function conferencesCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const conferences = program.command('conferences').description('conferences in the register');
  conferences
    .command('list')
    .description('list conferences, newest first; with --due, what falls due across conferences, soonest first')
    .option('--due', 'list what falls due (decision letters, minutes, core groups, reviews, reconvening) instead')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many rows', '50')
    .action(async (opts: { due?: boolean; json?: boolean; limit: string }) => {
      const limit = parseCount(opts.limit);
      if (limit < 1 || limit > 500) throw new UsageError(`--limit must be between 1 and 500 (got "${opts.limit}")`);
      await cli.withGate(async (gate) => {
        if (opts.due) {
          const due = await cli.call(gate, 'due.list', { limit });
          if (opts.json) return io.out(`${JSON.stringify(due, null, 2)}\n`);
          if (due.length === 0) return io.out('Nothing is due.\n');
          cli.table(
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
        const { total, conferences: list } = await cli.call(gate, 'conferences.list', { search: '', limit });
        if (opts.json) return io.out(`${JSON.stringify({ total, conferences: list }, null, 2)}\n`);
        if (list.length === 0) return io.out('No conferences yet.\n');
        cli.table(
          ['Date', 'Time', 'Type', 'Family', 'Children', 'Chair'],
          list.map((c) => [
            c.date,
            c.time,
            CONFERENCE_TYPE_LABELS[c.type],
            c.familyName,
            c.children.map((ch) => ch.givenName).join(', '),
            c.chairName,
          ]),
        );
        io.out(`Showing ${list.length} of ${total}.\n`);
      });
    });
}
