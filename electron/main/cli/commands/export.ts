import type { Command } from 'commander';
import { addDays, localIsoDate } from '../../../../shared/dates';
import { checkPeriod, readPassword, type Cli } from '../cli';

/** `cpreg export`: an agency's export for its safeguarding lead, through `exports.run`. */
export function exportCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('export')
    .description('an export for an agency’s safeguarding lead: PDFs, CSV and JSON, logged in the sharing log')
    .requiredOption('--agency <name>', 'the agency, by its name in the directory')
    .requiredOption('--out <dir>', 'the folder to write the export into (created if missing)')
    .option('--from <date>', 'first date of the period, YYYY-MM-DD (default: a year before --to)')
    .option('--to <date>', 'last date of the period, YYYY-MM-DD (default: today)')
    .option('--initials', 'names of children and families as initials')
    .option('--protect-password-file <file>', 'AES-256 password (first line of the file) for the zip and its PDFs')
    .option('--folder', 'write a folder instead of a zip (not with a password)')
    .option('--eml', 'also write an .eml draft to the safeguarding lead with the export attached')
    .option(
      '--purpose <text>',
      'why the records are shared (recorded in the sharing log)',
      'Appendix 3 return and escalation records for the agency’s safeguarding lead',
    )
    .action(
      async (opts: {
        agency: string;
        out: string;
        from?: string;
        to?: string;
        initials?: boolean;
        protectPasswordFile?: string;
        folder?: boolean;
        eml?: boolean;
        purpose: string;
      }) => {
        const to = opts.to ?? localIsoDate(new Date());
        const from = opts.from ?? addDays(to, -364);
        checkPeriod(from, to);
        const password = readPassword(opts.protectPasswordFile);
        await cli.withGate(async (gate) => {
          const agency = await cli.agencyNamed(gate, opts.agency);
          const result = await cli.call(gate, 'exports.run', {
            agencyId: agency.id,
            from,
            to,
            folder: opts.out,
            format: opts.folder ? 'folder' : 'zip',
            initialsOnly: opts.initials === true,
            password,
            purpose: opts.purpose,
            emailDraft: opts.eml === true,
          });
          io.out(`Wrote ${result.location}\n`);
          for (const f of result.files) io.out(`  ${f.name} (${f.bytes.toLocaleString('en-GB')} bytes)\n`);
          if (result.emailDraft) io.out(`Email draft: ${result.emailDraft}\n`);
          io.out(`Recorded in the sharing log as entry ${result.sharingLogId}.\n`);
        });
      },
    );
}
