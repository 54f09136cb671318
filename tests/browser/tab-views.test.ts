/**
 * The tab's views end to end: the built tab in the test Teams host (real teams-js), the real
 * server and the demo tenant (identity, Graph, calendars). Each test signs in a demo person
 * through the host's getAuthToken and checks what the tab shows against the API and Outlook.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceResponse, Nudges as NudgesBody, QuietTime, Suggestion, SuggestionsResponse, TrendResponse } from '@unplug/contract';
import {
  openInHost, saveTabScreenshot, type DemoTenantClient, type HostConfig, type PageProblems, type TabServer, openBrowserSuite, type BrowserSuite, useBrowserTimeouts,
} from './harness';
import { CUSTOMER_SUCCESS_TEAM_ID, SEED_TEAMS } from '../../server/src/demo/teams';

useBrowserTimeouts();

let suite: BrowserSuite;
let server: TabServer;
let page: Page;
let problems: PageProblems;
let demo: DemoTenantClient;

beforeAll(async () => {
  ({ server, page, problems, demo } = suite = await openBrowserSuite());
});

afterAll(() => suite?.close());

/** Failed requests the test caused on purpose show up as console errors; everything else is a bug. */
let allowedErrors: RegExp[] = [];
afterEach(async () => {
  await page.unrouteAll();
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors.filter((e) => !allowedErrors.some((pattern) => pattern.test(e)))).toEqual([]);
  problems.consoleErrors.length = 0;
  problems.pageErrors.length = 0;
  allowedErrors = [];
});

/** Opens the tab in the test host as a demo person (the host gets their SSO token from the demo identity). */
async function openAs(userId: string, config: Partial<HostConfig> = {}): Promise<Frame> {
  const { tab } = await openInHost(page, server, { demoUserId: userId, userObjectId: userId, ...config });
  return tab;
}

const visible = (tab: Frame, selector: string) => () => tab.locator(selector).first().isVisible();

/** Hours as the tab shows them, formatted by the browser itself (en-US). */
const hoursIn = (tab: Frame, minutes: number[]) =>
  tab.evaluate((list) => list.map((m) => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(m / 60)), minutes);

/** "7.5 hr" → 450 minutes (en-US). */
const minutesOf = (text: string) => Math.round(Number.parseFloat(text.replace(/,/g, '')) * 60);

async function expectTableMatches(tab: Frame, balance: BalanceResponse): Promise<void> {
  const figures = ['workingMinutes', 'connectedMinutes', 'disconnectedMinutes', 'fragmentedMinutes', 'afterHoursConnectedMinutes', 'protectedMinutes',
    ...(balance.sources.presence ? ['honouredMinutes'] as const : [])] as const;
  const header = await tab.locator('table[aria-label="Balance day by day"] thead th').allInnerTexts();
  expect(header).toEqual(['Day', 'Working time', 'Connected', 'Disconnected', 'Broken up', 'After hours', 'Protected', ...(balance.sources.presence ? ['Honoured'] : []), 'Target']);
  const targetColumn = figures.length + 1;
  const sums = figures.map(() => 0);
  for (const day of balance.days) {
    const row = tab.locator(`tr[data-date="${day.date}"]`);
    expect(await row.getAttribute('data-state'), day.date).toBe(day.state);
    const cells = await row.locator('td').allInnerTexts();
    figures.forEach((key, i) => {
      // Each row within a tenth of an hour of the exact minutes (rounded so that rows add up).
      expect(Math.abs(minutesOf(cells[i + 1] ?? '') - day[key]), `${day.date} ${key}`).toBeLessThan(6);
      if (day.state !== 'planned') sums[i] = (sums[i] ?? 0) + minutesOf(cells[i + 1] ?? '');
    });
    if (day.state === 'planned') expect(cells[0]).toContain('Planned');
    if (day.state === 'in-progress') expect(cells[0]).toContain('Today, so far');
    if (day.targetMinutes > 0) {
      expect(cells[targetColumn]).toContain((await hoursIn(tab, [day.targetMinutes]))[0]);
      const expected = day.state === 'planned' ? (day.targetMet ? 'room for it' : 'no room yet') : day.targetMet ? 'met' : day.state === 'in-progress' ? 'not yet' : 'not met';
      expect(cells[targetColumn]).toContain(expected);
    } else {
      expect(cells[targetColumn]).toBe('none');
    }
  }
  const totals = await tab.locator('tr[data-date="total"] td').allInnerTexts();
  const t = balance.totals;
  figures.forEach((key, i) => {
    // The total is the exact minutes, rounded; the rows shown above add up to it.
    expect(minutesOf(totals[i + 1] ?? ''), key).toBe(Math.round(t[key] / 6) * 6);
    expect(sums[i], key).toBe(minutesOf(totals[i + 1] ?? ''));
  });
  expect(totals[targetColumn]).toBe(`${t.targetDaysMet} of ${t.targetDays} days met`);
  const note = await tab.locator('[data-figure="table-note"]').innerText();
  expect(note).toContain('rounded to a tenth so that the days add up to the total');
  // Without presence, "not measured" is said once, not on every row.
  expect(await tab.getByText(/not measured/).count()).toBe(balance.sources.presence ? 0 : 1);
}

/** The numeric y-axis tick labels of the balance charts. */
async function chartTicks(tab: Frame): Promise<number[]> {
  const texts = await tab.locator('figure[data-chart] svg g.tick text').allTextContents();
  return texts.map((t) => t.trim()).filter((t) => /^\d+(\.\d+)?$/.test(t)).map(Number);
}

describe('Balance', () => {
  it('shows this week\'s figures exactly as the API computes them, with a one-line summary and what they rest on', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id);
    await expect.poll(visible(tab, '[data-figure="balance-summary"]'), { timeout: 15_000 }).toBe(true);
    const { body: balance } = await demo.api<BalanceResponse>(mateo.id, 'GET', '/api/me/balance');

    await expectTableMatches(tab, balance);
    const summary = await tab.locator('[data-figure="balance-summary"]').innerText();
    const [disconnected, working] = await hoursIn(tab, [balance.totals.disconnectedMinutes, balance.totals.workingMinutes]);
    expect(summary.toLowerCase()).toContain(`disconnected ${disconnected} of ${working} working time`);
    if (balance.days.some((d) => d.state !== 'measured')) expect(summary).toMatch(/^So far/);
    await expect.poll(() => tab.getByText(balance.sources.presence ? /calendar and your Teams presence/ : /calendar only/).isVisible()).toBe(true);
    await expect.poll(() => tab.getByText(/only uninterrupted stretches of at least 30 minutes/).isVisible()).toBe(true);
    // The chart arrives in its own chunk and draws the week, with ticks at half or whole hours.
    await expect.poll(() => tab.locator('figure svg').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await chartTicks(tab)).length, { timeout: 10_000 }).toBeGreaterThan(2);
    for (const tick of await chartTicks(tab)) expect((tick * 2) % 1, `tick ${tick}`).toBe(0);
    // The target line is drawn against disconnected hours alone (not stacked on connected time).
    const disconnectedChart = tab.locator('figure[data-chart="disconnected"]');
    await expect.poll(() => disconnectedChart.getByText('Disconnect target').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await disconnectedChart.getByText(/Connected/).count()).toBe(0);
    // The page ends with one concrete next step from the suggestions.
    await expect.poll(() => tab.locator('[data-figure="next-step"]').innerText(), { timeout: 10_000 }).toMatch(/Next step:\s*(Book \d|No free stretch)/);
  });

  it('moves to the previous week and back', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id);
    await expect.poll(visible(tab, '[data-figure="balance-summary"]'), { timeout: 15_000 }).toBe(true);
    const { body: thisWeek } = await demo.api<BalanceResponse>(mateo.id, 'GET', '/api/me/balance');
    expect(await tab.getByRole('button', { name: 'Next week' }).isDisabled()).toBe(true);

    await tab.getByRole('button', { name: 'Previous week' }).click();
    const from = new Date(Date.parse(`${thisWeek.range.from}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    await expect.poll(visible(tab, `tr[data-date="${from}"]`)).toBe(true);
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    const { body: lastWeek } = await demo.api<BalanceResponse>(mateo.id, 'GET', `/api/me/balance?from=${from}&to=${to}`);
    await expectTableMatches(tab, lastWeek);
    await expect.poll(() => tab.getByText(/^Week of /).isVisible()).toBe(true);

    await tab.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(visible(tab, `tr[data-date="${thisWeek.range.from}"]`)).toBe(true);
    await expect.poll(() => tab.getByRole('button', { name: 'This week' }).isDisabled()).toBe(true);
  });

  it('uses the Teams locale for dates and numbers', async () => {
    const hannah = demo.person('Hannah Becker');
    const tab = await openAs(hannah.id, { locale: 'de-de' });
    await expect.poll(visible(tab, '[data-figure="balance-summary"]'), { timeout: 15_000 }).toBe(true);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('de-de');
    const { body: balance } = await demo.api<BalanceResponse>(hannah.id, 'GET', '/api/me/balance');
    const expected = await tab.evaluate((m) => new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(m / 60), balance.totals.workingMinutes);
    expect(await tab.locator('tr[data-date="total"] td').nth(1).innerText()).toBe(expected);
    const monday = await tab.evaluate((d) => new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${d}T00:00:00Z`)), balance.range.from);
    expect(await tab.locator(`tr[data-date="${balance.range.from}"] td`).first().innerText()).toContain(monday);
  });
});

/** An open disconnect block well in the future whose gap leaves room to move it 15 minutes later. */
function movableBlock(list: SuggestionsResponse, skip: string[] = []): Suggestion {
  const soon = server.clock.ms() + 3 * 3_600_000;
  const found = list.suggestions.find((s) => s.kind === 'disconnect-block' && !skip.includes(s.id)
    && Date.parse(s.start) > soon && Date.parse(s.gap.end) >= Date.parse(s.end) + 15 * 60_000);
  if (!found) throw new Error(`no movable block among ${list.suggestions.length} suggestions`);
  return found;
}

describe('Suggestions', () => {
  it('accepts an adjusted block: booked at once on screen, one event in the demo calendar at the adjusted time', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const { body: list } = await demo.api<SuggestionsResponse>(mateo.id, 'GET', '/api/me/suggestions');
    const block = movableBlock(list);
    const card = tab.locator(`[data-suggestion-id="${block.id}"]`);

    await card.getByRole('button', { name: 'Adjust' }).click();
    await card.getByRole('button', { name: '15 min later' }).click();
    await expect.poll(() => card.getByText('(adjusted)').isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Accept' }).click();

    const booked = tab.locator(`[data-booked-id="${block.id}"]`);
    await expect.poll(() => booked.isVisible()).toBe(true);
    await expect.poll(() => booked.getByText('Booked', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => tab.getByRole('status').filter({ hasText: /^Booked .* in your calendar\.$/ }).isVisible()).toBe(true);
    expect(await card.count()).toBe(0);

    const start = new Date(Date.parse(block.start) + 15 * 60_000).toISOString();
    const end = new Date(Date.parse(block.end) + 15 * 60_000).toISOString();
    const events = await demo.calendarView(mateo.id, new Date(server.clock.ms() - 86_400_000), new Date(server.clock.ms() + 14 * 86_400_000));
    const unplugged = events.filter((e) => e.categories?.includes('Unplug'));
    expect(unplugged.map((e) => ({ start: e.start, end: e.end }))).toContainEqual({ start, end });
    const { body: after } = await demo.api<SuggestionsResponse>(mateo.id, 'GET', '/api/me/suggestions');
    const record = after.booked.find((b) => b.id === block.id);
    expect(record).toMatchObject({ start, end });
    expect(unplugged.filter((e) => e.id === record?.eventId)).toHaveLength(1);

    await saveTabScreenshot(page, tab, 'suggestions-booked');

    // Booked stays booked: a fresh load shows it from the server.
    const again = await openAs(mateo.id, { tab: '/tab/suggestions' });
    await expect.poll(() => again.locator(`[data-booked-id="${block.id}"]`).getByText('Booked', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('puts a block back with the reason and books it on retry when the server is busy', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const { body: list } = await demo.api<SuggestionsResponse>(mateo.id, 'GET', '/api/me/suggestions');
    const block = movableBlock(list);
    const card = tab.locator(`[data-suggestion-id="${block.id}"]`);

    let refused = 0;
    await page.route(`**/api/me/suggestions/${block.id}/accept`, async (route) => {
      if (refused++ > 0) return route.fallback();
      return route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, json: { error: { code: 'graph_throttled', message: 'Microsoft 365 asked Unplug to slow down.' } } });
    });
    allowedErrors = [/503/];
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => card.getByText('Unplug is busy right now.').isVisible()).toBe(true);
    const retry = card.getByRole('button', { name: /^Retry/ });
    await expect.poll(() => retry.textContent()).toBe('Retry');
    await retry.click();
    await expect.poll(() => tab.locator(`[data-booked-id="${block.id}"]`).getByText('Booked', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(refused).toBe(2);
  });

  it('dismisses a suggestion for good', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const id = await tab.locator('[data-suggestion-id]').first().getAttribute('data-suggestion-id');
    if (!id) throw new Error('no suggestion on screen');
    const card = tab.locator(`[data-suggestion-id="${id}"]`);
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => tab.getByRole('status').filter({ hasText: /^Dismissed .* It will not be suggested again\.$/ }).isVisible()).toBe(true);

    const { body: list } = await demo.api<SuggestionsResponse>(mateo.id, 'GET', '/api/me/suggestions');
    expect(list.suggestions.map((s) => s.id)).not.toContain(id);
    const { status } = await demo.api(mateo.id, 'POST', `/api/me/suggestions/${id}/accept`);
    expect(status).toBe(409);
  });
});

describe('Trend', () => {
  it('shows eight weeks as the API computes them, newest first, with the streak, from the Trend tab', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id);
    await expect.poll(visible(tab, '[data-figure="balance-summary"]'), { timeout: 15_000 }).toBe(true);
    await tab.getByRole('tab', { name: 'Trend' }).click();
    await expect.poll(visible(tab, '[data-figure="trend-summary"]'), { timeout: 15_000 }).toBe(true);
    const { body: trend } = await demo.api<TrendResponse>(mateo.id, 'GET', '/api/me/trend');
    expect(trend.weeks).toHaveLength(8);
    const summary = await tab.locator('[data-figure="trend-summary"]').innerText();
    expect(summary).toMatch(trend.streakWeeks === 0 ? /^No streak yet/ : new RegExp(`^Target met ${trend.streakWeeks} weeks? in a row\\.`));
    const rows = tab.locator('table[aria-label="Balance week by week"] tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await rows.first().getAttribute('data-week')).toBe(trend.weeks[7]?.weekStart);
    for (const week of trend.weeks) {
      const cells = await tab.locator(`tr[data-week="${week.weekStart}"] td`).allInnerTexts();
      expect(cells[2]).toBe((await hoursIn(tab, [week.afterHoursConnectedMinutes]))[0]);
      if (week.targetDays > 0) expect(cells[3]).toContain(`${week.targetDaysMet} of ${week.targetDays} days`);
    }
    await saveTabScreenshot(page, tab, 'trend');
  });
});

describe('Issue 15: undo, reasons, quiet windows', () => {
  it('undoes a booked block: the event Unplug booked is deleted and the suggestion is open again', async () => {
    const hannah = demo.person('Hannah Becker');
    const tab = await openAs(hannah.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const { body: list } = await demo.api<SuggestionsResponse>(hannah.id, 'GET', '/api/me/suggestions');
    const block = list.suggestions.find((s) => s.kind === 'disconnect-block' && Date.parse(s.start) > server.clock.ms() + 3_600_000);
    if (!block) throw new Error('no block to book');
    await tab.locator(`[data-suggestion-id="${block.id}"]`).getByRole('button', { name: 'Accept' }).click();
    const booked = tab.locator(`[data-booked-id="${block.id}"]`);
    await expect.poll(() => booked.getByText('Booked', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    const eventId = (await demo.api<SuggestionsResponse>(hannah.id, 'GET', '/api/me/suggestions')).body.booked.find((b) => b.id === block.id)?.eventId;
    expect(eventId).toBeTruthy();

    await booked.getByRole('button', { name: /^Undo: cancel/ }).click();
    await expect.poll(() => tab.getByRole('status').filter({ hasText: /^Cancelled .* the suggestion is open again\.$/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => tab.locator(`[data-suggestion-id="${block.id}"]`).isVisible(), { timeout: 15_000 }).toBe(true);
    const events = await demo.calendarView(hannah.id, new Date(server.clock.ms() - 86_400_000), new Date(server.clock.ms() + 14 * 86_400_000));
    expect(events.map((e) => e.id)).not.toContain(eventId);
  });

  it('says why a 15-minute step is not possible, on the button and in words', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const { body: list } = await demo.api<SuggestionsResponse>(mateo.id, 'GET', '/api/me/suggestions');
    const block = list.suggestions.find((s) => s.kind === 'disconnect-block');
    if (!block) throw new Error('no block');
    const card = tab.locator(`[data-suggestion-id="${block.id}"]`);
    await card.getByRole('button', { name: 'Adjust' }).click();
    const later = card.locator('[data-adjust="later"]');
    for (let i = 0; i < 60 && (await later.getAttribute('aria-disabled')) !== 'true'; i += 1) await later.click();
    expect(await later.getAttribute('aria-disabled')).toBe('true');
    expect(await later.getAttribute('title')).toMatch(/free time ends/);
    expect(await card.locator('[data-figure="adjust-reasons"]').innerText()).toMatch(/15 min later: not possible, the free time ends/);
  });

  it('turns quiet time on as a window: no calendar event, listed in the quiet-time view with what the status does', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const { body: list } = await demo.api<SuggestionsResponse>(mateo.id, 'GET', '/api/me/suggestions');
    const quiet = list.suggestions.find((s) => s.kind === 'quiet-time');
    if (!quiet) throw new Error('no quiet-time suggestion');
    const range = [new Date(server.clock.ms() - 86_400_000), new Date(server.clock.ms() + 14 * 86_400_000)] as const;
    const before = (await demo.calendarView(mateo.id, ...range)).length;
    await tab.locator(`[data-suggestion-id="${quiet.id}"]`).getByRole('button', { name: 'Turn on this once' }).click();
    await expect.poll(() => tab.getByRole('status').filter({ hasText: /No calendar event was created\.$/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await demo.calendarView(mateo.id, ...range)).length).toBe(before);

    const view = await openAs(mateo.id, { tab: '/tab/quiet-time' });
    const section = view.locator('[data-figure="quiet-windows-on"]');
    await expect.poll(() => section.locator(`[data-quiet-window="${quiet.id}"]`).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await section.innerText()).toMatch(/not a calendar event/);
    expect(await section.innerText()).toMatch(/Teams status/);
    await section.getByRole('button', { name: /^Turn off/ }).first().click();
    await expect.poll(() => section.locator(`[data-quiet-window="${quiet.id}"]`).count(), { timeout: 15_000 }).toBe(0);
  });
});

describe('Suggestions after a booking', () => {
  // At the suites' fixed start (tests/test-clock.ts), booking Maya's first disconnect block plans
  // her days again and one of the other suggestions goes: the tab must follow the server.
  it('fetches the list again after an accept, and a card no longer open is dismissed without an error', async () => {
    const maya = demo.person('Maya Thompson');
    const tab = await openAs(maya.id, { tab: '/tab/suggestions' });
    await expect.poll(visible(tab, '[data-suggestion-id]'), { timeout: 15_000 }).toBe(true);
    const onScreen = () => tab.locator('[data-suggestion-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-suggestion-id')).sort());
    const { body: before } = await demo.api<SuggestionsResponse>(maya.id, 'GET', '/api/me/suggestions');
    const block = before.suggestions.find((s) => s.kind === 'disconnect-block')!;

    // Hold the tab's next fetch of the list, as a slow network would, so the cards it had stay.
    const held: (() => Promise<void>)[] = [];
    let fetchedAgain = 0;
    await page.route('**/api/me/suggestions?**', async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      fetchedAgain += 1;
      held.push(() => route.fallback());
    });
    await tab.locator(`[data-suggestion-id="${block.id}"]`).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => tab.locator(`[data-booked-id="${block.id}"]`).getByText('Booked', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => fetchedAgain, { timeout: 10_000 }).toBe(1);

    const { body: after } = await demo.api<SuggestionsResponse>(maya.id, 'GET', '/api/me/suggestions');
    const gone = before.suggestions.filter((s) => s.id !== block.id && !after.suggestions.some((a) => a.id === s.id));
    expect(gone.length, 'the booking re-planned a suggestion away').toBeGreaterThan(0);
    const stale = tab.locator(`[data-suggestion-id="${gone[0]!.id}"]`);
    expect(await stale.isVisible()).toBe(true);

    allowedErrors = [/404/];
    await stale.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => tab.getByRole('status').filter({ hasText: /is no longer suggested: the list is up to date\.$/ }).isVisible()).toBe(true);
    await expect.poll(() => stale.count()).toBe(0);
    expect(await tab.getByText(/No open suggestion/).count()).toBe(0);

    // The held fetches go through: the tab shows exactly what the server now suggests.
    await page.unroute('**/api/me/suggestions?**');
    for (const release of held) await release();
    await expect.poll(onScreen, { timeout: 15_000 }).toEqual(after.suggestions.map((s) => s.id).sort());
  });
});

describe('Quiet time', () => {
  it('saves quiet time through the API, and shows what is wrong beside the field', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/quiet-time' });
    const evening = tab.getByRole('spinbutton', { name: /Starts after the end of the working day/ });
    await expect.poll(() => evening.isVisible(), { timeout: 15_000 }).toBe(true);
    const form = tab.getByRole('form', { name: 'Evenings and weekends' });

    await evening.fill('300');
    await evening.press('Tab');
    await expect.poll(() => form.getByText('Must be a whole number from 0 to 240.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Save quiet time' }).click();
    await expect.poll(() => form.getByText(/Nothing was saved: one field needs a fix/).isVisible()).toBe(true);
    await saveTabScreenshot(page, tab, 'quiet-time-field-message');
    expect((await demo.api<QuietTime>(mateo.id, 'GET', '/api/me/quiet-time')).body.eveningBufferMinutes).toBe(30);

    await evening.fill('45');
    await evening.press('Tab');
    await form.getByRole('switch', { name: 'Weekends and days off are quiet all day' }).click();
    await form.getByRole('switch', { name: 'Set my Teams status while I am unplugged' }).click();
    await form.getByRole('textbox', { name: 'Status message' }).fill('Offline until {until}, phone me if it burns');
    await form.getByRole('button', { name: 'Save quiet time' }).click();
    await expect.poll(() => form.getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);

    const { body: saved } = await demo.api<QuietTime>(mateo.id, 'GET', '/api/me/quiet-time');
    expect(saved).toMatchObject({ eveningBufferMinutes: 45, weekends: false, autoStatus: true, statusMessage: 'Offline until {until}, phone me if it burns' });
  });

  it('checks targets and block lengths together before saving them', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/quiet-time' });
    const form = tab.getByRole('form', { name: 'Targets and blocks' });
    const shortest = form.getByRole('spinbutton', { name: 'Shortest block (minutes)' });
    await expect.poll(() => shortest.isVisible(), { timeout: 15_000 }).toBe(true);
    await shortest.fill('120');
    await shortest.press('Tab');
    await expect.poll(() => form.getByText('Must be at least the minimum block length (120).').isVisible()).toBe(true);
    await form.getByRole('spinbutton', { name: 'Longest block (minutes)' }).fill('150');
    await form.getByRole('spinbutton', { name: 'Longest block (minutes)' }).press('Tab');
    await form.getByRole('spinbutton', { name: 'Daily disconnect target (minutes)' }).fill('120');
    await form.getByRole('spinbutton', { name: 'Daily disconnect target (minutes)' }).press('Tab');
    await form.getByRole('button', { name: 'Save targets and blocks' }).click();
    await expect.poll(() => form.getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);
    const { body } = await demo.api<{ minBlockMinutes: number; maxBlockMinutes: number; dailyDisconnectTargetMinutes: number }>(mateo.id, 'GET', '/api/me/preferences');
    expect(body).toMatchObject({ minBlockMinutes: 120, maxBlockMinutes: 150, dailyDisconnectTargetMinutes: 120 });
  });
});

describe('Nudges', () => {
  it('turns a nudge on from Quiet time, saved at once through the API', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab/quiet-time' });
    const section = tab.getByRole('region', { name: 'Nudges in Teams' });
    const weekly = section.getByRole('switch', { name: 'A weekly summary' });
    await expect.poll(() => weekly.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await weekly.isChecked()).toBe(false); // every nudge is off until the person turns it on
    await weekly.click();
    await expect.poll(async () => (await demo.api<NudgesBody>(mateo.id, 'GET', '/api/me/nudges')).body.weeklySummary).toBe(true);
    expect((await demo.api<NudgesBody>(mateo.id, 'GET', '/api/me/nudges')).body).toMatchObject({ startingSoon: false, longDay: false, weeklySummary: true, available: true });
    await expect.poll(() => section.getByRole('switch', { name: 'A weekly summary' }).isEnabled()).toBe(true);
    await weekly.click();
    await expect.poll(async () => (await demo.api<NudgesBody>(mateo.id, 'GET', '/api/me/nudges')).body.weeklySummary).toBe(false);
  });

  it('a nudge\'s deep link opens the view it names (Teams passes it as the sub-entity)', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id, { tab: '/tab', subEntityId: 'quiet-time' });
    await expect.poll(() => tab.getByRole('tabpanel', { name: 'Quiet time' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await tab.getByRole('tab', { name: 'Quiet time' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Team (channel tab)', () => {
  // The tab names the team by its Microsoft 365 group id from the context; the server checks the
  // viewer's membership of that group with Graph. Every seeded person is in Customer Success.
  const teamId = CUSTOMER_SUCCESS_TEAM_ID;
  const channel = { tab: '/team', teamId: '19:unplug-team-test@thread.tacv2', groupId: teamId, teamName: 'Customer Success', channelId: '19:general@thread.tacv2' };

  it('does not let someone outside the team opt in, and says why', async () => {
    const europe = SEED_TEAMS.find((t) => t.displayName === 'Support Europe')!;
    const mateo = demo.person('Mateo Silva'); // not in Support Europe
    allowedErrors = [/status of 403 .*\/membership\)$/];
    const tab = await openAs(mateo.id, { ...channel, teamId: '19:europe@thread.tacv2', groupId: europe.id, teamName: europe.displayName });
    const share = tab.getByRole('switch', { name: 'Share my figures with this team' });
    await expect.poll(() => share.isVisible(), { timeout: 15_000 }).toBe(true);
    await share.click();
    await expect.poll(() => tab.getByText(/Could not opt in: You are not a member of this team/).isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await demo.api<{ optedIn: boolean }>(mateo.id, 'GET', `/api/teams/${europe.id}/membership`)).body.optedIn).toBe(false);
  });

  it('asks for a standard channel when Teams gives no group id', async () => {
    const tab = await openAs(demo.person('Mateo Silva').id, { ...channel, groupId: undefined });
    await expect.poll(() => tab.getByText('Teams did not say which team this is.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await tab.getByRole('switch').count()).toBe(0);
  });

  it('shows nothing but the count until five members opt in, then aggregate figures only', async () => {
    // Five people whose own week is the same one (near midnight on Sunday the zones' weeks differ).
    const byWeek = new Map<string, string[]>();
    for (const person of demo.people.filter((p) => p.displayName !== 'Lukas Meyer')) {
      const week = (await demo.api<BalanceResponse>(person.id, 'GET', '/api/me/balance')).body.range.from;
      byWeek.set(week, [...(byWeek.get(week) ?? []), person.id]);
    }
    const [week, group = []] = [...byWeek].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    const [viewer, ...others] = group.slice(0, 5);
    if (!viewer || others.length < 4 || !week) throw new Error('fewer than five demo people share a week');

    const tab = await openAs(viewer, channel);
    const share = tab.getByRole('switch', { name: /Share my figures with this team/ });
    await expect.poll(() => share.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await tab.getByRole('table', { name: 'Team figures' }).count()).toBe(0);
    await share.click();
    await expect.poll(() => tab.getByText(/^Not enough people have opted in yet \(1 of 5\)\.$/).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await tab.locator('[data-figure="team-sharing"]').innerText()).toBe('Sharing now: 1 of the 5 members needed — 4 more needed.');
    await saveTabScreenshot(page, tab, 'team-not-enough-members');

    const path = `/api/teams/${encodeURIComponent(teamId)}`;
    for (const person of others) expect((await demo.api(person, 'PUT', `${path}/membership`)).status).toBe(200);

    const again = await openAs(viewer, channel);
    await expect.poll(() => again.getByText(/^5 members shared their figures/).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await again.locator('[data-figure="team-sharing"]').innerText()).toBe('Sharing now: 5 of the 5 members needed — enough for team figures.');
    const { body: team } = await demo.api<{ status: string; totals: Record<string, number>; averages: Record<string, number> }>(viewer, 'GET', `${path}/balance?week=${week}`);
    expect(team.status).toBe('ok');
    const working = await again.getByRole('table', { name: 'Team figures' }).locator('tbody tr').first().locator('td').allInnerTexts();
    expect(working).toEqual(['Working time', ...(await hoursIn(again, [team.totals['workingMinutes'] ?? -1, team.averages['workingMinutes'] ?? -1]))]);
    // Aggregates only: no member's name appears anywhere in the view.
    const text = await again.locator('main').innerText();
    for (const id of others) expect(text).not.toContain(demo.people.find((p) => p.id === id)?.displayName);
    await saveTabScreenshot(page, again, 'team-aggregate');

    await again.getByRole('switch', { name: /I share my figures with this team/ }).click();
    await expect.poll(() => again.getByRole('switch', { name: 'Share my figures with this team' }).isChecked()).toBe(false);
    await expect.poll(async () => (await demo.api<{ optedIn: boolean }>(viewer, 'GET', `${path}/membership`)).body.optedIn).toBe(false);
    expect(await again.getByRole('table', { name: 'Team figures' }).count()).toBe(0);
  });
});

describe('Admin', () => {
  it('is offered to admins only, and saves organisation settings with an audit entry', async () => {
    const mateo = demo.person('Mateo Silva');
    const tab = await openAs(mateo.id);
    await expect.poll(visible(tab, '[data-figure="balance-summary"]'), { timeout: 15_000 }).toBe(true);
    expect(await tab.getByRole('tab', { name: 'Admin' }).count()).toBe(0);

    const jordan = demo.person('Jordan Ellis'); // an admin
    const admin = await openAs(jordan.id, { tab: '/tab/admin' });
    const minimum = admin.getByRole('spinbutton', { name: 'Smallest team that sees aggregates' });
    await expect.poll(() => minimum.isVisible(), { timeout: 15_000 }).toBe(true);
    await minimum.fill('3');
    await minimum.press('Tab');
    await expect.poll(() => admin.getByText('Must be a whole number from 5 to 1000.').isVisible()).toBe(true);
    await minimum.fill('6');
    await minimum.press('Tab');
    await admin.getByRole('button', { name: 'Save organisation settings' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);
    await expect.poll(() => admin.getByRole('table', { name: 'Recent changes' }).getByText('minGroupSize').isVisible()).toBe(true);
    expect((await demo.api<{ policy: { minGroupSize: number } }>(jordan.id, 'GET', '/api/admin/policy')).body.policy.minGroupSize).toBe(6);

    // Put it back for the other tests' team figures.
    expect((await demo.api(jordan.id, 'PUT', '/api/admin/policy', { minGroupSize: 5 })).status).toBe(200);
  });
});

describe('Privacy', () => {
  it('exports my data as a JSON file and deletes it after a confirmation', async () => {
    const maya = demo.person('Maya Thompson');
    expect((await demo.api(maya.id, 'PUT', '/api/me/quiet-time', { eveningBufferMinutes: 60 })).status).toBe(200);
    const tab = await openAs(maya.id, { tab: '/tab/privacy' });
    await expect.poll(() => tab.getByRole('button', { name: 'Export my data' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => tab.getByText(/Event subjects, bodies, attendees or locations/).isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), tab.getByRole('button', { name: 'Export my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^unplug-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await streamText(await download.createReadStream())) as { userId: string; tables: Record<string, unknown[]> };
    expect(exported.userId).toBe(maya.id);
    expect(Object.values(exported.tables).flat().length).toBeGreaterThan(0);

    await tab.getByRole('button', { name: 'Delete my data…' }).click();
    const dialog = tab.getByRole('alertdialog', { name: 'Delete everything Unplug stores about you?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await demo.api<QuietTime>(maya.id, 'GET', '/api/me/quiet-time')).body.eveningBufferMinutes).toBe(60);

    await tab.getByRole('button', { name: 'Delete my data…' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await saveTabScreenshot(page, tab, 'privacy-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete my data' }).click();
    await expect.poll(() => tab.getByText(/^Deleted\. .* records about you were erased/).isVisible()).toBe(true);
    expect((await demo.api<QuietTime>(maya.id, 'GET', '/api/me/quiet-time')).body.eveningBufferMinutes).toBe(30);
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
