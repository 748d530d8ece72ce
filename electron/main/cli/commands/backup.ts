import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BackupError, restoreBackup, verifyBackup } from '../../register/backup/backup-file';
import { backupKey } from '../../register/gate';
import { BackupFailed, UsageError, type Cli } from '../cli';

/**
 * `cpreg backup`, `backup verify` and `restore`: jobs for the register file alone (a backup to a
 * file named here; checking or restoring one when the register may be missing or damaged), so
 * they work on files rather than through a channel (`backups.*` are the app's, in its folder).
 */
export function backupCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const backup = program
    .command('backup')
    .description('write a verified backup of the register to a file (one file; encrypted as the register is)')
    .option('--out <file>', 'the backup file to write (refused if it exists)')
    .action(async (opts: { out?: string }) => {
      if (!opts.out)
        throw new UsageError('name the backup file with --out FILE, or check one with "cpreg backup verify FILE"');
      const out = resolve(opts.out);
      await cli.withRegister(async (register) => {
        let written;
        try {
          written = await register.backups.writeTo(out);
        } catch (error) {
          if (error instanceof BackupError) throw new BackupFailed(error.message);
          throw error;
        }
        io.out(`Wrote a verified backup to ${out}\n`);
        io.out(
          `  ${written.tables} tables, ${written.rows.toLocaleString('en-GB')} rows, ${written.size.toLocaleString('en-GB')} bytes\n`,
        );
        io.out(`  content hash ${written.contentHash}\n`);
      });
    });
  backup
    .command('verify <file>')
    .description(
      'check a backup: it opens with your password (from the key file it carries), passes SQLite’s integrity check, and holds what its header says',
    )
    .addHelpText('after', '\nExit codes: 0 when the backup is sound (with a summary); 1 naming what failed.')
    .action(async (file: string) => {
      const path = resolve(file);
      try {
        const { name, password } = await cli.credentials();
        const v = verifyBackup(path, { key: await backupKey(path, name, password) });
        io.out(`The backup ${path} is sound.\n`);
        io.out(`  made ${v.createdAt}, register version ${v.version}\n`);
        io.out(`  ${v.tables} tables, ${v.rows.toLocaleString('en-GB')} rows, content hash ${v.contentHash}\n`);
      } catch (error) {
        if (error instanceof BackupError) throw new BackupFailed(error.message);
        throw error;
      }
    });
}

export function restoreCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('restore')
    .description('put a backup in place of the register: verified first; the current register is kept aside')
    .requiredOption('--from <file>', 'the backup file')
    .addHelpText(
      'after',
      '\nThe app must be closed. You sign in as one of the backup’s users (its key file travels with it).\n' +
        'The current register file (and its -wal, -shm and .keys) is renamed <register>.before-restore-<time>;\n' +
        'nothing is changed if the backup fails its check (exit 1).',
    )
    .action(async (opts: { from: string }) => {
      const path = cli.dbPath();
      const from = resolve(opts.from);
      try {
        const { name, password } = await cli.credentials();
        const key = await backupKey(from, name, password);
        const restored = restoreBackup({ registerPath: path, backupFile: from, key, now: () => new Date() });
        io.out(`Restored ${path} from ${from} (made ${restored.createdAt}).\n`);
        if (restored.keptAside.length === 0) io.out('There was no register there before.\n');
        else io.out(`The register it replaced is kept as:\n${restored.keptAside.map((p) => `  ${p}\n`).join('')}`);
      } catch (error) {
        if (error instanceof BackupError) throw new BackupFailed(error.message);
        throw error;
      }
    });
}
