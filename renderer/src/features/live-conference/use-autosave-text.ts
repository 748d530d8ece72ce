import { useCallback, useEffect, useRef, useState } from 'react';

export interface AutosaveText {
  value: string;
  onChange(value: string): void;
  /** Saves at once (on blur), if the text differs from the register's. */
  onBlur(): void;
  /** Drops a pending timed save (when another control sends the text itself). */
  cancel(): void;
}

/**
 * A text field saved as it is typed: after `delay` ms without a keystroke, and on blur. The
 * draft is the user's own while they type; it follows the register's value again once sent,
 * unless the register's value is just the same text trimmed (so a trailing space being typed
 * is not taken away).
 */
export function useAutosaveText(
  saved: string,
  save: (text: string) => void,
  onDirtyChange: (dirty: boolean) => void,
  delay = 700,
): AutosaveText {
  const [draft, setDraft] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    // The register's value changed (our own save answered, or views were copied): follow it
    // unless the user has typed since.
    setSeen(saved);
    if (!dirty && saved.trim() !== draft.trim()) setDraft(saved);
  }

  const timer = useRef<number | null>(null);
  const latest = useRef({ saved, save, onDirtyChange });
  useEffect(() => {
    latest.current = { saved, save, onDirtyChange };
  });
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const flush = useCallback((text: string) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setDirty(false);
    latest.current.onDirtyChange(false);
    if (text.trim() !== latest.current.saved.trim()) latest.current.save(text);
  }, []);

  const onChange = useCallback(
    (text: string) => {
      setDraft(text);
      setDirty(true);
      latest.current.onDirtyChange(true);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => flush(text), delay);
    },
    [delay, flush],
  );

  const cancel = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setDirty(false);
    latest.current.onDirtyChange(false);
  }, []);

  return { value: draft, onChange, onBlur: () => flush(draft), cancel };
}
