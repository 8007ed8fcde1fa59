/**
 * Issue 3 item 4: the right person. A clip with two walkers (the left-to-right fixture stacked
 * above the right-to-left one, made with ffmpeg) lists both people; one is analysed (aria-pressed);
 * choosing the other analyses them instead, which shows as the walking direction turning round.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openHome, uploadVideo, waitForResults } from './helpers/app';
import { E2E_TMP, WALKS_DIR } from './helpers/paths';

function twoWalkers(): string {
  mkdirSync(E2E_TMP, { recursive: true });
  const out = join(E2E_TMP, 'two-walkers.mp4');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-i', join(WALKS_DIR, 'healthy-ltr.mp4'),
    '-i', join(WALKS_DIR, 'healthy-rtl.mp4'),
    '-filter_complex', 'vstack=inputs=2:shortest=1',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-crf', '20', '-movflags', '+faststart', out,
  ]);
  return out;
}

const WORDS = { 'left-to-right': 'left to right', 'right-to-left': 'right to left' } as const;

test('two walkers: both are offered, and choosing the other one analyses them', async ({ page }) => {
  await openHome(page);
  await uploadVideo(page, twoWalkers());
  await waitForResults(page);
  const options = page.getByTestId('person-picker').getByTestId('person-option');
  await expect(options).toHaveCount(2);
  await expect(options.and(page.locator('[aria-pressed="true"]'))).toHaveCount(1);
  const direction = page.getByTestId('walking-direction');
  const first = (await direction.innerText()).includes(WORDS['left-to-right']) ? 'left-to-right' : 'right-to-left';
  await expect(direction).toContainText(WORDS[first]);

  await options.and(page.locator('[aria-pressed="false"]')).click();
  const other = first === 'left-to-right' ? 'right-to-left' : 'left-to-right';
  await expect(direction).toContainText(WORDS[other], { timeout: 4 * 60_000 });
  await waitForResults(page);
  await expect(page.getByTestId('person-picker').getByTestId('person-option').and(page.locator('[aria-pressed="true"]'))).toHaveCount(1);
});
