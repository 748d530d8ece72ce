import { z } from 'zod';

/** Rows on a page unless the caller asks for another number. */
export const DEFAULT_PAGE_SIZE = 25;
/** Most rows one page may hold. */
export const MAX_PAGE_SIZE = 200;

export const sortDirectionSchema = z.enum(['asc', 'desc'], { error: 'Direction must be asc or desc' });
export type SortDirection = z.infer<typeof sortDirectionSchema>;

/**
 * The paging and sorting fields of a list's input: which page (from 1), how many rows on it
 * (25 unless asked, at most 200), the column to sort by (one of the list's own) and which way.
 * Spread into the list's `strictObject` beside its filters.
 */
export function pagingFields<const C extends readonly [string, ...string[]]>(
  columns: C,
  defaults: { sort: C[number]; direction: SortDirection },
) {
  return {
    page: z
      .number({ error: 'Page must be a number' })
      .int('Page must be a whole number')
      .min(1, 'Page must be 1 or more')
      .max(1_000_000, 'Page must be 1,000,000 or less')
      .default(1),
    pageSize: z
      .number({ error: 'Page size must be a number' })
      .int('Page size must be a whole number')
      .min(1, 'Page size must be 1 or more')
      .max(MAX_PAGE_SIZE, `Page size must be ${MAX_PAGE_SIZE} or less`)
      .default(DEFAULT_PAGE_SIZE),
    sort: z
      .enum(columns, { error: `Sort must be one of ${columns.join(', ')}` })
      .default(defaults.sort as C[number] & string),
    direction: sortDirectionSchema.default(defaults.direction),
  };
}

/** What a list's service is asked for: the parsed paging fields. */
export interface PageRequest<S extends string = string> {
  page: number;
  pageSize: number;
  sort: S;
  direction: SortDirection;
}

/** One page of a list: its rows, how many rows there are in all, and which page this is. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Rows to skip before the page. */
export function pageOffset(p: Pick<PageRequest, 'page' | 'pageSize'>): number {
  return (p.page - 1) * p.pageSize;
}

/**
 * A page cut from a list already sorted in memory: for lists computed in TypeScript (a clock
 * per row, counts per agency), whose order SQL cannot give.
 */
export function pageFromSorted<T>(sorted: readonly T[], p: Pick<PageRequest, 'page' | 'pageSize'>): Page<T> {
  const start = pageOffset(p);
  return { items: sorted.slice(start, start + p.pageSize), total: sorted.length, page: p.page, pageSize: p.pageSize };
}

/**
 * Compares two rows by one column's value for a sort in memory, in `direction`: text by the
 * en-GB collation (accents and case second), numbers and booleans by value, missing last.
 */
export function compareBy<T>(value: (row: T) => string | number | boolean | null, direction: SortDirection) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: T, b: T): number => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'string' && typeof y === 'string') return sign * x.localeCompare(y, 'en-GB');
    return sign * (Number(x) < Number(y) ? -1 : 1);
  };
}
