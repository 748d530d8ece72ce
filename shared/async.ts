/**
 * The items for which `keep` answers true, in order; `keep` runs on one item at a time (a
 * register's reads are asynchronous, and one transaction answers them one after another).
 */
export async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (const item of items) if (await keep(item)) kept.push(item);
  return kept;
}

/** `map` for an asynchronous function, one item at a time, in order. */
export async function mapAsync<T, U>(items: readonly T[], fn: (item: T, index: number) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (const [index, item] of items.entries()) out.push(await fn(item, index));
  return out;
}
