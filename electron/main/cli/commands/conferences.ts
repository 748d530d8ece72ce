import type { Command } from 'commander';
import {
  CONFERENCE_SORTS,
  CONFERENCE_STATUS_LABELS,
  CONFERENCE_TYPE_LABELS,
} from '../../../../shared/schemas/conference';
import { DUE_SORTS } from '../../../../shared/schemas/live-conference';
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
    .option('--limit <n>', 'at most this many rows (a page)', '50')
    .option('--page <n>', 'which page of --limit rows', '1')
    .option(
      '--search <text>',
      'conferences whose family, child, case reference or chair matches (case and accents ignored)',
    )
    .option('--sort <column>', `sort conferences by ${CONFERENCE_SORTS.join(', ')} (due: ${DUE_SORTS.join(', ')})`)
    .option('--asc', 'sort ascending (the default: newest conferences first, soonest due first)')
    .option('--desc', 'sort descending')
    .action(
      async (opts: {
        due?: boolean;
        json?: boolean;
        limit: string;
        page: string;
        search?: string;
        sort?: string;
        asc?: boolean;
        desc?: boolean;
      }) => {
        const limit = parseCount(opts.limit);
        if (limit < 1 || limit > 500) throw new UsageError(`--limit must be between 1 and 500 (got "${opts.limit}")`);
        const page = parseCount(opts.page);
        if (page < 1) throw new UsageError(`--page must be 1 or more (got "${opts.page}")`);
        if (opts.asc && opts.desc) throw new UsageError('Give --asc or --desc, not both');
        const direction = opts.asc ? 'asc' : opts.desc ? 'desc' : undefined;
        await cli.withGate(async (gate) => {
          if (opts.due) {
            if (opts.search) throw new UsageError('--search lists conferences; it does not apply to --due');
            const sort = opts.sort === undefined ? undefined : oneOf(opts.sort, DUE_SORTS, '--sort');
            const due = await cli.call(gate, 'due.list', { limit, page, sort, direction });
            if (opts.json) return io.out(`${JSON.stringify(due.items, null, 2)}\n`);
            if (due.items.length === 0) return io.out('Nothing is due.\n');
            cli.table(
              ['Due', 'What', 'Family', 'Child', 'Conference', 'Status'],
              due.items.map((d) => [
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
          const sort = opts.sort === undefined ? undefined : oneOf(opts.sort, CONFERENCE_SORTS, '--sort');
          const {
            total,
            items: list,
            pageSize,
          } = await cli.call(gate, 'conferences.list', {
            search: opts.search ?? '',
            limit,
            page,
            sort,
            direction,
          });
          if (opts.json) return io.out(`${JSON.stringify({ total, page, pageSize, conferences: list }, null, 2)}\n`);
          if (list.length === 0) return io.out(opts.search ? 'No conferences match.\n' : 'No conferences yet.\n');
          cli.table(
            ['Date', 'Time', 'Type', 'Status', 'Family', 'Children', 'Chair'],
            list.map((c) => [
              c.date,
              c.time,
              CONFERENCE_TYPE_LABELS[c.type],
              CONFERENCE_STATUS_LABELS[c.status],
              c.familyName,
              c.children.map((ch) => ch.givenName).join(', '),
              c.chairName,
            ]),
          );
          const first = (page - 1) * pageSize + 1;
          io.out(
            page === 1
              ? `Showing ${list.length} of ${total}.\n`
              : `Showing ${first} to ${first + list.length - 1} of ${total}.\n`,
          );
        });
      },
    );
}

/** The value if it is one of `allowed`, else a usage error naming them. */
function oneOf<const T extends readonly string[]>(value: string, allowed: T, flag: string): T[number] {
  if ((allowed as readonly string[]).includes(value)) return value as T[number];
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
