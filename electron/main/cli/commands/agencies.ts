import type { Command } from 'commander';
import { AGENCY_TYPE_LABELS } from '../../../../shared/schemas/agency';
import { readInputFile, type Cli } from '../cli';

/** `cpreg agencies`: the directory. */
export function agenciesCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const agencies = program.command('agencies').description('the agency directory');
  agencies
    .command('list')
    .description('list agencies and their safeguarding leads')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await cli.withGate(async (gate) => {
        const list = await cli.call(gate, 'agencies.all', { includeInactive: true });
        if (opts.json) {
          io.out(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (list.length === 0) {
          io.out('No agencies yet.\n');
          return;
        }
        cli.table(
          ['Name', 'Type', 'Quoracy group', 'Safeguarding lead', 'Email', 'Status'],
          list.map((a) => [
            a.name,
            AGENCY_TYPE_LABELS[a.type],
            a.quoracyGroup ?? '',
            a.leadName ?? '',
            a.leadEmail ?? '',
            a.active ? 'active' : 'inactive',
          ]),
        );
      });
    });
  agencies
    .command('import <file>')
    .description(
      'add agencies from a CSV file (columns: name,type,quoracy_group,lead_name,lead_job_title,lead_email,lead_phone); all or nothing',
    )
    .action(async (file: string) => {
      const csv = readInputFile(file, 'CSV');
      await cli.withGate(async (gate) => {
        const created = await cli.call(gate, 'agencies.import', { csv }, { under: 'csv' });
        io.out(`Imported ${created.length} agenc${created.length === 1 ? 'y' : 'ies'}.\n`);
      });
    });
}
