import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { ApiError, Result } from '../../../../shared/ipc/result';
import type { BatchStatus } from '../../../../shared/schemas/documents';
import { invoke } from '../../api/client';

/** How often a running batch is asked for its progress. */
const POLL_MS = 250;

export interface BatchState {
  /** The latest status of the batch started here, or null before one starts. */
  status: BatchStatus | null;
  /** Asking for progress failed (the batch was forgotten, or the register stopped). */
  pollError: ApiError | null;
  start(input: ChannelInput<'documents.startBatch'>): Promise<Result<BatchStatus>>;
  clear(): void;
}

/**
 * Starts a batch of documents and follows it: the register writes them in the background and
 * this asks for its status every quarter of a second until it has finished.
 */
export function useBatch(): BatchState {
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [pollError, setPollError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!status || status.state === 'finished') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void invoke('documents.batchStatus', { id: status.id }).then((result) => {
        if (!current) return;
        if (result.ok) setStatus(result.value);
        else setPollError(result.error);
      });
    }, POLL_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [status]);

  const start = useCallback(async (input: ChannelInput<'documents.startBatch'>) => {
    setPollError(null);
    const result = await invoke('documents.startBatch', input);
    if (result.ok) setStatus(result.value);
    return result;
  }, []);

  const clear = useCallback(() => {
    setStatus(null);
    setPollError(null);
  }, []);

  return { status, pollError, start, clear };
}
