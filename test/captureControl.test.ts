/**
 * The camera's pure rules: the set-up checks shown after voting over the last frames, the live
 * pose's share of the CPU while recording (it yields whenever the recorder falls behind), and any
 * pose model's keypoints read in the live view's COCO-17 layout.
 */
import { describe, expect, it } from 'vitest';
import { CheckVotes } from '../src/capture/checkVotes';
import { cocoIndexIn, toCoco } from '../src/capture/livePose';
import { KEYPOINT_NAMES, KP, type Keypoint } from '../src/core/format/poseTrack';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../src/pose/models/blazepose/info';
import type { LiveCheck, LiveCheckId } from '../src/capture/liveChecks';
import { MIN_SHARE, PoseThrottle } from '../src/capture/poseThrottle';

const check = (id: LiveCheckId, severity: LiveCheck['severity'] = 'advice', message: string = id): LiveCheck => ({ id, message, hint: '', severity });

describe('check votes', () => {
  it('shows a problem found in at least half of the last frames, blocking ones first, with the latest wording', () => {
    const votes = new CheckVotes(4);
    expect(votes.push([check('too-dark')])).toEqual([check('too-dark')]);
    // One frame of 'nobody' among two is half: shown; the blocking one comes first.
    expect(votes.push([check('too-dark', 'advice', 'darker'), check('nobody', 'blocking')]).map((c) => c.id)).toEqual(['nobody', 'too-dark']);
    expect(votes.push([check('too-dark')]).map((c) => c.id)).toEqual(['too-dark']); // nobody: 1 of 3
    const shown = votes.push([]);
    expect(shown.map((c) => c.id)).toEqual(['too-dark']); // 3 of 4
    expect(votes.push([])).toEqual([check('too-dark')]); // 2 of the last 4, the latest wording
    expect(votes.push([])).toEqual([]); // 1 of 4: a single flicker is not shown
  });

  it('forgets everything on reset', () => {
    const votes = new CheckVotes();
    votes.push([check('portrait')]);
    votes.reset();
    expect(votes.push([])).toEqual([]);
  });
});

describe('pose throttle', () => {
  const calm = { backlog: 0, missed: 0 };

  it('halves the pose share whenever the recorder falls behind, down to a floor', () => {
    const throttle = new PoseThrottle(0.5);
    expect(throttle.update(calm, 0)).toBe(0.5);
    expect(throttle.update({ backlog: 5, missed: 0 }, 0.25)).toBe(0.25);
    expect(throttle.update({ backlog: 0, missed: 3 }, 0.5)).toBe(0.125); // camera frames lost
    for (let i = 0; i < 10; i++) throttle.update({ backlog: 0, missed: 4 + i }, 0.75 + i * 0.25);
    expect(throttle.update({ backlog: 9, missed: 20 }, 3.5)).toBe(MIN_SHARE);
  });

  it('grows back step by step while the recorder keeps up, never above its ceiling', () => {
    const throttle = new PoseThrottle(0.5);
    throttle.update({ backlog: 9, missed: 0 }, 0);
    expect(throttle.update(calm, 0.5)).toBe(0.25); // not a calm second yet
    expect(throttle.update(calm, 1)).toBeCloseTo(0.3);
    let share = 0;
    for (let t = 2; t < 10; t++) share = throttle.update(calm, t);
    expect(share).toBe(0.5);
  });

  it('leaves the share alone where the recorder cannot tell (MediaRecorder)', () => {
    const throttle = new PoseThrottle(0.5);
    expect(throttle.update(null, 0)).toBe(0.5);
  });
});

describe('live pose layout', () => {
  it('reads any model in COCO-17 by name: BlazePose-33 gives every COCO point, a layout without eyes leaves them empty', () => {
    const blaze = cocoIndexIn(BLAZEPOSE_KEYPOINT_NAMES);
    expect(blaze.every((i) => i >= 0)).toBe(true);
    const keypoints = BLAZEPOSE_KEYPOINT_NAMES.map((_, i): Keypoint => [i, 2 * i, 0.9]);
    const coco = toCoco(keypoints, blaze);
    expect(coco).toHaveLength(KEYPOINT_NAMES.length);
    expect(coco[KP.leftKnee]).toEqual(keypoints[BLAZEPOSE_KEYPOINT_NAMES.indexOf('left_knee')]);
    expect(toCoco(keypoints, cocoIndexIn(KEYPOINT_NAMES))).toEqual(keypoints.slice(0, KEYPOINT_NAMES.length));
    const noEyes = cocoIndexIn(KEYPOINT_NAMES.filter((name) => !name.endsWith('_eye')));
    expect(toCoco(keypoints, noEyes)[KP.leftEye]).toEqual([null, null, 0]);
  });
});
