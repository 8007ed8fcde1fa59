/**
 * Issue 10 in the browser: a pose track with heels and toes (gait-pose-track v2, the synthetic
 * walker with feet and BlazePose-like names) opened in the app shows the ankle over the gait cycle
 * beside hip and knee, the ankle key numbers with their uncertainty, and how each foot lands; the
 * same walk without its foot keypoints (a MoveNet layout) shows none of it.
 */
import { expect, test } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { synthesizeWalk } from '../../src/synth';
import { chartPoints, download, openHome, waitForResults } from './helpers/app';

const walk = () => synthesizeWalk({ feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 6, cadence: 100, seed: 31, noise: { jitterFrac: 0.005, swapFraction: 0, dropoutFraction: 0 } });

test('a walk with feet: ankle charts, ankle numbers with uncertainty, and the strike pattern of each foot', async ({ page }) => {
  const { track, truth } = walk();
  expect(track.version).toBe(2);
  expect(truth.feet.pattern).toBe('heel');
  await openHome(page);
  await page.getByTestId('track-input').setInputFiles({ name: 'walk-with-feet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(track)) });
  await waitForResults(page);

  await expect(page.locator('#cycle-heading')).toHaveText('Hip, knee and ankle over the gait cycle');
  for (const side of ['left', 'right']) {
    await expect(page.getByTestId(`chart-cycle-ankle-${side}`)).toBeVisible();
    expect(await chartPoints(page, `chart-cycle-ankle-${side}`)).toBeGreaterThan(90);
  }
  await expect(page.getByTestId('chart-phase-ranges')).toHaveAttribute('aria-label', /ankle dorsiflexion/);

  const table = page.getByTestId('metrics-table');
  for (const label of ['Ankle at heel strike', 'Peak ankle dorsiflexion in stance', 'Peak ankle plantarflexion at push-off', 'Ankle range of motion']) {
    // Both sides with a number ± its uncertainty.
    await expect(table.locator('tr', { hasText: label })).toContainText(/[−-]?\d+(\.\d)?° ± \d[\s\S]*[−-]?\d+(\.\d)?° ± \d/);
  }

  await expect(page.getByTestId('key-foot-strike')).toContainText('Heel / Heel');
  for (const side of ['left', 'right']) await expect(page.getByTestId(`strike-${side}`)).toContainText(/Heel strike: \d+ of \d+ steps \(foot \d+° toes up at contact, ± \d+°\)/);

  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  expect(report.quality.feet?.footOffsetDeg).toHaveLength(1);
  expect(report.sides.left.strikeSummary?.typical).toBe('heel');
  expect(report.frames.angles.left.ankleFlexion?.filter((v) => v !== null).length).toBeGreaterThan(100);

  // The frames CSV and the OpenSim .mot carry the ankle.
  expect((await download(page, 'export-frames-csv')).bytes.toString('utf8').split('\n')[0]).toContain('left_ankle_dorsiflexion_deg');
  expect((await download(page, 'export-mot')).bytes.toString('utf8')).toMatch(/\tankle_angle_r\tankle_angle_l\t/);

  // Printed, the six charts still fit on one A4 page, as the four do (issue 4).
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // The exported pose track keeps the feet (v2) and opens again to the same ankle numbers.
  const exported = await download(page, 'export-track-json');
  const again = JSON.parse(exported.bytes.toString('utf8')) as typeof track;
  expect(again.version).toBe(2);
  expect(again.keypointNames).toEqual(track.keypointNames);
  await page.getByTestId('home-link').click();
  await page.getByTestId('track-input').setInputFiles({ name: exported.download.suggestedFilename(), mimeType: 'application/json', buffer: exported.bytes });
  await waitForResults(page);
  const reopened = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  expect(reopened.sides.left.keyValues.peakPushOffPlantarflexion).toBe(report.sides.left.keyValues.peakPushOffPlantarflexion);
  expect(reopened.sides.right.strikeSummary).toEqual(report.sides.right.strikeSummary);
});

test('the same walk without its foot keypoints: hip and knee only, no ankle number, no strike pattern', async ({ page }) => {
  const { track } = walk();
  const keep = track.keypointNames.flatMap((name, i) => (/heel|foot_index/.test(name) ? [] : [i]));
  const plain = { ...track, version: 1, keypointNames: keep.map((i) => track.keypointNames[i]), frames: track.frames.map((f) => ({ t: f.t, keypoints: keep.map((i) => f.keypoints[i]) })) };
  await openHome(page);
  await page.getByTestId('track-input').setInputFiles({ name: 'walk-without-feet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plain)) });
  await waitForResults(page);
  await expect(page.locator('#cycle-heading')).toHaveText('Hip and knee over the gait cycle');
  await expect(page.locator('gait-cycle-chart')).toHaveCount(4);
  await expect(page.getByTestId('chart-cycle-knee-left')).toBeVisible();
  await expect(page.getByTestId('strike-summary')).toHaveCount(0);
  await expect(page.getByTestId('metrics-table')).not.toContainText('Ankle');
});
