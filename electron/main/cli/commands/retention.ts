import type { Command } from 'commander';
import { parseId, type Cli } from '../cli';

/** `cpreg retention`: retention dates, legal holds and erasure, through the retention channels. */
export function retentionCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const retention = program
    .command('retention')
    .description('retention dates, legal holds, and erasing families past retention (administrator)');
  retention
    .command('list')
    .description('families with their retention date and legal hold, past retention first')
    .option('--past', 'only families past their retention date')
    .option('--json', 'print JSON')
    .action(async (opts: { past?: boolean; json?: boolean }) => {
      await cli.withGate(async (gate) => {
        const list = await cli.call(gate, 'retention.list', { pastOnly: opts.past ?? false, limit: 500 });
        if (opts.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        io.out(
          `Rule: ${list.rule.years} years after ${list.rule.basis === 'last-record' ? 'the last record' : 'the youngest child’s birth'}; ${list.pastCount} past retention\n`,
        );
        if (list.families.length === 0) return io.out('No families.\n');
        cli.table(
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
    retention
      .command(`${name} <familyId>`)
      .description(description)
      .requiredOption('--reason <text>', 'why')
      .action(async (idText: string, opts: { reason: string }) => {
        const familyId = parseId(idText, '<familyId>');
        await cli.withGate(async (gate) => {
          const e = await cli.call(gate, channel, { familyId, reason: opts.reason });
          io.out(
            e.hold
              ? `Family ${e.familyId} is on legal hold.\n`
              : `Family ${e.familyId} is no longer on legal hold; kept until ${e.retentionDate}.\n`,
          );
        });
      });
  }
  retention
    .command('erase <familyId>')
    .description('erase, for good, a family past retention and not on hold (files already written stay on disk)')
    .requiredOption('--confirm <name>', 'the family’s name, typed again')
    .option('--json', 'print JSON')
    .action(async (idText: string, opts: { confirm: string; json?: boolean }) => {
      const familyId = parseId(idText, '<familyId>');
      await cli.withGate(async (gate) => {
        const result = await cli.call(gate, 'retention.erase', { familyId, confirm: opts.confirm });
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
}
