import type { Command } from 'commander';
import { ESCALATION_REASON_LABELS } from '../../../../shared/schemas/agency-escalation';
import { checkPeriod, type Cli } from '../cli';

/** `cpreg returns list`: one agency's Appendix 3 rows for a period. */
export function returnsCommand(program: Command, cli: Cli): void {
  const { io } = cli;
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
      checkPeriod(opts.from, opts.to);
      await cli.withGate(async (gate) => {
        const agency = await cli.agencyNamed(gate, opts.agency);
        const { rows, returns } = await cli.call(gate, 'returns.get', {
          agencyId: agency.id,
          from: opts.from,
          to: opts.to,
        });
        if (opts.json)
          return io.out(
            `${JSON.stringify({ agency: agency.name, from: opts.from, to: opts.to, rows, returns }, null, 2)}\n`,
          );
        if (rows.length === 0) return io.out(`No escalations for ${agency.name} from ${opts.from} to ${opts.to}.\n`);
        cli.table(
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
}
