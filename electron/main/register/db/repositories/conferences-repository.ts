import type {
  ConferenceSort,
  ConferenceStatus,
  ConferenceSummary,
  ConferenceType,
} from '../../../../../shared/schemas/conference';
import { sql } from 'kysely';
import { qb, type RegisterDb } from '../query';
import type { Page, PageRequest } from '../../../../../shared/schemas/paging';
import { pageOffset } from '../../../../../shared/schemas/paging';
import { searchTerms, searchWords } from '../../../../../shared/search-key';
import { nextVersion, termBegins } from '../sql-helpers';

export interface NewConferenceRow {
  type: ConferenceType;
  date: string;
  time: string;
  venue: string;
  chairName: string;
  familyId: number;
  childIds: readonly number[];
}

/** Rows per multi-row INSERT: well under SQLite's variable limit, and fast (see the bench). */
const BATCH = 500;

export function createConferencesRepository(db: RegisterDb) {
  async function summaries(ids: readonly number[]): Promise<ConferenceSummary[]> {
    if (ids.length === 0) return [];
    const rows = await db.all(
      qb
        .selectFrom('conferences as c')
        .innerJoin('families as f', 'f.id', 'c.family_id')
        .select([
          'c.id',
          'c.type',
          'c.status',
          'c.cancelled_on',
          'c.date',
          'c.time',
          'c.venue',
          'c.chair_name',
          'c.family_id',
          'f.name as family_name',
          'c.version',
        ])
        .where('c.id', 'in', ids),
    );
    const children = await db.all(
      qb
        .selectFrom('conference_children as cc')
        .innerJoin('children as ch', 'ch.id', 'cc.child_id')
        .select(['cc.conference_id', 'ch.id', 'ch.given_name', 'ch.family_name'])
        .where('cc.conference_id', 'in', ids)
        .orderBy(sql`coalesce(ch.date_of_birth, ch.expected_date)`)
        .orderBy('ch.id'),
    );
    const byConference = new Map<number, ConferenceSummary['children']>();
    for (const c of children) {
      const list = byConference.get(c.conference_id) ?? [];
      list.push({ id: c.id, givenName: c.given_name, familyName: c.family_name });
      byConference.set(c.conference_id, list);
    }
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          type: r.type as ConferenceType,
          status: r.cancelled_on ? 'cancelled' : (r.status as ConferenceStatus),
          date: r.date,
          time: r.time,
          venue: r.venue,
          chairName: r.chair_name,
          familyId: r.family_id,
          familyName: r.family_name,
          children: byConference.get(r.id) ?? [],
          version: r.version,
        } satisfies ConferenceSummary,
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  return {
    /** Inserts conferences with their children, in batches; returns the new ids in order. */
    async insertMany(rows: readonly NewConferenceRow[], at: string): Promise<number[]> {
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const inserted = await db.all(
          qb
            .insertInto('conferences')
            .values(
              batch.map((r) => ({
                type: r.type,
                date: r.date,
                time: r.time,
                venue: r.venue,
                chair_name: r.chairName,
                family_id: r.familyId,
                created_at: at,
                updated_at: at,
              })),
            )
            .returning('id'),
        );
        const links = batch.flatMap((r, i) => {
          const id = inserted[i]?.id;
          if (id === undefined) throw new Error('Conference insert returned fewer ids than rows');
          ids.push(id);
          return r.childIds.map((childId) => ({ conference_id: id, child_id: childId }));
        });
        for (let l = 0; l < links.length; l += BATCH) {
          await db.run(qb.insertInto('conference_children').values(links.slice(l, l + BATCH)));
        }
        const terms = batch.flatMap((r, i) =>
          searchTerms(r.chairName).map((term) => ({ term, conference_id: ids[start + i] ?? 0 })),
        );
        for (let t = 0; t < terms.length; t += BATCH) {
          await db.run(qb.insertInto('conference_search_terms').values(terms.slice(t, t + BATCH)));
        }
      }
      return ids;
    },

    async insert(row: NewConferenceRow, at: string): Promise<number> {
      const [id] = await this.insertMany([row], at);
      if (id === undefined) throw new Error('Conference insert returned no id');
      return id;
    },

    async get(id: number): Promise<ConferenceSummary | undefined> {
      return (await summaries([id]))[0];
    },

    /**
     * Corrects a scheduled conference's date, time, venue or chair. False when `version` is given
     * and the row no longer has it (someone else saved first): nothing is written.
     */
    async update(
      id: number,
      fields: { date: string; time: string; venue: string; chairName: string },
      at: string,
      version?: number,
    ): Promise<boolean> {
      let query = qb
        .updateTable('conferences')
        .set({
          date: fields.date,
          time: fields.time,
          venue: fields.venue,
          chair_name: fields.chairName,
          updated_at: at,
          version: nextVersion('conferences'),
        })
        .where('id', '=', id);
      if (version !== undefined) query = query.where('version', '=', version);
      if ((await db.run(query)).changes === 0) return false;
      await this.writeSearchTerms(id, fields.chairName);
      return true;
    },

    /** False when `version` is given and the row no longer has it: nothing is written. */
    async cancel(id: number, on: string, reason: string, at: string, version?: number): Promise<boolean> {
      let query = qb
        .updateTable('conferences')
        .set({ cancelled_on: on, cancel_reason: reason, updated_at: at, version: nextVersion('conferences') })
        .where('id', '=', id);
      if (version !== undefined) query = query.where('version', '=', version);
      return (await db.run(query)).changes > 0;
    },

    /**
     * What has been recorded on a conference, by kind (attendance, reports, views, decisions,
     * escalations, documents, a reconvened conference): a conference made by mistake can be
     * deleted only while every count is 0.
     */
    async recordedOn(id: number): Promise<Record<string, number>> {
      const count = (n: { n: number | string } | undefined) => Number(n?.n ?? 0);
      const countWhere = async (table: 'child_views' | 'child_no_views' | 'child_outcomes') =>
        count(
          await db.first(
            qb
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('conference_id', '=', id),
          ),
        );
      return {
        attendance: count(
          await db.first(
            qb
              .selectFrom('conference_agencies')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('conference_id', '=', id)
              .where('attendance', 'is not', null),
          ),
        ),
        reports: count(
          await db.first(
            qb
              .selectFrom('conference_agencies')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('conference_id', '=', id)
              .where('report', '!=', 'awaited'),
          ),
        ),
        views: (await countWhere('child_views')) + (await countWhere('child_no_views')),
        decisions: await countWhere('child_outcomes'),
        'agency escalations': count(
          await db.first(
            qb
              .selectFrom('agency_escalations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('conference_id', '=', id),
          ),
        ),
        escalations: count(
          await db.first(
            qb
              .selectFrom('escalations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('conference_id', '=', id),
          ),
        ),
        documents: count(
          await db.first(
            qb
              .selectFrom('generated_documents')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('entity', '=', 'conference')
              .where('entity_id', '=', id),
          ),
        ),
        'reconvened conferences': count(
          await db.first(
            qb
              .selectFrom('conferences')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('reconvenes_id', '=', id),
          ),
        ),
      };
    },

    /** Deletes a conference made by mistake, with its invitations and children links (nothing else may refer to it). */
    async delete(id: number): Promise<void> {
      await db.run(qb.deleteFrom('conference_agencies').where('conference_id', '=', id));
      await db.run(qb.deleteFrom('conference_tasks').where('conference_id', '=', id));
      await db.run(qb.deleteFrom('conference_children').where('conference_id', '=', id));
      await db.run(qb.deleteFrom('conference_search_terms').where('conference_id', '=', id));
      await db.run(qb.deleteFrom('conferences').where('id', '=', id));
    },

    /**
     * A page of conferences in the order asked (ties newest first). The search ignores case and
     * accents: every word of it must begin a term of the family (name, case reference), of a
     * child in the conference (names, case reference) or of the chair's name (or the words run
     * together must), each looked up on its search-term index.
     */
    async list(search: string, p: PageRequest<ConferenceSort>): Promise<Page<ConferenceSummary>> {
      let query = qb.selectFrom('conferences as c').innerJoin('families as f', 'f.id', 'c.family_id');
      const { words, joined } = searchWords(search);
      if (words.length > 0) {
        query = query.where((eb) => {
          const matches = (word: string) =>
            eb.or([
              eb('c.family_id', 'in', qb.selectFrom('family_search_terms').select('family_id').where(termBegins(word))),
              eb(
                'c.id',
                'in',
                // Matching children first (a small set), then their conferences by the child index.
                qb
                  .selectFrom('conference_children')
                  .select('conference_id')
                  .where(
                    'child_id',
                    'in',
                    qb.selectFrom('child_search_terms').select('child_id').where(termBegins(word)),
                  ),
              ),
              eb(
                'c.id',
                'in',
                qb.selectFrom('conference_search_terms').select('conference_id').where(termBegins(word)),
              ),
            ]);
          const every = eb.and(words.map(matches));
          return joined ? eb.or([every, matches(joined)]) : every;
        });
      }
      const total = Number((await db.first(query.select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0);
      const column = {
        date: sql`c.date`,
        type: sql`c.type`,
        status: sql`CASE WHEN c.cancelled_on IS NULL THEN c.status ELSE 'cancelled' END`,
        family: sql`lower(f.name)`,
        chair: sql`lower(c.chair_name)`,
        venue: sql`lower(c.venue)`,
      }[p.sort];
      let ordered = query.select('c.id').orderBy(column, p.direction);
      if (p.sort === 'date') ordered = ordered.orderBy('c.time', p.direction);
      const ids = (
        await db.all(
          ordered
            .orderBy('c.date', 'desc')
            .orderBy('c.time', 'desc')
            .orderBy('c.id', 'desc')
            .limit(p.pageSize)
            .offset(pageOffset(p)),
        )
      ).map((r) => r.id);
      return { items: await summaries(ids), total, page: p.page, pageSize: p.pageSize };
    },

    /** Replaces a conference's search terms (its chair's name) after it is made or corrected. */
    async writeSearchTerms(id: number, chairName: string): Promise<void> {
      await db.run(qb.deleteFrom('conference_search_terms').where('conference_id', '=', id));
      const terms = searchTerms(chairName);
      if (terms.length > 0) {
        await db.run(
          qb.insertInto('conference_search_terms').values(terms.map((term) => ({ term, conference_id: id }))),
        );
      }
    },
  };
}
export type ConferencesRepository = Awaited<ReturnType<typeof createConferencesRepository>>;
