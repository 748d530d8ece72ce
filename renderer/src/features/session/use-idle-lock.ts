import { useEffect, useRef } from 'react';

/**
 * A shorter idle time for end-to-end tests, in milliseconds, read from this key of the page's
 * localStorage (the e2e sets it with `page.evaluate`). It is honoured only when shorter than the
 * register's setting, so it can make the screen lock sooner but never later.
 */
export const IDLE_MS_FOR_TESTS_KEY = 'cpreg.idleMsForTests';

/** How often the idle time is checked. Measured by the clock, so a laptop waking from sleep locks at once. */
const CHECK_EVERY_MS = 500;

/** What counts as someone at the computer. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll', 'input'] as const;

/** The idle time before the screen locks: the setting, or the tests' shorter one. */
export function idleLimitMs(idleLockMinutes: number): number {
  const configured = idleLockMinutes * 60_000;
  let forTests: number | null = null;
  try {
    const raw = window.localStorage.getItem(IDLE_MS_FOR_TESTS_KEY);
    if (raw !== null && /^[1-9]\d{0,8}$/.test(raw)) forTests = Number(raw);
  } catch {
    // No storage (a locked-down profile): the setting applies.
  }
  return forTests !== null && forTests < configured ? forTests : configured;
}

/**
 * Calls `onIdle` once the keyboard, mouse and touch have been still for the idle time, while
 * `enabled`. A setting of 0 minutes or less never locks.
 */
export function useIdleLock(enabled: boolean, idleLockMinutes: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (!enabled || idleLockMinutes <= 0) return;
    let lastActivity = Date.now();
    const mark = () => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, mark, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= idleLimitMs(idleLockMinutes)) {
        lastActivity = Date.now();
        latest.current();
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, mark, { capture: true });
    };
  }, [enabled, idleLockMinutes]);
}
