/**
 * The pipeline from frames to a gait-pose-track (src/pose/trackBuilder.ts): with stand-in frames
 * and estimators that "see" a scripted scene (who is where at each time), then with the real
 * MoveNet models on raw pixels (crops mapped back to the frame, no tensor leaks).
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KP, KEYPOINT_COUNT, KEYPOINT_NAMES, type Keypoint } from '../src/core/format/poseTrack';
import type { DetectedPose, PoseEstimator } from '../src/pose/models';
import { MOVENET_LIGHTNING } from '../src/pose/models/movenet/info';
import type { PoseInput, RawImage } from '../src/contracts';
import { buildPoseTrack, SCOUT_MAX_DIMENSION, scoutMaxDimension, trackSpan, type SpanTracker } from '../src/pose/trackBuilder';
import { createNodePoseEstimator } from '../src/pose/node';
import { containsPoint, frameToCrop } from '../src/tracking/geometry';
import { cropRgb } from '../src/video/node/rgbCrop';
import { VideoInputError, type Box, type FrameSource, type PipelineProgress, type SourceFrame } from '../src/contracts';
import { jumpingJacks, walker, type PoseAt } from './helpers/scoutScene';
import { drawStandingPerson } from './helpers/rasterPerson';

interface Actor {
  pose: PoseAt;
  id: number;
  inView?: (t: number) => boolean;
}

/** What a stand-in frame or crop "shows": the time, and the region for crops. */
interface FakeImage {
  t: number;
  region?: Box;
  size?: number;
}

function fakeSource(o: { durationS?: number; fps?: number; frameCount?: number } = {}) {
  const fps = o.fps ?? 30;
  const durationS = o.durationS ?? 4;
  const frameCount = o.frameCount ?? Math.round(durationS * fps);
  const stats = { decoded: 0, released: 0, passes: 0 };
  const source: FrameSource = {
    name: 'scene.mp4',
    width: 1920,
    height: 1080,
    durationS,
    frameCount,
    codec: 'avc',
    close: () => undefined,
    async *frames({ minIntervalS = 0, fromS = -Infinity, toS = Infinity } = {}) {
      stats.passes++;
      let last = -Infinity;
      for (let i = 0; i < frameCount; i++) {
        const t = i / fps;
        if (t < fromS - 1e-6 || t >= toS - 1e-6) continue;
        if (t - last < minIntervalS - 1e-3) continue;
        last = t;
        stats.decoded++;
        const frame: SourceFrame = {
          t,
          image: { t } as unknown as PoseInput,
          crop: async (region, size) => ({ t, region, size }) as unknown as PoseInput,
          release: () => void stats.released++,
        };
        yield frame;
      }
    },
  };
  return { source, stats };
}

const present = (actors: Actor[], t: number) => actors.filter((a) => a.inView?.(t) ?? true);
const hipOf = (kps: Keypoint[]): [number, number] => [(kps[KP.leftHip][0]! + kps[KP.rightHip][0]!) / 2, (kps[KP.leftHip][1]! + kps[KP.rightHip][1]!) / 2];

/** MultiPose stand-in: everyone in view, with their ids. */
function fakeScout(actors: Actor[]) {
  const calls = { estimateAll: 0 };
  const scout: PoseEstimator = {
    model: 'multipose',
    modelId: 'fake-multipose',
    keypointNames: KEYPOINT_NAMES,
    cropSize: 256,
    followsAcrossCrops: false,
    estimate: async () => [],
    estimateAll: async (image) => {
      calls.estimateAll++;
      const { t } = image as unknown as FakeImage;
      return present(actors, t).map((a): DetectedPose => ({ keypoints: a.pose(t) as DetectedPose['keypoints'], score: 0.6, id: a.id }));
    },
    reset: () => undefined,
    dispose: () => undefined,
  };
  return { scout, calls };
}

/**
 * Single-pose stand-in: in a crop, the person whose hips are inside it (in crop pixels); on a whole
 * frame, the first actor listed (as if MoveNet locked on to them). Counts estimates made without a
 * reset() since the previous crop.
 */
function fakeSinglePose(actors: Actor[], followsAcrossCrops = false) {
  const calls = { crops: 0, whole: 0, cropsWithoutReset: 0 };
  let resetSinceLastCrop = false;
  const estimator: PoseEstimator = {
    model: 'lightning',
    modelId: 'fake-lightning',
    keypointNames: KEYPOINT_NAMES,
    cropSize: MOVENET_LIGHTNING.cropSize,
    followsAcrossCrops,
    estimateAll: async () => [],
    estimate: async (image) => {
      const { t, region, size } = image as unknown as FakeImage;
      const nobody = Array.from({ length: KEYPOINT_COUNT }, (): Keypoint => [10, 10, 0.01]);
      if (!region) {
        calls.whole++;
        const first = present(actors, t)[0];
        return first ? first.pose(t) : nobody;
      }
      calls.crops++;
      if (!resetSinceLastCrop) calls.cropsWithoutReset++;
      resetSinceLastCrop = false;
      const seen = present(actors, t).find((a) => containsPoint(region, ...hipOf(a.pose(t))));
      return seen ? frameToCrop(seen.pose(t), region, size!) : nobody;
    },
    reset: () => void (resetSinceLastCrop = true),
    dispose: () => undefined,
  };
  return { estimator, calls };
}

const womanWalking: Actor = { pose: walker({ x0: 300, floorY: 1000, height: 420, speed: 0.8 }), id: 7 };
const manJumping: Actor = { pose: jumpingJacks({ x: 700, floorY: 420, height: 330 }), id: 3 };

function expectSameKeypoints(actual: Keypoint[], expected: Keypoint[]) {
  actual.forEach((k, i) => {
    expect(k[0]!).toBeCloseTo(expected[i][0]!, 6);
    expect(k[1]!).toBeCloseTo(expected[i][1]!, 6);
  });
}

describe('buildPoseTrack with a scripted scene', () => {
  it('scouts, picks the walker and tracks only her on every frame, mapped back to frame pixels', async () => {
    const actors = [manJumping, womanWalking]; // on the whole frame, MoveNet would lock onto the man
    const { source, stats } = fakeSource();
    const { scout, calls: scoutCalls } = fakeScout(actors);
    const { estimator, calls } = fakeSinglePose(actors);
    const { track, people, personId } = await buildPoseTrack(source, { estimator, scout, sourceExtra: { backend: 'test' } });

    expect(personId).toBe(7);
    expect(people.map((p) => p.id)).toEqual([7, 3]);
    // 4 s at 30 fps, one frame a second: she clearly travels and he does not, so no closer look.
    expect(scoutCalls.estimateAll).toBe(4);
    expect(track.frames).toHaveLength(120);
    track.frames.forEach((frame, i) => {
      expect(frame.t).toBeCloseTo(i / 30, 6);
      expectSameKeypoints(frame.keypoints, womanWalking.pose(i / 30));
    });
    expect(calls.crops).toBe(120);
    expect(calls.whole).toBe(0);
    expect(calls.cropsWithoutReset).toBe(0);
    expect(stats.released).toBe(stats.decoded);
    expect(track).toMatchObject({
      format: 'gait-pose-track',
      version: 1,
      fps: 30,
      width: 1920,
      height: 1080,
      source: { kind: 'video', name: 'scene.mp4', model: 'fake-lightning', personId: 7, crop: `person, ${MOVENET_LIGHTNING.cropSize} px`, backend: 'test' },
    });
    expect(track.keypointNames).toHaveLength(17);
  });

  it('a model that follows the person across crops (BlazePose) is reset only when the crop jumps, and its layout names the track', async () => {
    const actors = [manJumping, womanWalking];
    const { estimator, calls } = fakeSinglePose(actors, true);
    const named = { ...estimator, keypointNames: [...KEYPOINT_NAMES].reverse(), estimate: async (image: PoseInput, t?: number) => [...(await estimator.estimate(image, t))].reverse() };
    const { track } = await buildPoseTrack(fakeSource().source, { estimator: named, scout: fakeScout(actors).scout });
    expect(calls.crops).toBe(120);
    // Only the first crop (from scouting) comes after a reset; the rest follow the keypoints.
    expect(calls.cropsWithoutReset).toBe(119);
    // Another layout than MoveNet's: a v2 track that names its keypoints in the model's order.
    expect(track.version).toBe(2);
    expect(track.keypointNames).toEqual([...KEYPOINT_NAMES].reverse());
    expectSameKeypoints([...track.frames[60].keypoints].reverse(), womanWalking.pose(2));
  });

  it('looks again at 4 Hz when the first look cannot tell who walks (a treadmill walker does not travel)', async () => {
    const onTreadmill: Actor = { pose: walker({ x0: 1200, floorY: 1000, height: 420, speed: 0 }), id: 9 };
    const actors = [manJumping, onTreadmill];
    const { source, stats } = fakeSource();
    const { scout, calls: scoutCalls } = fakeScout(actors);
    const { estimator } = fakeSinglePose(actors);
    const { personId, track } = await buildPoseTrack(source, { estimator, scout });
    expect(personId).toBe(9);
    // 4 frames at 1 Hz, then 15 at least 0.25 s apart (one frame in 8).
    expect(scoutCalls.estimateAll).toBe(4 + 15);
    expectSameKeypoints(track.frames[60].keypoints, onTreadmill.pose(2));
    expect(stats.released).toBe(stats.decoded);
  });

  it('tracks another person when asked, reusing the people found before without scouting again', async () => {
    const actors = [womanWalking, manJumping];
    const first = await buildPoseTrack(fakeSource().source, { estimator: fakeSinglePose(actors).estimator, scout: fakeScout(actors).scout });
    const { scout, calls: scoutCalls } = fakeScout(actors);
    const { source, stats } = fakeSource();
    const again = await buildPoseTrack(source, { estimator: fakeSinglePose(actors).estimator, scout, people: first.people, personId: 3 });
    expect(scoutCalls.estimateAll).toBe(0);
    expect(stats.passes).toBe(1);
    expect(again.personId).toBe(3);
    again.track.frames.forEach((frame, i) => expectSameKeypoints(frame.keypoints, manJumping.pose(i / 30)));
  });

  it('frames where the person is out of view keep their time, with no keypoints', async () => {
    const leaves: Actor = { ...womanWalking, inView: (t) => t < 2.5 };
    const actors = [leaves, manJumping];
    const { track, personId } = await buildPoseTrack(fakeSource().source, { estimator: fakeSinglePose(actors).estimator, scout: fakeScout(actors).scout });
    expect(personId).toBe(7);
    expect(track.frames).toHaveLength(120);
    for (const [i, frame] of track.frames.entries()) {
      if (frame.t < 2.5) expectSameKeypoints(frame.keypoints, leaves.pose(i / 30));
      else expect(frame.keypoints).toEqual(Array.from({ length: 17 }, () => [null, null, 0]));
    }
  });

  it('long stretches of nobody before and after the walk are neither decoded nor tracked: the track is the walk', async () => {
    // 30 s: nobody for 10 s, the walker for 5 s, nobody for 15 s.
    const walk: Actor = { ...womanWalking, inView: (t) => t >= 10 && t < 15 };
    const { estimator, calls } = fakeSinglePose([walk]);
    const { source, stats } = fakeSource({ durationS: 30 });
    const { track, personId } = await buildPoseTrack(source, { estimator, scout: fakeScout([walk]).scout });
    expect(personId).toBe(walk.id);
    // Every frame of the walk, found; none of the empty stretches.
    expect(track.frames[0].t).toBeCloseTo(10, 6);
    expect(track.frames.at(-1)!.t).toBeCloseTo(15 - 1 / 30, 6);
    expect(track.frames).toHaveLength(150);
    track.frames.forEach((frame, i) => expectSameKeypoints(frame.keypoints, walk.pose((300 + i) / 30)));
    // Scouting looked once a second over the whole video (31 frames; it saw her at 10-14 s); tracking
    // decoded the walk and a scouting interval around those looks (9-15 s), not the 900 frames.
    expect(stats.decoded).toBeLessThanOrEqual(31 + 6 * 30);
    expect(calls.crops + calls.whole).toBeLessThanOrEqual(6 * 30);
  });

  it('with the walk between stretches of nobody tracked in spans, the spans cover the walk and join into the same track', async () => {
    const walk: Actor = { ...womanWalking, inView: (t) => t >= 10 && t < 15 };
    const options = () => ({ estimator: fakeSinglePose([walk]).estimator, scout: fakeScout([walk]).scout });
    const single = await buildPoseTrack(fakeSource({ durationS: 30 }).source, { ...options(), snapCrops: true });
    const asked: [number, number][] = [];
    const tracker: SpanTracker = {
      workers: 2,
      track: (span, person, onFrame, signal) => {
        asked.push([span.trackFromS, span.toS]);
        return trackSpan(fakeSource({ durationS: 30 }).source, fakeSinglePose([walk]).estimator, person, { fromS: span.trackFromS, toS: span.toS, onFrame, signal });
      },
    };
    const split = await buildPoseTrack(fakeSource({ durationS: 30 }).source, { ...options(), tracker });
    // Looks at 10-14 s saw her: the stretch is 9-15 s, and the second span ends there, not at 30 s.
    expect(asked).toHaveLength(1);
    expect(asked[0][0]).toBeGreaterThan(9);
    expect(asked[0][1]).toBeCloseTo(15, 6);
    expect(split.track.frames.map((f) => f.t)).toEqual(single.track.frames.map((f) => f.t));
    split.track.frames.forEach((frame, i) => expectSameKeypoints(frame.keypoints, single.track.frames[i].keypoints));
  });

  it('without a scout, every whole frame goes to MoveNet and its own tracking', async () => {
    const actors = [womanWalking];
    const { estimator, calls } = fakeSinglePose(actors);
    const { track, people, personId } = await buildPoseTrack(fakeSource().source, { estimator });
    expect(people).toEqual([]);
    expect(personId).toBeNull();
    expect(calls.whole).toBe(120);
    expect(track.source!.crop).toBe('whole frame');
    expectSameKeypoints(track.frames[50].keypoints, womanWalking.pose(50 / 30));
  });

  it('a video with nobody in it is refused with no-person; an unknown person id too', async () => {
    const error = await buildPoseTrack(fakeSource().source, { estimator: fakeSinglePose([]).estimator, scout: fakeScout([]).scout }).catch((e) => e);
    expect(error).toBeInstanceOf(VideoInputError);
    expect(error.code).toBe('no-person');
    const actors = [womanWalking];
    const unknown = await buildPoseTrack(fakeSource().source, { estimator: fakeSinglePose(actors).estimator, scout: fakeScout(actors).scout, personId: 99 }).catch((e) => e);
    expect(unknown.code).toBe('no-person');
    expect(unknown.message).toMatch(/no person with id 99.*found: 7/);
  });

  it('refuses clips under 2 s or 20 frames before decoding anything', async () => {
    for (const short of [{ durationS: 1.5 }, { durationS: 3, fps: 5, frameCount: 15 }]) {
      const { source, stats } = fakeSource(short);
      const error = await buildPoseTrack(source, { estimator: fakeSinglePose([womanWalking]).estimator, scout: fakeScout([womanWalking]).scout }).catch((e) => e);
      expect(error).toBeInstanceOf(VideoInputError);
      expect(error.code).toBe('too-short');
      expect(stats.passes).toBe(0);
    }
  });

  it('reports progress per stage and stops with cancelled when the signal aborts', async () => {
    const actors = [womanWalking];
    const reports: PipelineProgress[] = [];
    const controller = new AbortController();
    const { source, stats } = fakeSource();
    const error = await buildPoseTrack(source, {
      estimator: fakeSinglePose(actors).estimator,
      scout: fakeScout(actors).scout,
      signal: controller.signal,
      onProgress: (p) => {
        reports.push(p);
        if (p.stage === 'tracking' && p.framesDone === 40) controller.abort();
      },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(VideoInputError);
    expect(error.code).toBe('cancelled');
    const scouting = reports.filter((r) => r.stage === 'scouting');
    const tracking = reports.filter((r) => r.stage === 'tracking');
    // One person: the first look (a frame a second) is enough.
    expect(scouting.map((r) => r.framesDone)).toEqual(Array.from({ length: 5 }, (_, i) => i));
    expect(scouting.every((r) => r.framesTotal === 4)).toBe(true);
    expect(tracking[tracking.length - 1].framesDone).toBe(40);
    expect(tracking.every((r) => r.framesTotal === 120)).toBe(true);
    expect(reports.findIndex((r) => r.stage === 'tracking')).toBeGreaterThan(reports.findLastIndex((r) => r.stage === 'scouting'));
    expect(tracking[10].etaS).not.toBeNull();
    expect(stats.released).toBe(stats.decoded);
  });
});

describe('scouting resolution', () => {
  it('shrinks the frame at most ~4.6 times, from 256 to 384 px, in multiples of 32', () => {
    expect(scoutMaxDimension(1768, 994)).toBe(384); // sports2d-demo
    expect(scoutMaxDimension(3840, 2160)).toBe(SCOUT_MAX_DIMENSION);
    expect(scoutMaxDimension(1280, 720)).toBe(288);
    expect(scoutMaxDimension(720, 1280)).toBe(288); // portrait phone video
    expect(scoutMaxDimension(960, 480)).toBe(256);
    expect(scoutMaxDimension(320, 240)).toBe(256);
  });
});

describe('buildPoseTrack with MoveNet on raw pixels', () => {
  // A person standing in a wide grey frame, moving right 6 px a frame, 2.4 s at 10 fps.
  const person = drawStandingPerson(320, 400);
  const frameWidth = 960;
  const frameHeight = 540;
  const offsetAt = (i: number): [number, number] => [60 + 6 * i, 100];

  function pixelSource(frameCount = 24): FrameSource {
    return {
      name: 'raster',
      width: frameWidth,
      height: frameHeight,
      durationS: frameCount / 10,
      frameCount,
      codec: 'raw',
      close: () => undefined,
      async *frames({ minIntervalS = 0 } = {}) {
        let last = -Infinity;
        for (let i = 0; i < frameCount; i++) {
          const t = i / 10;
          if (t - last < minIntervalS - 1e-3) continue;
          last = t;
          const data = new Uint8Array(frameWidth * frameHeight * 3).fill(150);
          const [ox, oy] = offsetAt(i);
          for (let y = 0; y < person.height; y++) {
            for (let x = 0; x < person.width; x++) data.set(person.data.subarray((y * person.width + x) * 4, (y * person.width + x) * 4 + 3), ((y + oy) * frameWidth + x + ox) * 3);
          }
          const image: RawImage = { data, width: frameWidth, height: frameHeight, channels: 3 };
          yield { t, image, crop: async (box, size) => cropRgb(image, box, size), release: () => undefined };
        }
      },
    };
  }

  let estimator: PoseEstimator;
  let scout: PoseEstimator;
  beforeAll(async () => {
    estimator = (await createNodePoseEstimator({ model: 'lightning' })).estimator;
    scout = (await createNodePoseEstimator({ model: 'multipose', multiPoseMaxDimension: SCOUT_MAX_DIMENSION })).estimator;
  });
  afterAll(() => {
    estimator?.dispose();
    scout?.dispose();
  });

  it('finds the person, tracks them in crops and maps the keypoints back to where they were drawn', async () => {
    const { track, people, personId } = await buildPoseTrack(pixelSource(), { estimator, scout });
    expect(people).toHaveLength(1);
    expect(personId).toBe(people[0].id);
    expect(people[0].description).toMatch(/walks left to right|moves about|stands/);
    const figureHeight = 0.85 * person.height;
    track.frames.forEach((frame, i) => {
      const [ox, oy] = offsetAt(i);
      for (const joint of [KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle]) {
        const [x, y, score] = frame.keypoints[joint];
        const [trueX, trueY] = person.truth[joint]!;
        expect(score, `frame ${i} keypoint ${joint} score`).toBeGreaterThan(0.4);
        expect(Math.hypot(x! - (trueX + ox), y! - (trueY + oy)), `frame ${i} keypoint ${joint} error (px)`).toBeLessThan(0.06 * figureHeight);
      }
    });
  });

  it('leaks no tensors over a whole run', async () => {
    await buildPoseTrack(pixelSource(), { estimator, scout });
    const before = tf.memory().numTensors;
    await buildPoseTrack(pixelSource(), { estimator, scout });
    expect(tf.memory().numTensors).toBe(before);
  });
});
