import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/dates';
import { isPastRetention, retentionDate } from '../../../../shared/retention';
import { type RetentionEntry, type retentionListInputSchema } from '../../../../shared/schemas/retention';
import { audit, type ServiceContext } from './context';
import { invalid, notFound, ServiceError } from './errors';
import type { SettingsService } from './settings-service';

/** Names compared as a person types them: spacing and capitals aside. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return norm(a) === norm(b);
}

/**
 * Retention and legal hold (issue 10, §5): each family's retention date from the partnership's
 * rule, holds placed and lifted with a reason, and the erase of a family past retention and not
 * on hold, for good, leaving one audit event that holds no personal data.
 */
export function createRetentionService(ctx: ServiceContext<'audit' | 'retention'>, settings: SettingsService) {
  const repo = ctx.repos.retention;

  async function entries(): Promise<RetentionEntry[]> {
    const rule = (await settings.get()).retentionRule;
    const today = localIsoDate(ctx.now());
    const holds = await repo.holdsInForce();
    return (await repo.facts())
      .map((f) => {
        const date = retentionDate(rule, f);
        const hold = holds.get(f.familyId);
        return {
          familyId: f.familyId,
          familyName: f.familyName,
          retentionDate: date,
          pastRetention: isPastRetention(date, today),
          hold: hold ? { reason: hold.reason, placedBy: hold.placedBy, placedAt: hold.placedAt } : null,
          lastRecordOn: f.lastRecordOn,
        };
      })
      .sort(
        (a, b) =>
          Number(b.pastRetention) - Number(a.pastRetention) ||
          a.retentionDate.localeCompare(b.retentionDate) ||
          a.familyName.localeCompare(b.familyName) ||
          a.familyId - b.familyId,
      );
  }

  async function entry(familyId: number): Promise<RetentionEntry> {
    const found = (await entries()).find((e) => e.familyId === familyId);
    if (!found) throw notFound('family', familyId);
    return found;
  }

  return {
    /** Families with their retention date and hold, past retention first, then soonest. */
    async list(i: z.output<typeof retentionListInputSchema>) {
      const all = await entries();
      const shown = i.pastOnly ? all.filter((e) => e.pastRetention) : all;
      return {
        total: shown.length,
        pastCount: all.filter((e) => e.pastRetention).length,
        rule: (await settings.get()).retentionRule,
        today: localIsoDate(ctx.now()),
        families: shown.slice(i.offset, i.offset + i.limit),
      };
    },

    /** Puts a family's records on legal hold: they cannot be erased until it is lifted. */
    async placeHold(familyId: number, reason: string): Promise<RetentionEntry> {
      return ctx.db.transaction(async () => {
        const current = await entry(familyId);
        if (current.hold) {
          throw new ServiceError(
            'conflict',
            `This family’s records are already on legal hold (placed by ${current.hold.placedBy} on ${current.hold.placedAt.slice(0, 10)})`,
          );
        }
        const actor = await settings.actor();
        const holdId = await repo.placeHold(familyId, reason, actor, ctx.now().toISOString());
        await audit(ctx, actor, 'hold', 'family', familyId, undefined, { holdId, reason });
        return entry(familyId);
      });
    },

    /** Lifts the hold in force, with the reason; the hold stays on record as lifted. */
    async liftHold(familyId: number, reason: string): Promise<RetentionEntry> {
      return ctx.db.transaction(async () => {
        await entry(familyId);
        const hold = await repo.holdInForce(familyId);
        if (!hold) throw new ServiceError('conflict', 'This family’s records are not on legal hold');
        const actor = await settings.actor();
        await repo.liftHold(hold.id, reason, actor, ctx.now().toISOString());
        await audit(
          ctx,
          actor,
          'lift-hold',
          'family',
          familyId,
          { holdId: hold.id, reason: hold.reason },
          { holdId: hold.id, liftReason: reason },
        );
        return entry(familyId);
      });
    },

    /**
     * Erases a family for good: only past its retention date, not on legal hold, and with its
     * name typed again. Every row about the family goes, in one transaction; the values of every
     * audit event about the erased records are removed; one `erase` event records the counts, the
     * rule and the retention date, and nothing that names anyone. Generated files on disk are
     * outside the register and stay where they were written.
     */
    async erase(familyId: number, confirm: string) {
      return ctx.db.transaction(async () => {
        const current = await entry(familyId);
        if (current.hold) {
          throw new ServiceError(
            'conflict',
            `This family’s records are on legal hold (placed by ${current.hold.placedBy} on ${current.hold.placedAt.slice(0, 10)}): lift the hold before erasing them`,
          );
        }
        if (!current.pastRetention) {
          throw new ServiceError(
            'conflict',
            `This family’s records are kept until ${current.retentionDate} under the partnership’s retention rule, so they cannot be erased yet`,
          );
        }
        if (!sameName(confirm, current.familyName)) {
          throw invalid('confirm', 'Type the family name exactly as shown to confirm the erase');
        }
        const rule = (await settings.get()).retentionRule;
        const erased = await repo.eraseFamily(familyId);
        const redactedEvents = await ctx.repos.audit.redactRecords(erased.refs);
        await audit(ctx, await settings.actor(), 'erase', 'family', familyId, undefined, {
          counts: erased.counts,
          sharingLogUpdated: erased.sharingLogUpdated,
          redactedEvents,
          rule,
          retentionDate: current.retentionDate,
        });
        return {
          familyId,
          counts: erased.counts,
          sharingLogUpdated: erased.sharingLogUpdated,
          redactedEvents,
          documentRecordsErased: erased.counts['generated_documents'] ?? 0,
        };
      });
    },
  };
}
export type RetentionService = Awaited<ReturnType<typeof createRetentionService>>;
