import { useSyncExternalStore } from 'react';
import { NARROW_QUERY } from './narrow';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isNarrow = () => window.matchMedia(NARROW_QUERY).matches;

/** Whether the tab is narrow (a phone, a side panel), for the few parts that change more than styles. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, isNarrow);
}
