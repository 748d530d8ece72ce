import type { Child, Family } from '../../../../../shared/schemas/conference';
import { sql } from 'kysely';
import { qb, type RegisterDb } from '../query';
import type { ChildRow } from '../schema';
import { searchTerms, searchWords } from '../../../../../shared/search-key';
import { termBegins } from '../sql-helpers';

function toChild(row: ChildRow): Child {
  return {
    id: row.id,
    familyId: row.family_id,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    expectedDate: row.expected_date,
    caseReference: row.case_reference,
  };
}

export interface NewChildRow {
  familyId: number;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDate: string | null;
  caseReference: string | null;
}

export function createFamiliesRepository(db: RegisterDb) {
  async function childrenOf(familyIds: readonly number[]): Promise<Map<number, Child[]>> {
    const byFamily = new Map<number, Child[]>();
    if (familyIds.length === 0) return byFamily;
    const rows = await db.all(
      qb
        .selectFrom('children')
        .selectAll()
        .where('family_id', 'in', familyIds) // Oldest first; an unborn child (expected date only) comes last.
        .orderBy(sql`coalesce(date_of_birth, expected_date)`)
        .orderBy('id'),
    );
    for (const row of rows) {
      const list = byFamily.get(row.family_id) ?? [];
      list.push(toChild(row));
      byFamily.set(row.family_id, list);
    }
    return byFamily;
  }

  return {
    /**
     * Families matching the family name, its case reference, or a child's name or reference,
     * ignoring case and accents: every word of the search begins one of their terms (or the
     * words run together do), looked up on the search-term indexes.
     */
    async search(search: string, limit: number): Promise<Family[]> {
      let query = qb.selectFrom('families').selectAll();
      const { words, joined } = searchWords(search);
      if (words.length > 0) {
        query = query.where((eb) => {
          const matches = (word: string) =>
            eb.or([
              eb('id', 'in', qb.selectFrom('family_search_terms').select('family_id').where(termBegins(word))),
              eb(
                'id',
                'in',
                qb
                  .selectFrom('children')
                  .select('family_id')
                  .where('id', 'in', qb.selectFrom('child_search_terms').select('child_id').where(termBegins(word))),
              ),
            ]);
          const every = eb.and(words.map(matches));
          return joined ? eb.or([every, matches(joined)]) : every;
        });
      }
      const rows = await db.all(query.orderBy('name').orderBy('id').limit(limit));
      const children = await childrenOf(rows.map((r) => r.id));
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        caseReference: r.case_reference,
        children: children.get(r.id) ?? [],
      }));
    },

    async get(id: number): Promise<Family | undefined> {
      const row = await db.first(qb.selectFrom('families').selectAll().where('id', '=', id));
      if (!row) return undefined;
      return {
        id: row.id,
        name: row.name,
        caseReference: row.case_reference,
        children: (await childrenOf([id])).get(id) ?? [],
      };
    },

    async insertFamily(name: string, caseReference: string | null, at: string): Promise<number> {
      const id = await db.insert(
        qb
          .insertInto('families')
          .values({ name, case_reference: caseReference, created_at: at, updated_at: at })
          .returning('id'),
      );
      const terms = searchTerms(name, caseReference);
      if (terms.length > 0) {
        await db.run(qb.insertInto('family_search_terms').values(terms.map((term) => ({ term, family_id: id }))));
      }
      return id;
    },

    async insertChild(child: NewChildRow, at: string): Promise<number> {
      const id = await db.insert(
        qb
          .insertInto('children')
          .values({
            family_id: child.familyId,
            given_name: child.givenName,
            family_name: child.familyName,
            date_of_birth: child.dateOfBirth,
            expected_date: child.expectedDate,
            case_reference: child.caseReference,
            created_at: at,
            updated_at: at,
          })
          .returning('id'),
      );
      const terms = searchTerms(child.givenName, child.familyName, child.caseReference);
      if (terms.length > 0) {
        await db.run(qb.insertInto('child_search_terms').values(terms.map((term) => ({ term, child_id: id }))));
      }
      return id;
    },

    /** Children born (or expected) on any of these dates, for spotting a child entered twice. */
    async childrenWithDates(dates: readonly string[]): Promise<Child[]> {
      if (dates.length === 0) return [];
      return (
        await db.all(
          qb
            .selectFrom('children')
            .selectAll()
            .where((eb) => eb.or([eb('date_of_birth', 'in', [...dates]), eb('expected_date', 'in', [...dates])])),
        )
      ).map(toChild);
    },

    /** Families with this case reference (ignoring case). */
    async familiesWithReference(
      reference: string,
    ): Promise<{ id: number; name: string; caseReference: string | null }[]> {
      return (
        await db.all(
          qb
            .selectFrom('families')
            .select(['id', 'name', 'case_reference'])
            .where((eb) => eb(eb.fn('lower', ['case_reference']), '=', reference.toLowerCase())),
        )
      ).map((r) => ({ id: r.id, name: r.name, caseReference: r.case_reference }));
    },

    async childrenByIds(ids: readonly number[]): Promise<Child[]> {
      if (ids.length === 0) return [];
      return (await db.all(qb.selectFrom('children').selectAll().where('id', 'in', ids))).map(toChild);
    },
  };
}
export type FamiliesRepository = Awaited<ReturnType<typeof createFamiliesRepository>>;
