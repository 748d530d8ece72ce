import { useCallback, useState } from 'react';

export interface FormDraft<T> {
  /** What the form's controls show. */
  values: T;
  /** The setter for one field, for its control's `onChange`. */
  set<K extends keyof T>(key: K): (value: T[K]) => void;
  /** The fields that differ from the last saved values, in the order the values list them. */
  changed: (keyof T)[];
  /** True when any field differs from the last saved values. */
  dirty: boolean;
  /** These values are now saved: pass the values that were sent, in case typing went on meanwhile. */
  commit(saved: T): void;
  /** Puts back the last saved values. */
  discard(): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's values as typed, against the values last saved, so the form knows whether (and
 * where) it has unsaved changes. One state for the whole form rather than one per field.
 */
export function useFormDraft<T extends object>(initial: () => T): FormDraft<T> {
  const [state, setState] = useState(() => {
    const values = initial();
    return { values, saved: values };
  });
  const set = useCallback(
    <K extends keyof T>(key: K) =>
      (value: T[K]) =>
        setState((s) => ({ ...s, values: { ...s.values, [key]: value } })),
    [],
  );
  const commit = useCallback((saved: T) => setState((s) => ({ ...s, saved })), []);
  const discard = useCallback(() => setState((s) => ({ ...s, values: s.saved })), []);
  const keys = Object.keys(state.values) as (keyof T)[];
  const changed = keys.filter((key) => !same(state.values[key], state.saved[key]));
  return { values: state.values, set, changed, dirty: changed.length > 0, commit, discard };
}
