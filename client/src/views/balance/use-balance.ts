import { useEffect, useState } from 'react';
import type { BalanceResponse } from '@unplug/contract';
import { useApiResource, type Resource } from '../../common/use-api-resource';
import { addDays } from '../../format/format';

export interface Week {
  from: string;
  to: string;
}

export interface BalanceModel {
  state: Resource<BalanceResponse>;
  /** True for the current week (the server picks it in the person's zone). */
  isThisWeek: boolean;
  previousWeek(): void;
  /** Later weeks have not happened yet, so this stops at the current one. */
  nextWeek(): void;
  thisWeek(): void;
  reload(): void;
}

/** The balance of one week, this week first, with navigation to earlier weeks and back. */
export function useBalance(): BalanceModel {
  // undefined: this week, whatever the date is in the person's zone.
  const [week, setWeek] = useState<Week | undefined>();
  const [current, setCurrent] = useState<Week | undefined>();
  const { state, reload } = useApiResource<BalanceResponse>(week ? week.from : 'this-week', (api, signal) =>
    api.get<BalanceResponse>('/api/me/balance', { query: week ? { from: week.from, to: week.to } : {}, signal }));

  const loadedRange = state.status === 'ready' ? state.data.range : undefined;
  useEffect(() => {
    if (week === undefined && loadedRange) setCurrent(loadedRange);
  }, [week, loadedRange]);

  const shown = week ?? loadedRange;
  const step = (days: number) => {
    if (!shown) return;
    const from = addDays(shown.from, days);
    setWeek(current && from >= current.from ? undefined : { from, to: addDays(from, 6) });
  };

  return {
    state,
    isThisWeek: week === undefined,
    previousWeek: () => step(-7),
    nextWeek: () => step(7),
    thisWeek: () => setWeek(undefined),
    reload,
  };
}
