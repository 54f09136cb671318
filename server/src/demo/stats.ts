/** What the demo Graph has served, for tests and benchmarks (`GET /demo/stats`). */
export interface DemoStats {
  /** HTTP requests to `/demo/graph`, failed and faulted ones included; a `$batch` counts once. */
  graphRequests: number;
  /** Parts of `$batch` requests. */
  graphSubRequests: number;
  /** Graph answers (requests and batch parts) that were injected 429s. */
  throttled: number;
  /** Graph answers (requests and batch parts) that were injected 503s. */
  unavailable: number;
  /** Requests to the identity's token endpoint (on-behalf-of and client credentials). */
  tokenRequests: number;
}

export class StatsCounter {
  private counts: DemoStats = empty();

  count(name: keyof DemoStats, by = 1): void {
    this.counts[name] += by;
  }

  snapshot(): DemoStats {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = empty();
  }
}

function empty(): DemoStats {
  return { graphRequests: 0, graphSubRequests: 0, throttled: 0, unavailable: 0, tokenRequests: 0 };
}
