import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { vi } from 'vitest';
import { launchBrowser, newTestContext, watchPage, type PageProblems } from './browser';
import { demoTenant, type DemoTenantClient } from './demo-tenant';
import { startTabServer, type TabServer, type TabServerOptions } from './tab-server';

/**
 * A browser file's time limits, longer than the suite's (30 s a test, 60 s a hook): a page, its
 * server and Chromium share two cores with the other files. Call at the top of the file; Vitest
 * puts the suite's limits back after the file.
 */
export function useBrowserTimeouts(): void {
  vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
}

/** What every browser test file starts with: the real server, a browser, one watched page. */
export interface BrowserSuite {
  server: TabServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  demo: DemoTenantClient;
  close(): Promise<void>;
}

/**
 * Starts the server and the browser side by side, then a test context with one page whose errors
 * are collected.
 *
 * @example
 * beforeAll(async () => ({ server, page, problems } = suite = await openBrowserSuite()));
 * afterAll(() => suite?.close());
 */
export async function openBrowserSuite(options: { server?: TabServerOptions; context?: BrowserContextOptions } = {}): Promise<BrowserSuite> {
  const [server, browser] = await Promise.all([startTabServer(options.server), launchBrowser()]);
  const context = await newTestContext(browser, options.context);
  // The tab's clock starts where the server's is (a fixed instant) and then runs normally.
  await context.clock.install({ time: server.clock.ms() });
  const page = await context.newPage();
  return {
    server, browser, context, page,
    problems: watchPage(page),
    demo: await demoTenant(server),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
