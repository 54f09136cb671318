import { useEffect, useState } from 'react';

/** Seconds left of a wait (e.g. `Retry-After`), ticking down to 0; restarts when `seconds` or `key` changes. */
export function useCountdown(seconds: number | undefined, key: unknown): number {
  const [left, setLeft] = useState({ key, seconds: seconds ?? 0 });
  const current = left.key === key ? left.seconds : seconds ?? 0;
  useEffect(() => {
    setLeft({ key, seconds: seconds ?? 0 });
    if (!seconds) return undefined;
    const startedAt = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - startedAt) / 1000));
      setLeft({ key, seconds: remaining });
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, key]);
  return current;
}
