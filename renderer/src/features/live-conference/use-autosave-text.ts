import { useCallback, useEffect, useRef, useState } from 'react';

/** Said beside a text the register refused, which stays in its box. */
export const NOT_SAVED = 'Not saved: the conference record keeps the earlier text until this is put right';

export interface AutosaveText {
  value: string;
  onChange(value: string): void;
  /** Saves at once (on blur), if the text differs from the register's. */
  onBlur(): void;
  /** Sends the box's text now with another control's change (a view chosen), instead of a timed save. */
  sendWith(send: (text: string) => Promise<boolean>): void;
  /** Drops a pending timed save, and lets the box follow the register again (its text is being replaced). */
  cancel(): void;
  /** The register refused the text in the box and still holds its earlier text. */
  refused: boolean;
}

/**
 * The error to show beside an autosaved box: the register's own, and that the text is not
 * saved for as long as the box holds a refused text.
 */
export function withNotSaved(error: string | undefined, refused: boolean): string | undefined {
  if (!refused) return error;
  return error ? `${error.replace(/\.$/, '')}. ${NOT_SAVED}` : NOT_SAVED;
}

/**
 * A text field saved as it is typed: after `delay` ms without a keystroke, and on blur. `save`
 * resolves to whether the register took the text, or is null when nothing can be sent yet.
 *
 * The draft is the user's own while they type and while a save is on its way; it follows the
 * register's value again once the register has taken it, unless the register's value is just
 * the same text trimmed (so a trailing space being typed is not taken away). A refused text
 * stays in the box (the screen shows the register's value everywhere else) until the user
 * changes it; it is not sent again as it stands.
 */
export function useAutosaveText(
  saved: string,
  save: (text: string) => Promise<boolean> | null,
  onDirtyChange: (dirty: boolean) => void,
  delay = 700,
): AutosaveText {
  const [draft, setDraft] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const [sending, setSending] = useState(0);
  const [refused, setRefused] = useState(false);
  // null: compare again with the register's value on the next render (after a save is answered).
  const [seen, setSeen] = useState<string | null>(saved);
  if (saved !== seen) {
    setSeen(saved);
    // The register's value changed (our own save answered, or views were copied): follow it
    // unless the box holds text the register does not have: typed, on its way, or refused.
    if (!dirty && sending === 0 && !refused && saved.trim() !== draft.trim()) setDraft(saved);
  }

  const timer = useRef<number | null>(null);
  /** The number of the latest send: only its answer decides whether the box holds a refused text. */
  const sent = useRef(0);
  const refusedText = useRef<string | null>(null);
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

  const stopTyping = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setDirty(false);
    latest.current.onDirtyChange(false);
  }, []);

  const track = useCallback((text: string, answer: Promise<boolean> | null) => {
    if (answer === null) return;
    sent.current += 1;
    const number = sent.current;
    setSending((n) => n + 1);
    void answer.then((ok) => {
      setSending((n) => n - 1);
      if (number !== sent.current) {
        setSeen(null);
        return;
      }
      refusedText.current = ok ? null : text;
      setRefused(!ok);
      if (ok) setSeen(null);
    });
  }, []);

  const flush = useCallback(
    (text: string) => {
      stopTyping();
      // Refused as it stands: sending it again would only be refused again.
      if (text === refusedText.current) return;
      if (text.trim() === latest.current.saved.trim()) {
        refusedText.current = null;
        setRefused(false);
        return;
      }
      track(text, latest.current.save(text));
    },
    [stopTyping, track],
  );

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
    stopTyping();
    // Answers still on their way no longer decide what the box holds.
    sent.current += 1;
    refusedText.current = null;
    setRefused(false);
    setSeen(null);
  }, [stopTyping]);

  return {
    value: draft,
    onChange,
    onBlur: () => flush(draft),
    sendWith: (send) => {
      stopTyping();
      track(draft, send(draft));
    },
    cancel,
    refused,
  };
}
