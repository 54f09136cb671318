import type { GraphPrincipal } from '../identity/tokens';

/** One Graph call after authentication: from an HTTP request or from a part of a `$batch`. */
export interface GraphCall {
  method: string;
  /** Decoded path segments after `/v1.0/`, e.g. `['me', 'calendarView']`. */
  segments: string[];
  /** The path exactly as the client wrote it (without the query), to build `@odata.nextLink`s. */
  rawPath: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  principal: GraphPrincipal;
  /** Absolute base of the demo Graph as this client reaches it, e.g. `http://127.0.0.1:3978/demo/graph/v1.0`. */
  graphBase: string;
  now: number;
}
