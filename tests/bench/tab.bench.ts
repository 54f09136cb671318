/**
 * Tab budgets (issue 6): the initial JavaScript of the built tab (gzip), and the time from
 * navigation to the first balance figure in headless Chromium against the local server and its
 * demo tenant — in demo mode (a plain browser page) and inside the test Teams host (real
 * teams-js, SSO token through the host). Goals: at most 220 KB gzip initial JS; the first figure
 * well under the 2 s Teams allows a tab.
 *
 * `npm run bench -- tab`, or `node --import tsx tests/bench/tab.bench.ts [runs]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../../server/src/config';
import { ensureClientBuilt } from '../browser/harness/client-build';
import { demoTenant, hostPageUrl, launchBrowser, newTestContext, startTabServer, type TabServer } from '../browser/harness';

const RUNS = Number(process.argv[2] ?? 5);
const INITIAL_JS_BUDGET_KB = 220;
const FIRST_FIGURE_BUDGET_MS = 2000;
const FIGURE = '[data-figure="balance-summary"]';

const dist = path.join(repoRoot, 'client', 'dist');
const kb = (bytes: number) => bytes / 1024;
const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** The scripts index.html loads before anything renders: the entry module and its preloads. */
function initialScripts(): string[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const found = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) if (match[1]) found.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) if (match[1]) found.add(match[1]);
  return [...found];
}

interface FigureRun {
  ms: number;
  /** JavaScript that had arrived when the figure appeared (gzip KB), lazy chunks included. */
  jsBeforeFigureKb: number;
}

/** Records, in every frame, when the first balance figure appears (ms since that frame's navigation). */
const RECORD_FIRST_FIGURE = `(() => {
  const mark = () => { if (document.querySelector('${FIGURE}')) { window.__firstFigureAt = performance.timeOrigin + performance.now(); observer.disconnect(); } };
  const observer = new MutationObserver(mark);
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function measure(browser: Browser, url: string, inHost: boolean): Promise<FigureRun> {
  const context = await newTestContext(browser);
  await context.addInitScript({ content: RECORD_FIRST_FIGURE });
  const page: Page = await context.newPage();
  const scripts: { at: number; size: Promise<number> }[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js') && response.url().includes('/assets/')) scripts.push({ at: Date.now(), size: response.body().then(gzipSize, () => 0) });
  });
  try {
    await page.goto(url);
    const frame = inHost ? await (await page.waitForSelector('iframe#tab')).contentFrame() : page.mainFrame();
    if (!frame) throw new Error('no tab frame');
    await frame.waitForSelector(FIGURE, { timeout: 20_000 });
    const at = await frame.evaluate(() => (window as unknown as { __firstFigureAt: number }).__firstFigureAt);
    const start = await page.evaluate(() => performance.timeOrigin);
    const sizes = await Promise.all(scripts.filter((s) => s.at <= at).map((s) => s.size));
    return { ms: at - start, jsBeforeFigureKb: kb(sizes.reduce((a, b) => a + b, 0)) };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] ?? 0 : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const fmt = (ms: number) => `${Math.round(ms)} ms`;

async function main(): Promise<void> {
  await ensureClientBuilt();
  const initial = initialScripts().map((src) => {
    const bytes = readFileSync(path.join(dist, src.replace(/^\//, '')));
    return { src, raw: kb(bytes.length), gzip: kb(gzipSize(bytes)) };
  });
  const initialGzip = initial.reduce((sum, s) => sum + s.gzip, 0);
  const lazy = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.some((s) => s.src.endsWith(f)));
  const lazyGzip = lazy.map((f) => ({ f, gzip: kb(gzipSize(readFileSync(path.join(dist, 'assets', f)))) })).sort((a, b) => b.gzip - a.gzip);

  const [server, browser]: [TabServer, Browser] = await Promise.all([startTabServer(), launchBrowser()]);
  const results: Record<string, FigureRun[]> = {};
  try {
    const { people } = await demoTenant(server);
    const consenting = people.filter((p) => p.displayName !== 'Lukas Meyer');
    const personAt = (i: number) => consenting[i % consenting.length]?.id ?? '';
    // Warm the server once (PGlite, JIT, the demo tenant), as a running server is.
    await measure(browser, `${server.url}/tab`, false);

    const modes: Array<[string, (i: number) => string, boolean]> = [
      ['demo mode (first person, server warm)', () => `${server.url}/tab`, false],
      ['in the Teams host, cold (new person each run)', (i) => hostPageUrl(server, { tab: '/tab', demoUserId: personAt(i + 1), userObjectId: personAt(i + 1) }), true],
      ['in the Teams host, warm (same person again)', () => hostPageUrl(server, { tab: '/tab', demoUserId: personAt(1), userObjectId: personAt(1) }), true],
    ];
    for (const [name, urlFor, inHost] of modes) {
      const runs: FigureRun[] = [];
      // Demo mode signs in the first person (a fresh context remembers no choice): warm after the warm-up.
      for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, urlFor(i), inHost));
      results[name] = runs;
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`Tab budgets — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}`);
  console.log('\nInitial JavaScript (what index.html loads before anything renders):');
  for (const s of initial) console.log(`  ${s.src}  ${s.raw.toFixed(1)} KB raw, ${s.gzip.toFixed(1)} KB gzip`);
  const jsOk = initialGzip <= INITIAL_JS_BUDGET_KB;
  console.log(`  total ${initialGzip.toFixed(1)} KB gzip — budget ${INITIAL_JS_BUDGET_KB} KB: ${jsOk ? 'met' : 'EXCEEDED'}`);
  console.log('\nLazy chunks (gzip), largest first:');
  for (const { f, gzip } of lazyGzip.slice(0, 8)) console.log(`  ${f}  ${gzip.toFixed(1)} KB`);

  console.log(`\nNavigation → first balance figure (${RUNS} runs each, headless Chromium, local server + demo tenant):`);
  let figureOk = true;
  for (const [name, runs] of Object.entries(results)) {
    const ms = runs.map((r) => r.ms);
    const m = median(ms);
    figureOk &&= m <= FIRST_FIGURE_BUDGET_MS;
    console.log(`  ${name}: median ${fmt(m)} (min ${fmt(Math.min(...ms))}, max ${fmt(Math.max(...ms))}); JS arrived by then ${median(runs.map((r) => r.jsBeforeFigureKb)).toFixed(1)} KB gzip`);
  }
  console.log(`  budget: median under ${FIRST_FIGURE_BUDGET_MS} ms — ${figureOk ? 'met' : 'EXCEEDED'}`);
  if (!jsOk || !figureOk) process.exitCode = 1;
}

await main();
