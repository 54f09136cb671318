import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { ApiError } from '../api/api-error';
import { useSession } from '../session/session';
import { asApiError } from './problems';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; refreshing: boolean }
  | { status: 'error'; error: ApiError };

export interface ApiResource<T> {
  state: Resource<T>;
  /** Loads again, keeping what is shown until the answer arrives. */
  reload(): void;
  /** Changes the loaded data in place (optimistic updates, answers of writes). */
  update(change: (data: T) => T): void;
}

interface Stored<T> {
  key: string;
  api: ApiClient;
  resource: Resource<T>;
}

const LOADING = { status: 'loading' } as const;

/**
 * Loads something from the API for the signed-in person: again whenever `key` or the person
 * changes (demo person switcher), abandoning answers that arrive too late to matter. What was
 * loaded for another key or person is never shown: the state is loading until the new answer.
 */
export function useApiResource<T>(key: string, load: (api: ApiClient, signal: AbortSignal) => Promise<T>): ApiResource<T> {
  const { api } = useSession();
  const [stored, setStored] = useState<Stored<T> | undefined>();
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const abort = new AbortController();
    setStored((previous) => previous && previous.key === key && previous.api === api && previous.resource.status === 'ready'
      ? { ...previous, resource: { ...previous.resource, refreshing: true } }
      : previous);
    loadRef.current(api, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setStored({ key, api, resource: { status: 'ready', data, refreshing: false } });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setStored({ key, api, resource: { status: 'error', error: asApiError(error) } });
      },
    );
    return () => abort.abort();
  }, [api, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (data: T) => T) => {
    setStored((previous) => (previous && previous.resource.status === 'ready'
      ? { ...previous, resource: { ...previous.resource, data: change(previous.resource.data) } }
      : previous));
  }, []);
  const state: Resource<T> = stored && stored.key === key && stored.api === api ? stored.resource : LOADING;
  return { state, reload, update };
}
