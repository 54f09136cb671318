/**
 * Turns a query for many keys into a function of one key: calls made while a batch waits for its
 * turn, or while the previous one runs, share the next query. Fifty people opening the tab at once
 * then cost a few queries instead of fifty each — the embedded store runs every query on the main
 * thread, about 1 ms of CPU whatever its size. A call alone waits one turn of the event loop.
 *
 * Every caller gets its own answer, or the batch's error: a failed query fails each request that
 * was in it, as it would have failed alone.
 *
 * @example
 * const preferencesOf = batched((people: PersonKey[]) => repo.findMany(people));
 * const [ada, bob] = await Promise.all([preferencesOf(adaKey), preferencesOf(bobKey)]); // one query
 */
export function batched<K, V>(runBatch: (keys: readonly K[]) => Promise<readonly V[]>, maxBatch = 200): (key: K) => Promise<V> {
  let waiting: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  let running = false;

  const run = async (): Promise<void> => {
    scheduled = false;
    running = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const values = await runBatch(batch.map((w) => w.key));
        if (values.length !== batch.length) throw new Error(`A batch of ${batch.length} answered ${values.length} values`);
        batch.forEach((w, i) => w.resolve(values[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = false;
  };

  return (key) => new Promise<V>((resolve, reject) => {
    waiting.push({ key, resolve, reject });
    if (running || scheduled) return;
    scheduled = true;
    setImmediate(() => void run());
  });
}

/** Groups keys by a part of them (e.g. the tenant), keeping each key's position. */
export function groupBy<K>(keys: readonly K[], part: (key: K) => string): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const name = part(key);
    const group = groups.get(name);
    if (group) group.push(key);
    else groups.set(name, [key]);
  }
  return groups;
}
