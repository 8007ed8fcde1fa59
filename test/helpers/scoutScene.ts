/**
 * Synthetic MultiPose-like detections for the tracking tests: stick-figure keypoints of a walker
 * (side view, overground or treadmill), a person doing jumping jacks (front view), a person
 * standing still, and reflections in a mirror. Pixels, y down; COCO/MoveNet keypoint order.
 */
import { KP, KEYPOINT_COUNT, type Keypoint } from '../../src/core/format/poseTrack';
import { mulberry32 } from '../../src/synth/random';

export type PoseAt = (t: number) => Keypoint[];

/** Fills unset keypoints with the nearest sensible point so every keypoint has a position. */
function figure(points: Partial<Record<number, [number, number]>>, score: number): Keypoint[] {
  const kps: Keypoint[] = [];
  for (let i = 0; i < KEYPOINT_COUNT; i++) {
    const p = points[i] ?? points[KP.nose]!;
    kps.push([p[0], p[1], score]);
  }
  return kps;
}

/**
 * Side-view walker facing +x (or in place on a treadmill): hips travel at `speed` body heights
 * per second, legs swing at `strideHz` (one stride = two steps), arms swing opposite.
 */
export function walker(o: { x0: number; floorY: number; height: number; speed: number; strideHz?: number; score?: number }): PoseAt {
  const { x0, floorY, height: H, speed, strideHz = 0.9, score = 0.6 } = o;
  return (t) => {
    const phase = 2 * Math.PI * strideHz * t;
    const hipX = x0 + speed * H * t;
    const hipY = floorY - 0.5 * H - 0.02 * H * Math.cos(2 * phase);
    const swing = Math.sin(phase);
    const dir = Math.sign(speed) || 1;
    const p: Partial<Record<number, [number, number]>> = {
      [KP.nose]: [hipX + dir * 0.06 * H, hipY - 0.43 * H],
      [KP.leftEye]: [hipX + dir * 0.05 * H, hipY - 0.45 * H],
      [KP.rightEye]: [hipX + dir * 0.05 * H, hipY - 0.45 * H],
      [KP.leftEar]: [hipX, hipY - 0.44 * H],
      [KP.rightEar]: [hipX, hipY - 0.44 * H],
      [KP.leftShoulder]: [hipX, hipY - 0.32 * H],
      [KP.rightShoulder]: [hipX, hipY - 0.32 * H],
      [KP.leftElbow]: [hipX - 0.08 * H * swing, hipY - 0.17 * H],
      [KP.rightElbow]: [hipX + 0.08 * H * swing, hipY - 0.17 * H],
      [KP.leftWrist]: [hipX - 0.14 * H * swing, hipY - 0.03 * H],
      [KP.rightWrist]: [hipX + 0.14 * H * swing, hipY - 0.03 * H],
      [KP.leftHip]: [hipX, hipY],
      [KP.rightHip]: [hipX, hipY],
      [KP.leftKnee]: [hipX + 0.12 * H * swing, hipY + 0.25 * H],
      [KP.rightKnee]: [hipX - 0.12 * H * swing, hipY + 0.25 * H],
      [KP.leftAnkle]: [hipX + 0.22 * H * swing, hipY + 0.48 * H],
      [KP.rightAnkle]: [hipX - 0.22 * H * swing, hipY + 0.48 * H],
    };
    return figure(p, score);
  };
}

/** Front-view jumping jacks in place: hips bounce, arms go overhead, feet spread sideways. */
export function jumpingJacks(o: { x: number; floorY: number; height: number; hz?: number; score?: number }): PoseAt {
  const { x, floorY, height: H, hz = 1.2, score = 0.6 } = o;
  return (t) => {
    const open = (1 - Math.cos(2 * Math.PI * hz * t)) / 2; // 0 closed .. 1 open
    const hipY = floorY - 0.5 * H - 0.14 * H * Math.abs(Math.sin(2 * Math.PI * hz * t));
    const p: Partial<Record<number, [number, number]>> = {
      [KP.nose]: [x, hipY - 0.43 * H],
      [KP.leftEye]: [x + 0.02 * H, hipY - 0.45 * H],
      [KP.rightEye]: [x - 0.02 * H, hipY - 0.45 * H],
      [KP.leftEar]: [x + 0.04 * H, hipY - 0.44 * H],
      [KP.rightEar]: [x - 0.04 * H, hipY - 0.44 * H],
      [KP.leftShoulder]: [x + 0.11 * H, hipY - 0.32 * H],
      [KP.rightShoulder]: [x - 0.11 * H, hipY - 0.32 * H],
      [KP.leftElbow]: [x + (0.14 + 0.1 * open) * H, hipY - (0.17 + 0.3 * open) * H],
      [KP.rightElbow]: [x - (0.14 + 0.1 * open) * H, hipY - (0.17 + 0.3 * open) * H],
      [KP.leftWrist]: [x + (0.15 + 0.1 * open) * H, hipY - (0.03 + 0.6 * open) * H],
      [KP.rightWrist]: [x - (0.15 + 0.1 * open) * H, hipY - (0.03 + 0.6 * open) * H],
      [KP.leftHip]: [x + 0.07 * H, hipY],
      [KP.rightHip]: [x - 0.07 * H, hipY],
      [KP.leftKnee]: [x + (0.08 + 0.08 * open) * H, hipY + 0.25 * H],
      [KP.rightKnee]: [x - (0.08 + 0.08 * open) * H, hipY + 0.25 * H],
      [KP.leftAnkle]: [x + (0.08 + 0.16 * open) * H, hipY + 0.48 * H],
      [KP.rightAnkle]: [x - (0.08 + 0.16 * open) * H, hipY + 0.48 * H],
    };
    return figure(p, score);
  };
}

/** Someone (or a picture of someone) standing still, front view. */
export function standing(o: { x: number; floorY: number; height: number; score?: number }): PoseAt {
  const still = jumpingJacks({ ...o, hz: 0 });
  return () => still(0);
}

/**
 * A reflection in a mirror on the wall behind: the same motion, smaller (further away) and less
 * confident, scaled about (cx, cy).
 */
export function reflection(pose: PoseAt, o: { cx: number; cy: number; scale: number; score: number }): PoseAt {
  return (t) => pose(t).map(([x, y]): Keypoint => [o.cx + (x! - o.cx) * o.scale, o.cy + (y! - o.cy) * o.scale, o.score]);
}

/** Adds seeded Gaussian-ish jitter (pixels) to every keypoint. */
export function jittered(pose: PoseAt, pixels: number, seed: number): PoseAt {
  const random = mulberry32(seed);
  return (t) => pose(t).map(([x, y, s]): Keypoint => [x! + (random() + random() - 1) * pixels, y! + (random() + random() - 1) * pixels, s]);
}
