import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems, hostMessages, layoutSettled, newTestContext, openInHost, saveScreenshot, tabTheme, waitForHostMessage, type PageProblems, type TabServer, openBrowserSuite, type BrowserSuite, useBrowserTimeouts,
} from './harness';
import { DEMO_TENANT_DECORATOR } from '../../server/src/demo/plugin';
import type { DemoTenant } from '../../server/src/demo/tenant';

useBrowserTimeouts();

let suite: BrowserSuite;
let server: TabServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ server, browser, page, problems } = suite = await openBrowserSuite());
});

afterAll(() => suite?.close());

/** Console errors other than the browser's own note of an expected failed request. */
const unexpectedErrors = (allowed: RegExp[] = []) =>
  problems.consoleErrors.filter((error) => !allowed.some((pattern) => pattern.test(error)));

afterEach(async () => {
  await page.unrouteAll();
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  expect(problems.pageErrors).toEqual([]);
  problems.consoleErrors.length = 0;
  problems.pageErrors.length = 0;
});

const hasDemoIdentity = () => server.app.hasRoute({ method: 'GET', url: '/demo/identity/people' });
const NO_DEMO_IDENTITY_404 = /404 \(Not Found\).*\/demo\/identity\/people/;

describe('the tab outside any host', () => {
  it('shows an accessible loading state before any script runs', async () => {
    const noScript = await newTestContext(browser, { javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${server.url}/tab`);
      expect(await plain.getByRole('status').textContent()).toContain('Loading Unplug');
    } finally {
      await noScript.close();
    }
  });

  it('runs in demo mode in a plain browser page, without waiting for a host', async () => {
    const startedAt = Date.now();
    await page.goto(`${server.url}/tab`);
    await expect.poll(() => page.getByText('Demo mode', { exact: true }).isVisible()).toBe(true);
    // No frame, no host: teams-js gives up at once, so demo mode needs no time-out.
    expect(Date.now() - startedAt).toBeLessThan(2500);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('default');
    expect(await page.getByRole('tab', { name: 'Balance' }).getAttribute('aria-selected')).toBe('true');

    if (hasDemoIdentity()) {
      // The switcher lists exactly the demo tenant's people.
      const people = (await server.app.inject('/demo/identity/people')).json<{ value: Array<{ id: string; displayName: string; userPrincipalName: string }> }>().value;
      const switcher = page.getByRole('combobox', { name: 'Demo person' });
      await expect.poll(() => switcher.locator('option').allTextContents())
        .toEqual(people.map((p) => `${p.displayName} (${p.userPrincipalName})`));
      const next = people[1];
      if (next) {
        const tokenRequest = page.waitForRequest((r) => r.url().endsWith('/demo/identity/token') && r.postDataJSON()?.userId === next.id);
        await switcher.selectOption(next.id);
        await tokenRequest;
        // The view reloads for the new person; scan it once it shows their figures.
        await expect.poll(() => page.locator('[data-figure="balance-summary"]').isVisible(), { timeout: 15_000 }).toBe(true);
        await layoutSettled(page.mainFrame());
      }
      expect(unexpectedErrors()).toEqual([]);
    } else {
      await expect.poll(() => page.getByText('Demo mode cannot sign anyone in.').isVisible()).toBe(true);
      expect(unexpectedErrors([NO_DEMO_IDENTITY_404])).toEqual([]);
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'demo-mode');
  });

  it('shows the demo person\'s Teams activity feed, newest first, each nudge opening its view', async () => {
    const tenant = server.app.getDecorator<DemoTenant>(DEMO_TENANT_DECORATOR);
    const person = tenant.org.people[2]!;
    const appToken = (await tenant.appToken()).token;
    const link = (view: string) => `https://teams.microsoft.com/l/entity/d3e0f00d-0000-4000-8000-00000000feed/unplug?context=${encodeURIComponent(JSON.stringify({ subEntityId: view }))}`;
    const notify = async (activityType: string, view: string, templateParameters: { name: string; value: string }[], preview: string) => {
      const response = await server.app.inject({
        method: 'POST', url: `/demo/graph/v1.0/users/${person.id}/teamwork/sendActivityNotification`, headers: { authorization: `Bearer ${appToken}` },
        payload: { topic: { source: 'text', value: 'Unplug', webUrl: link(view) }, activityType, previewText: { content: preview }, templateParameters },
      });
      expect(response.statusCode, response.body).toBe(204);
    };
    await notify('weeklySummary', 'balance', [{ name: 'share', value: '30%' }, { name: 'trend', value: 'steady on the last 4 weeks' }], 'Keep the habit: book next week\'s blocks now.');
    await notify('startingSoon', 'quiet-time', [{ name: 'what', value: 'Your quiet time' }, { name: 'time', value: '17:30' }], 'Your quiet time runs 17:30–09:00. Time to wrap up and unplug.');

    await page.goto(`${server.url}/tab`);
    const switcher = page.getByRole('combobox', { name: 'Demo person' });
    await expect.poll(() => switcher.isVisible()).toBe(true);
    await switcher.selectOption(person.id);
    const header = page.getByRole('button', { name: 'Teams activity feed (demo): 2 nudges' });
    await expect.poll(() => header.isVisible(), { timeout: 15_000 }).toBe(true);
    await header.click();
    const feed = page.getByRole('list', { name: 'Nudges received, newest first' });
    await expect.poll(() => feed.getByRole('listitem').count()).toBe(2);
    expect(await feed.getByRole('link').allTextContents()).toEqual(['Your quiet time starts at 17:30', 'Your week: 30% offline, steady on the last 4 weeks']);
    // The panel opens with a fade: scan once it is fully shown, not mid-animation (a half-faded link
    // reads as low contrast).
    await expect.poll(() => feed.evaluate((el) => {
      for (let node: Element | null = el; node; node = node.parentElement) if (getComputedStyle(node).opacity !== '1') return false;
      return true;
    })).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'demo-activity-feed');

    await feed.getByRole('link', { name: 'Your quiet time starts at 17:30' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Quiet time' }).getAttribute('aria-selected')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/tab/quiet-time');
    expect(unexpectedErrors()).toEqual([]);
  });

  it('says what to do when the server has no demo identity', async () => {
    await page.route('**/demo/identity/people', (route) =>
      route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'No route for GET /demo/identity/people' } } }));
    await page.goto(`${server.url}/tab`);
    await expect.poll(() => page.getByText('Demo mode cannot sign anyone in.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Start the server without Microsoft 365 settings/).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Demo person' }).count()).toBe(0);
    expect(unexpectedErrors([NO_DEMO_IDENTITY_404])).toEqual([]);
  });

  it('follows the browser\'s colour scheme and forced colours', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${server.url}/tab`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('default');
    await page.emulateMedia({ forcedColors: 'active' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('contrast');
  });

  it('falls back to demo mode when it is framed by a page that is no Teams host', async () => {
    const { tab } = await openInHost(page, server, { silent: true });
    // The wait for a host (3 s) on the page's test clock, once the tab has asked the host.
    await waitForHostMessage(page, 'initialize');
    await page.clock.runFor(3_000);
    await expect.poll(() => tab.getByText('Demo mode', { exact: true }).isVisible(), { timeout: 8000 }).toBe(true);
    expect(await tabTheme(tab)).toBe('default');
    const messages = await hostMessages(page);
    expect(messages.map((m) => m.func)).toEqual(['initialize']);
    expect(messages[0]?.answered).toBe(false);
  });

  it('in Microsoft 365 mode never falls back to demo mode: after a longer wait it says Teams did not answer, with Try again', async () => {
    let modeAnswered!: () => void;
    const modeAsked = new Promise<void>((resolve) => { modeAnswered = resolve; });
    await page.route('**/mode', async (route) => {
      await route.fulfill({ status: 200, json: { mode: 'microsoft365' } });
      modeAnswered();
    });
    try {
      const { tab } = await openInHost(page, server, { silent: true });
      // The tab starts its wait for the host once it has the mode. The waits run on the page's
      // test clock: 0.5 s of real time (in which the answer arrives), then 4 s more.
      await modeAsked;
      await page.waitForTimeout(500);
      await page.clock.runFor(4000);
      // Still waiting where demo mode used to take over (3 s), and not yet saying Teams did not answer.
      expect(await tab.getByText('Demo mode', { exact: true }).count()).toBe(0);
      expect(await tab.getByText(/Teams did not answer\./).count()).toBe(0);
      // The rest of the longer wait (10 s). Less than 10 s in all had the wait not started before
      // the 4 s above: then nothing would say that Teams did not answer, and the test would fail.
      await page.clock.runFor(6100);
      // Soon after, in real time: the page clock runs on meanwhile, and a much longer wait must not pass.
      await expect.poll(() => tab.getByText(/Teams did not answer\./).isVisible(), { timeout: 2_000 }).toBe(true);
      expect(await tab.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      expect(await tab.getByText('Demo mode', { exact: true }).count()).toBe(0);
    } finally {
      await page.unroute('**/mode');
      problems.consoleErrors = problems.consoleErrors.filter((e) => !/the tab could not start/.test(e));
    }
  });
});
