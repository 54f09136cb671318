import type { FakeAnswer, RecordedGraphRequest } from './fake-graph';
import { createGraphHttp, type GraphHttp } from './graph-client';
import type { RetryPolicy } from './retry';

/** Test support shared by the gateway's tests. */
export const TEST_GRAPH_TOKEN = 'graph-token-for-tests';

/** A GraphHttp on `root` whose sleeps are recorded, not waited. */
export function testGraphHttp(root: string, options: { kind?: 'person' | 'app'; retry?: Partial<RetryPolicy>; now?: number } = {}): { http: GraphHttp; sleeps: number[] } {
  const sleeps: number[] = [];
  const http = createGraphHttp(
    { kind: options.kind ?? 'person', getAccessToken: async () => TEST_GRAPH_TOKEN },
    {
      root,
      retry: { sleep: async (ms) => { sleeps.push(ms); }, ...options.retry },
      now: () => options.now ?? Date.parse('2025-03-10T08:00:00Z'),
    },
  );
  return { http, sleeps };
}

interface BatchRequestBody { requests: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[] }

/** The parts of a recorded `$batch`. */
export function batchParts(request: RecordedGraphRequest): BatchRequestBody['requests'] {
  return (request.body as BatchRequestBody).requests;
}

/** A `$batch` answer with the given answer for each part that was asked (in reverse order, as Graph may). */
export function batchAnswer(request: RecordedGraphRequest, answer: (id: string, url: string) => FakeAnswer): FakeAnswer {
  return {
    status: 200,
    body: {
      responses: batchParts(request).map((part) => {
        const { status, headers, body } = answer(part.id, part.url);
        return { id: part.id, status, ...(headers ? { headers } : {}), ...(body !== undefined ? { body } : {}) };
      }).reverse(),
    },
  };
}
