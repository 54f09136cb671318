import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Frame, type Page } from 'playwright-core';
import { repoRoot } from '../../../server/src/config';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Ours, not @sparticuz/chromium's `args`: those are for AWS Lambda and include
 * `--single-process` and `--disable-web-security`, which would hide exactly the cross-origin
 * and CSP behaviour the browser tests are there to see.
 */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** teams-js fetches its list of valid host origins from here when it loads. */
export const TEAMS_VALID_DOMAINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

export const ARTIFACTS_DIR = path.join(repoRoot, 'tests', 'artifacts');

/** Debian's Chromium when installed, else the binary shipped inside the @sparticuz/chromium package. */
export async function chromiumExecutable(): Promise<string> {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** A headless Chromium. One per test file; close it in `afterAll`. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_FLAGS, headless: true });
}

const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

/**
 * A browser context that never leaves the machine: teams-js's valid-domains request is answered
 * locally (no 1.5 s time-out), any other outside request fails at once.
 */
export async function newTestContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.route((url) => !isLoopback(url), (route) => {
    if (route.request().url() !== TEAMS_VALID_DOMAINS_URL) return route.abort('blockedbyclient');
    return route.fulfill({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*' },
      json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft', '*.office.com'] },
    });
  });
  return context;
}

export interface PageProblems {
  /** Console errors, including CSP violations and failed loads. */
  consoleErrors: string[];
  /** Uncaught exceptions in the page or any of its frames. */
  pageErrors: string[];
}

/** Collects what went wrong on a page from now on; assert both lists are empty. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
}

/**
 * Saves the whole tab (all of its frame's content, not just what fits in the host page) as
 * tests/artifacts/<name>.png: the viewport grows to the tab's height for the shot.
 */
export async function saveTabScreenshot(page: Page, tab: Frame, name: string): Promise<string> {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: before.width, height: Math.min(Math.max(before.height, height + 40), 6000) });
  try {
    // Let the charts and layout settle at the new size.
    await layoutSettled(tab);
    return await saveScreenshot(page, name);
  } finally {
    await page.setViewportSize(before);
  }
}

/** Animation frames in a row with the same layout for it to count as settled. */
const SETTLED_FRAMES = 3;

/** Longer than any settling takes, even on a loaded machine: past it, something keeps moving. */
const SETTLE_TIMEOUT_MS = 15_000;

/**
 * Resolves once the frame's layout has stopped changing: every element's box the same for
 * SETTLED_FRAMES animation frames in a row. What reacts to a new size (resize observers and media
 * queries, Fluent's Overflow, a chart drawn again) does so within a frame or two, so this waits as
 * long as that takes instead of for a fixed time. Playwright polls on the browser's own animation
 * frames, which the page's installed test clock does not replace. HTML elements count by their
 * layout box (`offset*`), which transforms leave alone: a spinning spinner is not a layout change.
 */
export async function layoutSettled(frame: Frame): Promise<void> {
  await frame.evaluate(() => { delete (window as LayoutWindow).__layoutSettled; });
  await frame.waitForFunction((frames) => {
    const root = document.documentElement;
    let layout = `${root.scrollWidth}×${root.scrollHeight}`;
    for (const element of document.querySelectorAll('body *')) {
      if (element instanceof HTMLElement) {
        layout += `;${element.offsetLeft},${element.offsetTop},${element.offsetWidth},${element.offsetHeight}`;
      } else {
        const box = element.getBoundingClientRect();
        layout += `;${box.x},${box.y},${box.width},${box.height}`;
      }
    }
    const win = window as LayoutWindow;
    const last = win.__layoutSettled;
    win.__layoutSettled = { layout, same: last?.layout === layout ? last.same + 1 : 0 };
    return win.__layoutSettled.same >= frames;
  }, SETTLED_FRAMES, { polling: 'raf', timeout: SETTLE_TIMEOUT_MS }).catch((error: unknown) => {
    throw new Error(`the layout did not settle within ${SETTLE_TIMEOUT_MS} ms`, { cause: error });
  });
}

type LayoutWindow = Window & { __layoutSettled?: { layout: string; same: number } };

/**
 * Waits for the frame's running transitions and animations to end (a dialog scaling in, colours
 * fading to a new theme); endless ones (spinners) do not count. Checks of colour (axe's contrast)
 * made meanwhile would measure a colour half-way.
 */
export function animationsEnded(frame: Frame): Promise<unknown> {
  return frame.evaluate(() => Promise.all(document.getAnimations()
    .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
    .map((animation) => animation.finished.catch(() => undefined))));
}

/** Saves a full-page screenshot as tests/artifacts/<name>.png (git-ignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
