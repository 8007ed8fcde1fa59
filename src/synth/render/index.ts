/**
 * Pure rasterizer for the synthetic walker: draws frames into raw RGB/RGBA pixels (no canvas, no
 * DOM, no Node imports), for fixture videos in Node and previews in a browser.
 *
 *   const raster = createRaster(truth.width, truth.height);
 *   drawWalkFrame(raster, truth, i);   // scene + side-view walker of frame i
 */
import type { WalkTruth } from '../types';
import { createRaster, type Raster } from './raster';
import { drawScene } from './scene';
import { drawSideViewWalker, sideFigureAt } from './sideWalker';

export { createRaster, drawCapsule, drawConvexPolygon, fillRows, pixelAt, shade } from './raster';
export type { Point, Raster, Rgb } from './raster';
export { FAR_SIDE_SHADE, PALETTE } from './palette';
export { drawScene } from './scene';
export { drawSideViewWalker, facingOf, nearSideOf, sideFigureAt } from './sideWalker';
export type { SideViewFigure } from './sideWalker';
export { drawFrontViewWalker } from './frontWalker';
export type { FrontViewFigure } from './frontWalker';

/** Scene and walker of frame `i` of a synthetic walk, into `raster` (sized truth.width x truth.height). */
export function drawWalkFrame(raster: Raster, truth: WalkTruth, i: number): Raster {
  if (raster.width !== truth.width || raster.height !== truth.height) {
    throw new Error(`raster is ${raster.width} x ${raster.height}, the walk is ${truth.width} x ${truth.height}`);
  }
  drawScene(raster, truth.floorY);
  drawSideViewWalker(raster, sideFigureAt(truth, i));
  return raster;
}

/** A new RGB raster holding frame `i`. */
export function renderWalkFrame(truth: WalkTruth, i: number, channels: 3 | 4 = 3): Raster {
  return drawWalkFrame(createRaster(truth.width, truth.height, channels), truth, i);
}
