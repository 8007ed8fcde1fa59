/**
 * Draws one frame of a pose track on a 2D canvas: left leg blue, right leg orange (the chart
 * colours), arms in lighter tones of the same, head and trunk neutral.
 */
import { KP, type Keypoint, type PoseFrame } from '../../core/format/poseTrack';
import { SIDE_COLOR } from '../charts/palette';

/** Keypoints below this score are not drawn (MoveNet's own demos use 0.3; we show a bit more). */
const MIN_SCORE = 0.2;

const NEUTRAL = '#f4f4f4';
const LEFT_ARM = '#56B4E9';
const RIGHT_ARM = '#E69F00';

const SEGMENTS: readonly [number, number, string, number][] = [
  // [from, to, colour, width factor]
  [KP.leftShoulder, KP.rightShoulder, NEUTRAL, 0.8],
  [KP.leftHip, KP.rightHip, NEUTRAL, 0.8],
  [KP.leftShoulder, KP.leftHip, NEUTRAL, 0.9],
  [KP.rightShoulder, KP.rightHip, NEUTRAL, 0.9],
  [KP.leftShoulder, KP.leftElbow, LEFT_ARM, 0.7],
  [KP.leftElbow, KP.leftWrist, LEFT_ARM, 0.7],
  [KP.rightShoulder, KP.rightElbow, RIGHT_ARM, 0.7],
  [KP.rightElbow, KP.rightWrist, RIGHT_ARM, 0.7],
  [KP.leftHip, KP.leftKnee, SIDE_COLOR.left, 1],
  [KP.leftKnee, KP.leftAnkle, SIDE_COLOR.left, 1],
  [KP.rightHip, KP.rightKnee, SIDE_COLOR.right, 1],
  [KP.rightKnee, KP.rightAnkle, SIDE_COLOR.right, 1],
];

const HEAD: readonly number[] = [KP.nose, KP.leftEye, KP.rightEye, KP.leftEar, KP.rightEar];

export interface View {
  /** Pixel of track x = 0, y = 0 on the canvas, and the scale from track pixels to canvas pixels. */
  offsetX: number;
  offsetY: number;
  scale: number;
}

function seen(k: Keypoint | undefined): k is [number, number, number] {
  return !!k && k[0] !== null && k[1] !== null && k[2] >= MIN_SCORE;
}

export function drawSkeleton(ctx: CanvasRenderingContext2D, frame: PoseFrame, view: View, lineWidth: number): void {
  const px = (k: [number, number, number]) => [view.offsetX + k[0] * view.scale, view.offsetY + k[1] * view.scale] as const;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  // Dark outline first, so the limbs stand out on any video background.
  for (const pass of ['outline', 'colour'] as const) {
    for (const [a, b, colour, factor] of SEGMENTS) {
      const ka = frame.keypoints[a];
      const kb = frame.keypoints[b];
      if (!seen(ka) || !seen(kb)) continue;
      const [x1, y1] = px(ka);
      const [x2, y2] = px(kb);
      ctx.strokeStyle = pass === 'outline' ? 'rgba(0, 0, 0, 0.7)' : colour;
      ctx.lineWidth = lineWidth * factor + (pass === 'outline' ? 2.5 : 0);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    }
  }
  // Joints.
  frame.keypoints.forEach((k, i) => {
    if (!seen(k) || HEAD.includes(i)) return;
    const [x, y] = px(k);
    const left = i % 2 === 1;
    ctx.fillStyle = i >= KP.leftHip ? (left ? SIDE_COLOR.left : SIDE_COLOR.right) : NEUTRAL;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.8)';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x, y, lineWidth * 0.75, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  });
  // Head: a circle around the visible face points.
  const face = HEAD.map((i) => frame.keypoints[i]).filter(seen);
  if (face.length > 0) {
    const pts = face.map(px);
    const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    const shoulder = [frame.keypoints[KP.leftShoulder], frame.keypoints[KP.rightShoulder]].find(seen);
    const radius = shoulder ? Math.max(lineWidth * 1.5, Math.hypot(px(shoulder)[0] - cx, px(shoulder)[1] - cy) * 0.45) : lineWidth * 3;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.lineWidth = lineWidth * 0.8 + 2.5;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, Math.PI * 2);
    ctx.stroke();
    ctx.strokeStyle = NEUTRAL;
    ctx.lineWidth = lineWidth * 0.8;
    ctx.stroke();
  }
  ctx.restore();
}
