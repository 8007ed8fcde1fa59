/**
 * Issue 12: screenshots of measuring on a paused frame, correcting events on the timeline, the
 * person field, a person's trends and the backup panel, at
 * desktop (1280x900) and phone (390x844) size, in test-results/screenshots/ for people to look at.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openHome, waitForResults } from './helpers/app';
import { SCREENSHOT_DIR } from './helpers/paths';
import { shoot } from './helpers/screenshots';
import { openSyntheticTrack, syntheticTrackFile } from './helpers/tracks';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

for (const viewport of VIEWPORTS) {
  test(`desk screenshots at ${viewport.width}x${viewport.height}: measuring and event editing`, async ({ browser }) => {
    const phone = viewport.name === 'phone';
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = (view: string) => join(SCREENSHOT_DIR, `${viewport.name}-desk-${view}.png`);
    await openHome(page);
    await page.getByTestId('demo').click();
    await waitForResults(page);
    const video = page.getByTestId('video-overlay').locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 40; i++) await page.getByTestId('step-forward').click();

    // Measuring: the knee angle from the detected keypoints, one kept step length.
    await page.getByTestId('measure-distance').click();
    await page.getByTestId('measure-keep').click();
    await page.getByTestId('measure-angle').click();
    await expect(page.getByTestId('measure-value')).toContainText('°');
    const overlay = page.getByTestId('video-overlay');
    await overlay.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await overlay.screenshot({ path: file('measure') });

    // Editing: select the event nearest the video position, move it 3 frames later.
    const timeline = page.getByTestId('phase-timeline');
    await timeline.locator('canvas').focus();
    await timeline.locator('canvas').press('Enter');
    for (let i = 0; i < 3; i++) await page.getByTestId('event-later').click();
    await expect(page.getByTestId('events-edited')).toContainText('1 moved');
    await timeline.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await timeline.screenshot({ path: file('edit') });
    await shoot(page, viewport.name, 'desk-results');

    // People, trends and backup: two sessions of one person.
    await page.getByTestId('session-person').fill('Ana');
    await page.locator('gait-save-bar').screenshot({ path: file('save-bar') });
    await page.getByTestId('save-session-top').click();
    await expect(page.getByTestId('save-status')).toContainText(/saved/i);
    await openSyntheticTrack(page, syntheticTrackFile('second.track.json', { setting: 'overground', seed: 31 }));
    await page.getByTestId('save-session-top').click();
    await expect(page.getByTestId('save-status')).toContainText(/saved/i);
    await page.getByTestId('history-link').click();
    await expect(page.getByTestId('trends')).toBeVisible();
    await page.getByTestId('trends').screenshot({ path: file('trends') });
    await page.locator('section.backup').screenshot({ path: file('backup') });
    await context.close();
  });
}
