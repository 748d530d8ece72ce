import { describeIssues, issuesFromZod } from '../../../../shared/ipc/result';
import {
  conferenceInputSchema,
  type ConferenceInput,
  type ConferenceSummary,
} from '../../../../shared/schemas/conference';
import { audit, type ServiceContext } from './context';
import { ServiceError, notFound } from './errors';
import type { SettingsService } from './settings-service';

/** Conferences and the families and children they consider. */
export function createConferencesService(ctx: ServiceContext, settings: SettingsService) {
  const { conferences, families } = ctx.repos;

  function mustGet(id: number): ConferenceSummary {
    const c = conferences.get(id);
    if (!c) throw notFound('conference', id);
    return c;
  }

  return {
    get: mustGet,
    list: (search: string, limit: number) => conferences.list(search, limit),
    searchFamilies: (search: string) => families.search(search, 50),

    /**
     * Creates a conference in one transaction: the family (if new), any children added inline,
     * the conference and its children, and an audit event for each record written.
     */
    create(raw: ConferenceInput): ConferenceSummary {
      const parsed = conferenceInputSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error);
        throw new ServiceError('invalid-input', describeIssues(issues), issues);
      }
      const input = parsed.data;
      return ctx.db.transaction(() => {
        const at = ctx.now().toISOString();
        const actor = settings.actor();
        let familyId: number;
        if ('id' in input.family) {
          const family = families.get(input.family.id);
          if (!family)
            throw new ServiceError('not-found', 'That family is not in the register', [
              { path: 'family', message: 'Choose a family from the list' },
            ]);
          familyId = family.id;
          const known = new Set(family.children.map((c) => c.id));
          input.childIds.forEach((childId, i) => {
            if (!known.has(childId)) {
              throw new ServiceError('invalid-input', 'A selected child is not in this family', [
                { path: `childIds.${i}`, message: 'A selected child is not in this family' },
              ]);
            }
          });
        } else {
          if (input.childIds.length > 0) {
            throw new ServiceError('invalid-input', 'A new family has no children to select yet', [
              { path: 'childIds', message: 'Add the new family’s children instead' },
            ]);
          }
          familyId = families.insertFamily(input.family.name, input.family.caseReference, at);
          audit(ctx, actor, 'create', 'family', familyId, undefined, {
            name: input.family.name,
            caseReference: input.family.caseReference,
          });
        }
        const childIds = [...input.childIds];
        for (const child of input.newChildren) {
          const childId = families.insertChild({ familyId, ...child }, at);
          audit(ctx, actor, 'create', 'child', childId, undefined, { familyId, ...child });
          childIds.push(childId);
        }
        const id = conferences.insert(
          {
            type: input.type,
            date: input.date,
            time: input.time,
            venue: input.venue,
            chairName: input.chairName,
            familyId,
            childIds,
          },
          at,
        );
        const created = mustGet(id);
        audit(ctx, actor, 'create', 'conference', id, undefined, created);
        return created;
      });
    },
  };
}
export type ConferencesService = ReturnType<typeof createConferencesService>;
