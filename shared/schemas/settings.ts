import { z } from 'zod';
import { divisionSchema } from '../bank-holidays';
import { DEFAULT_RETENTION_RULE, retentionRuleSchema } from '../retention';
import { isIsoDate } from '../dates';
import { idSchema, optionalText, requiredText, strictObject, versionSchema } from './common';
import { MAX_SAME_DAY_CONTACT } from './limits';

/** The usual set is a conference's core group, not the directory: a partnership has a few dozen agencies. */
export const MAX_USUAL_AGENCIES = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function workingDays(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be ${min} or more`)
    .max(max, `${label} must be ${max} or fewer`);
}

/** Unit-wide settings. Every field has a default so a new register works at once. */
export const settingsSchema = strictObject({
  partnershipName: requiredText('Enter the partnership’s name', 120),
  userName: requiredText('Enter your name as it should appear in the record', 120),
  division: divisionSchema,
  closureDays: z
    .array(
      strictObject({
        date: z.string().max(10).refine(isIsoDate, 'Closure date must be a real date in the form YYYY-MM-DD'),
        reason: requiredText('Enter why the unit is closed', 120),
      }),
    )
    .max(500, 'At most 500 closure days'),
  /** North Lincolnshire SAfE majority rule (default), or the chair decides after all views. */
  outcomeRule: z.enum(['majority', 'chair'], { error: () => 'Choose majority view or chair decides' }),
  /** Whether "multiple" (MUL) may be chosen as a category. */
  allowMultipleCategory: z.boolean(),
  reportDueInitial: workingDays('Report deadline before an initial conference', 0, 20),
  reportDueReview: workingDays('Report deadline before a review conference', 0, 20),
  minutesWorkingDays: workingDays('Minutes deadline', 1, 40),
  quoracyRequireChildrensSocialCare: z.boolean(),
  quoracyMinOtherAgencies: workingDays('Other agencies needed for quoracy', 0, 10),
  principalOfficerReviewWorkingDays: workingDays('Principal Officer review deadline', 1, 60),
  /** Printed at the top and bottom of every page of every form and letter. */
  protectiveMarking: requiredText('Enter the protective marking for forms and letters', 40),
  /** The review unit, as named in letters and the Appendix 3 covering text. */
  unitName: requiredText('Enter the review unit’s name', 120),
  /** Where safeguarding leads write for more information (Appendix 3 covering text). */
  unitEmail: optionalText(200).refine(
    (v) => v === null || EMAIL.test(v),
    'Enter the unit’s email address in the form name@example.org',
  ),
  unitPhone: optionalText(40),
  /**
   * The partnership's own same-day contact for a child at immediate risk of significant harm,
   * shown wherever an escalation is marked immediate risk (Kirklees names its Children's Social
   * Care Duty & Advice professional line).
   */
  sameDayContact: optionalText(MAX_SAME_DAY_CONTACT),
  /** Minutes without keyboard or mouse before the screen locks (it unlocks with the password). */
  idleLockMinutes: workingDays('Minutes before the screen locks', 1, 120),
  /** Course details for partnership conference training (Appendix 3 covering text). */
  trainingLink: optionalText(300).refine(
    (v) => v === null || /^https?:\/\/\S+$/.test(v),
    'Enter the training link as a web address starting https://',
  ),
  /** Where automatic backups go; blank means a `Backups` folder beside the register file. */
  backupFolder: optionalText(1000).refine(
    (v) => v === null || /^([a-zA-Z]:[\\/]|[\\/])/.test(v),
    'Enter the backup folder as a full path, such as /home/me/Backups or C:\\Backups',
  ),
  /** How many automatic backups are kept; older ones are deleted after each new one. */
  backupsKept: workingDays('Number of backups kept', 1, 365),
  /** How long a family's records are kept before they may be erased (see `shared/retention.ts`). */
  retentionRule: retentionRuleSchema,
  /**
   * The agencies usually invited to a conference, offered on the chair's screen to invite in one
   * step (kept in their own table, each an agency of the directory; the service checks they exist).
   */
  usualAgencyIds: z
    .array(idSchema, { error: 'Choose the usual agencies from the directory' })
    .max(MAX_USUAL_AGENCIES, `Choose at most ${MAX_USUAL_AGENCIES} usual agencies`)
    .refine((ids) => new Set(ids).size === ids.length, 'An agency is listed twice in the usual set'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  partnershipName: 'Safeguarding Children Partnership',
  userName: 'Register user',
  division: 'england-and-wales',
  closureDays: [],
  outcomeRule: 'majority',
  allowMultipleCategory: false,
  reportDueInitial: 2,
  reportDueReview: 5,
  minutesWorkingDays: 15,
  quoracyRequireChildrensSocialCare: true,
  quoracyMinOtherAgencies: 2,
  principalOfficerReviewWorkingDays: 10,
  protectiveMarking: 'OFFICIAL-SENSITIVE',
  unitName: 'Child Protection Review Unit',
  unitEmail: null,
  unitPhone: null,
  sameDayContact: null,
  idleLockMinutes: 15,
  trainingLink: null,
  backupFolder: null,
  backupsKept: 14,
  retentionRule: DEFAULT_RETENTION_RULE,
  usualAgencyIds: [],
};

export const settingsUpdateSchema = settingsSchema.partial();

/** The settings as the contract answers them: with their version, sent back with a save. */
export const versionedSettingsSchema = settingsSchema.extend({ version: versionSchema });
export type VersionedSettings = z.infer<typeof versionedSettingsSchema>;

/** A save of some settings, with the version the caller loaded (see `versionSchema`). */
export const settingsSaveInputSchema = strictObject({ ...settingsUpdateSchema.shape, version: versionSchema });
