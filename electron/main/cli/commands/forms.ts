import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkPeriod, parseId, readPassword, type Cli } from '../cli';

/** `cpreg forms`: one form as a PDF, through `documents.make`. */
export function formsCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const wrote = (file: string, doc: { bytes: number; sha256: string }) =>
    io.out(`Wrote ${file} (${doc.bytes.toLocaleString('en-GB')} bytes, sha256 ${doc.sha256.slice(0, 12)}…)\n`);
  const forms = program.command('forms').description('make one form as a PDF');
  forms
    .command('appendix3')
    .description('the Appendix 3 return for one agency and period (meeting dates inclusive)')
    .requiredOption('--agency <name>', 'the agency, by its name in the directory')
    .requiredOption('--from <date>', 'first meeting date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last meeting date, YYYY-MM-DD')
    .requiredOption('--out <file>', 'the PDF file to write')
    .option('--initials', 'family names as initials')
    .option('--protect-password-file <file>', 'protect the PDF with the password on the first line of this file')
    .action(
      async (opts: {
        agency: string;
        from: string;
        to: string;
        out: string;
        initials?: boolean;
        protectPasswordFile?: string;
      }) => {
        checkPeriod(opts.from, opts.to);
        const password = readPassword(opts.protectPasswordFile);
        await cli.withGate(async (gate) => {
          const agency = await cli.agencyNamed(gate, opts.agency);
          const file = resolve(opts.out);
          const doc = await cli.call(gate, 'documents.make', {
            kind: 'appendix3',
            id: agency.id,
            from: opts.from,
            to: opts.to,
            file,
            initialsOnly: opts.initials === true,
            password,
          });
          wrote(file, doc);
        });
      },
    );
  for (const [kind, command, description] of [
    ['appendix5', 'appendix5', 'the Appendix 5 Professional Difference Escalation Record for one escalation'],
    ['croydon-notification', 'croydon', 'the Croydon Escalation Notification Form for one escalation (initials only)'],
    [
      'review-meeting-record',
      'review-meeting',
      'the written record of the Principal Officer review meeting for one escalation (North Lincolnshire)',
    ],
  ] as const) {
    forms
      .command(command)
      .description(description)
      .requiredOption('--escalation <id>', 'the escalation’s number (see "cpreg escalations list")')
      .requiredOption('--out <file>', 'the PDF file to write')
      .option('--initials', 'names of children and families as initials')
      .option('--protect-password-file <file>', 'protect the PDF with the password on the first line of this file')
      .action(async (opts: { escalation: string; out: string; initials?: boolean; protectPasswordFile?: string }) => {
        const id = parseId(opts.escalation, '--escalation');
        const password = readPassword(opts.protectPasswordFile);
        await cli.withGate(async (gate) => {
          const file = resolve(opts.out);
          const doc = await cli.call(gate, 'documents.make', {
            kind,
            id,
            file,
            initialsOnly: opts.initials === true,
            password,
          });
          wrote(file, doc);
        });
      });
  }
}
