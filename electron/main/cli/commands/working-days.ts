import { Option, type Command } from 'commander';
import { DIVISIONS, type Division } from '../../../../shared/bank-holidays';
import { isIsoDate } from '../../../../shared/dates';
import {
  addWorkingDays,
  coverageWarning,
  subtractWorkingDays,
  type WorkingDayCalendar,
} from '../../../../shared/working-days';
import { parseCount, UsageError, type Cli } from '../cli';

/** `cpreg working-days`: counting with the register's calendar (or the shipped snapshot). */
export function workingDaysCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const workingDays = program.command('working-days').description('count working days with the register’s calendar');
  for (const direction of ['add', 'subtract'] as const) {
    workingDays
      .command(`${direction} <date> <n>`)
      .description(
        direction === 'add'
          ? 'print the n-th working day strictly after <date> (YYYY-MM-DD)'
          : 'print the n-th working day strictly before <date> (YYYY-MM-DD)',
      )
      .addOption(new Option('--division <division>', 'bank-holiday division').choices(DIVISIONS))
      .action(async (date: string, n: string, opts: { division?: Division }) => {
        if (!isIsoDate(date)) throw new UsageError(`<date> must be a real date in the form YYYY-MM-DD (got "${date}")`);
        const count = parseCount(n);
        const compute = (calendar: WorkingDayCalendar) => {
          const result =
            direction === 'add' ? addWorkingDays(date, count, calendar) : subtractWorkingDays(date, count, calendar);
          io.out(`${result}\n`);
          const warning = coverageWarning(calendar, date, result);
          if (warning) io.err(`warning: ${warning}\n`);
        };
        await cli.withCalendar(opts.division, compute);
      });
  }
}
