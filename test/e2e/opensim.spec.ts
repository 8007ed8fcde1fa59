/**
 * Issue 12 item 4: the OpenSim files download from the results and read back with the format
 * readers (test/helpers/opensim.ts): every keypoint of every frame in the .trc, the report's
 * joint angles row for row in the .mot.
 */
import { expect, test } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { parseMot, parseTrc } from '../helpers/opensim';
import { download } from './helpers/app';
import { openSyntheticTrack, syntheticTrackFile } from './helpers/tracks';

test('.trc and .mot download and parse back', async ({ page }) => {
  const file = syntheticTrackFile('opensim.track.json', { setting: 'overground', seed: 4 });
  await openSyntheticTrack(page, file);
  const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;

  const trcFile = await download(page, 'export-trc');
  expect(trcFile.download.suggestedFilename()).toMatch(/-keypoints\.trc$/);
  const trc = parseTrc(trcFile.bytes.toString('utf8'));
  expect(trc.fileName).toBe(trcFile.download.suggestedFilename());
  expect(trc.markers).toEqual(file.track.keypointNames);
  expect(trc.frames).toHaveLength(file.track.frames.length);
  expect(trc.header.Units).toBe('px');
  const knee = file.track.keypointNames.indexOf('right_knee');
  const [x, y] = file.track.frames[25].keypoints[knee];
  expect(trc.frames[25].xyz[3 * knee]).toBeCloseTo(x!, 1);
  expect(trc.frames[25].xyz[3 * knee + 1]).toBeCloseTo(file.track.height - y!, 1);

  const motFile = await download(page, 'export-mot');
  expect(motFile.download.suggestedFilename()).toMatch(/-angles\.mot$/);
  const mot = parseMot(motFile.bytes.toString('utf8'));
  expect(mot.rows).toHaveLength(report.frames.t.length);
  const col = mot.labels.indexOf('knee_angle_l');
  const i = report.frames.angles.left.kneeFlexion.findIndex((v, k) => v !== null && k > 30);
  expect(mot.rows[i][col]).toBeCloseTo(report.frames.angles.left.kneeFlexion[i]!, 2);
});
