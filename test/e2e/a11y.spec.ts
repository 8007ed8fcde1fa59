/**
 * Issue 4 item 6, keyboard and screen reader: every control on the home and results views has an
 * accessible name, and the keyboard alone reaches the ways in (Tab order) and starts the demo.
 */
import { expect, test, type Page } from '@playwright/test';
import { openHome, waitForResults } from './helpers/app';

/** Controls (through every shadow root) that a screen reader would announce without a name. */
async function controls(page: Page): Promise<{ count: number; unnamed: string[] }> {
  return page.evaluate(() => {
    const found: string[] = [];
    let count = 0;
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="button"], [tabindex="0"]')) {
        if (el.closest('[hidden]') || (el as HTMLInputElement).type === 'hidden') continue;
        count += 1;
        const labelledBy = el.getAttribute('aria-labelledby');
        const byIds = labelledBy ? labelledBy.split(/\s+/).map((id) => (el.getRootNode() as Document | ShadowRoot).getElementById?.(id)?.textContent ?? '').join(' ') : '';
        const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '').join(' ') : '';
        const name = [el.getAttribute('aria-label'), byIds, labels, el.textContent, el.getAttribute('title'), el.getAttribute('alt')].join(' ').trim();
        if (!name) found.push(el.outerHTML.slice(0, 120));
      }
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
    };
    visit(document);
    return { count, unnamed: found };
  });
}

/** data-testid of the element that has focus, looking through shadow roots. */
async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-testid') ?? active?.closest('label')?.querySelector('input')?.getAttribute('data-testid') ?? null;
  });
}

test('home and results: every control is named; Tab reaches the ways in and Enter starts the demo', async ({ page }) => {
  await openHome(page);
  const home = await controls(page);
  expect(home.count).toBeGreaterThan(5);
  expect(home.unnamed).toEqual([]);

  const reached = new Set<string>();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 25 && !reached.has('demo'); i++) {
    await page.keyboard.press('Tab');
    const id = await focusedTestId(page);
    if (id) reached.add(id);
  }
  expect([...reached]).toEqual(expect.arrayContaining(['film', 'upload-input', 'demo']));
  await page.keyboard.press('Enter');
  await waitForResults(page);
  const results = await controls(page);
  console.log(`controls checked: home ${home.count}, results ${results.count}`);
  expect(results.count).toBeGreaterThan(15);
  expect(results.unnamed).toEqual([]);
});
