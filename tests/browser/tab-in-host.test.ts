import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems, hostMessages, openInHost, saveScreenshot, tabTheme, waitForHostMessage, type PageProblems, type TabServer, openBrowserSuite, type BrowserSuite, useBrowserTimeouts,
} from './harness';

useBrowserTimeouts();

let suite: BrowserSuite;
let server: TabServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ server, page, problems } = suite = await openBrowserSuite());
});

afterAll(() => suite?.close());

afterEach(() => {
  // Also proves the built tab runs under the server's CSP: a violation is a console error.
  const { pageErrors, consoleErrors } = problems;
  problems.consoleErrors = [];
  problems.pageErrors = [];
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

describe('the tab inside a Teams host', () => {
  it('initialises in the content frame, reads the context and reports loaded', async () => {
    const { tab } = await openInHost(page, server, { userDisplayName: 'Megan Bowen' });
    await expect.poll(() => tab.getByRole('heading', { name: 'Unplug', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => tab.getByText('In Teams as Megan Bowen').isVisible()).toBe(true);
    await waitForHostMessage(page, 'appInitialization.success');

    const messages = await hostMessages(page);
    const funcs = messages.map((m) => m.func);
    expect(funcs[0]).toBe('initialize');
    expect(messages[0]?.answered).toBe(true);
    expect(funcs).toContain('getContext');
    expect(funcs.indexOf('appInitialization.appLoaded')).toBeGreaterThan(funcs.indexOf('getContext'));
    // Once: a production build (no StrictMode double effects) that reports loaded a single time.
    expect(funcs.filter((f) => f === 'appInitialization.success')).toHaveLength(1);
    expect(await tabTheme(tab)).toBe('default');
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('en-us');
    expect(await tab.getByRole('tab', { name: 'Balance' }).getAttribute('aria-selected')).toBe('true');
    expect(await tab.getByRole('tab', { name: 'Admin' }).count()).toBe(0);
    await saveScreenshot(page, 'tab-in-host-light');
  });

  it('applies the dark theme when the context says dark', async () => {
    const { tab } = await openInHost(page, server, { theme: 'dark' });
    await expect.poll(() => tabTheme(tab)).toBe('dark');
    // The Fluent teamsDarkTheme really applies: the page is dark, the text light.
    const colours = await tab.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-theme]:not(html)');
      const heading = document.querySelector('h1');
      return root && heading ? { background: getComputedStyle(root).backgroundColor, text: getComputedStyle(heading).color } : undefined;
    });
    expect(colours).toBeDefined();
    expect(luminance(colours?.background ?? '')).toBeLessThan(0.1);
    expect(luminance(colours?.text ?? '')).toBeGreaterThan(0.7);
    await saveScreenshot(page, 'tab-in-host-dark');
  });

  it('follows themeChange from the host, to high contrast and back', async () => {
    const { tab } = await openInHost(page, server, { theme: 'default' });
    await expect.poll(() => tabTheme(tab)).toBe('default');
    await waitForHostMessage(page, 'appInitialization.success');

    await page.evaluate(() => window.__host.sendThemeChange('contrast'));
    await expect.poll(() => tabTheme(tab)).toBe('contrast');
    const background = await tab.evaluate(() => getComputedStyle(document.querySelector('[data-theme]:not(html)') as HTMLElement).backgroundColor);
    expect(background).toBe('rgb(0, 0, 0)');
    await saveScreenshot(page, 'tab-in-host-contrast');

    await page.evaluate(() => window.__host.sendThemeChange('default'));
    await expect.poll(() => tabTheme(tab)).toBe('default');
  });

  it('asks the host for the SSO token and offers Admin to a token with the admin role', async () => {
    const people = (await server.app.inject('/demo/identity/people')).json<{ value: Array<{ id: string; displayName: string }> }>().value;
    const admin = people.find((p) => p.displayName === 'Avery Quinn'); // the demo tenant's admin
    if (!admin) throw new Error('the demo tenant has no Avery Quinn');
    const { tab } = await openInHost(page, server, { demoUserId: admin.id, userObjectId: admin.id });
    await expect.poll(() => tab.getByRole('tab', { name: 'Admin' }).isVisible()).toBe(true);
    const request = (await hostMessages(page)).find((m) => m.func === 'authentication.getAuthToken');
    expect(request?.answered).toBe(true);
    await expect.poll(() => tab.locator('[data-figure="balance-summary"]').isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('offers Admin to a Teams Administrator (wids, no app role), as the admin routes let them in', async () => {
    const people = (await server.app.inject('/demo/identity/people')).json<{ value: Array<{ id: string; displayName: string }> }>().value;
    const hannah = people.find((p) => p.displayName === 'Hannah Becker'); // Teams Administrator in the demo directory
    if (!hannah) throw new Error('the demo tenant has no Hannah Becker');
    const { tab } = await openInHost(page, server, { demoUserId: hannah.id, userObjectId: hannah.id });
    await expect.poll(() => tab.getByRole('tab', { name: 'Admin' }).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('moves between views with the keyboard and keeps the view in the address', async () => {
    const { tab } = await openInHost(page, server, { tab: '/tab/quiet-time' });
    const quietTime = tab.getByRole('tab', { name: 'Quiet time' });
    await expect.poll(() => quietTime.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => tab.getByRole('tabpanel', { name: 'Quiet time' }).isVisible()).toBe(true);

    await quietTime.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => tab.getByRole('heading', { name: 'Privacy', level: 2 }).isVisible()).toBe(true);
    expect(new URL(tab.url()).pathname).toBe('/tab/privacy');
  });

  it('shows the team view first in a channel tab', async () => {
    const { tab } = await openInHost(page, server, {
      tab: '/team', teamId: '19:team@thread.tacv2', channelId: '19:general@thread.tacv2', groupId: '00000000-0000-4000-8000-0000000000cc',
    });
    await expect.poll(() => tab.getByRole('tab', { name: 'Team' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => tab.getByRole('heading', { name: 'Team', level: 2 }).isVisible()).toBe(true);
  });

  it('configures a channel tab through the host\'s Save', async () => {
    const { tab } = await openInHost(page, server, { tab: '/config', frameContext: 'settings', teamId: '19:team@thread.tacv2', channelId: '19:general@thread.tacv2' });
    await expect.poll(() => tab.getByRole('heading', { name: 'Add Unplug to this channel' }).isVisible()).toBe(true);
    const validity = await waitForHostMessage(page, 'settings.setValidityState');
    expect(validity.args).toEqual([true]);

    // Save is allowed only while the tab has a name.
    const name = tab.getByRole('textbox', { name: 'Tab name' });
    let from = (await hostMessages(page)).length;
    await name.fill('');
    expect((await waitForHostMessage(page, 'settings.setValidityState', from)).args).toEqual([false]);
    await expect.poll(() => tab.getByText('Give the tab a name.').isVisible()).toBe(true);
    from = (await hostMessages(page)).length;
    await name.fill('Team balance');
    expect((await waitForHostMessage(page, 'settings.setValidityState', from)).args).toEqual([true]);

    const before = (await hostMessages(page)).length;
    await page.evaluate(() => window.__host.sendSave());
    await waitForHostMessage(page, 'settings.save.success', before);
    const saved = await page.evaluate(() => window.__host.savedConfig);
    expect(saved).toMatchObject({ contentUrl: `${server.url}/team`, entityId: 'unplug-team', suggestedDisplayName: 'Team balance' });
    await expect.poll(() => tab.getByText('Saved. Teams adds the tab to the channel now.').isVisible()).toBe(true);
    await saveScreenshot(page, 'channel-config');
  });
});

describe('accessibility of the shell', () => {
  it.each(['default', 'dark', 'contrast'] as const)('has no serious or critical axe violation in the %s theme', async (theme) => {
    const { tab } = await openInHost(page, server, { theme });
    await expect.poll(() => tab.getByRole('heading', { name: 'Balance', level: 2 }).isVisible()).toBe(true);
    expect(await accessibilityProblems(tab)).toEqual([]);
  });
});

/** Relative luminance (0 black … 1 white) of a CSS `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
