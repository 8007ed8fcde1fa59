/**
 * fixtures/tracks/ from the pose tracks `test/e2e/feet-walks.spec.ts` exports: each walk-with-feet
 * track (NAME.MODEL.track.json in test-results/reports/) kept to the 21 named points the analysis
 * and the stick figure use (the 17 MoveNet names, then the heels and foot indices), coordinates
 * rounded to 0.1 px and scores to 0.001, written to fixtures/tracks/NAME.MODEL.track.json.
 *
 *   GAIT_E2E_PORT=5197 npx playwright test test/e2e/feet-walks.spec.ts                 (blazepose-full)
 *   GAIT_E2E_FEET_MODEL=blazepose-lite npx playwright test test/e2e/feet-walks.spec.ts (lite)
 *   npx tsx scripts/compact-feet-tracks.ts [--from=test-results/reports]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOOT_KEYPOINT_NAMES } from '../src/core/format/footKeypoints';
import { KEYPOINT_NAMES, type GaitPoseTrack, type Keypoint } from '../src/core/format/poseTrack';

const ROOT = join(import.meta.dirname, '..');
const from = process.argv.find((a) => a.startsWith('--from='))?.slice(7) ?? join(ROOT, 'test-results/reports');
const KEPT = [...KEYPOINT_NAMES, ...FOOT_KEYPOINT_NAMES];
const tenth = (v: number | null) => (v === null ? null : Number(v.toFixed(1)));

const files = readdirSync(from).filter((f) => /-feet\.blazepose-\w+\.track\.json$/.test(f));
if (!files.length) throw new Error(`no exported feet-walk tracks in ${from}: run test/e2e/feet-walks.spec.ts first`);
for (const file of files.sort()) {
  const track = JSON.parse(readFileSync(join(from, file), 'utf8')) as GaitPoseTrack;
  const index = KEPT.map((name) => {
    const i = track.keypointNames.indexOf(name);
    if (i < 0) throw new Error(`${file} has no ${name}`);
    return i;
  });
  const compact: GaitPoseTrack = {
    ...track,
    keypointNames: KEPT,
    frames: track.frames.map((f) => ({
      ...f,
      keypoints: index.map((i): Keypoint => {
        const [x, y, score] = f.keypoints[i];
        return [tenth(x), tenth(y), Number(score.toFixed(3))];
      }),
    })),
  };
  writeFileSync(join(ROOT, 'fixtures/tracks', file), JSON.stringify(compact));
  console.log(`fixtures/tracks/${file}: ${compact.frames.length} frames, ${KEPT.length} points`);
}
