/**
 * Draws one frame of a pose track on a 2D canvas: left leg blue, right leg orange (the chart
 * colours), arms in lighter tones of the same, head and trunk neutral. Points are looked up by name
 * (bodyPoints.ts `resolveFigure`), so any layout draws: MoveNet's COCO-17, BlazePose's 33 (heels and
 * foot index: each foot is drawn as ankle to heel and the foot line heel to toes), OpenPose, ...
 */
import { resolveFigure, type FigureLayout, type FigurePoint } from '../../core/format/bodyPoints';
import { KEYPOINT_NAMES, type Keypoint, type PoseFrame } from '../../core/format/poseTrack';
import { SIDE_COLOR } from '../charts/palette';

/** Keypoints below this score are not drawn (MoveNet's own demos use 0.3; we show a bit more). */
const MIN_SCORE = 0.2;

const NEUTRAL = '#f4f4f4';
const LEFT_ARM = '#56B4E9';
const RIGHT_ARM = '#E69F00';

const SEGMENTS: readonly [FigurePoint, FigurePoint, string, number][] = [
  // [from, to, colour, width factor]
  ['leftShoulder', 'rightShoulder', NEUTRAL, 0.8],
  ['leftHip', 'rightHip', NEUTRAL, 0.8],
  ['leftShoulder', 'leftHip', NEUTRAL, 0.9],
  ['rightShoulder', 'rightHip', NEUTRAL, 0.9],
  ['leftShoulder', 'leftElbow', LEFT_ARM, 0.7],
  ['leftElbow', 'leftWrist', LEFT_ARM, 0.7],
  ['rightShoulder', 'rightElbow', RIGHT_ARM, 0.7],
  ['rightElbow', 'rightWrist', RIGHT_ARM, 0.7],
  ['leftHip', 'leftKnee', SIDE_COLOR.left, 1],
  ['leftKnee', 'leftAnkle', SIDE_COLOR.left, 1],
  ['rightHip', 'rightKnee', SIDE_COLOR.right, 1],
  ['rightKnee', 'rightAnkle', SIDE_COLOR.right, 1],
  // The feet, where the layout has them: ankle to heel, and the foot line heel to toes (the ankle angle's).
  ['leftAnkle', 'leftHeel', SIDE_COLOR.left, 0.6],
  ['leftHeel', 'leftToe', SIDE_COLOR.left, 0.8],
  ['rightAnkle', 'rightHeel', SIDE_COLOR.right, 0.6],
  ['rightHeel', 'rightToe', SIDE_COLOR.right, 0.8],
];

const HEAD: readonly FigurePoint[] = ['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar'];
const LEGS: Readonly<Record<'left' | 'right', readonly FigurePoint[]>> = {
  left: ['leftHip', 'leftKnee', 'leftAnkle', 'leftHeel', 'leftToe'],
  right: ['rightHip', 'rightKnee', 'rightAnkle', 'rightHeel', 'rightToe'],
};
const JOINTS: readonly [FigurePoint, string][] = [
  ...(['leftShoulder', 'rightShoulder', 'leftElbow', 'rightElbow', 'leftWrist', 'rightWrist'] as const).map((p) => [p, NEUTRAL] as [FigurePoint, string]),
  ...LEGS.left.map((p) => [p, SIDE_COLOR.left] as [FigurePoint, string]),
  ...LEGS.right.map((p) => [p, SIDE_COLOR.right] as [FigurePoint, string]),
];

/** MoveNet's COCO-17 layout, for callers that draw a MoveNet pose without a track's names. */
export const COCO_FIGURE: FigureLayout = resolveFigure(KEYPOINT_NAMES);

export interface View {
  /** Pixel of track x = 0, y = 0 on the canvas, and the scale from track pixels to canvas pixels. */
  offsetX: number;
  offsetY: number;
  scale: number;
}

function seen(k: Keypoint | undefined): k is [number, number, number] {
  return !!k && k[0] !== null && k[1] !== null && k[2] >= MIN_SCORE;
}

/** The frame's keypoint for a figure point, or undefined where the layout has none. */
export function pointOf(frame: PoseFrame, figure: FigureLayout, point: FigurePoint): Keypoint | undefined {
  const i = figure[point];
  return i >= 0 ? frame.keypoints[i] : undefined;
}

/** `figure`: where each point is in the frame's keypoints (resolveFigure of the track's names); COCO-17 by default. */
export function drawSkeleton(ctx: CanvasRenderingContext2D, frame: PoseFrame, view: View, lineWidth: number, figure: FigureLayout = COCO_FIGURE): void {
  const px = (k: [number, number, number]) => [view.offsetX + k[0] * view.scale, view.offsetY + k[1] * view.scale] as const;
  const at = (point: FigurePoint) => pointOf(frame, figure, point);
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  // Dark outline first, so the limbs stand out on any video background.
  for (const pass of ['outline', 'colour'] as const) {
    for (const [a, b, colour, factor] of SEGMENTS) {
      const ka = at(a);
      const kb = at(b);
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
  for (const [point, colour] of JOINTS) {
    const k = at(point);
    if (!seen(k)) continue;
    const [x, y] = px(k);
    ctx.fillStyle = colour;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.8)';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x, y, lineWidth * 0.75, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  // Head: a circle around the visible face points.
  const face = HEAD.map(at).filter(seen);
  if (face.length > 0) {
    const pts = face.map(px);
    const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    const shoulder = [at('leftShoulder'), at('rightShoulder')].find(seen);
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
