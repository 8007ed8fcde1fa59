/**
 * Issue 4 item 2: the results are linked to the video. Clicking a cycle chart seeks the video to
 * that point of a cycle; the phase timeline takes the keyboard (arrow keys jump to the next gait
 * event); chart data is also available as tables for screen readers.
 */
import { expect, test } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { download, openHome, waitForResults } from './helpers/app';

test('chart click and timeline keys move the video; charts have data tables', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('demo').click();
  await waitForResults(page);
  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  const video = page.getByTestId('video-overlay').locator('video');
  const time = () => video.evaluate((v: HTMLVideoElement) => v.currentTime);

  // Keyboard: from the start, ArrowRight goes to the first gait event (heel strike or toe off).
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  const events = (['left', 'right'] as const).flatMap((s) => [...report.sides[s].heelStrikes, ...report.sides[s].toeOffs]).sort((a, b) => a - b);
  const timeline = page.getByTestId('phase-timeline').locator('canvas');
  await timeline.focus();
  await timeline.press('ArrowRight');
  await expect.poll(time).toBeCloseTo(events[0], 1);
  await timeline.press('ArrowRight');
  await expect.poll(time).toBeCloseTo(events[1], 1);

  // Clicking the middle of the left knee chart (about 50 % of the cycle) seeks into a left cycle.
  const chart = page.getByTestId('chart-cycle-knee-left');
  const box = (await chart.boundingBox())!;
  await chart.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect
    .poll(async () => {
      const t = await time();
      return report.sides.left.cycles.some((c) => t > c.start + 0.2 * (c.end - c.start) && t < c.start + 0.8 * (c.end - c.start));
    })
    .toBe(true);

  // Every chart has its numbers as a table too.
  for (const id of ['chart-cycle-hip-left', 'chart-cycle-knee-right', 'chart-phase-ranges']) {
    const figure = page.locator('figure, section').filter({ has: page.getByTestId(id) }).last();
    await expect(figure.locator('table')).toHaveCount(1);
    expect(await figure.locator('table tbody tr').count()).toBeGreaterThan(3);
  }
});
