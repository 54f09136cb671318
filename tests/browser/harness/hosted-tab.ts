import type { Frame, Page } from 'playwright-core';
import { DEFAULT_HOST_CONFIG, type HostConfig, type HostMessage } from './host-protocol';
import { HOST_PAGE_PATH, type TabServer } from './tab-server';

export interface HostedTab {
  /** The tab's frame: find elements in it by role, evaluate in it. */
  tab: Frame;
  config: HostConfig;
}

/** The URL of the test host page framing the tab with this configuration. */
export function hostPageUrl(server: TabServer, config: Partial<HostConfig> = {}): string {
  const full: HostConfig = { ...DEFAULT_HOST_CONFIG, ...config };
  return `${server.url}${HOST_PAGE_PATH}?config=${encodeURIComponent(JSON.stringify(full))}`;
}

/** Opens the tab inside the test Teams host on `page` (navigating it) and returns the tab's frame. */
export async function openInHost(page: Page, server: TabServer, config: Partial<HostConfig> = {}): Promise<HostedTab> {
  await page.goto(hostPageUrl(server, config));
  const tab = await (await page.waitForSelector('iframe#tab')).contentFrame();
  if (!tab) throw new Error('the test host has no tab frame');
  return { tab, config: await page.evaluate(() => window.__host.config) };
}

/** Every message the tab has sent to the host so far. */
export function hostMessages(page: Page): Promise<HostMessage[]> {
  return page.evaluate(() => window.__host.messages);
}

/** Waits for the tab to send `func` (at or after message `fromIndex`). */
export function waitForHostMessage(page: Page, func: string, fromIndex = 0): Promise<HostMessage> {
  return page.evaluate(([f, i]) => window.__host.waitForMessage(f, { fromIndex: i }), [func, fromIndex] as const);
}

/** The theme the tab says it shows (`data-theme` on its root element). */
export function tabTheme(tab: Frame): Promise<string | undefined> {
  return tab.evaluate(() => document.documentElement.dataset['theme']);
}
