import type { Command } from 'commander';
import { AuditBroken, type Cli } from '../cli';

/** `cpreg audit verify`: the audit trail's hash chain. */
export function auditCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const audit = program.command('audit').description('the audit trail: who changed what, when');
  audit
    .command('verify')
    .description(
      'check the audit trail’s hash chain: exit 0 when whole, 1 naming the first event edited, deleted, inserted or moved',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await cli.withGate(async (gate) => {
        // Through the channel, so only an administrator or an auditor may run it.
        const verdict = await cli.call(gate, 'audit.verify', {});
        if (opts.json) io.out(`${JSON.stringify(verdict, null, 2)}\n`);
        else if (verdict.ok) io.out(`Audit trail whole: ${verdict.events} events\n`);
        else io.out(`Audit trail broken at event ${verdict.firstBroken?.id}: ${verdict.firstBroken?.problem}\n`);
        if (!verdict.ok) throw new AuditBroken('audit trail broken');
      });
    });
}
