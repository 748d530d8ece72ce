import type { Command } from 'commander';
import { ROLES, ROLE_LABELS, ROLE_PURPOSES, type Role } from '../../../../shared/roles';
import type { Cli } from '../cli';
import { newPassword } from '../sign-in';

/** The roles as given on the command line; the channel refuses any that is not a role, naming it. */
const parseRoles = (text: string): Role[] =>
  text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean) as Role[];

/** `cpreg users`: who may use the register, and their roles. */
export function usersCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const users = program.command('users').description('who may use the register, and their roles (administrators)');
  users
    .command('list')
    .description('list the users, their roles, and whether they are active')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await cli.withGate(async (gate) => {
        const list = await cli.call(gate, 'users.list', {});
        if (opts.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        cli.table(
          ['Name', 'Roles', 'Active', 'Last signed in'],
          list.map((u) => [
            u.name,
            u.roles.map((r) => ROLE_LABELS[r]).join(', '),
            u.active ? 'yes' : 'disabled',
            u.lastSignInAt?.slice(0, 16).replace('T', ' ') ?? 'never',
          ]),
        );
      });
    });
  const roleHelp = ROLES.map((r) => `${r} (${ROLE_PURPOSES[r]})`).join('; ');
  users
    .command('add <name>')
    .description('add a user; their password from --new-password-file or a prompt')
    .requiredOption('--role <roles>', `one role, or several separated by commas: ${roleHelp}`)
    .option('--new-password-file <file>', 'the new user’s password (first line)')
    .action(async (name: string, opts: { role: string; newPasswordFile?: string }) => {
      await cli.withGate(async (gate) => {
        const password = await newPassword(opts.newPasswordFile, name);
        await cli.call(gate, 'users.add', { name, roles: parseRoles(opts.role), password });
        io.out(`Added ${name}.\n`);
      });
    });
  users
    .command('roles <name>')
    .description('change a user’s roles')
    .requiredOption('--role <roles>', 'the roles, separated by commas')
    .action(async (name: string, opts: { role: string }) => {
      await cli.withGate(async (gate) => {
        await cli.call(gate, 'users.setRoles', { name, roles: parseRoles(opts.role) });
        io.out(`${name} now has ${parseRoles(opts.role).join(', ')}.\n`);
      });
    });
  users
    .command('disable <name>')
    .description('disable a user: their password no longer opens the register')
    .action(async (name: string) => {
      await cli.withGate(async (gate) => {
        await cli.call(gate, 'users.disable', { name });
        io.out(`Disabled ${name}.\n`);
      });
    });
  users
    .command('enable <name>')
    .description('enable a disabled user with a new password (--new-password-file or a prompt)')
    .option('--new-password-file <file>', 'their new password (first line)')
    .action(async (name: string, opts: { newPasswordFile?: string }) => {
      await cli.withGate(async (gate) => {
        const password = await newPassword(opts.newPasswordFile, name);
        await cli.call(gate, 'users.enable', { name, password });
        io.out(`Enabled ${name}.\n`);
      });
    });
  users
    .command('reset <name>')
    .description('set a new password for a user (--new-password-file or a prompt)')
    .option('--new-password-file <file>', 'their new password (first line)')
    .action(async (name: string, opts: { newPasswordFile?: string }) => {
      await cli.withGate(async (gate) => {
        const password = await newPassword(opts.newPasswordFile, name);
        await cli.call(gate, 'users.resetPassword', { name, password });
        io.out(`Set a new password for ${name}.\n`);
      });
    });
}
