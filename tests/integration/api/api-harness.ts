/**
 * Runs the whole server in demo mode on a loopback port — the demo tenant, MSAL on-behalf-of, the
 * Graph gateway and the API all over real HTTP — with an in-memory store.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDependencies } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/config';
import { selfBaseUrl } from '../../../server/src/plugins/self-url';
import { testClock } from '../../test-clock';

export interface DemoPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface ApiHarness {
  app: FastifyInstance;
  base: string;
  people: DemoPerson[];
  /** The server's clock (a fixed start, then real time; tests/test-clock.ts). */
  now(): number;
  /** A Teams-like SSO token for a demo person. */
  tokenFor(userId: string): Promise<string>;
  /** A delegated Graph token for a demo person (to look at their calendar as Outlook would). */
  graphTokenFor(userId: string): Promise<string>;
   
  api(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  stats(): Promise<{ graphRequests: number; graphSubRequests: number }>;
  setFaults(faults: { latencyMs?: number; rate429?: number; rate503?: number; retryAfterSeconds?: number; duplicateTransactionId?: 'existing' | 'error' }): Promise<void>;
  /** The person's Unplug events in the demo calendar over the next weeks. */
  unplugEvents(userId: string): Promise<{ id: string; start: string; end: string }[]>;
  isAdmin(token: string): boolean;
  close(): Promise<void>;
}

export async function startApiHarness(deps: AppDependencies = {}, env: Record<string, string> = {}): Promise<ApiHarness> {
  // A fixed start for the server and its demo tenant: what the API suggests never depends on the hour.
  const clock = testClock();
  const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env }), { now: clock.now, demoClock: clock.ms, ...deps });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = selfBaseUrl(app);
  const json = async (res: Response) => (res.headers.get('content-type')?.includes('json') ? res.json() : res.text());

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<{ access_token: string }>;
  };
  const people = ((await (await fetch(`${base}/demo/identity/people`)).json()) as { value: DemoPerson[] }).value;

  const harness: ApiHarness = {
    app,
    base,
    people,
    now: () => (deps.now ?? clock.now)().getTime(),
    tokenFor: async (userId) => (await post('/demo/identity/token', { userId })).access_token,
    graphTokenFor: async (userId) => (await post('/demo/identity/token', { userId, resource: 'https://graph.microsoft.com' })).access_token,
    async api(token, method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await json(res), headers: res.headers };
    },
    stats: async () => (await fetch(`${base}/demo/stats`)).json() as Promise<{ graphRequests: number; graphSubRequests: number }>,
    async setFaults(faults) {
      const res = await fetch(`${base}/demo/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 0, rate429: 0, rate503: 0, ...faults }) });
      if (!res.ok) throw new Error(`/demo/faults answered ${res.status}: ${await res.text()}`);
    },
    async unplugEvents(userId) {
      const token = await harness.graphTokenFor(userId);
      const now = harness.now();
      const start = new Date(now - 8 * 86_400_000).toISOString();
      const end = new Date(now + 20 * 86_400_000).toISOString();
      let url: string | undefined = `${base}/demo/graph/v1.0/me/calendarView?startDateTime=${start}&endDateTime=${end}&$select=id,start,end,categories&$top=1000`;
      const found: { id: string; start: string; end: string }[] = [];
      while (url) {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"' } });
        const page = await res.json() as { value: { id: string; start: { dateTime: string }; end: { dateTime: string }; categories?: string[] }[]; '@odata.nextLink'?: string };
        for (const e of page.value) if (e.categories?.includes('Unplug')) found.push({ id: e.id, start: e.start.dateTime, end: e.end.dateTime });
        url = page['@odata.nextLink'];
      }
      return found;
    },
    isAdmin(token) {
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { roles?: string[] };
      return payload.roles?.includes('Unplug.Admin') ?? false;
    },
    close: () => app.close(),
  };
  return harness;
}
