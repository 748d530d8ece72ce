import { currentCaller } from './caller';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../../shared/schemas/settings';
import { changedFields } from '../../../../shared/audit-changes';
import { audit, type ServiceContext } from './context';
import { ServiceError, staleEdit } from './errors';

/** Every setting but the closure days and the usual agencies, which have their own tables. */
const STORED_KEYS = [
  'partnershipName',
  'userName',
  'division',
  'outcomeRule',
  'allowMultipleCategory',
  'reportDueInitial',
  'reportDueReview',
  'minutesWorkingDays',
  'quoracyRequireChildrensSocialCare',
  'quoracyMinOtherAgencies',
  'principalOfficerReviewWorkingDays',
  'protectiveMarking',
  'unitName',
  'unitEmail',
  'unitPhone',
  'sameDayContact',
  'idleLockMinutes',
  'trainingLink',
  'backupFolder',
  'backupsKept',
  'retentionRule',
] as const satisfies readonly Exclude<keyof Settings, 'closureDays' | 'usualAgencyIds'>[];

export function createSettingsService(
  ctx: ServiceContext<'agencies' | 'audit' | 'holidays' | 'settings'>,
  onCalendarChange: () => void,
) {
  async function get(): Promise<Settings> {
    const stored = await ctx.repos.settings.all();
    const settings: Settings = { ...DEFAULT_SETTINGS, userName: ctx.defaultUserName };
    for (const key of STORED_KEYS) {
      const raw = stored.get(key);
      if (raw === undefined) continue;
      // A stored value that no longer validates falls back to its default, key by key, rather
      // than locking the user out of the register.
      const parsed = settingsSchema.shape[key].safeParse(JSON.parse(raw) as unknown);
      if (parsed.success) Object.assign(settings, { [key]: parsed.data });
    }
    settings.closureDays = await ctx.repos.holidays.closureDays();
    settings.usualAgencyIds = await ctx.repos.settings.usualAgencyIds();
    return settings;
  }

  /** A setting's value in words, for the refusal of a save over newer settings. */
  function words(value: Settings[keyof Settings]): string | number | null {
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (Array.isArray(value))
      return value.map((d) => (typeof d === 'number' ? `agency ${d}` : `${d.date} (${d.reason})`)).join('; ') || 'none';
    if (value !== null && typeof value === 'object') return `${value.years} years (${value.basis.replace(/-/g, ' ')})`;
    return value;
  }

  return {
    get,
    /** The settings with their version, as the contract answers them (see `versionSchema`). */
    async getVersioned(): Promise<Settings & { version: number }> {
      return { ...(await get()), version: await ctx.repos.settings.version() };
    },
    /**
     * The name written as "who" in the audit trail: the signed-in user making the call. Only work
     * the register does by itself (the shipped protocols, a demo) falls back to the name set here.
     */
    async actor(): Promise<string> {
      return currentCaller()?.name ?? (await get()).userName;
    },
    /**
     * Saves some settings. With `version` (the settings' version as the caller loaded them), only
     * if nobody has saved them since; otherwise refused showing what the settings being changed now
     * say, and nothing is written.
     */
    async update(input: Partial<Settings> & { version?: number | undefined }): Promise<Settings & { version: number }> {
      const { version, ...changes } = input;
      const saved = await ctx.db.transaction(async () => {
        if (version === undefined) await ctx.repos.settings.bump();
        else if (!(await ctx.repos.settings.claim(version))) {
          const now = await get();
          const keys = (Object.keys(changes) as (keyof Settings)[]).filter((k) => changes[k] !== undefined);
          throw staleEdit(
            'The settings',
            keys.map((k) => [k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`), words(now[k])] as const),
            'were',
          );
        }
        const before = await get();
        const parsed = settingsSchema.safeParse({ ...before, ...changes });
        if (!parsed.success) {
          throw new ServiceError('invalid-input', 'The settings were not saved', issuesFromZod(parsed.error));
        }
        // The usual set in one order (the directory's ids), so a set saved in another order is no change.
        const after = { ...parsed.data, usualAgencyIds: [...parsed.data.usualAgencyIds].sort((a, b) => a - b) };
        const dates = after.closureDays.map((d) => d.date);
        if (new Set(dates).size !== dates.length) {
          throw new ServiceError('invalid-input', 'A closure day is listed twice', [
            { path: 'closureDays', message: 'A closure day is listed twice' },
          ]);
        }
        if (changes.usualAgencyIds !== undefined) {
          for (const [n, agencyId] of after.usualAgencyIds.entries()) {
            const agency = await ctx.repos.agencies.get(agencyId);
            // An inactive agency may stay in the set (the chair's screen leaves it out); a new one may not be added.
            if (!agency || (!agency.active && !before.usualAgencyIds.includes(agencyId)))
              throw new ServiceError('invalid-input', 'The settings were not saved', [
                {
                  path: `usualAgencyIds.${n}`,
                  message: 'Choose the usual agencies from the active agencies of the directory',
                },
              ]);
          }
        }
        for (const key of STORED_KEYS) {
          if (changes[key] !== undefined) await ctx.repos.settings.set(key, JSON.stringify(after[key]));
        }
        if (changes.closureDays !== undefined) await ctx.repos.holidays.replaceClosureDays(after.closureDays);
        if (changes.usualAgencyIds !== undefined) await ctx.repos.settings.replaceUsualAgencies(after.usualAgencyIds);
        // What changed, except that the usual set is kept whole (its agencies' ids before and
        // after), not member by member as changes at each index would read.
        const { usualAgencyIds: usualBefore, ...restBefore } = before;
        const { usualAgencyIds: usualAfter, ...restAfter } = after;
        const changed = changedFields(restBefore, restAfter);
        const usualChanged = usualBefore.join() !== usualAfter.join();
        await audit(
          ctx,
          currentCaller()?.name ?? after.userName,
          'settings',
          'settings',
          1,
          usualChanged ? { ...changed.before, usualAgencyIds: usualBefore } : changed.before,
          usualChanged ? { ...changed.after, usualAgencyIds: usualAfter } : changed.after,
        );
        return { ...after, version: await ctx.repos.settings.version() };
      });
      if (changes.closureDays !== undefined || changes.division !== undefined) onCalendarChange();
      return saved;
    },
  };
}
export type SettingsService = Awaited<ReturnType<typeof createSettingsService>>;
