import { describe, expect, it } from 'vitest';
import { KEYPOINT_COUNT, KP, type Keypoint, type PoseFrame } from '../src/core/format/poseTrack';
import { estimateBodyHeightPx, liveChecks, type LiveCheckId } from '../src/capture/liveChecks';
import { synthesizeWalk } from '../src/synth';

const WIDTH = 1280;
const HEIGHT = 720;

/** A side-view treadmill walk, body 75 % of a 1280x720 frame (the synthetic walker's default framing). */
const walk = synthesizeWalk({ setting: 'treadmill', cadence: 110, durationS: 6 });
const sideView = walk.track.frames[45].keypoints;

const ids = (keypoints: Keypoint[], extra: Partial<Parameters<typeof liveChecks>[0]> = {}): LiveCheckId[] =>
  liveChecks({ keypoints, width: WIDTH, height: HEIGHT, ...extra }).map((c) => c.id);

/**
 * The same pose moved and scaled in the image, as a camera further away or tilted would show it.
 * Keypoints that leave the frame get a low score, as MoveNet gives them.
 */
function transform(keypoints: Keypoint[], scale: number, dx: number, dy: number, cx = WIDTH / 2, cy = HEIGHT / 2): Keypoint[] {
  return keypoints.map(([x, y, score]): Keypoint => {
    if (x === null || y === null) return [x, y, score];
    const nx = cx + (x - cx) * scale + dx;
    const ny = cy + (y - cy) * scale + dy;
    const inside = nx >= 0 && nx <= WIDTH && ny >= 0 && ny <= HEIGHT;
    return [nx, ny, inside ? score : 0.1];
  });
}

/** Someone standing facing the camera, 1.7 m tall drawn ~600 px tall in a 1280x720 frame. */
function frontalPose(): Keypoint[] {
  const k: Keypoint[] = Array.from({ length: KEYPOINT_COUNT }, (): Keypoint => [null, null, 0]);
  const set = (index: number, x: number, y: number, score = 0.8) => (k[index] = [640 + x, y, score]);
  set(KP.nose, 0, 150);
  set(KP.leftEye, 12, 140);
  set(KP.rightEye, -12, 140);
  set(KP.leftEar, 32, 148, 0.7);
  set(KP.rightEar, -32, 148, 0.7);
  set(KP.leftShoulder, 80, 225);
  set(KP.rightShoulder, -80, 225);
  set(KP.leftElbow, 95, 330);
  set(KP.rightElbow, -95, 330);
  set(KP.leftWrist, 100, 420);
  set(KP.rightWrist, -100, 420);
  set(KP.leftHip, 45, 400);
  set(KP.rightHip, -45, 400);
  set(KP.leftKnee, 48, 540);
  set(KP.rightKnee, -48, 540);
  set(KP.leftAnkle, 50, 670);
  set(KP.rightAnkle, -50, 670);
  return k;
}

describe('live set-up checks', () => {
  it('finds nothing wrong in a side view with the whole body in frame, over a whole walk', () => {
    expect(ids(sideView)).toEqual([]);
    for (const frame of walk.track.frames) expect(ids(frame.keypoints)).toEqual([]);
  });

  it('estimates the body height from the keypoints', () => {
    expect(estimateBodyHeightPx(sideView)).toBeGreaterThan(0.9 * walk.truth.bodyHeightPx);
    expect(estimateBodyHeightPx(sideView)).toBeLessThan(1.1 * walk.truth.bodyHeightPx);
  });

  it('says nobody is in view when no body keypoints are seen', () => {
    const empty: Keypoint[] = Array.from({ length: KEYPOINT_COUNT }, (): Keypoint => [null, null, 0]);
    expect(ids(empty)).toEqual(['nobody']);
    const unsure = sideView.map(([x, y]): Keypoint => [x, y, 0.1]);
    expect(ids(unsure)).toEqual(['nobody']);
    expect(ids(empty, { meanLuma: 15 })).toEqual(['nobody', 'too-dark']);
  });

  it('says the feet are cut off when the camera looks too high', () => {
    // Ankles pushed out of the bottom edge (scored low, as MoveNet does).
    const shifted = transform(sideView, 1, 0, 140);
    expect(ids(shifted)).toContain('feet-cut-off');
    expect(ids(shifted)).not.toContain('too-close');
    // Ankles still found, but right at the edge: the soles are out of the picture.
    const atEdge = transform(sideView, 1, 0, 38);
    expect(ids(atEdge)).toEqual(['feet-cut-off']);
  });

  it('says the head is cut off when the camera looks too low', () => {
    expect(ids(transform(sideView, 1, 0, -150))).toEqual(['head-cut-off']);
  });

  it('says too close when head and feet do not fit', () => {
    const close = transform(sideView, 1.6, 0, 0);
    expect(ids(close)).toContain('too-close');
    expect(ids(close)).not.toContain('feet-cut-off');
  });

  it('says too far when the body is under 40 % of the frame height', () => {
    expect(ids(transform(sideView, 0.45, 0, 0))).toEqual(['too-far']);
    expect(ids(transform(sideView, 0.65, 0, 0))).toEqual([]);
  });

  it('says facing the camera for a frontal pose, not for the side view', () => {
    expect(ids(frontalPose())).toEqual(['facing-camera']);
    // In the middle of the synthetic walker's turn it faces the camera too.
    const turning = synthesizeWalk({ cadence: 110, turn: true });
    const [, second] = turning.truth.passes;
    const midTurn = (turning.truth.passes[0].end + second.start) / 2;
    const frame = turning.track.frames.reduce((a, b) => (Math.abs(b.t - midTurn) < Math.abs(a.t - midTurn) ? b : a));
    expect(liveChecks({ keypoints: frame.keypoints, width: turning.track.width, height: turning.track.height }).map((c) => c.id)).toEqual([
      'facing-camera',
    ]);
  });

  it('says too dark under a mean luma of 50', () => {
    expect(ids(sideView, { meanLuma: 30 })).toEqual(['too-dark']);
    expect(ids(sideView, { meanLuma: 120 })).toEqual([]);
  });

  it('says not walking when nobody has moved for 2 s, not while walking', () => {
    const still: PoseFrame[] = Array.from({ length: 90 }, (_, i) => ({ t: i / 30, keypoints: sideView }));
    expect(ids(sideView, { recent: still })).toEqual(['not-moving']);
    // Too short a history to tell.
    expect(ids(sideView, { recent: still.slice(0, 30) })).toEqual([]);
    const walking = walk.track.frames.slice(0, 90);
    expect(ids(walking[89].keypoints, { recent: walking })).toEqual([]);
  });

  it('suggests landscape for an upright picture', () => {
    const portrait = liveChecks({ keypoints: transform(sideView, 0.9, 0, 0), width: 720, height: 1280 }).map((c) => c.id);
    expect(portrait).toContain('portrait');
  });

  it('gives every problem a message and a hint', () => {
    const all = [
      ...liveChecks({ keypoints: frontalPose(), width: WIDTH, height: HEIGHT, meanLuma: 10 }),
      ...liveChecks({ keypoints: transform(sideView, 1.6, 0, 0), width: WIDTH, height: HEIGHT }),
    ];
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const problem of all) {
      expect(problem.message.length).toBeGreaterThan(5);
      expect(problem.hint.length).toBeGreaterThan(10);
    }
  });
});
