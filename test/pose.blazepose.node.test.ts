/**
 * BlazePose in Node: the detector and landmark weights from models/ (fetched by `npm install`),
 * loaded from disk through the fs IOHandler into pose-detection's tfjs runtime on the wasm backend,
 * run over rendered frames of the synthetic walker with feet. Heels and foot indices must come out
 * finite (others have seen NaN keypoints from this runtime) and on the drawn shoes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOOT_KEYPOINT_NAMES, FOOT_KEYPOINTS } from '../src/core/format/footKeypoints';
import { KEYPOINT_NAMES, type Keypoint } from '../src/core/format/poseTrack';
import { BLAZEPOSE_KEYPOINT_NAMES, BLAZEPOSE_MODEL_NAMES, type BlazePoseModelName } from '../src/pose/models/blazepose/info';
import type { PoseEstimator } from '../src/pose/models';
import { createNodePoseEstimator, modelPaths, ModelFilesMissingError } from '../src/pose/node';
import { synthesizeWalk } from '../src/synth';
import { renderWalkFrame } from '../src/synth/render';

const { truth } = synthesizeWalk({ feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 2, cadence: 96, seed: 7 });
const FRAMES = [0, 6, 12, 18, 24, 30];
const H = truth.bodyHeightPx;

describe('BlazePose names and files', () => {
  it('the 33 landmark names contain the 17 MoveNet keypoints and the four foot keypoints', () => {
    expect(BLAZEPOSE_KEYPOINT_NAMES).toHaveLength(33);
    for (const name of [...KEYPOINT_NAMES, ...FOOT_KEYPOINT_NAMES]) expect(BLAZEPOSE_KEYPOINT_NAMES).toContain(name);
  });

  it.each(BLAZEPOSE_MODEL_NAMES)('%s and the detector are in models/ (else: run npm install)', (model) => {
    const [landmark, detector] = modelPaths(`blazepose-${model}`);
    expect(detector).toMatch(/blazepose-detector\.json$/);
    expect(landmark).toMatch(new RegExp(`blazepose-${model}\\.json$`));
  });

  it('a folder without them gives an error that says to run npm install', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-models-'));
    expect(() => modelPaths('blazepose-full', empty)).toThrow(ModelFilesMissingError);
    expect(() => modelPaths('blazepose-full', empty)).toThrow(/BlazePose full weights missing.*npm install/);
  });
});

/** Distance from a found point to the nearer of the two feet's truth points (side views swap labels). */
function nearestFootError(found: Keypoint, kind: 'heelKeypoint' | 'toeTip', i: number): number {
  const [x, y] = found;
  return Math.min(
    ...(['left', 'right'] as const).map((side) => {
      const [tx, ty] = truth.clean.feet[side][kind][i];
      return Math.hypot(x! - tx, y! - ty);
    }),
  );
}

describe.each(BLAZEPOSE_MODEL_NAMES.map((m) => [m] as const))('BlazePose %s on the wasm backend, on the walker with feet', (model: BlazePoseModelName) => {
  let estimator: PoseEstimator;
  const results: Keypoint[][] = [];

  beforeAll(async () => {
    const created = await createNodePoseEstimator({ model: `blazepose-${model}` });
    expect(created.backend.backend).toBe('wasm');
    estimator = created.estimator;
    for (const i of FRAMES) {
      const r = renderWalkFrame(truth, i, 3);
      results.push(await estimator.estimate({ data: r.data, width: r.width, height: r.height, channels: 3 }, (i * 1000) / 30));
    }
  }, 120_000);
  afterAll(() => estimator?.dispose());

  it('gives 33 keypoints on every frame, all finite (no NaN), inside the image', () => {
    expect(estimator.modelId).toBe(`blazepose-${model}`);
    expect(estimator.keypointNames).toEqual(BLAZEPOSE_KEYPOINT_NAMES);
    for (const keypoints of results) {
      expect(keypoints).toHaveLength(33);
      for (const [x, y, score] of keypoints) {
        expect(Number.isFinite(x)).toBe(true);
        expect(Number.isFinite(y)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });

  // Where the feet pass each other in swing, lite and full misplace a foot by up to ~15 % of body height.
  it('puts heels and foot indices on the drawn feet (median within 4 %, 3 in 4 within 6 % of body height)', () => {
    const errors: number[] = [];
    results.forEach((keypoints, f) => {
      const named = (name: string) => keypoints[estimator.keypointNames.indexOf(name)];
      for (const side of ['left', 'right'] as const) {
        const heel = named(FOOT_KEYPOINTS[side].heel);
        const toe = named(FOOT_KEYPOINTS[side].footIndex);
        errors.push(nearestFootError(heel, 'heelKeypoint', FRAMES[f]), nearestFootError(toe, 'toeTip', FRAMES[f]));
      }
    });
    const sorted = [...errors].sort((a, b) => a - b);
    expect(sorted[sorted.length >> 1], `median foot keypoint error ${sorted[sorted.length >> 1].toFixed(1)} px`).toBeLessThan(0.04 * H);
    expect(errors.filter((e) => e < 0.06 * H).length / errors.length).toBeGreaterThanOrEqual(0.75);
  });
});
