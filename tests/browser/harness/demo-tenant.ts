/**
 * The demo tenant of a running tab server, seen from a test: its people, tokens for them, the
 * Unplug API as one of them, and their Outlook calendar through the demo Graph (as Outlook would).
 */
import type { TabServer } from './tab-server';

export interface DemoPersonInfo {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface CalendarEvent {
  id: string;
  start: string;
  end: string;
  subject?: string;
  categories?: string[];
}

export interface DemoTenantClient {
  people: DemoPersonInfo[];
  person(displayName: string): DemoPersonInfo;
  /** A Teams-like SSO token for the person (`POST /demo/identity/token`). */
  ssoToken(userId: string): Promise<string>;
  /** Calls the Unplug API as the person. */
  api<T = unknown>(userId: string, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
  /** The person's events between two instants, from the demo Graph with a delegated Graph token (UTC times, `Z` added). */
  calendarView(userId: string, start: Date, end: Date): Promise<CalendarEvent[]>;
}

const UTC = (dateTime: string) => (/[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`);

export async function demoTenant(server: TabServer): Promise<DemoTenantClient> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.httpUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<{ access_token: string }>;
  };
  const peopleResponse = await fetch(`${server.httpUrl}/demo/identity/people`);
  if (!peopleResponse.ok) throw new Error(`this server has no demo identity (${peopleResponse.status})`);
  const people = ((await peopleResponse.json()) as { value: DemoPersonInfo[] }).value;

  const client: DemoTenantClient = {
    people,
    person(displayName) {
      const found = people.find((p) => p.displayName === displayName);
      if (!found) throw new Error(`no demo person called ${displayName}`);
      return found;
    },
    ssoToken: async (userId) => (await post('/demo/identity/token', { userId })).access_token,
    async api<T>(userId: string, method: string, path: string, body?: unknown) {
      const headers: Record<string, string> = { Authorization: `Bearer ${await client.ssoToken(userId)}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(`${server.httpUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async calendarView(userId, start, end) {
      const { access_token: token } = await post('/demo/identity/token', { userId, resource: 'https://graph.microsoft.com' });
      const events: CalendarEvent[] = [];
      let url: string | undefined = `${server.httpUrl}/demo/graph/v1.0/me/calendarView?startDateTime=${start.toISOString()}&endDateTime=${end.toISOString()}`
        + '&$select=id,subject,start,end,categories&$top=200';
      while (url) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Prefer: 'outlook.timezone="UTC"' } });
        if (!response.ok) throw new Error(`calendarView answered ${response.status}: ${await response.text()}`);
        const page = await response.json() as { value: Array<{ id: string; subject?: string; categories?: string[]; start: { dateTime: string }; end: { dateTime: string } }>; '@odata.nextLink'?: string };
        for (const e of page.value) {
          events.push({ id: e.id, subject: e.subject, categories: e.categories, start: new Date(UTC(e.start.dateTime)).toISOString(), end: new Date(UTC(e.end.dateTime)).toISOString() });
        }
        url = page['@odata.nextLink'];
      }
      return events;
    },
  };
  return client;
}
