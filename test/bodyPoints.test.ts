/**
 * Body points looked up by name (src/core/format/bodyPoints.ts): the layouts we know resolve, a
 * layout without knees says so, and the analysis of a track does not depend on the order or the
 * extra points of its layout.
 */
import { describe, expect, it } from 'vitest';
import { BODY_POINTS, P, resolveLayout } from '../src/core/format/bodyPoints';
import { KEYPOINT_NAMES, type GaitPoseTrack, type Keypoint } from '../src/core/format/poseTrack';
import { toColumns } from '../src/core/clean/columns';
import { analyzeTrack } from '../src/core/analyze';
import { synthesizeWalk, MOVENET_LIKE_NOISE } from '../src/synth';

describe('resolveLayout', () => {
  it('finds every COCO-17 point by name, no feet', () => {
    const layout = resolveLayout(KEYPOINT_NAMES);
    expect(layout.missing).toEqual([]);
    expect(layout.hasFeet).toBe(false);
    expect(layout.index[P.leftKnee]).toBe(KEYPOINT_NAMES.indexOf('left_knee'));
    expect(layout.index[P.leftHeel]).toBe(-1);
  });
  it('finds heels and toes in BlazePose (foot index) and OpenPose BODY_25 (big toe) names', () => {
    const blaze = ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle', 'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'];
    const b = resolveLayout(blaze);
    expect(b.hasFeet).toBe(true);
    expect(b.index[P.rightToe]).toBe(9);
    const body25 = ['right_ankle', 'left_ankle', 'right_knee', 'left_knee', 'right_hip', 'left_hip', 'left_big_toe', 'right_big_toe', 'left_heel', 'right_heel'];
    const o = resolveLayout(body25);
    expect(o.hasFeet).toBe(true);
    expect(o.index[P.leftToe]).toBe(6);
    expect(o.index[P.leftAnkle]).toBe(1);
  });
  it('names what a layout lacks', () => {
    expect(resolveLayout(['left_hip', 'right_hip', 'left_ankle', 'right_ankle']).missing).toEqual(['leftKnee', 'rightKnee']);
  });
});

/** The same track in a v2 layout: names reversed, two foot points per side added after them. */
function asNamedLayout(track: GaitPoseTrack): GaitPoseTrack {
  const names = [...track.keypointNames].reverse();
  const extra = ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'];
  return {
    ...track,
    version: 2,
    keypointNames: [...names, ...extra],
    frames: track.frames.map((f) => {
      const ankleL = f.keypoints[KEYPOINT_NAMES.indexOf('left_ankle')];
      const ankleR = f.keypoints[KEYPOINT_NAMES.indexOf('right_ankle')];
      const foot = (a: Keypoint, dx: number): Keypoint => (a[0] === null || a[1] === null ? [null, null, 0] : [a[0] + dx, a[1] + 8, a[2]]);
      return { t: f.t, keypoints: [...[...f.keypoints].reverse(), foot(ankleL, -10), foot(ankleR, -10), foot(ankleL, 25), foot(ankleR, 25)] };
    }),
  };
}

/** A copy without the fields only a track with feet has (the ankle angle and key numbers, the strike patterns). */
const FOOT_FIELDS = new Set(['ankleFlexion', 'ankleAtInitialContact', 'peakStanceDorsiflexion', 'peakPushOffPlantarflexion', 'ankleRange', 'pushOffAnkleExcursion', 'strike', 'strikes', 'strikeSummary']);
function withoutFeet<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutFeet) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !FOOT_FIELDS.has(k)).map(([k, v]) => [k, withoutFeet(v)])) as T;
}

describe('the analysis looks points up by name', () => {
  it('puts each named point in its canonical column whatever the order', () => {
    const walk = synthesizeWalk({ setting: 'treadmill', durationS: 2 });
    const a = toColumns(walk.track);
    const b = toColumns(asNamedLayout(walk.track));
    for (let k = 0; k < BODY_POINTS.length; k++) {
      if (BODY_POINTS[k].endsWith('Heel') || BODY_POINTS[k].endsWith('Toe')) continue;
      expect(Array.from(b.x[k]), BODY_POINTS[k]).toEqual(Array.from(a.x[k]));
    }
    expect(a.x[P.leftHeel].every(Number.isNaN)).toBe(true);
    expect(b.x[P.leftHeel].some(Number.isFinite)).toBe(true);
  });

  it('gives the same report for a COCO-17 track and the same walk in a reordered layout with feet, apart from what the feet add (ankle, strikes)', () => {
    const walk = synthesizeWalk({ seed: 3, noise: { ...MOVENET_LIKE_NOISE, seed: 3 } });
    const v1 = analyzeTrack(walk.track);
    const v2 = analyzeTrack(asNamedLayout(walk.track));
    expect(v2.sides.left.keyValues.ankleRange).toEqual(expect.any(Number));
    expect(v2.sides.left.strikeSummary).toBeDefined();
    expect(withoutFeet(v2.sides)).toEqual(v1.sides);
    expect(withoutFeet(v2.summary)).toEqual(v1.summary);
    expect(v2.flags).toEqual(v1.flags);
  });
});
