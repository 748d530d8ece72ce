import type { SqliteRegisterDb } from '../db/query';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupRun, BackupsStatus, BackupSummary, RestoreOutcome } from '../../../../shared/schemas/backups';
import {
  BACKUP_EXTENSION,
  BackupError,
  fileTimestamp,
  readBackupHeader,
  verifyBackup,
  writeBackup,
  type BackupVerification,
} from '../backup/backup-file';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import type { SettingsService } from './settings-service';

/** Automatic backups are named by when they were made (UTC), so names sort by age. */
const AUTOMATIC_NAME = /^register-\d{4}-\d{2}-\d{2}T\d{6}(-\d+)?\.cpreg-backup$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'opening' | 'closing' | 'manual';

export interface BackupsOptions {
  registerPath: string;
  /** The embedded register's connection: a backup is written from it, between transactions. Null on PostgreSQL. */
  sqlite: SqliteRegisterDb | null;
  key: Buffer | undefined;
  /** A damaged register (opened read-only) is never backed up: it would push good backups out. */
  readOnly: boolean;
  /** Supplied by whoever opened the register: closes it, restores the backup, opens it again. */
  restore: ((file: string) => Promise<RestoreOutcome> | RestoreOutcome) | undefined;
}

/**
 * Backups of the register: made on demand, daily on opening and on every closing into the
 * backup folder (a setting; a `Backups` folder beside the register by default), the oldest
 * automatic ones beyond the number kept deleted. Each is verified after writing (see
 * `backup/backup-file.ts`). Nothing here writes to the register itself, so a backup never
 * changes what it copies.
 */
export function createBackupsService(ctx: ServiceContext<never>, settings: SettingsService, options: BackupsOptions) {
  let last: BackupRun | null = null;

  /** The embedded register's connection; a unit's register on PostgreSQL is backed up by PostgreSQL's own means. */
  function embedded(): SqliteRegisterDb {
    if (!options.sqlite) {
      throw new ServiceError(
        'conflict',
        'This register is the unit’s, on PostgreSQL: it is backed up with PostgreSQL’s own tools (pg_dump or the database server’s backups), not from the app.',
      );
    }
    return options.sqlite;
  }

  async function folder(): Promise<string> {
    return (await settings.get()).backupFolder ?? join(dirname(options.registerPath), 'Backups');
  }

  /** Backups in the folder, newest first; files whose header cannot be read are left out. */
  async function list(): Promise<BackupSummary[]> {
    const dir = await folder();
    if (!existsSync(dir)) return [];
    const found: BackupSummary[] = [];
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue;
      try {
        const { header, size } = readBackupHeader(join(dir, name));
        found.push({ file: name, createdAt: header.createdAt, size, automatic: AUTOMATIC_NAME.test(name) });
      } catch {
        // Not one of ours, or damaged: "Check" on it would say which; it is not listed as a backup.
      }
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
  }

  async function pathOf(file: string): Promise<string> {
    if (!file.endsWith(BACKUP_EXTENSION) || /[/\\]/.test(file) || file.startsWith('.')) {
      throw new ServiceError('invalid-input', `Choose a backup in the backup folder (got “${file}”)`, [
        { path: 'file', message: 'Choose a backup in the backup folder' },
      ]);
    }
    const path = join(await folder(), file);
    if (!existsSync(path)) {
      throw new ServiceError('not-found', `There is no backup called ${file} in ${await folder()}`, [
        { path: 'file', message: 'There is no backup with that name' },
      ]);
    }
    return path;
  }

  function toRun(v: BackupVerification, reason: BackupReason, name: string): BackupRun {
    return { file: name, createdAt: v.createdAt, size: v.size, reason, tables: v.tables, rows: v.rows };
  }

  /** Deletes the oldest automatic backups beyond the number kept; returns their names. */
  async function prune(): Promise<string[]> {
    const kept = (await settings.get()).backupsKept;
    const automatic = (await list())
      .filter((b) => b.automatic)
      .map((b) => b.file)
      .sort()
      .reverse();
    const removed = automatic.slice(kept);
    for (const name of removed) rmSync(join(await folder(), name), { force: true });
    return removed;
  }

  /** Writes one backup now, named by the time, and prunes. */
  async function run(reason: BackupReason): Promise<BackupRun> {
    if (options.readOnly) {
      throw new ServiceError(
        'read-only',
        'The register failed its check when it opened, so it is not backed up (a copy would replace good backups); restore a backup instead.',
      );
    }
    if (options.registerPath === ':memory:') {
      throw new ServiceError('invalid-input', 'A register held only in memory cannot be backed up.');
    }
    const dir = await folder();
    const stamp = fileTimestamp(ctx.now()).replace(/Z$/, '');
    let name = `register-${stamp}${BACKUP_EXTENSION}`;
    for (let n = 2; existsSync(join(dir, name)); n += 1) name = `register-${stamp}-${n}${BACKUP_EXTENSION}`;
    const verified = await embedded().exclusive((db) =>
      writeBackup({ path: options.registerPath, db, now: ctx.now }, join(dir, name), { key: options.key }),
    );
    last = toRun(verified, reason, name);
    await prune();
    return last;
  }

  /**
   * The automatic backup: on closing always, on opening when the newest backup in the folder is
   * a day old or more (or there is none). A failure is remembered for the status and never stops
   * the register opening or closing.
   */
  /** A verified backup to a file of the caller's choosing (`cpreg backup --out FILE`). */
  async function writeTo(file: string): Promise<BackupVerification> {
    if (options.registerPath === ':memory:') {
      throw new ServiceError('invalid-input', 'A register held only in memory cannot be backed up.');
    }
    return embedded().exclusive((db) =>
      writeBackup({ path: options.registerPath, db, now: ctx.now }, file, { key: options.key }),
    );
  }

  async function runDue(reason: 'opening' | 'closing'): Promise<BackupRun | null> {
    if (options.readOnly || options.registerPath === ':memory:') return null;
    if (reason === 'opening') {
      const newest = (await list())[0];
      if (newest && ctx.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
    }
    try {
      return await run(reason);
    } catch (error) {
      lastFailure = {
        at: ctx.now().toISOString(),
        reason,
        message: error instanceof Error ? error.message : 'The backup failed',
      };
      return null;
    }
  }
  let lastFailure: BackupsStatus['lastFailure'] = null;

  return {
    folder,
    list,
    run,
    writeTo,
    runDue,
    prune,
    async status(): Promise<BackupsStatus> {
      embedded();
      return {
        folder: await folder(),
        kept: (await settings.get()).backupsKept,
        backups: await list(),
        last,
        lastFailure,
      };
    },
    async verify(file: string): Promise<BackupVerification & { file: string }> {
      embedded();
      const verified = verifyBackup(await pathOf(file), { key: options.key });
      return { ...verified, file };
    },
    /** Restoring replaces the open register, so the opener does it (closing, restoring, reopening). */
    async restore(file: string): Promise<RestoreOutcome> {
      embedded();
      const path = await pathOf(file);
      if (!options.restore) {
        throw new ServiceError(
          'conflict',
          `This register cannot restore a backup while it is open here: restore from the command line: cpreg restore --from "${path}"`,
        );
      }
      // Checked before the opener closes anything, so a bad backup leaves the session as it was.
      verifyBackup(path, { key: options.key });
      return options.restore(path);
    },
  };
}
export type BackupsService = Awaited<ReturnType<typeof createBackupsService>>;

export { BackupError };
