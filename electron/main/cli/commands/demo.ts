import { Option, type Command } from 'commander';
import { ROLES } from '../../../../shared/roles';
import type { DemoSize } from '../../register/services/demo-service';
import { DEMO_PASSWORD, type Cli } from '../cli';

/**
 * `cpreg demo`: synthetic data for training and benchmarks. A job for the command line alone (no
 * front end fills a register with invented families), so it runs on the open register, with
 * progress on stderr; a new demo register is made through the sign-in channels.
 */
export function demoCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('demo')
    .description('fill an empty register with synthetic data (no real names) for training and benchmarks')
    .addOption(
      new Option('--size <size>', 'small (300 conferences) or large (52,000 over 10 years)')
        .choices(['small', 'large'])
        .default('small'),
    )
    .action(async (opts: { size: DemoSize }) => {
      const path = cli.where();
      if (!(await cli.registerExists())) {
        // A new demo register, with an administrator "demo" (password CPREG_PASSWORD, or the
        // demo's own, printed: the data is synthetic).
        const password = process.env['CPREG_PASSWORD'] || DEMO_PASSWORD;
        const gate = cli.newGate();
        try {
          await cli.call(gate, 'session.setup', { name: 'demo', password });
          await cli.call(gate, 'users.setRoles', { name: 'demo', roles: [...ROLES] });
        } finally {
          await gate.close();
        }
        io.err(
          `Created ${path} with the administrator "demo"${process.env['CPREG_PASSWORD'] ? ' (password from CPREG_PASSWORD)' : ` (password "${DEMO_PASSWORD}")`}.\n`,
        );
        program.setOptionValue('user', 'demo');
        program.setOptionValue('passwordFile', undefined);
        process.env['CPREG_PASSWORD'] = password;
      }
      await cli.withRegister(async (register) => {
        const started = Date.now();
        const summary = await register.demo.generate(opts.size, (done, total) => {
          io.err(`\rgenerating ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} conferences`);
        });
        io.err('\n');
        io.out(
          `Demo register ${path}: ${summary.conferences.toLocaleString('en-GB')} conferences (${summary.reconvened.toLocaleString('en-GB')} reconvened, ` +
            `${summary.adjourned.toLocaleString('en-GB')} adjourned), ${summary.families.toLocaleString('en-GB')} families, ` +
            `${summary.children.toLocaleString('en-GB')} children, ${summary.views.toLocaleString('en-GB')} views, ` +
            `${summary.agencyEscalations.toLocaleString('en-GB')} agency escalations in ${summary.returns.toLocaleString('en-GB')} returns, ` +
            `${summary.escalations} professional escalations, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      });
    });
}
