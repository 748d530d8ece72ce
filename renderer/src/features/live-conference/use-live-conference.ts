import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../../shared/ipc/result';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { errorsFromApi, type FieldRef, type FormError } from '../../components/form-errors';

/** How often an open chair's screen asks the register for changes others made (an office marking a report received). */
export const LIVE_REFRESH_MS = 2000;

/** What the "Saved" indicator says. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface ChangeOptions {
  /** Shows the change at once, before the register answers (radios must not spring back). */
  patch?(live: LiveConference): LiveConference;
  /** Maps an issue's path to the field the error summary links to. */
  fieldFor?(path: string): FieldRef;
  /**
   * An action the chair asked for (record a decision, invite, re-date) rather than an entry
   * saved as made: its refusal is a problem to fix, not an entry left unsaved.
   */
  action?: boolean;
  /**
   * Where its refusal's error summary is shown: the id of a summary beside the control (a
   * child's decision), so the page does not jump to the top; without it, at the top of the page.
   */
  summaryAt?: string;
}

export interface LiveConferenceState {
  live: LiveConference | null;
  loadError: ApiError | null;
  errors: FormError[];
  /** Where the errors' summary is shown: a `summaryAt` of the refused change, or null for the top of the page. */
  errorsAt: string | null;
  setErrors(errors: FormError[]): void;
  status: SaveStatus;
  /**
   * Sends one change. Changes go one after another, in the order made, and every `live.*`
   * change answers with the whole conference, so the screen never asks again. Resolves to the
   * conference as the register now holds it, or null if the change was refused.
   */
  change(call: () => Promise<Result<LiveConference>>, options?: ChangeOptions): Promise<LiveConference | null>;
  /** A text field holds typing not yet sent (so the indicator says "Saving…", not "Saved"). */
  markDirty(key: string, dirty: boolean): void;
  /**
   * The conference as the register last answered: inside a queued change's call, the register's
   * state after every earlier change (a check made then sees what was typed just before).
   */
  latest(): LiveConference | null;
  /** When the screen last took in changes someone else made while it was open (null: none yet). */
  othersChangedAt: Date | null;
  /** Loads the conference as the register now holds it (after a change refused as out of date). */
  reload(): void;
}

/**
 * The chair's screen's data: one `live.get` on load, then each change's answer. While changes
 * are queued, the screen shows the latest answer with the queued changes applied on top; when
 * the queue empties it shows the register's own state (so a refused change is undone; a text box
 * keeps refused text, see `use-autosave-text.ts`). Every two seconds, while the window is in view
 * and no change of its own is on its way, it asks again and shows what others changed (on a unit
 * register an officer may mark a report received while the chair records views); text being typed
 * stays as typed.
 */
export function useLiveConference(id: number): LiveConferenceState {
  const [live, setLive] = useState<LiveConference | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [errors, setErrorList] = useState<FormError[]>([]);
  const [errorsAt, setErrorsAt] = useState<string | null>(null);
  const setErrors = useCallback((list: FormError[], at: string | null = null) => {
    setErrorList(list);
    setErrorsAt(list.length > 0 ? at : null);
  }, []);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [othersChangedAt, setOthersChangedAt] = useState<Date | null>(null);

  const server = useRef<LiveConference | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const dirty = useRef(new Set<string>());
  const lastFailed = useRef(false);
  const anySaved = useRef(false);
  /** Counts answered changes: a refresh asked before one was answered is out of date. */
  const answered = useRef(0);
  const [loads, setLoads] = useState(0);

  const refreshStatus = useCallback(() => {
    if (pending.current > 0 || dirty.current.size > 0) setStatus('saving');
    else if (lastFailed.current) setStatus('failed');
    else setStatus(anySaved.current ? 'saved' : 'idle');
  }, []);

  useEffect(() => {
    let current = true;
    void invoke('live.get', { id }).then((result) => {
      if (!current) return;
      if (result.ok) {
        server.current = result.value;
        setLive(result.value);
        setErrors([]);
      } else {
        setLoadError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [id, loads, setErrors]);

  useEffect(() => {
    let current = true;
    const timer = window.setInterval(() => {
      if (document.hidden || pending.current > 0 || server.current === null) return;
      const before = answered.current;
      void invoke('live.get', { id }).then((result) => {
        if (!current || !result.ok || pending.current > 0 || answered.current !== before) return;
        if (JSON.stringify(result.value) === JSON.stringify(server.current)) return;
        server.current = result.value;
        setLive(result.value);
        setOthersChangedAt(new Date());
      });
    }, LIVE_REFRESH_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [id]);

  const change = useCallback(
    (call: () => Promise<Result<LiveConference>>, options: ChangeOptions = {}) => {
      pending.current += 1;
      refreshStatus();
      const { patch } = options;
      if (patch) setLive((previous) => (previous ? patch(previous) : previous));
      const done = queue.current.then(async () => {
        const result = await call();
        pending.current -= 1;
        answered.current += 1;
        if (result.ok) {
          server.current = result.value;
          lastFailed.current = false;
          anySaved.current = true;
          setErrors([]);
        } else {
          if (!options.action) lastFailed.current = true;
          setErrors(errorsFromApi(result.error, options.fieldFor), options.summaryAt ?? null);
        }
        // Later changes are still on their way: keep showing them until their answers arrive.
        if (pending.current === 0) setLive(server.current);
        refreshStatus();
        return result.ok ? result.value : null;
      });
      queue.current = done;
      return done;
    },
    [refreshStatus, setErrors],
  );

  const markDirty = useCallback(
    (key: string, isDirty: boolean) => {
      if (isDirty) dirty.current.add(key);
      else dirty.current.delete(key);
      refreshStatus();
    },
    [refreshStatus],
  );

  const latest = useCallback(() => server.current, []);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  return { live, loadError, errors, errorsAt, setErrors, status, change, markDirty, latest, othersChangedAt, reload };
}
