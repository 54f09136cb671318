import { expect } from 'vitest';
import { startDemoTenant, type RunningDemoTenant } from './standalone';
import type { DemoTenantOptions } from './tenant';

/** Test support: the demo tenant as a real HTTP listener, and small helpers to call it. */
export const SEED_NOW = Date.parse('2025-03-05T12:00:00Z');

/** A clock tests move by hand. */
export function manualClock(start: number): { now: () => number; set(t: number): void; advance(ms: number): void } {
  let t = start;
  return { now: () => t, set: (v) => { t = v; }, advance: (ms) => { t += ms; } };
}

export async function startTestTenant(options: DemoTenantOptions = {}): Promise<RunningDemoTenant> {
  return startDemoTenant({ seedNow: SEED_NOW, faultSeed: 'demo-tests', ...options });
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** `fetch` that parses JSON bodies (and leaves an empty body `undefined`). */
export async function call<T = Record<string, unknown>>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<JsonResponse<T>> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    ...(json !== undefined ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...(rest.headers as Record<string, string> | undefined) } } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** A Graph caller for one token. */
export function graphClient(demo: RunningDemoTenant, token: string) {
  return <T = Record<string, unknown>>(path: string, init: RequestInit & { json?: unknown } = {}) =>
    call<T>(`${demo.graphBaseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) } });
}

export function expectGraphError(response: JsonResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect((response.body as { error?: { code?: string } }).error?.code).toBe(code);
}

/** A Graph event as tests read it. */
export interface EventJson {
  id: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  [key: string]: unknown;
}

/** A Graph collection page as tests read it. */
export interface CollectionJson {
  value: EventJson[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  [key: string]: unknown;
}
