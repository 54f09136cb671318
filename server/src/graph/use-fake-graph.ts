import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeGraph, type FakeGraph } from './fake-graph';

/**
 * A fake Graph for one test file: started before its tests, closed after them, its request log
 * emptied before each test. The value stands for the started fake (reading it before the file's
 * tests start is an error).
 */
export function useFakeGraph(): FakeGraph {
  let started: FakeGraph | undefined;
  beforeAll(async () => { started = await startFakeGraph(); });
  afterAll(() => started?.close());
  beforeEach(() => { if (started) started.requests.length = 0; });
  return new Proxy({} as FakeGraph, {
    get(_, property) {
      if (!started) throw new Error('The fake Graph is used before its test file started it');
      return Reflect.get(started, property) as unknown;
    },
  });
}
