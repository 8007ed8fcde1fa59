/**
 * Screenshots of each view at desktop (1280x900) and phone (390x844) size, written to
 * test-results/screenshots/ (git-ignored) for people to look at. Each view must appear with its
 * contract elements before it is photographed. The camera view is photographed by webcam.spec.ts
 * (it needs the fake camera).
 */
import { expect, test, type Page } from '@playwright/test';
import { synthesizeWalk } from '../../src/synth';
import { openHome, uploadBuffer, waitForError, waitForResults } from './helpers/app';
import { shoot } from './helpers/screenshots';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

function trackFile(name: string, cadence: number, seed: number) {
  const { track } = synthesizeWalk({ setting: 'treadmill', cadence, seed, durationS: 10, width: 960, height: 540 });
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(track)) };
}

for (const viewport of VIEWPORTS) {
  test(`screenshots at ${viewport.width}x${viewport.height}: home, processing, results, error, history, compare`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.name === 'phone', hasTouch: viewport.name === 'phone' });
    const page = await context.newPage();
    const size = viewport.name;

    await openHome(page);
    await expect(page.getByTestId('demo')).toBeEnabled();
    await shoot(page, size, '1-home');

    await page.getByTestId('demo').click();
    await expect(page.getByTestId('progress')).toBeVisible();
    await expect(page.getByTestId('progress')).toHaveAttribute('aria-valuenow', /^(?!0$)\d/, { timeout: 120_000 });
    await shoot(page, size, '2-processing');

    await waitForResults(page);
    await expect(page.getByTestId('phase-timeline')).toBeVisible();
    await page.getByTestId('session-note').fill('Demo walk, before the exercises');
    await page.getByTestId('save-session').click();
    await expect(page.getByTestId('save-status')).toContainText(/saved/i);
    await shoot(page, size, '3-results');

    await openHome(page);
    await uploadBuffer(page, 'notes.mp4', 'video/mp4', Buffer.from('not a video\n'.repeat(50)));
    await waitForError(page);
    await shoot(page, size, '4-error');

    await openHome(page);
    await page.getByTestId('track-input').setInputFiles(trackFile('after.track.json', 112, 5));
    await waitForResults(page);
    await page.getByTestId('session-note').fill('A month later');
    await page.getByTestId('save-session').click();
    await expect(page.getByTestId('save-status')).toContainText(/saved/i);

    await page.getByTestId('history-link').click();
    await expect(page.getByTestId('session')).toHaveCount(2);
    await shoot(page, size, '5-history');

    for (const checkbox of await page.getByTestId('session-compare').all()) await checkbox.check();
    await page.getByTestId('compare-selected').click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    await shoot(page, size, '6-compare');
    await context.close();
  });
}
