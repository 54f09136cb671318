import { describe, expect, it } from 'vitest';
import { calendarDelta } from './delta';
import { GraphResponseError } from './errors';
import { loadGraphContract } from './graph-contract';
import { useFakeGraph } from './use-fake-graph';
import { readGraphExample } from './graph-examples';
import { testGraphHttp } from './test-graph';

const contract = loadGraphContract();
const WINDOW = { start: Date.parse('2016-12-01T00:00:00Z'), end: Date.parse('2016-12-30T00:00:00Z') };
const fake = useFakeGraph();

/** Microsoft's delta pages, with their links moved onto the fake's root. */
function page(file: string): unknown {
  return JSON.parse(JSON.stringify(readGraphExample(file)).replaceAll('https://graph.microsoft.com/v1.0', fake.root));
}

describe("calendarDelta on Microsoft's published rounds", () => {
  it('follows nextLinks to the deltaLink, then starts the next round from it and sees @removed', async () => {
    fake.handle((request) => {
      if (request.url.startsWith('/me/calendarView/delta?startDateTime=')) return { status: 200, body: page('calendarview-delta-page1.json') };
      if (request.url.includes('R0usmcCM996atia_s')) return { status: 200, body: page('calendarview-delta-page2.json') };
      if (request.url.includes('R0usmci39OQxqJrxK4')) return { status: 200, body: page('calendarview-delta-final.json') };
      if (request.url.includes('R0usmcMDNGg0J1E')) return { status: 200, body: page('calendarview-delta-nextround.json') };
      return { status: 404, body: { error: { code: 'notFound', message: request.url } } };
    });
    const { http } = testGraphHttp(fake.root);
    const first = await calendarDelta(http, { window: WINDOW });
    expect(first.changed.map((e) => e.id)).toEqual(['AAMkADNVxRAAA=', 'AAMkADVxSAAA=', 'AAMkADVxTAAA=', 'AAMkADVxUAAA=', 'AAMkADj1HuAAA=']);
    expect(first.changed[0]).toMatchObject({ start: Date.parse('2016-12-09T20:30:00Z'), end: Date.parse('2016-12-09T22:00:00Z') });
    expect(first.removedIds).toEqual([]);
    expect(first.deltaLink).toBe(`${fake.root}/me/calendarView/delta?$deltatoken=R0usmcMDNGg0J1E`);
    expect(fake.requests).toHaveLength(3);
    expect(new URLSearchParams(fake.requests[0]!.url.split('?')[1]).get('startDateTime')).toBe('2016-12-01T00:00:00.000Z');
    // Only the first call carries the window; the rest follow Graph's links.
    expect(fake.requests.slice(1).every((r) => !r.url.includes('startDateTime'))).toBe(true);

    const next = await calendarDelta(http, { deltaLink: first.deltaLink });
    expect(next.removedIds).toEqual(['AAMkADk0MGFkODE3LWE4MmYtNDRhOS04OGQLkRkXbBznTvAADb6ytyAAA=']);
    expect(next.changed.map((e) => e.id)).toEqual(['AAMkADj1HvAAA=']);
    expect(next.deltaLink).toBe(`${fake.root}/me/calendarView/delta?$deltatoken=R0usmcFuQtZdtpk4`);
    for (const request of fake.requests) expect(contract.problems(request)).toEqual([]);
    // Delta has no $select: whole events arrive, but nothing beyond the domain's fields is kept.
    expect(JSON.stringify([first, next])).not.toMatch(/Rest!|Attend service|Samantha/);
  });

  it("refuses the event-delta page with the docs' placeholder values, naming the field", async () => {
    fake.handle(() => ({ status: 200, body: readGraphExample('calendarview-delta-response.json') }));
    await expect(calendarDelta(testGraphHttp(fake.root).http, { window: WINDOW })).rejects.toThrow('calendarView/delta page 1.value[0].id: missing');
  });

  it('refuses a page with neither nextLink nor deltaLink', async () => {
    fake.handle(() => ({ status: 200, body: { value: [] } }));
    await expect(calendarDelta(testGraphHttp(fake.root).http, { window: WINDOW })).rejects.toThrow(GraphResponseError);
  });

  it('refuses a stored deltaLink for another host', async () => {
    await expect(calendarDelta(testGraphHttp(fake.root).http, { deltaLink: 'https://graph.microsoft.com/v1.0/me/calendarView/delta?$deltatoken=x' })).rejects.toThrow(/a link outside/);
    expect(fake.requests).toHaveLength(0);
  });
});
