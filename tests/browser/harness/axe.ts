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
 * Runs axe-core in the page or frame and returns its violations of at least `minImpact`.
 * Injected through `evaluate`, which the page's CSP does not block (a script tag would be).
 */
export async function accessibilityProblems(target: Page | Frame, minImpact: 'serious' | 'critical' = 'serious'): Promise<AccessibilityProblem[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axe.source);
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
