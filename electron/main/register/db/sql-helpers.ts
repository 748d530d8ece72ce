import { sql, type RawBuilder } from 'kysely';
import { prefixEnd } from '../../../../shared/search-key';

/** `%search%` with LIKE's wildcards in the search escaped, for use with `ESCAPE '\'`. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * True where any of the columns contains `search`, ignoring the case of ASCII letters on both
 * engines (PostgreSQL's LIKE minds case; SQLite's does not; `lower` on both sides is the same on each).
 * Null columns never match.
 */
export function anyColumnContains(columns: readonly string[], search: string): RawBuilder<boolean> {
  const pattern = likePattern(search);
  return sql<boolean>`(${sql.join(
    columns.map((c) => sql`lower(${sql.ref(c)}) LIKE lower(${pattern}) ESCAPE '\\'`),
    sql` OR `,
  )})`;
}

/**
 * `<table>.version + 1`: every update of a row of a versioned table counts its version up
 * (migration 011), so a screen holding the version it loaded can tell whether anyone has changed
 * the row since. Qualified, so it reads the stored row in an upsert's update on both engines.
 */
export function nextVersion(table: string): RawBuilder<number> {
  return sql<number>`${sql.ref(`${table}.version`)} + 1`;
}

/**
 * `term` begins `prefix`, as a range on the search-term tables' key (migration 012), which both
 * engines answer from the index: the terms compare byte-wise (SQLite's binary collation,
 * PostgreSQL's `COLLATE "C"`), so every term beginning the prefix lies between it and
 * `prefixEnd(prefix)`. (A `LIKE 'prefix%'` would need SQLite's `case_sensitive_like` or a NOCASE
 * index to use an index; the range needs neither.)
 */
export function termBegins(prefix: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref('term')} >= ${prefix} AND ${sql.ref('term')} < ${prefixEnd(prefix)})`;
}
