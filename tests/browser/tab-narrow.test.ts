/**
 * The tab on a phone and in a Teams side panel: every view at 320, 360 and 400 px wide, in the
 * test Teams host (Android, iOS and desktop clients) and in demo mode. At each width: no sideways
 * scrolling of the page, touch targets of at least 44 × 44 px, no serious or critical axe-core
 * finding, and a screenshot `narrow-<view>-<width>-<theme>.png` in tests/artifacts/.
 *
 * One page for the whole file: a view is loaded once and the viewport resized through the widths;
 * the Teams theme changes live (themeChange), rotated so that every view meets all three themes
 * and so does every width.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems, animationsEnded, hostMessages, layoutSettled, openBrowserSuite, openInHost, saveScreenshot, saveTabScreenshot, tabTheme,
  type BrowserSuite, type DemoTenantClient, type HostConfig, type HostTheme, type PageProblems, type TabServer, useBrowserTimeouts,
} from './harness';
import { CUSTOMER_SUCCESS_TEAM_ID } from '../../server/src/demo/teams';

useBrowserTimeouts();

let suite: BrowserSuite;
let server: TabServer;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
let demo: DemoTenantClient;

beforeAll(async () => {
  // HTTPS: teams-js opens the consent pop-up only for https URLs.
  ({ server, context, page, problems, demo } = suite = await openBrowserSuite({ server: { https: true }, context: { ignoreHTTPSErrors: true } }));
});

afterAll(() => suite?.close());

afterEach(async () => {
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  expect(problems.pageErrors).toEqual([]);
  // A person without consent gets the API's 403 consent_required: expected in the consent test.
  expect(problems.consoleErrors.filter((e) => !/status of 403/.test(e))).toEqual([]);
  problems.consoleErrors.length = 0;
});

const WIDTHS = [320, 360, 400] as const;
const THEMES: readonly HostTheme[] = ['default', 'dark', 'contrast'];
const TOUCH_TARGET_PX = 44;

/** The theme of a view at a width: each view sees all three, each width sees all three. */
const themeFor = (viewIndex: number, widthIndex: number): HostTheme => THEMES[(viewIndex + widthIndex) % THEMES.length] ?? 'default';

const shown = (locator: ReturnType<Frame['locator']>) => expect.poll(() => locator.first().isVisible(), { timeout: 15_000 }).toBe(true);

interface ViewCase {
  name: string;
  host: Partial<HostConfig>;
  /** Path of the same view in demo mode, outside Teams; none for pages only Teams shows. */
  demoPath?: string;
  /** Resolves once the view shows its real content (not the loading state). */
  ready(tab: Frame): Promise<unknown>;
  /** Opens what the view hides at first (the adjust buttons…), so that it is measured too. */
  expand?(tab: Frame): Promise<unknown>;
}

// The team's Microsoft 365 group (groupId) is what the tab checks membership against.
const TEAM = { teamId: '19:narrow@thread.tacv2', groupId: CUSTOMER_SUCCESS_TEAM_ID, teamName: 'Customer Success', channelId: '19:general@thread.tacv2' };

const VIEWS: ViewCase[] = [
  {
    name: 'balance', host: { tab: '/tab/balance' }, demoPath: '/tab/balance',
    ready: async (tab) => {
      await shown(tab.locator('[data-figure="balance-summary"]'));
      await shown(tab.locator('figure svg .tick text'));
    },
  },
  { name: 'trend', host: { tab: '/tab/trend' }, demoPath: '/tab/trend', ready: (tab) => shown(tab.locator('[data-figure="trend-summary"]')) },
  {
    name: 'suggestions', host: { tab: '/tab/suggestions' }, demoPath: '/tab/suggestions',
    ready: (tab) => shown(tab.getByRole('heading', { name: 'Meetings in your quiet time' })),
    expand: async (tab) => {
      const adjust = tab.getByRole('button', { name: 'Adjust' }).first();
      if (await adjust.count()) await adjust.click();
    },
  },
  { name: 'quiet-time', host: { tab: '/tab/quiet-time' }, demoPath: '/tab/quiet-time', ready: (tab) => shown(tab.getByRole('heading', { name: 'Meetings in your quiet time' })) },
  { name: 'privacy', host: { tab: '/tab/privacy' }, demoPath: '/tab/privacy', ready: (tab) => shown(tab.getByRole('button', { name: 'Export my data' })) },
  { name: 'admin', host: { tab: '/tab/admin' }, demoPath: '/tab/admin', ready: (tab) => shown(tab.getByRole('heading', { name: 'Recent changes' })) },
  { name: 'team', host: { tab: '/team', ...TEAM }, ready: (tab) => shown(tab.getByRole('switch', { name: /figures with this team/ })) },
  {
    name: 'channel-config', host: { tab: '/config', frameContext: 'settings', ...TEAM }, demoPath: '/config',
    ready: (tab) => shown(tab.getByRole('heading', { name: 'Add Unplug to this channel' })),
  },
  { name: 'consent', host: { tab: '/tab/consent' }, demoPath: '/tab/consent', ready: (tab) => shown(tab.getByRole('heading', { name: 'Give Unplug access' })) },
];

function viewNamed(name: string): ViewCase {
  const view = VIEWS.find((v) => v.name === name);
  if (!view) throw new Error(`no view case named ${name}`);
  return view;
}

const VIEW_OF_LABEL: Record<string, string> = { Balance: 'balance', Trend: 'trend', Suggestions: 'suggestions', 'Quiet time': 'quiet-time', Privacy: 'privacy', Admin: 'admin' };

/** The Teams clients the views run in, in turn: two phones and a desktop side panel. */
const CLIENTS = ['android', 'ios', 'desktop'] as const;

interface LayoutFindings {
  scrollWidth: number;
  innerWidth: number;
  /** Visible interactive elements smaller than 44 × 44 px. */
  smallTargets: string[];
}

/**
 * What a frame looks like at its current width. A text field is measured by its Fluent field box
 * (the border a finger aims at), since the `<input>` inside is that box less its 1 px border.
 * Hidden items (tabs moved under More) have no box and are left out.
 */
function layoutFindings(frame: Frame): Promise<LayoutFindings> {
  return frame.evaluate((minimum) => {
    const interactive = 'button, a[href], select, input:not([type="hidden"]), textarea, [role="tab"], [role="menuitem"], [role="switch"], [role="checkbox"], [role="radio"], [role="option"]';
    const smallTargets = [...document.querySelectorAll<HTMLElement>(interactive)].flatMap((element) => {
      // A chart's bars and points (focusable for their call-outs) are as big as their figures; the
      // table beside the chart has every figure in cells a finger can read (WCAG 2.5.8, equivalent).
      if (element.closest('svg')) return [];
      const target = element.closest<HTMLElement>('.fui-Input, .fui-SpinButton') ?? element;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(target).visibility === 'hidden') return [];
      if (box.width >= minimum - 0.5 && box.height >= minimum - 0.5) return [];
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
      return [`${element.tagName.toLowerCase()}${element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`];
    });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, smallTargets };
  }, TOUCH_TARGET_PX);
}

/** Resizes the page and waits until the frame has the new width and its layout (Overflow, charts) has settled. */
async function resize(frame: Frame, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 720 });
  await frame.waitForFunction((w) => window.innerWidth === w, width);
  await layoutSettled(frame);
}

async function expectUsable(frame: Frame, where: string): Promise<void> {
  await animationsEnded(frame);
  const findings = await layoutFindings(frame);
  expect(findings.scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(findings.innerWidth);
  expect(findings.smallTargets, `${where}: touch targets under ${TOUCH_TARGET_PX} px`).toEqual([]);
  expect(await accessibilityProblems(frame), `${where}: axe`).toEqual([]);
}

/**
 * The balance chart's day labels are all there and none overlaps another, and its plot is as
 * tall as on a wide screen (the legend, one entry a line on a phone, takes its share of the box).
 */
async function expectReadableChart(frame: Frame): Promise<void> {
  const plotHeight = await frame.evaluate(() => document.querySelector('figure svg')?.getBoundingClientRect().height ?? 0);
  expect(plotHeight).toBeGreaterThanOrEqual(240);
  const labels = await frame.evaluate(() => {
    const axis = document.querySelector('figure svg');
    return [...(axis?.querySelectorAll('.tick text') ?? [])]
      .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }))
      .filter(({ text }) => /\p{L}/u.test(text))
      .map(({ text, box }) => ({ text, left: box.left, right: box.right }));
  });
  expect(labels.map((l) => l.text)).toHaveLength(7);
  for (let i = 1; i < labels.length; i++) expect(labels[i]!.left, `${labels[i - 1]?.text} and ${labels[i]?.text} overlap`).toBeGreaterThanOrEqual(labels[i - 1]!.right);
}

/** The day table scrolls inside its own region, and its day column stays in place meanwhile. */
async function expectDayTableScrollsWithDayFixed(frame: Frame): Promise<void> {
  const result = await frame.evaluate(() => {
    const region = document.querySelector<HTMLElement>('[role="region"][aria-label^="Balance table"]');
    const dayCell = region?.querySelector('tbody td');
    if (!region || !dayCell) return undefined;
    const scrollable = region.scrollWidth > region.clientWidth;
    region.scrollLeft = region.scrollWidth;
    const offset = dayCell.getBoundingClientRect().left - region.getBoundingClientRect().left;
    const scrolled = region.scrollLeft;
    region.scrollLeft = 0;
    return { scrollable, scrolled, offset, tabIndex: region.tabIndex };
  });
  expect(result).toBeDefined();
  expect(result?.scrollable).toBe(true);
  expect(result?.scrolled).toBeGreaterThan(0);
  expect(Math.abs(result?.offset ?? 99)).toBeLessThanOrEqual(1);
  expect(result?.tabIndex).toBe(0);
}

describe('in the Teams host, at 320, 360 and 400 px', () => {
  it.each(VIEWS.map((view, index) => [view.name, view, index] as const))('%s is usable', async (name, view, index) => {
    const avery = demo.person('Avery Quinn'); // an admin, so every view is offered
    const hostClientType = CLIENTS[index % CLIENTS.length];
    await page.setViewportSize({ width: WIDTHS[0], height: 720 });
    const { tab } = await openInHost(page, server, {
      theme: themeFor(index, 0), hostClientType, demoUserId: avery.id, userObjectId: avery.id, userDisplayName: avery.displayName, ...view.host,
    });
    await view.ready(tab);
    await view.expand?.(tab);

    for (const [widthIndex, width] of WIDTHS.entries()) {
      const theme = themeFor(index, widthIndex);
      if (widthIndex > 0) await page.evaluate((t) => window.__host.sendThemeChange(t), theme);
      await expect.poll(() => tabTheme(tab)).toBe(theme);
      await resize(tab, width);
      const where = `${name} at ${width} px (${hostClientType}, ${theme})`;
      await expectUsable(tab, where);
      expect(await tab.evaluate(() => document.documentElement.dataset['touch']), where).toBe('true');
      if (name === 'balance') {
        await expectReadableChart(tab);
        await expectDayTableScrollsWithDayFixed(tab);
      }
      await saveTabScreenshot(page, tab, `narrow-${name}-${width}-${theme}`);
    }
  });

  it('keeps the selected view visible and offers the others under More', async () => {
    const avery = demo.person('Avery Quinn');
    await page.setViewportSize({ width: 320, height: 720 });
    const { tab } = await openInHost(page, server, { hostClientType: 'android', demoUserId: avery.id, userObjectId: avery.id, tab: '/tab/quiet-time' });
    await viewNamed('quiet-time').ready(tab);
    const selected = tab.getByRole('tab', { selected: true });
    expect(await selected.textContent()).toContain('Quiet time');

    const more = tab.getByRole('tab', { name: /^More views/ });
    await more.click();
    const items = tab.getByRole('menuitem');
    await shown(items);
    const offered = await items.allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['Privacy', 'Admin']));
    expect(offered).not.toContain('Quiet time');
    await expectUsable(tab, 'the More menu at 320 px');
    await saveTabScreenshot(page, tab, 'narrow-more-menu-320');

    await tab.getByRole('menuitem', { name: 'Admin' }).click();
    await shown(tab.getByRole('heading', { name: 'Recent changes' }));
    expect(await tab.getByRole('tab', { selected: true }).textContent()).toContain('Admin');
    expect(new URL(tab.url()).pathname).toBe('/tab/admin');
    // Every view is still reachable: the visible tabs and the menu together offer all six.
    await tab.getByRole('tab', { name: /^More views/ }).click();
    await shown(tab.getByRole('menuitem'));
    const visibleViews = await tab.locator('[role="tab"][id^="unplug-tab-"]').evaluateAll((tabs) =>
      tabs.filter((t) => t.getBoundingClientRect().width > 0).map((t) => t.id.replace('unplug-tab-', '')));
    const menuViews = (await tab.getByRole('menuitem').allTextContents()).map((label) => VIEW_OF_LABEL[label]);
    expect(new Set([...visibleViews, ...menuViews])).toEqual(new Set(Object.values(VIEW_OF_LABEL)));
    await page.keyboard.press('Escape');
  });

  it('fits the delete confirmation dialog on a phone', async () => {
    const avery = demo.person('Avery Quinn');
    await page.setViewportSize({ width: 320, height: 720 });
    const { tab } = await openInHost(page, server, { hostClientType: 'android', theme: 'dark', demoUserId: avery.id, userObjectId: avery.id, tab: '/tab/privacy' });
    await viewNamed('privacy').ready(tab);
    await tab.getByRole('button', { name: 'Delete my data…' }).click();
    const dialog = tab.getByRole('alertdialog');
    await shown(dialog);
    const box = await dialog.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(320);
    await expectUsable(tab, 'the delete dialog at 320 px');
    await saveTabScreenshot(page, tab, 'narrow-privacy-dialog-320-dark');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('shows every tab, without More, when they fit', async () => {
    const avery = demo.person('Avery Quinn');
    await page.setViewportSize({ width: 1024, height: 720 });
    const { tab } = await openInHost(page, server, { hostClientType: 'desktop', demoUserId: avery.id, userObjectId: avery.id, tab: '/tab/privacy' });
    await viewNamed('privacy').ready(tab);
    await expect.poll(() => tab.getByRole('tab', { name: 'Admin' }).isVisible()).toBe(true);
    expect(await tab.getByRole('tab', { name: /^More views/ }).count()).toBe(0);
    // A desktop at full width keeps Fluent's own (mouse) sizes.
    expect(await tab.evaluate(() => document.documentElement.dataset['touch'])).toBe('false');
  });

  it('on a phone, consent runs in a full-screen pop-up that fits the phone', async () => {
    const lukas = demo.person('Lukas Meyer');
    const answer = await fetch(`${server.httpUrl}/demo/identity/consent`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: lukas.id, granted: false }),
    });
    expect(answer.ok).toBe(true);
    await page.setViewportSize({ width: 360, height: 720 });
    const { tab } = await openInHost(page, server, { hostClientType: 'ios', demoUserId: lukas.id, userObjectId: lukas.id, authenticateInWindow: true });
    const grant = tab.getByRole('button', { name: 'Grant access' });
    await shown(grant);
    await expectUsable(tab, 'consent needed at 360 px');

    const [popup] = await Promise.all([context.waitForEvent('page'), grant.click()]);
    // What a phone does with the pop-up: the whole screen, whatever size was asked for.
    await popup.setViewportSize({ width: 360, height: 720 });
    await expect.poll(() => popup.getByRole('button', { name: 'Allow' }).isVisible(), { timeout: 10_000 }).toBe(true);
    const authenticate = (await hostMessages(page)).find((m) => m.func === 'authentication.authenticate');
    expect(new URL(String(authenticate?.args[0])).pathname).toBe('/tab/consent');
    expect(authenticate?.args[1] ?? undefined, 'no desktop width asked for on a phone').toBeUndefined();
    expect(authenticate?.args[2] ?? undefined, 'no desktop height asked for on a phone').toBeUndefined();
    await expectUsable(popup.mainFrame(), 'the consent pop-up at 360 px');
    await saveScreenshot(popup, 'narrow-consent-pop-up-360');

    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.waitForEvent('close', { timeout: 10_000 });
    await shown(tab.locator('[data-figure="balance-summary"]'));
  });

  it('in a desktop side panel, consent still asks for a pop-up of 600 × 600', async () => {
    const sofia = demo.person('Sofia Rossi');
    await fetch(`${server.httpUrl}/demo/identity/consent`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: sofia.id, granted: false }),
    });
    await page.setViewportSize({ width: 320, height: 720 });
    const { tab } = await openInHost(page, server, { hostClientType: 'desktop', frameContext: 'sidePanel', demoUserId: sofia.id, userObjectId: sofia.id });
    const grant = tab.getByRole('button', { name: 'Grant access' });
    await shown(grant);
    await grant.click(); // the test host cancels it (no authenticateResult)
    await shown(tab.getByText(/the request was cancelled/));
    const authenticate = (await hostMessages(page)).find((m) => m.func === 'authentication.authenticate');
    expect(authenticate?.args.slice(1, 3)).toEqual([600, 600]);
  });
});

describe('in demo mode, at 320, 360 and 400 px', () => {
  const DEMO_VIEWS = VIEWS.filter((view) => view.demoPath !== undefined);

  it.each(DEMO_VIEWS.map((view, index) => [view.name, view, index] as const))('%s is usable', async (name, view, index) => {
    const theme = themeFor(index, 1);
    await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light', forcedColors: theme === 'contrast' ? 'active' : 'none' });
    await page.setViewportSize({ width: WIDTHS[0], height: 720 });
    await page.goto(`${server.url}${view.demoPath}`);
    const switcher = page.getByRole('combobox', { name: 'Demo person' });
    await shown(switcher);
    const avery = demo.person('Avery Quinn');
    if ((await switcher.inputValue()) !== avery.id) await switcher.selectOption(avery.id);
    await view.ready(page.mainFrame());
    await view.expand?.(page.mainFrame());

    for (const width of WIDTHS) {
      await resize(page.mainFrame(), width);
      const where = `demo ${name} at ${width} px (${theme})`;
      await expectUsable(page.mainFrame(), where);
      // The header: the badge on one line, clear of the title and of the person switcher.
      const boxes = await page.evaluate(() => {
        const box = (element: Element | null) => element?.getBoundingClientRect().toJSON() as DOMRect | undefined;
        const badge = [...document.querySelectorAll('.fui-Badge')].find((b) => b.textContent === 'Demo mode');
        return { badge: box(badge ?? null), badgeText: badge ? badge.scrollHeight : 0, title: box(document.querySelector('h1')), switcher: box(document.querySelector('select')) };
      });
      const overlap = (a?: DOMRect, b?: DOMRect) => !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(boxes.badge?.height, where).toBeLessThanOrEqual(24);
      expect(boxes.badgeText, `${where}: the badge's text wraps`).toBeLessThanOrEqual(Math.ceil(boxes.badge?.height ?? 0));
      expect(overlap(boxes.badge, boxes.title), `${where}: badge over the title`).toBe(false);
      expect(overlap(boxes.badge, boxes.switcher), `${where}: badge over the switcher`).toBe(false);
      if (name === 'balance') await expectDayTableScrollsWithDayFixed(page.mainFrame());
      await saveScreenshot(page, `narrow-demo-${name}-${width}-${theme}`);
    }
  });
});
