import type { FormError } from '../../components/form-errors';

/** The Settings sections whose changes are saved by a button, so can be left unsaved. */
export type SectionKey =
  | 'register'
  | 'conferences'
  | 'usual-agencies'
  | 'forms'
  | 'closure-days'
  | 'same-day-contact'
  | 'protocol'
  | 'backups'
  | 'retention';

/** How a section with unsaved changes is named, reached, saved and discarded from the page's warning. */
export interface UnsavedSection {
  /** The field to focus to show the user the change: the first changed one. */
  fieldId: string;
  /** Saves the section as its own button would; resolves to whether it was saved. */
  save(): Promise<boolean>;
  /** Puts back the saved values. */
  discard(): void;
}

export interface SectionProps {
  /** All the page's errors; each section shows those of its own fields (their ids differ). */
  errors: readonly FormError[];
  /** A section's submit failed: these replace the page's errors. */
  onErrors(errors: FormError[]): void;
  /** A section's submit succeeded: a success banner at the top of the page. */
  onSuccess(heading: string, body?: string): void;
  /**
   * A section says, after each render, whether it has unsaved changes (and how to save or
   * discard them), or null when it has none.
   */
  onUnsaved(key: SectionKey, section: UnsavedSection | null): void;
}
