import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Input, Output } from '../../../electron/ipc/contract';
import { errorMessage, invoke } from '../api';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Fetches again; resolves when the new data is in. */
  reload: () => Promise<void>;
}

/** Loads one channel's data for a page; a late answer to an outdated call is ignored. */
export function useInvoke<C extends Channel>(channel: C, input: Input<C>): Loaded<Output<C>> {
  const inputKey = JSON.stringify(input);
  const [data, setData] = useState<Output<C>>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const latestCall = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latestCall.current;
    setLoading(true);
    try {
      const value = await invoke(channel, JSON.parse(inputKey) as Input<C>);
      if (call === latestCall.current) {
        setData(value);
        setError(null);
      }
    } catch (failure) {
      if (call === latestCall.current) setError(errorMessage(failure));
    } finally {
      if (call === latestCall.current) setLoading(false);
    }
  }, [channel, inputKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
