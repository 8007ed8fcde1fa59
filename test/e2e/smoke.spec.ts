/** The production build loads, with its Content-Security-Policy and privacy statement, and without script errors. */
import { expect, test } from '@playwright/test';

test('the built app loads with a same-origin CSP and no page errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico by itself (not a page request); the shell may not have one.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      errors.push(`${message.text()} (${message.location().url})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');
  await expect(page).toHaveTitle(/gait/i);
  await expect(page.locator('gait-app')).toBeVisible();
  expect(await page.evaluate(() => customElements.get('gait-app') !== undefined)).toBe(true);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/default-src 'self'/);
  // No directive may name another origin (http(s)://…, a bare host, or a wildcard).
  expect(csp).not.toMatch(/https?:|\*|\.[a-z]{2,}\b/i);
  // Privacy stated plainly on the first page.
  await expect(page.getByTestId('privacy')).toBeVisible();
  await expect(page.getByTestId('privacy')).toContainText(/nothing is uploaded|never (leaves|uploaded)|not uploaded/i);
  expect(errors).toEqual([]);
});
