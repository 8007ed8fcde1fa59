/**
 * Issue 12 item 3: correcting gait events on the phase timeline. A heel strike dragged along the
 * timeline moves the cycle it starts, so the stride time and the phase timeline change (the
 * analysis reruns from the edited events, no pose estimation); the arrow keys move the selected
 * event one frame; Delete removes it; Add puts one at the video's frame; the edit is marked in the
 * report, the .mot and the history; Reset brings back the detected events.
 */
import { expect, test, type Page } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { parseMot } from '../helpers/opensim';
import { download } from './helpers/app';
import { openSyntheticTrack, syntheticTrackFile } from './helpers/tracks';

// The timeline's layout (src/ui/results/phaseTimeline.ts): label column, passes row, leg rows.
const LABEL_W = 52;
const PASS_H = 20;

async function exportedReport(page: Page): Promise<GaitReport> {
  return JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
}

test('events: drag, step, delete, add, marked, saved, reset', async ({ page }) => {
  await openSyntheticTrack(page, syntheticTrackFile('events.track.json', { cadence: 104, seed: 12 }));
  const detected = await exportedReport(page);
  const hs = detected.sides.left.heelStrikes;
  const firstCycle = detected.sides.left.cycles[0];
  expect(firstCycle.start).toBeCloseTo(hs[0], 6);
  const canvas = page.getByTestId('phase-timeline').locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const t0 = detected.frames.t[0];
  const t1 = detected.frames.t[detected.frames.t.length - 1];
  const plotW = box.width - LABEL_W - 8;
  const xAt = (t: number) => box.x + LABEL_W + ((t - t0) / (t1 - t0)) * plotW;
  const tableBefore = await page.getByTestId('phase-timeline').locator('table tbody').textContent();

  // Drag the left leg's first heel strike about 0.15 s later.
  const y = box.y + PASS_H + 6;
  const dx = (0.15 / (t1 - t0)) * plotW;
  await page.mouse.move(xAt(hs[0]), y);
  await page.mouse.down();
  await page.mouse.move(xAt(hs[0]) + dx / 2, y, { steps: 4 });
  await page.mouse.move(xAt(hs[0]) + dx, y, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('report-events-edited')).toBeVisible();
  await expect(page.getByTestId('events-edited')).toContainText('1 moved');
  const dragged = await exportedReport(page);
  const moved = dragged.sides.left.heelStrikes[0];
  expect(moved - hs[0]).toBeGreaterThan(0.1);
  expect(moved - hs[0]).toBeLessThan(0.2);
  expect(dragged.options.events?.left?.heelStrikes[0]).toBeCloseTo(moved, 6);
  // The first left cycle now starts at the dragged heel strike: shorter, so the mean stride time changes.
  expect(dragged.sides.left.cycles[0].start).toBeCloseTo(moved, 6);
  expect(dragged.sides.left.cycles[0].end - dragged.sides.left.cycles[0].start).toBeCloseTo(firstCycle.end - firstCycle.start - (moved - hs[0]), 3);
  expect(dragged.summary.strideTime!.mean).not.toBeCloseTo(detected.summary.strideTime!.mean, 3);
  // The phase timeline shows the new cycle (its table of cycles changed).
  expect(await page.getByTestId('phase-timeline').locator('table tbody').textContent()).not.toBe(tableBefore);
  // It snapped to a frame of the walk.
  expect(detected.frames.t.some((t) => Math.abs(t - moved) < 1e-6)).toBe(true);

  // The dragged event stays selected: the arrow keys move it one frame.
  const selected = page.getByTestId('event-selected');
  await expect(selected).toContainText('Left heel strike');
  const frameOf = async () => Number((await selected.innerText()).match(/frame (\d+)/)![1]);
  const f = await frameOf();
  await canvas.press('ArrowRight');
  await expect.poll(frameOf).toBe(f + 1);
  await page.getByTestId('event-earlier').click();
  await expect.poll(frameOf).toBe(f);

  // Delete it: one left heel strike fewer.
  await canvas.press('Delete');
  await expect.poll(async () => (await exportedReport(page)).sides.left.heelStrikes.length).toBe(hs.length - 1);
  await expect(page.getByTestId('events-edited')).toContainText('1 deleted');

  // Add a right toe off at the video's frame (stepped there with '.').
  const frameNo = async () => Number(await page.getByTestId('frame-number').getAttribute('data-frame'));
  const start = await frameNo();
  for (let i = 0; i < 5; i++) await page.keyboard.press('.');
  await expect.poll(frameNo).toBe(start + 5);
  await page.getByTestId('event-add-kind').selectOption('right toeOffs');
  await expect(page.getByTestId('event-add')).toHaveText(`Add at frame ${start + 6}`);
  await page.getByTestId('event-add').click();
  await expect(page.getByTestId('events-edited')).toContainText('1 added');
  const added = await exportedReport(page);
  expect(added.sides.right.toeOffs.some((t) => Math.abs(t - detected.frames.t[start + 5]) < 1e-3)).toBe(true);
  expect(added.sides.right.toeOffs).toHaveLength(detected.sides.right.toeOffs.length + 1);

  // Marked in the .mot and in the history.
  expect(parseMot((await download(page, 'export-mot')).bytes.toString('utf8')).meta.gaitEvents).toBe('edited');
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
  await page.getByTestId('history-link').click();
  await expect(page.getByTestId('session-events-edited')).toHaveCount(1);
  await page.getByTestId('session-open').click();
  await expect(page.getByTestId('report-events-edited')).toBeVisible();
  await expect(page.getByTestId('events-edited')).toContainText('1 added, 1 deleted');

  // Reset: the detected events again; saving stores that.
  await page.getByTestId('events-reset').click();
  await expect(page.getByTestId('report-events-edited')).toHaveCount(0);
  const reset = await exportedReport(page);
  expect(reset.sides).toEqual(detected.sides);
  expect(reset.options.events).toBeUndefined();
  await expect(page.getByTestId('save-state')).toContainText('Changed since it was saved');
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
  await page.getByTestId('history-link').click();
  await expect(page.getByTestId('session')).toHaveCount(1);
  await expect(page.getByTestId('session-events-edited')).toHaveCount(0);
});
