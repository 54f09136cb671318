/**
 * Every view of the tab in the three Teams themes: no serious or critical axe-core violation,
 * the theme really applied (also live, on themeChange), and a screenshot of each for review in
 * tests/artifacts/.
 *
 * Each view loads once and meets the other two themes live (themeChange, as Teams sends it when
 * someone switches theme with the tab open): loading a view costs more than checking it. The
 * theme a view opens in rotates, so every theme is also met at load, by several views.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems, animationsEnded, openInHost, saveTabScreenshot, tabTheme, waitForHostMessage, type DemoTenantClient, type HostConfig, type HostTheme, type PageProblems, type TabServer, openBrowserSuite, type BrowserSuite, useBrowserTimeouts,
} from './harness';
import { CUSTOMER_SUCCESS_TEAM_ID } from '../../server/src/demo/teams';

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

afterEach(() => {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  problems.consoleErrors.length = 0;
});

interface ViewCase {
  name: string;
  host: Partial<HostConfig>;
  /** Resolves once the view shows its real content (not the loading state). */
  ready(tab: Frame): Promise<unknown>;
}

const shown = (tab: Frame, locator: ReturnType<Frame['locator']>) => expect.poll(() => locator.first().isVisible(), { timeout: 15_000 }).toBe(true);

const VIEWS: ViewCase[] = [
  {
    name: 'balance', host: { tab: '/tab/balance' },
    ready: async (tab) => {
      await shown(tab, tab.locator('[data-figure="balance-summary"]'));
      await shown(tab, tab.locator('figure svg'));
    },
  },
  { name: 'trend', host: { tab: '/tab/trend' }, ready: (tab) => shown(tab, tab.locator('[data-figure="trend-summary"]')) },
  { name: 'suggestions', host: { tab: '/tab/suggestions' }, ready: (tab) => shown(tab, tab.getByRole('heading', { name: 'Meetings in your quiet time' })) },
  { name: 'quiet-time', host: { tab: '/tab/quiet-time' }, ready: (tab) => shown(tab, tab.getByRole('heading', { name: 'Meetings in your quiet time' })) },
  { name: 'privacy', host: { tab: '/tab/privacy' }, ready: (tab) => shown(tab, tab.getByRole('button', { name: 'Export my data' })) },
  { name: 'admin', host: { tab: '/tab/admin' }, ready: (tab) => shown(tab, tab.getByRole('heading', { name: 'Recent changes' })) },
  {
    name: 'team', host: { tab: '/team', teamId: '19:a11y@thread.tacv2', groupId: CUSTOMER_SUCCESS_TEAM_ID, teamName: 'Customer Success', channelId: '19:general@thread.tacv2' },
    ready: (tab) => shown(tab, tab.getByRole('switch', { name: /figures with this team/ })),
  },
  {
    name: 'channel-config', host: { tab: '/config', frameContext: 'settings', teamId: '19:a11y@thread.tacv2', channelId: '19:general@thread.tacv2' },
    ready: (tab) => shown(tab, tab.getByRole('textbox', { name: 'Tab name' })),
  },
];

const THEMES: HostTheme[] = ['default', 'dark', 'contrast'];

/** The background the tab paints, as the theme sets it. */
const background = (tab: Frame) => tab.evaluate(() => getComputedStyle(document.querySelector('[data-theme]:not(html)') as HTMLElement).backgroundColor);
const EXPECTED_BACKGROUND: Record<HostTheme, RegExp> = { default: /^rgb\(2[45]\d, 2[45]\d, 2[45]\d\)$/, dark: /^rgb\([0-4]\d, [0-4]\d, [0-4]\d\)$/, contrast: /^rgb\(0, 0, 0\)$/ };

/** The themes view `index` meets, starting with the one it opens in. */
const themesFor = (index: number): HostTheme[] => THEMES.map((_, i) => THEMES[(index + i) % THEMES.length] ?? 'default');

describe('in the default, dark and contrast themes', () => {
  it.each(VIEWS.map((v, index) => [v.name, v, index] as const))('%s has no serious or critical axe violation in any of them', async (name, view, index) => {
    const avery = demo.person('Avery Quinn'); // an admin, so every view is offered
    const themes = themesFor(index);
    const first = themes[0] ?? 'default';
    const { tab } = await openInHost(page, server, { theme: first, demoUserId: avery.id, userObjectId: avery.id, userDisplayName: avery.displayName, ...view.host });
    await view.ready(tab);
    for (const theme of themes) {
      if (theme !== first) await page.evaluate((t) => window.__host.sendThemeChange(t), theme);
      await expect.poll(() => tabTheme(tab), { message: `${name}: the ${theme} theme` }).toBe(theme);
      await animationsEnded(tab);
      expect(await background(tab), `${name} in the ${theme} theme`).toMatch(EXPECTED_BACKGROUND[theme]);
      expect(await accessibilityProblems(tab), `${name} in the ${theme} theme`).toEqual([]);
      await saveTabScreenshot(page, tab, `view-${name}-${theme}`);
    }
  });
});

describe('live theme changes', () => {
  it('follows themeChange on a loaded view, charts included', async () => {
    const mateo = demo.person('Mateo Silva');
    const { tab } = await openInHost(page, server, { theme: 'default', demoUserId: mateo.id, userObjectId: mateo.id, tab: '/tab/balance' });
    await VIEWS[0]?.ready(tab);
    await waitForHostMessage(page, 'appInitialization.success');
    const barFill = () => tab.evaluate(() => {
      const bar = document.querySelector('figure svg rect[fill]');
      return bar ? getComputedStyle(bar).fill : undefined;
    });
    const lightFill = await barFill();

    for (const next of ['dark', 'contrast', 'default'] as const) {
      await page.evaluate((t) => window.__host.sendThemeChange(t), next);
      await expect.poll(() => tabTheme(tab)).toBe(next);
      expect(await background(tab)).toMatch(EXPECTED_BACKGROUND[next]);
      if (next !== 'default') expect(await barFill()).not.toBe(lightFill);
    }
    expect(await tab.locator('[data-figure="balance-summary"]').isVisible()).toBe(true);
  });
});
