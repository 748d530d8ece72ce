/**
 * Names as the register compares them to catch duplicates: ignoring case, accents, the style of
 * apostrophe (’ ' ` ´ ʼ) and spacing, so "St Mary’s Hospital", "st marys  hospital" and
 * "St Mary's Hospital" are one name, and "Zoë" typed as "Zoe" is the same child.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032']/g, "'")
    .replace(/\s+/g, '');
}

/** Whether two names are the same name by {@link nameKey}. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
