/**
 * Issue 10: the rendered walks with feet uploaded through the app with BlazePose full chosen on the
 * home page, in Chromium, end to end (MultiPose scouting, BlazePose in the worker on the walker's
 * crop, the analysis by name on its 33 landmarks). The exported report and pose track are held
 * against each walk's truth (the full comparison is printed): the track keeps BlazePose's heels and
 * foot indices, most true events are found within 2 frames, and the hip and knee errors stay within
 * what BlazePose full was measured to meet on these walks.
 * GAIT_E2E_FEET_MODEL=blazepose-lite (or heavy) runs the same checks with another BlazePose, with
 * lite's looser limits; where the report says the legs were mixed up it must flag nothing.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GaitReport } from '../../src/core/format/report';
import type { GaitPoseTrack } from '../../src/core/format/poseTrack';
import { download, openHome, uploadVideo, waitForResults } from './helpers/app';
import { ROOT, WALKS_DIR } from './helpers/paths';
import { compareWithTruth, describeComparison, readTruth } from './helpers/truth';

const MODEL = process.env.GAIT_E2E_FEET_MODEL ?? 'blazepose-full';
const REPORT_DIR = join(ROOT, 'test-results/reports');
const FEET_WALKS = ['healthy-feet', 'backward-feet', 'forefoot-feet', 'flatfoot-feet'];

for (const name of FEET_WALKS) {
  test(`upload ${name}.mp4 with ${MODEL}: a 33-landmark track with feet, events and angles match the truth`, async ({ page }, testInfo) => {
    test.setTimeout(6 * 60_000);
    const truth = readTruth(name);
    await openHome(page);
    await page.getByTestId('model-select').selectOption(MODEL);
    await expect(page.getByTestId('model-summary')).toContainText('sees the feet');
    await uploadVideo(page, join(WALKS_DIR, `${name}.mp4`));
    await waitForResults(page);

    const report = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, `${name}.${MODEL}.report.json`), JSON.stringify(report));
    expect(report.source?.model).toBe(MODEL);
    const trackBytes = (await download(page, 'export-track-json')).bytes;
    writeFileSync(join(REPORT_DIR, `${name}.${MODEL}.track.json`), trackBytes);
    const track = JSON.parse(trackBytes.toString('utf8')) as GaitPoseTrack;
    expect(track.version).toBe(2);
    expect(track.keypointNames).toHaveLength(33);
    for (const point of ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index']) expect(track.keypointNames).toContain(point);
    const heel = track.keypointNames.indexOf('left_heel');
    const seen = track.frames.filter((f) => f.keypoints[heel][0] !== null && f.keypoints[heel][2] > 0.5).length;
    expect(seen / track.frames.length, 'frames with the left heel seen').toBeGreaterThan(0.8);

    const c = compareWithTruth(report, truth, 2);
    const within1 = [...c.events.heelStrikes.errors, ...c.events.toeOffs.errors].filter((e) => Math.abs(e) <= 1.01 / truth.fps).length;
    const summary = `${name} (${MODEL}): ${describeComparison(c, truth.fps)}; ${within1} events within 1 frame; flags [${report.flags.map((f) => f.id).join(', ')}]`;
    console.log(summary);
    testInfo.annotations.push({ type: 'truth', description: summary });
    expect.soft(report.direction).toBe(truth.direction);
    expect.soft(report.walking).toBe(truth.walking);
    // What each model meets on these walks (fixtures/tracks, docs/models.md), not the goal:
    // BlazePose full finds all but one of the 59 true events within 1 frame on the renders with a
    // shoe-shaped foot (here the events at the clip's very ends count too: 13-16 of 15-16); lite puts the ankles, heels and toes on a mixture of both feet for a few frames
    // of some double supports and swaps the legs at some steps.
    const limits = MODEL === 'blazepose-full' ? { found: 0.85, hip: 4, knee: 5 } : { found: 0.6, hip: 4, knee: 6 };
    if (report.quality.warnings.some((w) => /mixing up the left and right legs/.test(w))) {
      // The report says its legs are mixed up: its numbers mix both legs, and it must flag nothing.
      expect.soft(MODEL, 'legs mixed up (only ever seen with BlazePose lite)').toBe('blazepose-lite');
      expect.soft(report.flags).toEqual([]);
      return;
    }
    const matched = c.events.heelStrikes.errors.length + c.events.toeOffs.errors.length;
    expect.soft(matched, 'true events found within 2 frames').toBeGreaterThanOrEqual(Math.floor(limits.found * c.truthEvents));
    expect.soft(c.hip.median, 'median hip angle error (deg)').toBeLessThan(limits.hip);
    expect.soft(c.knee.median, 'median knee angle error (deg)').toBeLessThan(limits.knee);
  });
}
