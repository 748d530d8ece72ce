import { formatLongDate, localIsoDate } from '../../../../shared/dates';
import { describeIssues } from '../../../../shared/ipc/result';
import { nameKey } from '../../../../shared/names';
import { conferenceDateProblem, dateOfBirthProblem, expectedDateProblem } from '../../../../shared/record-dates';
import {
  type Child,
  type ConferenceFields,
  type ConferenceListInput,
  type ConferenceSummary,
  type DuplicateMatch,
} from '../../../../shared/schemas/conference';
import { audit, type ServiceContext } from './context';
import { ServiceError, notFound } from './errors';
import type { SettingsService } from './settings-service';

interface NewChildLike {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDate: string | null;
}

const long = (date: string) => formatLongDate(date).replace(/^\S+ /, '');

function sameChild(a: NewChildLike, b: NewChildLike): boolean {
  const date = (c: NewChildLike) => c.dateOfBirth ?? c.expectedDate;
  return (
    nameKey(a.givenName) === nameKey(b.givenName) &&
    nameKey(a.familyName) === nameKey(b.familyName) &&
    date(a) !== null &&
    date(a) === date(b)
  );
}

function childWords(c: NewChildLike): string {
  const date = c.dateOfBirth ? `born ${long(c.dateOfBirth)}` : c.expectedDate ? `expected ${long(c.expectedDate)}` : '';
  return `${c.givenName} ${c.familyName}${date ? `, ${date}` : ''}`;
}

/** Conferences and the families and children they consider. */
export function createConferencesService(
  ctx: ServiceContext<'audit' | 'conferences' | 'families'>,
  settings: SettingsService,
) {
  const { conferences, families } = ctx.repos;
  const today = () => localIsoDate(ctx.now());

  async function mustGet(id: number): Promise<ConferenceSummary> {
    const c = await conferences.get(id);
    if (!c) throw notFound('conference', id);
    return c;
  }

  /**
   * Records already in the register that a new family or its new children match: the same child
   * (names and date of birth or expected date, compared ignoring case, accents, apostrophe style
   * and spacing), or the same family (its case reference, or its name with one of the same
   * children).
   */
  async function matches(
    family: { name: string; caseReference: string | null } | null,
    children: readonly NewChildLike[],
  ): Promise<DuplicateMatch[]> {
    const found: DuplicateMatch[] = [];
    const dates = children.flatMap((c) => {
      const d = c.dateOfBirth ?? c.expectedDate;
      return d ? [d] : [];
    });
    const candidates = await families.childrenWithDates(dates);
    const familyOf = new Map<number, { id: number; name: string; caseReference: string | null }>();
    const familyRecord = async (id: number) => {
      const known = familyOf.get(id);
      if (known) return known;
      const f = await families.get(id);
      const record = { id, name: f?.name ?? '', caseReference: f?.caseReference ?? null };
      familyOf.set(id, record);
      return record;
    };
    for (const [index, c] of children.entries()) {
      for (const existing of candidates.filter((x: Child) => sameChild(c, x))) {
        const f = await familyRecord(existing.familyId);
        found.push({
          newChildIndex: index,
          family: f,
          child: existing,
          why: `${childWords(existing)} is already in the register (the ${f.name} family${f.caseReference ? `, ${f.caseReference}` : ''})`,
        });
      }
    }
    if (family?.caseReference) {
      for (const f of await families.familiesWithReference(family.caseReference)) {
        if (found.some((m) => m.family.id === f.id)) continue;
        found.push({
          newChildIndex: null,
          family: f,
          child: null,
          why: `The ${f.name} family already has the case reference ${f.caseReference ?? ''}`,
        });
      }
    }
    return found;
  }

  /** A child's dates must be possible: born not in the future and under 18 at the conference; expected near today. */
  function checkChildDates(children: readonly NewChildLike[], conferenceDate: string): void {
    const issues = children.flatMap((c, i) => {
      const problems: { path: string; message: string }[] = [];
      if (c.dateOfBirth) {
        const p = dateOfBirthProblem(c.dateOfBirth, today(), conferenceDate);
        if (p) problems.push({ path: `newChildren.${i}.dateOfBirth`, message: p });
      }
      if (c.expectedDate) {
        const p = expectedDateProblem(c.expectedDate, today());
        if (p) problems.push({ path: `newChildren.${i}.expectedDate`, message: p });
      }
      return problems;
    });
    if (issues.length > 0) throw new ServiceError('invalid-input', describeIssues(issues), issues);
  }

  return {
    get: mustGet,
    /** A page of conferences; `limit`, the page size's name from before paging, wins when sent. */
    list: async (i: ConferenceListInput) =>
      conferences.list(i.search, {
        page: i.page,
        pageSize: i.limit ?? i.pageSize,
        sort: i.sort,
        direction: i.direction,
      }),
    searchFamilies: async (search: string) => families.search(search, 50),
    matches,

    /**
     * Creates a conference in one transaction: the family (if new), any children added inline,
     * the conference and its children, and an audit event for each record written. Refused when a
     * date is impossible, when the same child is in it twice, or when a new family or child
     * matches one in the register (naming it) unless the caller confirms they are different.
     */
    async create(input: ConferenceFields): Promise<ConferenceSummary> {
      return ctx.db.transaction(async () => {
        const at = ctx.now().toISOString();
        const actor = await settings.actor();
        const dateProblem = conferenceDateProblem(input.date, today());
        if (dateProblem) throw new ServiceError('invalid-input', dateProblem, [{ path: 'date', message: dateProblem }]);
        checkChildDates(input.newChildren, input.date);
        let familyId: number;
        let existingChildren: Child[] = [];
        if ('id' in input.family) {
          const family = await families.get(input.family.id);
          if (!family)
            throw new ServiceError('not-found', 'That family is not in the register', [
              { path: 'family', message: 'Choose a family from the list' },
            ]);
          familyId = family.id;
          existingChildren = family.children;
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
          familyId = 0;
        }
        // The same child twice in one conference: a new child repeating another, or one already selected.
        const selected = existingChildren.filter((c) => input.childIds.includes(c.id));
        input.newChildren.forEach((c, i) => {
          const twin = input.newChildren.findIndex((o, j) => j < i && sameChild(c, o));
          const picked = selected.find((o) => sameChild(c, o));
          if (twin >= 0 || picked) {
            const message = `${childWords(c)} is already in this conference`;
            throw new ServiceError('invalid-input', message, [{ path: `newChildren.${i}`, message }]);
          }
        });
        if (!input.confirmedNew) {
          const found = await matches('id' in input.family ? null : input.family, input.newChildren);
          if (found.length > 0) {
            const issues = found.map((m) => ({
              path: m.newChildIndex === null ? 'family' : `newChildren.${m.newChildIndex}`,
              message: `${m.why}: choose the existing record, or confirm this is someone else`,
            }));
            throw new ServiceError('conflict', describeIssues(issues), issues);
          }
        }
        if (!('id' in input.family)) {
          familyId = await families.insertFamily(input.family.name, input.family.caseReference, at);
          await audit(ctx, actor, 'create', 'family', familyId, undefined, {
            name: input.family.name,
            caseReference: input.family.caseReference,
          });
        }
        const childIds = [...input.childIds];
        for (const child of input.newChildren) {
          const childId = await families.insertChild({ familyId, ...child }, at);
          await audit(ctx, actor, 'create', 'child', childId, undefined, { familyId, ...child });
          childIds.push(childId);
        }
        const id = await conferences.insert(
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
        const created = await mustGet(id);
        await audit(ctx, actor, 'create', 'conference', id, undefined, {
          ...created,
          confirmedNew: input.confirmedNew,
        });
        return created;
      });
    },
  };
}
export type ConferencesService = Awaited<ReturnType<typeof createConferencesService>>;
