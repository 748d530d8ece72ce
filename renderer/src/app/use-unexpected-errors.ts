import { useCallback, useEffect, useRef, useState } from 'react';

export interface UnexpectedErrors {
  /** The latest error no screen handled (in an event handler, a timer, a promise) on this screen, or null. */
  message: string | null;
  dismiss(): void;
}

function messageOf(reason: unknown): string {
  // Only an Error's message is shown: anything else thrown could be a record's contents.
  return reason instanceof Error && reason.message ? reason.message : 'No details were given';
}

/**
 * Listens for errors that escape every screen: `error` events from scripts and promise
 * rejections nobody handled. They never unmount anything; the app shell shows a notice so the
 * user knows something did not happen, rather than silently nothing. The notice belongs to
 * the screen it happened on: `navigation` (the route's count) moving on clears it.
 */
export function useUnexpectedErrors(navigation: number): UnexpectedErrors {
  const [error, setError] = useState<{ message: string; navigation: number } | null>(null);
  const current = useRef(navigation);
  useEffect(() => {
    current.current = navigation;
  });
  useEffect(() => {
    const report = (reason: unknown) => setError({ message: messageOf(reason), navigation: current.current });
    const onError = (event: ErrorEvent) => {
      // Errors without an error object (a ResizeObserver loop notice, a script from elsewhere) are not ours to report.
      if (event.error === null || event.error === undefined) return;
      report(event.error);
    };
    const onRejection = (event: PromiseRejectionEvent) => report(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);
  const dismiss = useCallback(() => setError(null), []);
  return { message: error !== null && error.navigation === navigation ? error.message : null, dismiss };
}
