import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's accessibility rules over the page as it is now (every impact level). Evaluated through the browser's
 * devtools protocol, so the UI's Content-Security-Policy, which refuses inline scripts, does not have to be relaxed.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, so it runs in the page as written (this project's TypeScript has no DOM types).
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  })()`);
}

/**
 * No axe violations on the screen as it is, in English and Dutch (the desk's `#locale` choice) and in light and dark;
 * a violation fails naming `what`, the language and the scheme. Ends in Dutch and light.
 */
export async function expectAccessibleEverywhere(page: Page, what: string): Promise<void> {
  for (const locale of ['en', 'nl']) {
    await page.locator('#locale').selectOption(locale);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await accessibilityViolations(page);
      expect({ what, locale, colorScheme, violations }).toEqual({ what, locale, colorScheme, violations: [] });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
