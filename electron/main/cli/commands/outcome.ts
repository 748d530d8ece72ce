import { Option, type Command } from 'commander';
import { DIVISIONS, type Division } from '../../../../shared/bank-holidays';
import { describeIssues, issuesFromZod } from '../../../../shared/ipc/result';
import { decideOutcome, outcomeInputSchema } from '../../../../shared/outcome';
import { coverageWarning } from '../../../../shared/working-days';
import { UsageError, type Cli } from '../cli';

/**
 * `cpreg outcome`: the outcome rule itself, run here on stdin's views with the register's
 * calendar (from `workingDays.calendar`) or the shipped one. No channel records anything, so the
 * rule's own input schema checks what it is given, as it does for the chair's screen preview.
 */
export function outcomeCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('outcome')
    .description(
      'read one conference’s views for a child as JSON on stdin and print the outcome as JSON, by the rule the app uses',
    )
    .addHelpText(
      'after',
      '\nInput:  { "type": "initial"|"review"|"reconvened", "date": "YYYY-MM-DD", "rule"?: "majority"|"chair",\n' +
        '          "chairDecision"?: "plan"|"no-plan", "views": [ { "agency": string, "view": "plan"|"no-plan" } ] }\n' +
        'Output: { "result", "decision", "interimPlan", "reconveneBy", "minority", "escalation" }',
    )
    .addOption(new Option('--division <division>', 'bank-holiday division').choices(DIVISIONS))
    .action(async (opts: { division?: Division }) => {
      const text = await cli.readStdin();
      let raw: unknown;
      try {
        raw = JSON.parse(text) as unknown;
      } catch {
        throw new UsageError('stdin is not valid JSON');
      }
      const parsed = outcomeInputSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(describeIssues(issuesFromZod(parsed.error)));
      await cli.withCalendar(opts.division, (calendar) => {
        const outcome = decideOutcome(parsed.data, calendar);
        io.out(`${JSON.stringify(outcome)}\n`);
        const warning = outcome.reconveneBy ? coverageWarning(calendar, outcome.reconveneBy) : null;
        if (warning) io.err(`warning: ${warning}\n`);
      });
    });
}
