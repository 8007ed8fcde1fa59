/**
 * A person seen from the FRONT walking towards the camera (a bad input for a side-view analysis):
 * the proportions of a standing figure, legs alternating (the swing foot lifts and the knee comes
 * up), arms swinging, growing as they approach.
 */
import { PALETTE } from './palette';
import { drawCapsule, drawConvexPolygon, shade, type Point, type Raster } from './raster';

export interface FrontViewFigure {
  /** Image x of the body's midline. */
  centreX: number;
  /** Image y of the soles of a foot on the ground. */
  floorY: number;
  /** Standing height in pixels. */
  heightPx: number;
  /** Position in the gait cycle, 0-1 (0 = left heel strike). */
  phase: number;
}

export function drawFrontViewWalker(raster: Raster, figure: FrontViewFigure): void {
  const s = figure.heightPx;
  const top = figure.floorY - s;
  const swing = Math.sin(2 * Math.PI * figure.phase);
  // Pelvis bob: lowest at double support, twice per cycle.
  const bob = 0.008 * s * Math.cos(4 * Math.PI * figure.phase);
  const at = (dx: number, dy: number): Point => [figure.centreX + dx * s, top + dy * s + bob];

  const head = at(0, 0.075);
  // The person's left is on the image's right (they face the camera).
  const shoulders = { left: at(0.11, 0.2), right: at(-0.11, 0.2) };
  const hips = { left: at(0.055, 0.53), right: at(-0.055, 0.53) };
  const leg = (side: 'left' | 'right') => {
    const sign = side === 'left' ? 1 : -1;
    // Left swings in the second half of its cycle: its foot lifts while the right one carries.
    const lift = Math.max(0, side === 'left' ? -swing : swing);
    const hip = hips[side];
    const knee: Point = [hip[0] + sign * 0.012 * s, hip[1] + (0.245 - 0.05 * lift) * s - bob];
    const ankle: Point = [hip[0] + sign * 0.018 * s, figure.floorY - (0.045 + 0.09 * lift) * s];
    return { hip, knee, ankle, lift, sign };
  };
  const legs = [leg('left'), leg('right')].sort((a, b) => a.lift - b.lift); // the lifted leg is nearer the camera
  for (const { hip, knee, ankle, sign } of legs) {
    drawCapsule(raster, hip, knee, 0.048 * s, PALETTE.rim);
    drawCapsule(raster, knee, ankle, 0.038 * s, PALETTE.rim);
    drawCapsule(raster, hip, knee, 0.042 * s, PALETTE.trousers);
    drawCapsule(raster, knee, ankle, 0.032 * s, PALETTE.trousers);
    // Shoe seen from the front: a rounded toe box with a white sole line.
    drawCapsule(raster, [ankle[0], ankle[1] + 0.025 * s], [ankle[0] + sign * 0.01 * s, ankle[1] + 0.03 * s], 0.027 * s, PALETTE.sole);
    drawCapsule(raster, [ankle[0], ankle[1] + 0.015 * s], [ankle[0] + sign * 0.01 * s, ankle[1] + 0.02 * s], 0.027 * s, PALETTE.shoe);
  }
  drawConvexPolygon(raster, [shoulders.right, shoulders.left, [hips.left[0] + 0.03 * s, hips.left[1]], [hips.right[0] - 0.03 * s, hips.right[1]]], PALETTE.shirt);
  drawCapsule(raster, at(0, 0.12), at(0, 0.2), 0.027 * s, PALETTE.skin);
  for (const side of ['left', 'right'] as const) {
    const sign = side === 'left' ? 1 : -1;
    // Arms swing opposite to the legs: seen from the front the hand rises and falls a little.
    const armSwing = (side === 'left' ? swing : -swing) * 0.025 * s;
    const shoulder = shoulders[side];
    const elbow: Point = [shoulder[0] + sign * 0.035 * s, shoulder[1] + 0.16 * s - Math.max(0, armSwing) * 0.4];
    const wrist: Point = [shoulder[0] + sign * 0.045 * s, shoulder[1] + 0.3 * s - armSwing];
    drawCapsule(raster, shoulder, elbow, 0.032 * s, PALETTE.sleeve);
    drawCapsule(raster, elbow, wrist, 0.025 * s, PALETTE.skin);
    drawCapsule(raster, wrist, [wrist[0], wrist[1] + 0.03 * s], 0.028 * s, PALETTE.skin);
  }
  drawCapsule(raster, head, head, 0.065 * s, PALETTE.skin);
  drawCapsule(raster, [head[0], head[1] - 0.035 * s], [head[0], head[1] - 0.03 * s], 0.05 * s, PALETTE.hair);
  drawCapsule(raster, [head[0], head[1] + 0.005 * s], [head[0], head[1] + 0.005 * s], 0.058 * s, PALETTE.skin);
  for (const side of [-1, 1]) drawCapsule(raster, at(side * 0.025, 0.068), at(side * 0.025, 0.068), 0.008 * s, PALETTE.eye);
  drawCapsule(raster, at(0, 0.1), at(0.012, 0.1), 0.005 * s, shade(PALETTE.skin, 0.7));
}
