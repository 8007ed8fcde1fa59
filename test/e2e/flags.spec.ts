/**
 * Issue 4's must-show on uploaded fixture videos (Lightning, the default): the pathological walk
 * (left leg with limited push-off) gets its flag as a full card (what was seen with the numbers,
 * why it matters, cues, exercises, when to see a professional) on the left leg; the healthy demo
 * walk gets none. Charts carry data and the phase timeline is drawn for both.
 * (The accuracy against truth for all five walks is in walks.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { chartPoints, openHome, uploadVideo, waitForResults } from './helpers/app';
import { WALKS_DIR } from './helpers/paths';

const CHARTS = ['chart-cycle-hip-left', 'chart-cycle-hip-right', 'chart-cycle-knee-left', 'chart-cycle-knee-right', 'chart-phase-ranges'];

async function expectChartsAndTimeline(page: Page): Promise<void> {
  await expect(page.getByTestId('phase-timeline')).toBeVisible();
  for (const chart of CHARTS) expect(await chartPoints(page, chart), chart).toBeGreaterThan(0);
  await expect(page.getByTestId('metrics-table')).toBeVisible();
  await expect(page.getByTestId('quality')).toBeVisible();
}

test('limited push-off walk: its flag as a full card on the left leg', async ({ page }) => {
  await openHome(page);
  await uploadVideo(page, join(WALKS_DIR, 'limited-pushoff.mp4'));
  await waitForResults(page);
  await expectChartsAndTimeline(page);
  await expect(page.getByTestId('no-flags')).toHaveCount(0);
  const card = page.locator('[data-testid="flag"][data-flag-id="limited-push-off"]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Left leg');
  for (const heading of ['What we saw', 'Why it matters', 'Try while walking', 'Exercises', 'When to see a professional']) {
    await expect(card.getByRole('heading', { name: heading })).toBeVisible();
  }
  // The evidence gives numbers with units.
  await expect(card).toContainText(/\d+(\.\d+)?\s*°/);
  expect(await card.locator('li').count()).toBeGreaterThanOrEqual(3);
});

test('healthy walk: no flags, charts and timeline drawn', async ({ page }) => {
  await openHome(page);
  await uploadVideo(page, join(WALKS_DIR, 'healthy-ltr.mp4'));
  await waitForResults(page);
  await expectChartsAndTimeline(page);
  await expect(page.getByTestId('no-flags')).toBeVisible();
  await expect(page.getByTestId('flag')).toHaveCount(0);
  await expect(page.getByTestId('walking-direction')).toContainText('forward, left to right');
});
