import { MONTHS } from '../dates';
import { initials } from '../escalation-protocols';

/**
 * What every generated document carries on each page: its title, the partnership's name and the
 * protective marking, and the date it was generated (which also fixes the PDF's creation date,
 * so the same record and date give the same bytes).
 */
export interface DocumentFrame {
  title: string;
  partnership: string;
  marking: string;
  /** YYYY-MM-DD */
  generatedOn: string;
}

/** "5 October 2026", the form GOV.UK style uses for dates in documents; blank stays null. */
export function formatDate(isoDate: string | null | undefined): string | null {
  if (!isoDate) return null;
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A child's or family's name as a document may show it: in full, or as initials when asked. */
export function nameFor(name: string, initialsOnly: boolean): string {
  return initialsOnly ? initials(name) : name;
}

/** A safe file-name part: ASCII letters, digits and hyphens only (never a child's name). */
const LATIN_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
};

export function slug(text: string): string {
  return (
    text
      .replace(/[ŁłØøĐđßÆæŒœÞþ]/g, (c) => LATIN_LETTERS[c] ?? c)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'record'
  );
}
