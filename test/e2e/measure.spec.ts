/**
 * Issue 12: measuring on a paused frame. The angle tool starts on the detected knee (so its value
 * is the knee angle of that frame); cleared, three clicks place new points and the value shown is
 * the angle of those clicks' geometry; kept, it is listed, exported as CSV, saved with the
 * session and back when the session is reopened.
 */
import { expect, test } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { download, openHome, waitForResults } from './helpers/app';

test('measure an angle by three clicks on a paused video frame; kept, exported and saved', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('demo').click();
  await waitForResults(page);
  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  const video = page.getByTestId('video-overlay').locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  // Pause on frame 40 (stepping pauses).
  const frameNo = async () => Number(await page.getByTestId('frame-number').getAttribute('data-frame'));
  while ((await frameNo()) < 40) await page.keyboard.press('.');
  const frame = await frameNo();

  // The angle tool starts on a detected leg: hip-knee-ankle, 180 degrees minus that knee's flexion.
  await page.getByTestId('measure-angle').click();
  const value = async () => Number((await page.getByTestId('measure-value').innerText()).match(/([\d.]+)°/)![1]);
  const knee = [report.frames.angles.left.kneeFlexion[frame], report.frames.angles.right.kneeFlexion[frame]].filter((v): v is number => v !== null);
  const fromKeypoints = await value();
  expect(Math.min(...knee.map((k) => Math.abs(180 - fromKeypoints - k)))).toBeLessThan(8);

  // Three clicks of our own.
  await page.getByTestId('measure-clear').click();
  const canvas = page.getByTestId('overlay-canvas');
  const box = (await canvas.boundingBox())!;
  const clicks: [number, number][] = [
    [box.width * 0.2, box.height * 0.7],
    [box.width * 0.5, box.height * 0.55],
    [box.width * 0.62, box.height * 0.15],
  ];
  for (const [x, y] of clicks) await canvas.click({ position: { x, y } });
  const [a, b, c] = clicks;
  const u = [a[0] - b[0], a[1] - b[1]];
  const v = [c[0] - b[0], c[1] - b[1]];
  const expected = (Math.abs(Math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1])) * 180) / Math.PI;
  await expect.poll(value).toBeCloseTo(expected, 0);
  expect(Math.abs((await value()) - expected)).toBeLessThan(0.3);

  // Drag the vertex: the value follows.
  await page.mouse.move(box.x + b[0], box.y + b[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + b[0] - 40, box.y + b[1] + 30, { steps: 3 });
  await page.mouse.up();
  await expect.poll(value).not.toBeCloseTo(expected, 0);

  // Keep it: listed, exported, saved with the session and back after reopening.
  await page.getByTestId('measure-keep').click();
  await expect(page.getByTestId('measurement')).toHaveCount(1);
  const kept = await page.getByTestId('measurement').innerText();
  const csv = (await download(page, 'export-measurements-csv')).bytes.toString('utf8').trim().split(/\r?\n/);
  expect(csv).toHaveLength(2);
  expect(csv[1].split(',').slice(0, 3)).toEqual(['angle', '', String(frame)]);
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
  await page.getByTestId('history-link').click();
  await page.getByTestId('session-open').first().click();
  await waitForResults(page);
  await expect(page.getByTestId('measurement')).toHaveText(kept);
});
