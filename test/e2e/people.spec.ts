/**
 * Issue 12 item 5: sessions belong to a person. Two walks saved for "Ana" and one for the default
 * person: the history filters by person, and Ana's two sessions draw a trend chart per key number
 * (two points each, the healthy band, error bars where the reports carry uncertainties) and the
 * backward-walking share over time.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSyntheticTrack, syntheticTrackFile } from './helpers/tracks';
import { shoot } from './helpers/screenshots';

async function save(page: Page, file: ReturnType<typeof syntheticTrackFile>, person: string | null, note: string): Promise<void> {
  await openSyntheticTrack(page, file);
  if (person !== null) await page.getByTestId('session-person').fill(person);
  await page.getByTestId('session-note').fill(note);
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
}

test('people: filter the history by person; two sessions of one person draw trend charts', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByTestId('session-person').or(page.getByTestId('upload-input')).first()).toBeAttached();
  await save(page, syntheticTrackFile('me.track.json', { cadence: 104, seed: 2 }), null, 'my walk');
  await save(page, syntheticTrackFile('ana1.track.json', { cadence: 98, seed: 3 }), 'Ana', 'Ana before');
  // The person typed last is remembered for the next save.
  await openSyntheticTrack(page, syntheticTrackFile('ana2.track.json', { cadence: 114, seed: 4 }));
  await expect(page.getByTestId('session-person')).toHaveValue('Ana');
  await page.getByTestId('session-note').fill('Ana after');
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);

  await page.getByTestId('history-link').click();
  await expect(page.getByTestId('session')).toHaveCount(3);
  // Two people: no single-person trend until one is chosen.
  await expect(page.getByTestId('trends')).toHaveCount(0);
  const filter = page.getByTestId('person-filter');
  await expect(filter.locator('option')).toHaveText(['Everyone (3)', 'me (1)', 'Ana (2)']);
  await filter.selectOption('Ana');
  await expect(page.getByTestId('session')).toHaveCount(2);
  await expect(page.getByTestId('session-person-name')).toHaveText(['Ana', 'Ana']);

  const trends = page.getByTestId('trends');
  await expect(trends).toContainText('Trends for Ana');
  const cadence = trends.locator('[data-testid="trend-chart"][data-key="cadence"]');
  await expect(cadence).toHaveAttribute('data-points', '2');
  // The two cadences as walked, oldest first.
  const cells = await cadence.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(cells.map(Number)).toEqual([expect.closeTo(98, 0), expect.closeTo(114, 0)]);
  await expect(trends.locator('[data-testid="trend-chart"]')).toHaveCount(9);
  await expect(trends.locator('[data-key="backwardShare"]')).toHaveAttribute('data-points', '2');
  expect(await trends.getByTestId('trend-error-bar').count()).toBeGreaterThan(4);
  await shoot(page, 'desktop', 'desk-trends');

  await filter.selectOption('me');
  await expect(page.getByTestId('session')).toHaveCount(1);
  await expect(page.getByTestId('trends')).toHaveCount(0);
});
