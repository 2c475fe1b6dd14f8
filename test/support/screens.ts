import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessibleEverywhere } from './axe';
import { screenshots } from './browser';

/**
 * The desk's screen as it is now, checked as a user would meet it: no axe-core violation in English and Dutch (the
 * `#locale` menu), light and dark; screenshots `<name>-1440.png` at 1440×900 and `<name>-390.png` (and
 * `-390-dark.png`) at 390×844, where nothing may scroll sideways. Leaves the page in English, light, at 1440×900.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessibleEverywhere(page, name);
  await page.selectOption('#locale', 'en');
  await page.screenshot({ path: join(screenshots, `${name}-1440.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(screenshots, `${name}-390.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(screenshots, `${name}-390-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}
