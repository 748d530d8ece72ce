import { z } from 'zod';
import { strictObject } from './common';

/** How the register stood when it opened: checked and sound, or damaged and open read-only. */
export const registerHealthSchema = z.object({
  state: z.enum(['ok', 'damaged']),
  /** What SQLite's check found (null when sound); never a record's contents. */
  detail: z.string().nullable(),
  readOnly: z.boolean(),
  path: z.string(),
});
export type RegisterHealth = z.infer<typeof registerHealthSchema>;

export const backupSummarySchema = z.object({
  /** The file's name in the backup folder. */
  file: z.string(),
  createdAt: z.string(),
  size: z.number().int(),
  /** Made automatically (and so pruned beyond the number kept); others are left alone. */
  automatic: z.boolean(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupRunSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  size: z.number().int(),
  reason: z.enum(['opening', 'closing', 'manual']),
  tables: z.number().int(),
  rows: z.number().int(),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

export const backupsStatusSchema = z.object({
  folder: z.string(),
  kept: z.number().int(),
  /** Newest first. */
  backups: z.array(backupSummarySchema),
  /** The last backup made while the register has been open, if any. */
  last: backupRunSchema.nullable(),
  /** The last automatic backup that failed while open, if any, and why. */
  lastFailure: z.object({ at: z.string(), reason: z.string(), message: z.string() }).nullable(),
});
export type BackupsStatus = z.infer<typeof backupsStatusSchema>;

/** A backup in the backup folder, by its file name (no folders: the API reads no other files). */
export const backupFileInputSchema = strictObject({
  file: z
    .string({ error: 'Choose a backup' })
    .min(1, 'Choose a backup')
    .max(255, 'Choose a backup in the backup folder')
    .regex(/^[^/\\.][^/\\]*\.cpreg-backup$/, 'Choose a backup in the backup folder (a .cpreg-backup file)'),
});

export const backupVerificationSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  tables: z.number().int(),
  rows: z.number().int(),
  size: z.number().int(),
  keyring: z.boolean(),
});
export type BackupVerificationResult = z.infer<typeof backupVerificationSchema>;

export const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  createdAt: z.string(),
  /** Where the replaced register's files were kept. */
  keptAside: z.array(z.string()),
});
export type RestoreOutcome = z.infer<typeof restoreResultSchema>;
