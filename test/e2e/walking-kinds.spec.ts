/**
 * Issue 13 in the browser: a recording of forward walking, a stop and backward walking (the
 * project's synthetic walker with MoveNet-like noise, opened as a pose track) shows both kinds
 * side by side with the split in words, each with its own numbers and healthy bands, no flag, and
 * the timeline labels each pass. (A rendered video of such a walk is not among the fixtures yet.)
 */
import { expect, test } from '@playwright/test';
import { MOVENET_LIKE_NOISE } from '../../src/synth';
import type { GaitReport } from '../../src/core/format/report';
import { composeWalks } from '../helpers/composeWalks';
import { download, openHome, waitForResults } from './helpers/app';

test('forward, stop, backward: both kinds shown and judged apart, no flag, passes labelled', async ({ page }) => {
  const common = (seed: number) => ({ width: 2600, cadence: 104, seed, noise: { ...MOVENET_LIKE_NOISE, seed } });
  const composed = composeWalks(
    [
      { ...common(41), direction: 'left-to-right', walking: 'forward', durationS: 6 },
      { ...common(42), direction: 'right-to-left', walking: 'backward', durationS: 6 },
    ],
    1.5,
    2,
    41,
  );
  await openHome(page);
  await page.getByTestId('track-input').setInputFiles({ name: 'forward-stop-backward.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(composed.track)) });
  await waitForResults(page);

  const kinds = page.getByTestId('walking-kinds');
  await expect(kinds).toContainText(/forward \d+ %, backward \d+ % of the walking time/);
  await expect(page.getByTestId('no-flags')).toBeVisible();
  const forwardButton = page.getByTestId('kind-forward');
  const backwardButton = page.getByTestId('kind-backward');
  await expect(forwardButton).toHaveAttribute('aria-pressed', 'true');

  // Forward numbers first; then backward, with its own (time-reversed) healthy range for the knee at contact.
  const kneeRow = page.getByTestId('metrics-table').locator('tr', { hasText: 'Knee at heel strike' });
  await expect(kneeRow).toContainText('10 to 20');
  const forwardCadence = await page.getByTestId('metrics-table').locator('tr', { hasText: 'Cadence' }).innerText();
  await backwardButton.click();
  await expect(backwardButton).toHaveAttribute('aria-pressed', 'true');
  await expect(kneeRow).toContainText('25 to 60');
  await expect(page.getByTestId('walking-direction')).toContainText('backward');
  await expect(page.getByTestId('no-flags')).toBeVisible();
  expect(await page.getByTestId('metrics-table').locator('tr', { hasText: 'Cadence' }).innerText()).not.toEqual(forwardCadence);

  // The timeline labels both passes whichever kind is shown.
  const timeline = page.getByTestId('phase-timeline');
  await expect(timeline).toBeVisible();
  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  expect(report.passes.map((p) => p.walking)).toEqual(['forward', 'backward']);
  expect(report.flags).toEqual([]);
  expect(report.byWalking.backward?.status).toBe('analysed');
  const canvas = timeline.locator('canvas');
  await expect(canvas).toHaveAttribute('aria-label', /pass 1: forward, left to right; pass 2: backward, right to left/);
  // Its table lists the cycles of both passes.
  const passCells = (await timeline.locator('tbody tr td:first-of-type').allTextContents()).map((s) => s.trim());
  expect(new Set(passCells)).toEqual(new Set(['1', '2']));
});
