import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, newTestContext, watchPage, type PageProblems } from './browser';
import { demoTenant, type DemoTenantClient } from './demo-tenant';
import { startTabServer, type TabServer, type TabServerOptions } from './tab-server';

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
