import { useEffect, useSyncExternalStore } from 'react';
import type { TabHost } from '../host/host';
import { COARSE_POINTER_QUERY, NARROW_QUERY, touchSized } from './narrow';
import { useTouchTargetStyles } from './touch-targets';

function subscribe(onChange: () => void): () => void {
  const queries = [window.matchMedia(NARROW_QUERY), window.matchMedia(COARSE_POINTER_QUERY)];
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

const snapshot = (hostClientType: string | undefined) => () =>
  touchSized({ hostClientType, narrow: window.matchMedia(NARROW_QUERY).matches, coarsePointer: window.matchMedia(COARSE_POINTER_QUERY).matches });

/**
 * Touch-sized controls where the tab runs on a phone, in a side panel or under a finger: sets
 * `data-touch` on `<html>` (the touch-target styles key on it) and follows resizes.
 */
export function useTouchLayout(host: TabHost): boolean {
  useTouchTargetStyles();
  const hostClientType = host.kind === 'teams' ? host.context.hostClientType : undefined;
  const touch = useSyncExternalStore(subscribe, snapshot(hostClientType));
  useEffect(() => {
    document.documentElement.dataset['touch'] = String(touch);
  }, [touch]);
  return touch;
}
