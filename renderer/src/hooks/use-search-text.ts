import { useState } from 'react';
import { useDebouncedValue } from './use-debounced-value';

/**
 * A search box's text and the search to run: what was typed, after a short pause, or at once when
 * the form is submitted.
 */
export function useSearchText(delayMs = 250) {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const typed = useDebouncedValue(text.trim(), delayMs);
  const search = submitted !== null && submitted === text.trim() ? submitted : typed;
  return { text, setText, search, submit: () => setSubmitted(text.trim()) };
}
