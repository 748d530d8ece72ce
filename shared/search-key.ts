/**
 * Search keys: how the register's search compares what is typed with names and case references,
 * ignoring case, accents and punctuation, so "zoe" finds "Zoë", "bronte" finds "Brontë",
 * "OBRIEN" and "o'brien" find "O’Brien", and "cr 2024 0012" finds "CR-2024/0012".
 *
 * The repositories store the {@link searchTerms} of each family, child and conference chair in
 * search-term tables (migration 012) and look a search's {@link searchWords} up there by prefix,
 * on an index, on both engines.
 */

/** Letters NFD does not take apart into a base letter and a mark. */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  þ: 'th',
};

/** Apostrophes of every style: dropped inside a word ("O’Brien" is "obrien"). */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032']/g;

/**
 * The normalised form of a text: lower case, accents removed (NFD, then every combining mark
 * dropped; ß, æ, ø and the like spelt out), apostrophes dropped, and every other run of what is
 * not a letter or a digit (spaces, hyphens, slashes, full stops) made one space. Pure.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[ßæœøđðħıłþ]/g, (c) => FOLDED[c] ?? c)
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Longest term kept: a prefix search never needs more, and it keeps the index small. */
export const MAX_TERM_LENGTH = 60;

/**
 * The terms a text is found by: each word of its {@link searchKey}, and, when it has several,
 * the words run together, so "van der Berg" is found by "vanderberg" and "CR-2024-0012" by
 * "cr2024". Distinct, in order of first appearance.
 */
export function searchTerms(...texts: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const words = searchKey(text).split(' ').filter(Boolean);
    for (const word of words) terms.add(word.slice(0, MAX_TERM_LENGTH));
    if (words.length > 1) terms.add(words.join('').slice(0, MAX_TERM_LENGTH));
  }
  return [...terms];
}

/** Most words of a search looked up: more narrows nothing a person would type. */
export const MAX_SEARCH_WORDS = 6;

/**
 * What a search looks for: every word must begin one of a record's terms ("zoe smi" finds Zoë
 * Smith). A search of several words is also tried as one word run together ("o brien" finds
 * O’Brien), given as `joined`. Empty `words` means the search has nothing to look for.
 */
export function searchWords(search: string): { words: string[]; joined: string | null } {
  const all = searchKey(search).split(' ').filter(Boolean);
  const words = all.slice(0, MAX_SEARCH_WORDS).map((w) => w.slice(0, MAX_TERM_LENGTH));
  const joined = all.length > 1 ? all.join('').slice(0, MAX_TERM_LENGTH) : null;
  return { words, joined };
}

/**
 * The upper bound of a prefix range: every term beginning `prefix` is `>= prefix` and
 * `< prefixEnd(prefix)` in a byte-wise (binary, "C") order, which is how the term columns are
 * compared on both engines, so the range is answered from the terms' index.
 */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
