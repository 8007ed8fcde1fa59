/**
 * The processing step (issue 3 item 3, issue 2 item 2): progress with frames and the backend in
 * use, cancel goes back to the start and the app carries on; the Thunder model choice is used for
 * the analysis and recorded in the report.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import type { GaitReport } from '../../src/core/format/report';
import { download, openHome, uploadVideo, waitForResults } from './helpers/app';
import { WALKS_DIR } from './helpers/paths';
import { compareWithTruth, describeComparison, readTruth } from './helpers/truth';

test('processing shows progress and the backend; cancel returns to the start; the app carries on', async ({ page }) => {
  await openHome(page);
  await uploadVideo(page, join(WALKS_DIR, 'treadmill.mp4'));
  const progress = page.getByTestId('progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('role', 'progressbar');
  await expect(page.getByTestId('progress-text')).toContainText(/\d+ \/ \d+ frames/, { timeout: 60_000 });
  // Headless Chromium here has no GPU: the app must have chosen wasm and say so.
  await expect(page.getByTestId('backend')).toContainText(/wasm/);
  const before = Number(await progress.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(before);

  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('upload-input')).toBeAttached();
  await expect(page.getByTestId('progress')).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);

  await uploadVideo(page, join(WALKS_DIR, 'backward.mp4'));
  await waitForResults(page);
  await expect(page.getByTestId('walking-direction')).toContainText('backward');
});

test('the Thunder model, chosen on the home page, analyses the walk and is named in the report', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('model-select').selectOption('thunder');
  await uploadVideo(page, join(WALKS_DIR, 'healthy-ltr.mp4'));
  await expect(page.getByTestId('progress')).toBeVisible();
  await waitForResults(page);
  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  expect(report.source?.model).toBe('movenet-thunder');
  expect(report.quality.usableCycles.left + report.quality.usableCycles.right).toBeGreaterThanOrEqual(4);
  console.log(`thunder, healthy-ltr: ${describeComparison(compareWithTruth(report, readTruth('healthy-ltr')), 30)}; flags [${report.flags.map((f) => f.id).join(', ')}]`);
  // The choice is remembered for the next visit.
  await page.reload();
  await openHome(page);
  await expect(page.getByTestId('model-select')).toHaveValue('thunder');
});
