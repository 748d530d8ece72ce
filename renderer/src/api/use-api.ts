import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/result';
import { invoke } from './client';

export interface ApiState<T> {
  /** The latest value received; kept while a newer request runs, so lists do not flicker. */
  data: T | undefined;
  /** The error of the latest request, if it failed. */
  error: ApiError | null;
  /** True until the latest request has answered. */
  loading: boolean;
  /** Asks again (after a change elsewhere). */
  reload(): void;
}

interface Answer<T> {
  request: string;
  data: T | undefined;
  error: ApiError | null;
}

/** Reads from the register through the api client, again whenever the input changes. */
export function useApi<C extends Channel>(channel: C, input: ChannelInput<C>): ApiState<ChannelOutput<C>> {
  // The input is plain JSON, so its serialisation is a stable dependency (callers pass literals).
  const key = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<ChannelOutput<C>>>({ request: '', data: undefined, error: null });
  const request = `${channel}:${version}:${key}`;

  useEffect(() => {
    let current = true;
    void invoke(channel, JSON.parse(key) as ChannelInput<C>).then((result) => {
      if (!current) return;
      setAnswer((previous) =>
        result.ok
          ? { request, data: result.value, error: null }
          : { request, data: previous.data, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [channel, key, request]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.request !== request, reload };
}
