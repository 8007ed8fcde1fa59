/**
 * Boxes around people and the crop maths between a full frame and the model's square input.
 * Pure: no DOM, no tfjs, no Node (runs in the app's worker and in the CLI).
 */
import type { Keypoint } from '../core/format/poseTrack';
import type { Box } from '../contracts';

/** A keypoint counts for boxes and crops above this score (MoveNet's own crop logic uses 0.2). */
export const BOX_KEYPOINT_SCORE = 0.2;

/**
 * Padding added around the confident keypoints, as fractions of their height: keypoints stop at
 * the eyes and ankles, the body goes on to the top of the head and the soles, and arms and hands
 * reach past the wrists.
 */
const PAD_TOP = 0.15;
const PAD_BOTTOM = 0.08;
const PAD_SIDE = 0.12;

export function boxCentre(box: Box): [number, number] {
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** The box around the keypoints scoring above `minScore`, padded; null with fewer than 3 such keypoints. */
export function boxFromKeypoints(keypoints: readonly Keypoint[], minScore = BOX_KEYPOINT_SCORE): Box | null {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let count = 0;
  for (const [x, y, score] of keypoints) {
    if (x === null || y === null || score <= minScore) continue;
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    count++;
  }
  if (count < 3) return null;
  const height = Math.max(bottom - top, (right - left) / 2, 1);
  return {
    x: left - PAD_SIDE * height,
    y: top - PAD_TOP * height,
    width: right - left + 2 * PAD_SIDE * height,
    height: bottom - top + (PAD_TOP + PAD_BOTTOM) * height,
  };
}

/**
 * A square centred on `box` with side `scale` × its longer side. The model wants an undistorted
 * square; parts outside the frame are filled black by the crop, as MoveNet's own crop does.
 */
export function squareAround(box: Box, scale = 1): Box {
  const side = Math.max(box.width, box.height) * scale;
  const [cx, cy] = boxCentre(box);
  return { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
}

export function lerpBox(a: Box, b: Box, f: number): Box {
  const mix = (p: number, q: number) => p + (q - p) * f;
  return { x: mix(a.x, b.x), y: mix(a.y, b.y), width: mix(a.width, b.width), height: mix(a.height, b.height) };
}

/** Intersection over union of two boxes (0 when apart). */
export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

export function containsPoint(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
}

/** The box grown by `fraction` of its size on every side. */
export function grow(box: Box, fraction: number): Box {
  return {
    x: box.x - fraction * box.width,
    y: box.y - fraction * box.height,
    width: box.width * (1 + 2 * fraction),
    height: box.height * (1 + 2 * fraction),
  };
}

/**
 * Keypoints found in a `size` × `size` crop of `region` (crop pixels) back in full-frame pixels:
 * the crop scales the region by size / region.width horizontally and size / region.height vertically.
 */
export function cropToFrame(keypoints: readonly Keypoint[], region: Box, size: number): Keypoint[] {
  const sx = region.width / size;
  const sy = region.height / size;
  return keypoints.map(([x, y, score]): Keypoint =>
    x === null || y === null ? [null, null, 0] : [region.x + x * sx, region.y + y * sy, score],
  );
}

/** The inverse of cropToFrame: full-frame pixels to crop pixels. */
export function frameToCrop(keypoints: readonly Keypoint[], region: Box, size: number): Keypoint[] {
  return keypoints.map(([x, y, score]): Keypoint =>
    x === null || y === null ? [null, null, 0] : [((x - region.x) * size) / region.width, ((y - region.y) * size) / region.height, score],
  );
}
