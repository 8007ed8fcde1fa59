/**
 * Live set-up checks for filming a walk: from one frame's keypoints (plus, optionally, the frame's
 * brightness and the last few seconds of keypoints) to the problems a person filming should fix.
 *
 * Pure (no DOM, no tfjs): runs in tests and on the main thread alike. Every threshold is a rule of
 * thumb for MoveNet keypoints on a walk filmed from the side; the body proportions come from
 * Winter, Biomechanics and Motor Control of Human Movement (2009), table 4.1 (segment lengths as
 * fractions of standing height H).
 */
import { KP, type Keypoint, type PoseFrame } from '../core/format/poseTrack';

export type LiveCheckId =
  | 'nobody'
  | 'too-close'
  | 'head-cut-off'
  | 'feet-cut-off'
  | 'too-far'
  | 'facing-camera'
  | 'too-dark'
  | 'not-moving'
  | 'portrait';

export interface LiveCheck {
  id: LiveCheckId;
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** 'blocking': the analysis will fail or mislead; 'advice': it will work, but worse. */
  severity: 'blocking' | 'advice';
}

export interface LiveCheckInput {
  keypoints: Keypoint[];
  /** Frame size in pixels (the keypoints' coordinate space). */
  width: number;
  height: number;
  /** Mean luma of the frame, 0-255 (Rec. 601 weights); skipped when not given. */
  meanLuma?: number;
  /**
   * The last seconds of keypoints, oldest first, ending with this frame or near it (same
   * coordinate space). Needed for the not-moving check; skipped when it spans under 2 s.
   */
  recent?: readonly PoseFrame[];
}

/** A keypoint counts as seen above this MoveNet score (pose-detection's demos use 0.3). */
export const MIN_KEYPOINT_SCORE = 0.3;

/** Winter 2009: eye height 0.936 H, shoulder 0.818 H, hip (greater trochanter) 0.530 H, ankle 0.039 H. */
const NOSE_HEIGHT = 0.93;
const SHOULDER_HEIGHT = 0.818;
const HIP_HEIGHT = 0.53;
const ANKLE_HEIGHT = 0.039;
/** Thigh + shank, 0.245 H + 0.246 H. */
const LEG_LENGTH = 0.491;

/** Keypoints closer than this to the top or bottom edge (fraction of frame height) count as cut off. */
const EDGE_MARGIN = 0.02;
/** Someone taller than this fraction of the frame has no room to walk (and soon gets cut off). */
const TOO_CLOSE_HEIGHT = 0.95;
/** Under this fraction of the frame height MoveNet's keypoints get too coarse for joint angles. */
const TOO_FAR_HEIGHT = 0.4;
/** Mean luma under this (0-255) makes webcams noisy and MoveNet unsure. */
const TOO_DARK_LUMA = 50;

/**
 * Facing the camera: shoulders and hips appear as wide as they are (biacromial width ~0.26 H, the
 * MoveNet hip points ~0.1 H apart) against a torso of 0.29 H; from the side both shrink to
 * nearly nothing. Ratios to the torso height (shoulder mid-point to hip mid-point).
 */
const FRONTAL_SHOULDER_RATIO = 0.4;
const FRONTAL_HIP_RATIO = 0.22;

/** Not moving: over the last NOT_MOVING_WINDOW_S the pelvis and ankles stayed within these (leg lengths). */
const NOT_MOVING_WINDOW_S = 2;
const NOT_MOVING_PELVIS_RANGE = 0.15;
const NOT_MOVING_ANKLE_RANGE = 0.2;

type Point = { x: number; y: number; score: number };

function seen(keypoints: readonly Keypoint[], index: number): Point | null {
  const k = keypoints[index];
  if (!k || k[0] === null || k[1] === null || !(k[2] >= MIN_KEYPOINT_SCORE)) return null;
  return { x: k[0], y: k[1], score: k[2] };
}

function mid(a: Point | null, b: Point | null): Point | null {
  if (a && b) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, score: Math.min(a.score, b.score) };
  return a ?? b;
}

function check(id: LiveCheckId): LiveCheck {
  return { id, ...MESSAGES[id] };
}

const MESSAGES: Record<LiveCheckId, Omit<LiveCheck, 'id'>> = {
  nobody: {
    message: 'Nobody in view.',
    hint: 'Stand where the camera can see your whole body, 3-4 m away.',
    severity: 'blocking',
  },
  'too-close': {
    message: 'Too close: the body does not fit in the picture.',
    hint: 'Move the camera back (about 3-4 m) until head and feet are in view with room to spare.',
    severity: 'blocking',
  },
  'head-cut-off': {
    message: 'Head cut off at the top.',
    hint: 'Tilt the camera up a little or move it further away.',
    severity: 'advice',
  },
  'feet-cut-off': {
    message: 'Feet cut off at the bottom.',
    hint: 'The feet are needed for steps and knee angles: tilt the camera down or move it further away.',
    severity: 'blocking',
  },
  'too-far': {
    message: 'Too far away: the body is under 40 % of the picture height.',
    hint: 'Move the camera closer (about 3-4 m) or zoom in, keeping head and feet in view.',
    severity: 'advice',
  },
  'facing-camera': {
    message: 'Facing the camera: the analysis needs a side view.',
    hint: 'Walk across the picture (left to right or back) or turn the treadmill side-on to the camera.',
    severity: 'blocking',
  },
  'too-dark': {
    message: 'Too dark.',
    hint: 'Turn on more light or face the camera away from a bright window.',
    severity: 'advice',
  },
  'not-moving': {
    message: 'Not walking yet.',
    hint: 'Walk across the picture at your usual pace (or start the treadmill): at least 4-6 steps.',
    severity: 'advice',
  },
  portrait: {
    message: 'The picture is upright (portrait).',
    hint: 'Hold the phone sideways (landscape) so more steps fit in view.',
    severity: 'advice',
  },
};

/** Body height in pixels from whatever of the body is seen (largest of the estimates). */
export function estimateBodyHeightPx(keypoints: readonly Keypoint[]): number | null {
  const head = seen(keypoints, KP.nose) ?? mid(seen(keypoints, KP.leftEye), seen(keypoints, KP.rightEye));
  const shoulder = mid(seen(keypoints, KP.leftShoulder), seen(keypoints, KP.rightShoulder));
  const hip = mid(seen(keypoints, KP.leftHip), seen(keypoints, KP.rightHip));
  const ankles = [seen(keypoints, KP.leftAnkle), seen(keypoints, KP.rightAnkle)].filter((p): p is Point => p !== null);
  const ankleY = ankles.length ? Math.max(...ankles.map((p) => p.y)) : null;
  const estimates: number[] = [];
  if (head && ankleY !== null) estimates.push((ankleY - head.y) / (NOSE_HEIGHT - ANKLE_HEIGHT));
  if (shoulder && hip) estimates.push(Math.abs(hip.y - shoulder.y) / (SHOULDER_HEIGHT - HIP_HEIGHT));
  for (const side of [
    [KP.leftHip, KP.leftKnee, KP.leftAnkle],
    [KP.rightHip, KP.rightKnee, KP.rightAnkle],
  ]) {
    const [h, k, a] = side.map((i) => seen(keypoints, i));
    if (h && k && a) estimates.push((Math.hypot(k.x - h.x, k.y - h.y) + Math.hypot(a.x - k.x, a.y - k.y)) / LEG_LENGTH);
  }
  const valid = estimates.filter((e) => Number.isFinite(e) && e > 0);
  return valid.length ? Math.max(...valid) : null;
}

/**
 * The problems to show for one frame, most important first; an empty list means the set-up looks
 * right. 'nobody' comes alone (with 'too-dark' when that is the likely cause).
 */
export function liveChecks(input: LiveCheckInput): LiveCheck[] {
  const { keypoints, width, height } = input;
  const problems: LiveCheck[] = [];
  const dark = input.meanLuma !== undefined && input.meanLuma < TOO_DARK_LUMA;

  const torsoPoints = [KP.leftShoulder, KP.rightShoulder, KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee]
    .map((i) => seen(keypoints, i))
    .filter((p) => p !== null).length;
  if (torsoPoints < 3) {
    problems.push(check('nobody'));
    if (dark) problems.push(check('too-dark'));
    return problems;
  }

  const head = [KP.nose, KP.leftEye, KP.rightEye, KP.leftEar, KP.rightEar].map((i) => seen(keypoints, i)).filter((p): p is Point => p !== null);
  const shoulder = mid(seen(keypoints, KP.leftShoulder), seen(keypoints, KP.rightShoulder));
  const hip = mid(seen(keypoints, KP.leftHip), seen(keypoints, KP.rightHip));
  const ankles = [seen(keypoints, KP.leftAnkle), seen(keypoints, KP.rightAnkle)].filter((p): p is Point => p !== null);
  const bodyHeight = estimateBodyHeightPx(keypoints);

  // Head: missing while the shoulders are seen, or the top of the head (about 0.07 H above the
  // nose) beyond the top edge.
  const headTop = head.length ? Math.min(...head.map((p) => p.y)) - (bodyHeight ?? 0) * (1 - NOSE_HEIGHT) : null;
  const headCut = shoulder !== null && (headTop === null || headTop < EDGE_MARGIN * height);
  // Feet: no ankle seen, or the soles (0.04 H under the ankles) beyond the bottom edge.
  const soleY = ankles.length ? Math.max(...ankles.map((p) => p.y)) + (bodyHeight ?? 0) * ANKLE_HEIGHT : null;
  const feetCut = soleY === null || soleY > (1 - EDGE_MARGIN) * height;

  if ((headCut && feetCut) || (bodyHeight !== null && bodyHeight > TOO_CLOSE_HEIGHT * height)) {
    problems.push(check('too-close'));
  } else {
    if (feetCut) problems.push(check('feet-cut-off'));
    if (headCut) problems.push(check('head-cut-off'));
  }

  if (shoulder && hip && isFacingCamera(keypoints, Math.abs(hip.y - shoulder.y))) problems.push(check('facing-camera'));

  if (bodyHeight !== null && !headCut && !feetCut && bodyHeight < TOO_FAR_HEIGHT * height) problems.push(check('too-far'));
  if (dark) problems.push(check('too-dark'));
  if (input.recent && isStandingStill(input.recent, bodyHeight)) problems.push(check('not-moving'));
  if (height > width * 1.05) problems.push(check('portrait'));
  return problems;
}

/**
 * Two of three signs of a frontal (or back) view: shoulders wide, hips wide, both ears clearly
 * seen with the nose between them (from the side the far ear is hidden; MoveNet scores it low).
 */
function isFacingCamera(keypoints: readonly Keypoint[], torsoHeight: number): boolean {
  if (!(torsoHeight > 0)) return false;
  const ls = seen(keypoints, KP.leftShoulder);
  const rs = seen(keypoints, KP.rightShoulder);
  const lh = seen(keypoints, KP.leftHip);
  const rh = seen(keypoints, KP.rightHip);
  const le = seen(keypoints, KP.leftEar);
  const re = seen(keypoints, KP.rightEar);
  const nose = seen(keypoints, KP.nose);
  let signs = 0;
  if (ls && rs && Math.abs(ls.x - rs.x) / torsoHeight > FRONTAL_SHOULDER_RATIO) signs++;
  if (lh && rh && Math.abs(lh.x - rh.x) / torsoHeight > FRONTAL_HIP_RATIO) signs++;
  if (le && re && nose && le.score >= 0.5 && re.score >= 0.5 && (nose.x - le.x) * (nose.x - re.x) < 0) signs++;
  return signs >= 2;
}

/**
 * Nobody walks: over the last 2 s the pelvis stayed within 0.15 leg lengths and each ankle within
 * 0.2 leg lengths of the pelvis (a walking stride moves the ankle ~1 leg length fore-aft, Winter).
 */
function isStandingStill(recent: readonly PoseFrame[], bodyHeight: number | null): boolean {
  if (recent.length < 3 || bodyHeight === null) return false;
  const tEnd = recent[recent.length - 1].t;
  if (tEnd - recent[0].t < NOT_MOVING_WINDOW_S) return false;
  const legLength = bodyHeight * LEG_LENGTH;
  const pelvis: number[] = [];
  const ankle: [number[], number[]] = [[], []];
  for (const frame of recent) {
    if (frame.t < tEnd - NOT_MOVING_WINDOW_S) continue;
    const p = mid(seen(frame.keypoints, KP.leftHip), seen(frame.keypoints, KP.rightHip));
    if (!p) continue;
    pelvis.push(p.x);
    [KP.leftAnkle, KP.rightAnkle].forEach((index, side) => {
      const a = seen(frame.keypoints, index);
      if (a) ankle[side].push(a.x - p.x);
    });
  }
  if (pelvis.length < 3) return false;
  const range = (values: number[]) => (values.length ? Math.max(...values) - Math.min(...values) : 0);
  return (
    range(pelvis) < NOT_MOVING_PELVIS_RANGE * legLength &&
    range(ankle[0]) < NOT_MOVING_ANKLE_RANGE * legLength &&
    range(ankle[1]) < NOT_MOVING_ANKLE_RANGE * legLength
  );
}
