import {
  backupFileInputSchema,
  backupRunSchema,
  backupVerificationSchema,
  backupsStatusSchema,
  registerHealthSchema,
  restoreResultSchema,
} from '../../schemas/backups';
import { none, type ContractPart } from './common';

/** The register's health on opening, and its backups. */
export const backupsContract = {
  /** Whether the register passed its check when it opened; a damaged one is open read-only. */
  'register.health': { input: none, output: registerHealthSchema },
  /** The backup folder, how many automatic backups are kept, the backups there (newest first). */
  'backups.status': { input: none, output: backupsStatusSchema },
  /** Writes a verified backup into the backup folder now. */
  'backups.run': { input: none, output: backupRunSchema },
  /** Checks one backup in the folder: opens, integrity check, content hash equal to its header's. */
  'backups.verify': { input: backupFileInputSchema, output: backupVerificationSchema },
  /** Puts a backup in place of the register (verified first; the current register kept aside). */
  'backups.restore': { input: backupFileInputSchema, output: restoreResultSchema },
} as const satisfies ContractPart;
