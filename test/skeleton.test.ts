/**
 * The stick figure looks its points up by name: a BlazePose-33 frame (its own order) draws the same
 * limbs at the same places as the COCO-17 frame of the same pose, plus each foot (ankle to heel,
 * heel to toes); a COCO-17 frame draws no foot.
 */
import { describe, expect, it } from 'vitest';
import { resolveFigure } from '../src/core/format/bodyPoints';
import { KEYPOINT_NAMES, type Keypoint, type PoseFrame } from '../src/core/format/poseTrack';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../src/pose/models/blazepose/info';
import { drawSkeleton } from '../src/ui/results/skeleton';

type Line = [number, number, number, number];

/** A 2D context that records the lines it is asked to stroke (the colour pass only). */
function recorder() {
  const lines: { line: Line; colour: string }[] = [];
  let from: [number, number] = [0, 0];
  let to: [number, number] | null = null;
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    lineCap: '',
    lineJoin: '',
    save() {},
    restore() {},
    beginPath() {
      to = null;
    },
    moveTo(x: number, y: number) {
      from = [x, y];
    },
    lineTo(x: number, y: number) {
      to = [x, y];
    },
    stroke() {
      // Lines only (the head is a circle), colour pass only (the outline is translucent black).
      if (to && !String(ctx.strokeStyle).startsWith('rgba')) lines.push({ line: [...from, ...to], colour: String(ctx.strokeStyle) });
    },
    arc() {},
    fill() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, lines };
}

/** A standing pose by name: x, y per point (pixels). */
const POSE: Record<string, [number, number]> = {
  nose: [100, 20], left_eye: [102, 18], right_eye: [98, 18], left_ear: [104, 20], right_ear: [96, 20],
  left_shoulder: [110, 50], right_shoulder: [90, 50], left_elbow: [112, 80], right_elbow: [88, 80], left_wrist: [113, 105], right_wrist: [87, 105],
  left_hip: [106, 110], right_hip: [94, 110], left_knee: [108, 160], right_knee: [92, 160], left_ankle: [108, 210], right_ankle: [92, 210],
  left_heel: [104, 218], right_heel: [88, 218], left_foot_index: [126, 220], right_foot_index: [110, 220],
};

function frameOf(names: readonly string[]): PoseFrame {
  return { t: 0, keypoints: names.map((n): Keypoint => (POSE[n] ? [...POSE[n], 0.9] : [0, 0, 0])) };
}

const view = { offsetX: 0, offsetY: 0, scale: 1 };

describe('skeleton drawing by keypoint name', () => {
  it('a BlazePose-33 frame draws every COCO limb where the COCO-17 frame does, and the feet on top', () => {
    const coco = recorder();
    drawSkeleton(coco.ctx, frameOf(KEYPOINT_NAMES), view, 4, resolveFigure(KEYPOINT_NAMES));
    const blaze = recorder();
    drawSkeleton(blaze.ctx, frameOf(BLAZEPOSE_KEYPOINT_NAMES), view, 4, resolveFigure(BLAZEPOSE_KEYPOINT_NAMES));
    expect(coco.lines).toHaveLength(12);
    expect(blaze.lines.slice(0, 12)).toEqual(coco.lines);
    const feet = blaze.lines.slice(12).map((l) => l.line);
    expect(feet).toEqual([
      [...POSE.left_ankle, ...POSE.left_heel],
      [...POSE.left_heel, ...POSE.left_foot_index],
      [...POSE.right_ankle, ...POSE.right_heel],
      [...POSE.right_heel, ...POSE.right_foot_index],
    ]);
    // A leg is drawn from its own hip to its own knee, whatever the order of the keypoints.
    expect(blaze.lines.some((l) => l.line.join() === [...POSE.left_hip, ...POSE.left_knee].join())).toBe(true);
  });

  it('without a layout it reads MoveNet COCO-17 order (the live camera)', () => {
    const plain = recorder();
    drawSkeleton(plain.ctx, frameOf(KEYPOINT_NAMES), view, 4);
    const named = recorder();
    drawSkeleton(named.ctx, frameOf(KEYPOINT_NAMES), view, 4, resolveFigure(KEYPOINT_NAMES));
    expect(plain.lines).toEqual(named.lines);
  });
});
