/** Full-page screenshots for people to look at (test-results/screenshots/, git-ignored). */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './paths';

export async function shoot(page: Page, size: string, view: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let charts finish their entry animation and fonts settle.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${size}-${view}.png`), fullPage: true });
  // Responsive: the page never scrolls sideways (wide tables and charts scroll inside their box).
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${size} ${view}: page width ${scrollWidth} px in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}
