import { useCallback, useEffect, useState } from 'react';
import { fetchDemoActivity, type DemoActivity } from './demo-activity';

/** How often the demo feed looks for new nudges. */
const POLL_MS = 30_000;

export type DemoActivityState = { status: 'loading' } | { status: 'ready'; items: DemoActivity[] } | { status: 'error'; message: string };

/** The selected demo person's activity feed, refreshed every 30 s and on demand. */
export function useDemoActivity(userId: string) {
  const [state, setState] = useState<DemoActivityState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    const load = () => fetchDemoActivity(userId, abort.signal).then(
      (items) => setState({ status: 'ready', items }),
      (e: unknown) => { if (!abort.signal.aborted) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }); },
    );
    setState({ status: 'loading' });
    void load();
    const timer = window.setInterval(() => { void load(); }, POLL_MS);
    return () => {
      abort.abort();
      window.clearInterval(timer);
    };
  }, [userId, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}
