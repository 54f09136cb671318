/**
 * Consent: when the API answers `consent_required`, the tab offers a button that runs the consent
 * flow — in Teams through `authentication.authenticate` (a pop-up that runs teams-js itself, which
 * insists on https, hence the HTTPS front), in demo mode straight through the demo identity.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  openInHost, saveScreenshot, saveTabScreenshot, type DemoTenantClient, type PageProblems, type TabServer, openBrowserSuite, type BrowserSuite, useBrowserTimeouts,
} from './harness';

useBrowserTimeouts();

let suite: BrowserSuite;
let server: TabServer;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
let demo: DemoTenantClient;

beforeAll(async () => {
  ({ server, context, page, problems, demo } = suite = await openBrowserSuite({ server: { https: true }, context: { ignoreHTTPSErrors: true } }));
});

afterAll(() => suite?.close());

const setConsent = async (userId: string, granted: boolean) => {
  const response = await fetch(`${server.httpUrl}/demo/identity/consent`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId, granted }),
  });
  expect(response.ok).toBe(true);
  return response.json() as Promise<{ consented: boolean }>;
};

/**
 * Someone who has not consented and whom this server has never served (the server keeps Graph
 * tokens and calendars for a while, so withdrawing consent later would not show at once).
 */
async function withoutConsent(displayName: string): Promise<string> {
  const id = demo.person(displayName).id;
  expect((await setConsent(id, false)).consented).toBe(false);
  return id;
}

afterEach(() => {
  expect(problems.pageErrors).toEqual([]);
  // The API's 403 consent_required and 401 claims_challenge answers are expected; nothing else may fail.
  expect(problems.consoleErrors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  problems.consoleErrors.length = 0;
});

describe('consent', () => {
  it('in Teams: runs the authentication pop-up, then shows the figures', async () => {
    const lukasId = await withoutConsent('Lukas Meyer'); // also seeded without consent
    const { tab } = await openInHost(page, server, { demoUserId: lukasId, userObjectId: lukasId, authenticateInWindow: true });
    await expect.poll(() => tab.getByText('Unplug needs your permission first.').isVisible(), { timeout: 15_000 }).toBe(true);

    await saveTabScreenshot(page, tab, 'consent-needed');

    const [popup] = await Promise.all([context.waitForEvent('page'), tab.getByRole('button', { name: 'Grant access' }).click()]);
    await expect.poll(() => popup.getByRole('button', { name: 'Allow' }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(new URL(popup.url()).pathname).toBe('/tab/consent');
    await saveScreenshot(popup, 'consent-pop-up');
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.waitForEvent('close', { timeout: 10_000 });

    await expect.poll(() => tab.locator('[data-figure="balance-summary"]').isVisible(), { timeout: 15_000 }).toBe(true);
    const messages = await page.evaluate(() => window.__host.messages);
    expect(messages.filter((m) => m.from === 'authentication').map((m) => m.func)).toContain('authentication.authenticate.success');
    expect(messages.find((m) => m.func === 'authentication.authenticate')?.answered).toBe(true);
    const recorded = await (await fetch(`${server.httpUrl}/demo/identity/consent?userId=${lukasId}`)).json() as { consented: boolean };
    expect(recorded.consented).toBe(true);
  });

  it('in Teams: says so when the person cancels, and can ask again', async () => {
    const sofiaId = await withoutConsent('Sofia Rossi');
    const { tab } = await openInHost(page, server, { demoUserId: sofiaId, userObjectId: sofiaId, authenticateInWindow: true });
    await expect.poll(() => tab.getByRole('button', { name: 'Grant access' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const [popup] = await Promise.all([context.waitForEvent('page'), tab.getByRole('button', { name: 'Grant access' }).click()]);
    await expect.poll(() => popup.getByRole('button', { name: 'Cancel' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => tab.getByText(/Access was not granted: the request was cancelled\./).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await tab.getByRole('button', { name: 'Grant access' }).isEnabled()).toBe(true);
  });

  it('in demo mode: the demo identity grants it for the chosen person', async () => {
    const noahId = await withoutConsent('Noah Williams');
    await page.goto(`${server.url}/tab`);
    const switcher = page.getByRole('combobox', { name: 'Demo person' });
    await expect.poll(() => switcher.isVisible(), { timeout: 10_000 }).toBe(true);
    await switcher.selectOption(noahId);
    await expect.poll(() => page.getByRole('button', { name: 'Grant access' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Grant access' }).click();
    await expect.poll(() => page.locator('[data-figure="balance-summary"]').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.evaluate(() => window.localStorage.clear());
  });
});

describe('claims challenge (Conditional Access asks for MFA)', () => {
  const setMfa = async (userId: string, mfaRequired: boolean) => {
    const response = await fetch(`${server.httpUrl}/demo/identity/conditional-access`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId, mfaRequired }),
    });
    expect(response.ok).toBe(true);
  };

  it('in Teams: asks getAuthToken for the claims, retries, and shows the figures, never a consent button', async () => {
    const chloe = demo.person('Chloe Nguyen');
    await setMfa(chloe.id, true);
    try {
      const { tab } = await openInHost(page, server, { demoUserId: chloe.id, userObjectId: chloe.id });
      await expect.poll(() => tab.locator('[data-figure="balance-summary"]').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await tab.getByRole('button', { name: 'Grant access' }).count()).toBe(0);
      const requests = (await page.evaluate(() => window.__host.messages)).filter((m) => m.func === 'authentication.getAuthToken');
      const withClaims = requests.filter((m) => Array.isArray(m.args[1]) && (m.args[1] as unknown[]).length > 0);
      expect(withClaims.length).toBeGreaterThan(0);
      expect(JSON.parse((withClaims[0]!.args[1] as string[])[0]!)).toEqual({ access_token: { acrs: { essential: true, value: 'c1' } } });
    } finally {
      await setMfa(chloe.id, false);
    }
  });

  it('in demo mode: the demo identity gives a token with the claims, and the figures show', async () => {
    const liam = demo.person("Liam O'Brien");
    await setMfa(liam.id, true);
    try {
      await page.goto(`${server.url}/tab`);
      const switcher = page.getByRole('combobox', { name: 'Demo person' });
      await expect.poll(() => switcher.isVisible(), { timeout: 10_000 }).toBe(true);
      await switcher.selectOption(liam.id);
      await expect.poll(() => page.locator('[data-figure="balance-summary"]').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByRole('button', { name: 'Grant access' }).count()).toBe(0);
    } finally {
      await setMfa(liam.id, false);
      await page.evaluate(() => window.localStorage.clear());
    }
  });
});
