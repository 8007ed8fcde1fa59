/** Pose-track files from the project's synthetic walker, opened through `track-input` (no video to analyse). */
import type { Page } from '@playwright/test';
import { synthesizeWalk } from '../../../src/synth';
import { openHome, waitForResults } from './app';

export function syntheticTrackFile(name: string, o: { cadence?: number; seed?: number; setting?: 'treadmill' | 'overground'; durationS?: number } = {}) {
  const { track } = synthesizeWalk({ setting: o.setting ?? 'treadmill', cadence: o.cadence ?? 108, seed: o.seed ?? 7, durationS: o.durationS ?? 10, width: 960, height: 540 });
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(track)), track };
}

/** Opens a synthetic walk's pose track and waits for its results. */
export async function openSyntheticTrack(page: Page, file: ReturnType<typeof syntheticTrackFile>): Promise<void> {
  await openHome(page);
  await page.getByTestId('track-input').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
  await waitForResults(page);
}
