/** Input the analysis cannot use gets a specific, user-facing message (never a crash or NaNs). */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { GaitAnalysisError } from '../src/core/errors';
import { KP, type GaitPoseTrack, type Keypoint } from '../src/core/format/poseTrack';
import { synthesizeWalk } from '../src/synth';

function analyzeError(track: GaitPoseTrack): GaitAnalysisError {
  try {
    analyzeTrack(track);
  } catch (e) {
    if (e instanceof GaitAnalysisError) return e;
    throw e;
  }
  throw new Error('the analysis accepted a track it should refuse');
}

/** The same walk as seen from the front: every keypoint keeps its height, left and right spread sideways. */
function frontalView(track: GaitPoseTrack): GaitPoseTrack {
  const halfWidth = 40;
  return {
    ...track,
    frames: track.frames.map((f) => ({
      t: f.t,
      keypoints: f.keypoints.map((k, index): Keypoint => {
        if (k[0] === null) return k;
        const side = index === KP.nose ? 0 : index % 2 === 1 ? 1 : -1;
        return [640 + side * halfWidth + (k[0] - f.keypoints[KP.leftHip][0]!) * 0.05, k[1], k[2]];
      }),
    })),
  };
}

describe('analysis errors', () => {
  it('a walk filmed from the front is refused with a side-view message', () => {
    const e = analyzeError(frontalView(synthesizeWalk({ setting: 'treadmill' }).track));
    expect(e.code).toBe('not-side-view');
    expect(e.message).toMatch(/side/);
  });

  it('a clip with too few steps says so', () => {
    const e = analyzeError(synthesizeWalk({ setting: 'treadmill', durationS: 1.2 }).track);
    expect(e.code).toBe('too-few-steps');
    expect(e.message).toMatch(/Too few steps/);
  });

  it('a track where nobody\'s legs are seen reports that nobody was found', () => {
    const walk = synthesizeWalk({ setting: 'treadmill' }).track;
    const legs = new Set<number>([KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle]);
    const track = { ...walk, frames: walk.frames.map((f) => ({ t: f.t, keypoints: f.keypoints.map((k, i): Keypoint => (legs.has(i) ? [null, null, 0] : k)) })) };
    const e = analyzeError(track);
    expect(e.code).toBe('no-person');
    expect(e.message).toMatch(/Nobody/);
  });

  it('someone standing still is not a walk', () => {
    const walk = synthesizeWalk({ setting: 'treadmill' }).track;
    const still = { ...walk, frames: walk.frames.map((f) => ({ t: f.t, keypoints: walk.frames[0].keypoints })) };
    const e = analyzeError(still);
    expect(['too-few-steps', 'not-side-view', 'no-walking']).toContain(e.code);
  });

  it('a valid report never contains NaN', () => {
    const r = analyzeTrack(synthesizeWalk({}).track);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(r.format).toBe('gait-report');
    expect(r.version).toBe(1);
    expect(r.frames.t.length).toBe(r.frames.angles.left.kneeFlexion.length);
  });
});
