import { sql, type RawBuilder } from 'kysely';

/** `%search%` with LIKE's wildcards in the search escaped, for use with `ESCAPE '\'`. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * True where any of the columns contains `search` (case-insensitive for ASCII, as SQLite's LIKE).
 * Null columns never match.
 */
export function anyColumnContains(columns: readonly string[], search: string): RawBuilder<boolean> {
  const pattern = likePattern(search);
  return sql<boolean>`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} LIKE ${pattern} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}
