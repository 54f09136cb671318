import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

export interface AccessibilityProblem {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

type AxeWindow = Window & { axe?: typeof axe };

/**
 * Where the test server (tab-server.ts) serves axe-core, on the tab's own origin: a same-origin
 * script, which the tab's CSP (`script-src 'self'`) allows. Served as cacheable, so the browser
 * keeps its compiled code between page loads: about half the cost of evaluating axe's 560 kB
 * source again in every page (120 ms instead of 250 ms a load on this machine).
 */
export const AXE_SCRIPT_PATH = '/__test/axe.js';

/** axe-core's source, as the test server sends it. */
export const axeSource = (): string => axe.source;

/** Loads axe-core into the page or frame once (from the test server, or by evaluating its source when that fails). */
async function loadAxe(target: Page | Frame): Promise<void> {
  const loaded = await target.evaluate((src) => 'axe' in window || new Promise<boolean>((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve('axe' in window);
    script.onerror = () => resolve(false);
    document.head.append(script);
  }), AXE_SCRIPT_PATH);
  // A page of another origin, or one without the test route: `evaluate` is not subject to the CSP.
  if (!loaded) await target.evaluate(axe.source);
}

/** Runs axe-core in the page or frame and returns its violations of at least `minImpact`. */
export async function accessibilityProblems(target: Page | Frame, minImpact: 'serious' | 'critical' = 'serious'): Promise<AccessibilityProblem[]> {
  await loadAxe(target);
  const impacts = minImpact === 'critical' ? ['critical'] : ['serious', 'critical'];
  const violations = await target.evaluate(async () => {
    const run = (window as AxeWindow).axe?.run;
    if (!run) throw new Error('axe-core did not load');
    // Tabster's focus-redirecting dummies (Fluent's TabList, menus…) are aria-hidden and focusable
    // on purpose, a known axe false positive: https://github.com/microsoft/tabster/issues/288
    const results = await run({ exclude: ['[data-tabster-dummy]'] }, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => impacts.includes(v.impact));
}
