import type { Command } from 'commander';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { readInputFile, UsageError, type Cli } from '../cli';

/** `cpreg holidays import`: a GOV.UK bank-holidays feed. */
export function holidaysCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('holidays')
    .description('the bank-holiday calendar')
    .command('import <file>')
    .description('import a GOV.UK bank-holidays.json file; a bad file changes nothing')
    .action(async (file: string) => {
      const text = readInputFile(file, 'bank-holidays');
      let feed: ChannelInput<'holidays.import'>['feed'];
      try {
        // Checked at the door, its problems named as the file names them.
        feed = JSON.parse(text) as typeof feed;
      } catch {
        throw new UsageError(`"${file}" is not valid JSON`);
      }
      await cli.withGate(async (gate) => {
        const result = await cli.call(gate, 'holidays.import', { feed }, { under: 'feed' });
        io.out(`Imported ${result.imported} bank holidays for ${result.divisions.join(', ')}.\n`);
      });
    });
}
