import { useCallback, useEffect, useRef, useState } from 'react';
import type { SectionKey, UnsavedSection } from './types';

/** The sections in page order, named as their headings are. */
export const SECTION_LABELS: Record<SectionKey, string> = {
  register: 'Register',
  conferences: 'Conferences',
  'usual-agencies': 'Usual agencies for conferences',
  forms: 'Forms and letters',
  'closure-days': 'Unit closure days',
  'same-day-contact': 'Immediate risk: same-day contact',
  backups: 'Backups',
  retention: 'Retention',
  protocol: 'Escalation protocol',
};
const ORDER = Object.keys(SECTION_LABELS);

export interface UnsavedSections {
  /** The sections with unsaved changes, in page order. */
  keys: readonly SectionKey[];
  /** How to reach, save and discard a section's changes (for event handlers; null if it has none). */
  get(key: SectionKey): UnsavedSection | null;
  report(key: SectionKey, section: UnsavedSection | null): void;
}

/**
 * Which of the page's sections have unsaved changes. Sections report after every render; the
 * page re-renders only when the list of sections changes.
 */
export function useUnsavedSections(): UnsavedSections {
  const [keys, setKeys] = useState<readonly SectionKey[]>([]);
  const sections = useRef(new Map<SectionKey, UnsavedSection>());
  const report = useCallback((key: SectionKey, section: UnsavedSection | null) => {
    if (section) sections.current.set(key, section);
    else sections.current.delete(key);
    setKeys((previous) => {
      if (previous.includes(key) === (section !== null)) return previous;
      const next = section ? [...previous, key] : previous.filter((k) => k !== key);
      return next.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    });
  }, []);
  const get = useCallback((key: SectionKey) => sections.current.get(key) ?? null, []);
  return { keys, get, report };
}

/** A section tells the page, after each render, whether it has unsaved changes. */
export function useReportUnsaved(
  onUnsaved: (key: SectionKey, section: UnsavedSection | null) => void,
  key: SectionKey,
  section: UnsavedSection | null,
): void {
  useEffect(() => {
    onUnsaved(key, section);
  });
  useEffect(() => () => onUnsaved(key, null), [onUnsaved, key]);
}
