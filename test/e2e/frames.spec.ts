/**
 * Issue 12 item 2: frame by frame. `,` and `.` step one frame (the frame number changes by one and
 * the time by one frame interval), the step and event buttons do the same for touch, `<`/`>` and
 * the buttons jump to the previous/next gait event, and playback offers 1/4 and 1/2 speed.
 */
import { expect, test, type Page } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { download, openHome, waitForResults } from './helpers/app';
import { openSyntheticTrack, syntheticTrackFile } from './helpers/tracks';

test('frame by frame: , and . step one frame; event jumps; slow playback', async ({ page }) => {
  const file = syntheticTrackFile('frames.track.json');
  await openSyntheticTrack(page, file);
  const frame = page.getByTestId('frame-number');
  const frameNo = async () => Number(await frame.getAttribute('data-frame'));
  await expect(frame).toContainText(`Frame 1 / ${file.track.frames.length}`);

  await page.keyboard.press('.');
  await expect.poll(frameNo).toBe(1);
  await expect(frame).toContainText(`${file.track.frames[1].t.toFixed(3)} s`);
  await page.keyboard.press('.');
  await expect.poll(frameNo).toBe(2);
  await page.keyboard.press(',');
  await expect.poll(frameNo).toBe(1);
  await page.getByTestId('step-forward').click();
  await expect.poll(frameNo).toBe(2);
  await page.getByTestId('step-back').click();
  await page.getByTestId('step-back').click();
  await expect.poll(frameNo).toBe(0);
  // Not past the first frame.
  await page.keyboard.press(',');
  await expect.poll(frameNo).toBe(0);

  // Typing in the note is not a shortcut.
  await page.getByTestId('session-note').fill('a.b,c');
  await expect.poll(frameNo).toBe(0);

  // Event jumps land on the report's heel strikes and toe offs, in time order.
  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  const events = (['left', 'right'] as const).flatMap((s) => [...report.sides[s].heelStrikes, ...report.sides[s].toeOffs]).sort((a, b) => a - b);
  const shownTime = async () => Number((await frame.innerText()).match(/([\d.]+) s/)![1]);
  await page.getByTestId('next-event').click();
  await expect.poll(shownTime).toBeCloseTo(events[0], 2);
  await page.locator('body').press('>');
  await expect.poll(shownTime).toBeCloseTo(events[1], 2);
  await page.locator('body').press('<');
  await expect.poll(shownTime).toBeCloseTo(events[0], 2);

  // 1/4 and 1/2 speed.
  const rate = page.getByTestId('playback-rate');
  await expect(rate.locator('option')).toHaveText(['¼×', '½×', 'normal']);
  await rate.selectOption('0.25');
  await expect(rate).toHaveValue('0.25');
});

/** The demo walk's results, its video loaded far enough to show a frame. */
async function demoVideo(page: Page) {
  await openHome(page);
  await page.getByTestId('demo').click();
  await waitForResults(page);
  const video = page.getByTestId('video-overlay').locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  return video;
}

test('frame by frame over the video: . steps the video one frame and the skeleton follows', async ({ page }) => {
  const video = await demoVideo(page);
  const frameNo = async () => Number(await page.getByTestId('frame-number').getAttribute('data-frame'));
  const start = await frameNo();
  await page.keyboard.press('.');
  await expect.poll(frameNo).toBe(start + 1);
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await expect.poll(frameNo).toBe(start + 3);
  // The video itself is paused on that frame (the demo is 30 frames/s).
  expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime * 30))).toBe(start + 3);
  await page.keyboard.press(',');
  await expect.poll(frameNo).toBe(start + 2);
});

test('the video controls sit below the picture, not over the feet, and work from the keyboard', async ({ page }) => {
  const video = await demoVideo(page);
  // No browser controls drawn over the bottom of the frame; the app's own are below the picture.
  expect(await video.evaluate((v: HTMLVideoElement) => v.controls)).toBe(false);
  const play = page.getByTestId('play');
  const scrub = page.getByTestId('scrub');
  const videoBox = (await video.boundingBox())!;
  for (const control of [play, scrub]) expect((await control.boundingBox())!.y).toBeGreaterThanOrEqual(videoBox.y + videoBox.height - 1);
  await expect(scrub).toHaveAccessibleName('Time in the walk');

  // Play and pause with the keyboard.
  await play.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  await expect(play).toHaveText('Pause');
  await page.keyboard.press('Enter');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expect(play).toHaveText('Play');

  // The slider seeks the video, and the frame shown follows.
  await scrub.fill('2');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2, 1);
  await expect(page.getByTestId('frame-number')).toContainText(/2\.0\d\d s/);
});
