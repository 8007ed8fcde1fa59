/**
 * Issue 4 item 5: history on the device (IndexedDB). Two walks (pose tracks from the project's
 * synthetic walker, opened through `track-input`, so no video has to be analysed) are saved with
 * notes; after a reload they are still listed with their notes; one opens again; the two compare
 * side by side; one is deleted, and stays deleted after another reload. A session saved from a
 * video keeps the video.
 */
import { readTruth } from './helpers/truth';
import { expect, test, type Page } from '@playwright/test';
import { synthesizeWalk } from '../../src/synth';
import { openHome, waitForResults } from './helpers/app';

function trackFile(name: string, cadence: number, seed: number) {
  const { track } = synthesizeWalk({ setting: 'treadmill', cadence, seed, durationS: 10, width: 960, height: 540 });
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(track)) };
}

async function analyseAndSave(page: Page, file: ReturnType<typeof trackFile>, note: string): Promise<void> {
  await openHome(page);
  await page.getByTestId('track-input').setInputFiles(file);
  await waitForResults(page);
  await page.getByTestId('session-note').fill(note);
  await page.getByTestId('save-session').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
}

test('history: save with notes, reload, open, compare, delete', async ({ page }) => {
  await analyseAndSave(page, trackFile('before.track.json', 100, 3), 'Before the exercises (e2e)');
  await analyseAndSave(page, trackFile('after.track.json', 116, 4), 'After a month of exercises (e2e)');

  await page.reload();
  await page.getByTestId('history-link').click();
  const sessions = page.getByTestId('session');
  await expect(sessions).toHaveCount(2);
  const before = sessions.filter({ hasText: 'Before the exercises (e2e)' });
  const after = sessions.filter({ hasText: 'After a month of exercises (e2e)' });
  await expect(before).toHaveCount(1);
  await expect(after).toHaveCount(1);
  // Key numbers are listed with each session: the two cadences differ as walked.
  await expect(before).toContainText(/100/);
  await expect(after).toContainText(/116/);

  // Open one: its results and note come back.
  await before.getByTestId('session-open').click();
  await waitForResults(page);
  await expect(page.getByTestId('session-note')).toHaveValue('Before the exercises (e2e)');
  await expect(page.getByTestId('phase-timeline')).toBeVisible();

  // Compare the two side by side.
  await page.getByTestId('history-link').click();
  await before.getByTestId('session-compare').check();
  await after.getByTestId('session-compare').check();
  await page.getByTestId('compare-selected').click();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toBeVisible();
  await expect(compare).toContainText('100');
  await expect(compare).toContainText('116');

  // Delete one (with confirmation); it stays deleted after a reload.
  await page.getByTestId('history-link').click();
  await before.getByTestId('session-delete').click();
  await before.getByTestId('session-delete-confirm').click();
  await expect(sessions).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('session')).toHaveCount(1);
  await expect(page.getByTestId('session')).toContainText('After a month of exercises (e2e)');
});

test('history: a session saved from a video reopens after a reload with its video', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('demo').click();
  await waitForResults(page);
  await page.getByTestId('session-note').fill('Demo with video (e2e)');
  await page.getByTestId('save-session').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);

  await page.reload();
  await page.getByTestId('history-link').click();
  const session = page.getByTestId('session').filter({ hasText: 'Demo with video (e2e)' });
  await expect(session).toContainText(/video kept/i);
  await session.getByTestId('session-open').click();
  await waitForResults(page);
  const video = page.getByTestId('video-overlay').locator('video');
  await expect(video).toHaveAttribute('src', /^blob:/);
  // The demo walk's own length (healthy-ltr.mp4), not a blank or truncated stand-in.
  const demo = readTruth('healthy-ltr');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 }).toBeGreaterThan(demo.frameCount / demo.fps - 0.1);
});
