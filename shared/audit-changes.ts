/**
 * What an audit event keeps of a write: the values before and after of what changed, nothing
 * else (so a record's history reads as its changes, and an unchanged field is not repeated).
 * Plain objects and arrays are compared member by member (an array's members keyed by index);
 * anything else is compared as its JSON. A member present on one side only is kept on that side.
 */
export interface Changes {
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown> | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The differing members of two values: [before, after], or null when they are the same. */
function diff(a: unknown, b: unknown): [unknown, unknown] | null {
  if (same(a, b)) return null;
  const bothObjects = isPlainObject(a) && isPlainObject(b);
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  if (!bothObjects && !bothArrays) return [a, b];
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const d = diff(left[key], right[key]);
    if (!d) continue;
    if (d[0] !== undefined) before[key] = d[0];
    if (d[1] !== undefined) after[key] = d[1];
  }
  return [before, after];
}

/**
 * The changed fields of a record, before and after, with `keep` (what names the change: which
 * child, which agency) on both sides. A record created has no before; one deleted has no after.
 */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  keep: Record<string, unknown> = {},
): Changes {
  if (before === null || before === undefined) {
    return { before: undefined, after: after === null || after === undefined ? undefined : { ...keep, ...after } };
  }
  if (after === null || after === undefined) return { before: { ...keep, ...before }, after: undefined };
  const d = diff(before, after) as [Record<string, unknown>, Record<string, unknown>] | null;
  return { before: { ...keep, ...(d?.[0] ?? {}) }, after: { ...keep, ...(d?.[1] ?? {}) } };
}
