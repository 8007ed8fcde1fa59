/**
 * Issue 4 item 6: privacy and offline.
 *  - Every request the page (and its workers and service worker) makes during a whole upload,
 *    analysis and export goes to the app's own origin (blob: and data: URLs are local).
 *  - After a first visit the service worker has cached the app, the models and the demo walk:
 *    offline, a reload still loads the app and the demo is analysed.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { download, openHome, uploadVideo, waitForResults } from './helpers/app';
import { WALKS_DIR } from './helpers/paths';

test('privacy: every request of an upload, analysis and export goes to the app itself', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await openHome(page);
  await uploadVideo(page, join(WALKS_DIR, 'healthy-rtl.mp4'));
  await waitForResults(page);
  await download(page, 'export-report-json');
  await download(page, 'export-charts-png');

  const foreign = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin);
  console.log(`${requests.length} requests, ${new Set(requests.map((u) => u.split('?')[0])).size} distinct; foreign: ${foreign.length}`);
  // The models really were fetched during the run, so the listener saw the pipeline's traffic.
  expect(requests.some((url) => /models\/movenet-lightning\.(json|bin)/.test(url))).toBe(true);
  expect(foreign).toEqual([]);
});

test('offline: after a first visit, the app reloads and analyses the demo with no network', async ({ page, context }) => {
  await openHome(page);
  // The service worker installs once everything it precaches is in the cache.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active) throw new Error('no active service worker');
  });
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByTestId('upload-input')).toBeAttached();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.getByTestId('demo').click();
  await waitForResults(page);
  await expect(page.getByTestId('phase-timeline')).toBeVisible();
  await context.setOffline(false);
});
