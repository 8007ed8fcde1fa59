/**
 * Crops and scales a decoded frame straight from its planes (YUV or RGB bytes from
 * VideoFrame.copyTo of just the needed rectangle) into an RGB image for MoveNet.
 *
 * Why not a canvas: drawing a VideoFrame on a readable 2D canvas converts the whole frame to RGB
 * before cropping; on a 1768x994 VP9 frame in headless Chromium without a GPU that cost ~30 ms a
 * frame, more than Lightning itself. Copying only the box's pixels and sampling 192x192 of them
 * in JavaScript costs a few ms.
 *
 * Sampling is bilinear on luma (and RGB), nearest on chroma: the same bilinear resize MoveNet's
 * own preprocessing uses (tf.image.resizeBilinear). YUV -> RGB uses the frame's matrix (BT.709,
 * else BT.601) and range, as in ITU-R BT.601/BT.709. Pure: no DOM; tested in test/planarCrop.test.ts.
 * Used by both decoders: the browser's copies planes out of VideoFrames, the CLI's reads yuv420p
 * from ffmpeg (src/video/node/ffmpegSource.ts).
 */
import type { Box, RawImage } from '../../contracts';

export type PlanarFormat = 'I420' | 'I420A' | 'I422' | 'I444' | 'NV12' | 'RGBA' | 'RGBX' | 'BGRA' | 'BGRX';
export const PLANAR_FORMATS: readonly string[] = ['I420', 'I420A', 'I422', 'I444', 'NV12', 'RGBA', 'RGBX', 'BGRA', 'BGRX'];

/** Clockwise rotation of the coded picture for display (container metadata). */
export type Rotation = 0 | 90 | 180 | 270;

export interface FrameGeometry {
  /** Visible (pre-rotation) size in pixels. */
  visibleWidth: number;
  visibleHeight: number;
  rotation: Rotation;
}

/** A rectangle in visible (pre-rotation) pixel coordinates, aligned for chroma subsampling. */
export interface CopyRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlaneLayoutLike {
  offset: number;
  stride: number;
}

export interface ColourInfo {
  /** 'bt709' selects BT.709 coefficients; anything else BT.601. */
  matrix?: string | null;
  fullRange?: boolean | null;
}

export function displaySize(g: FrameGeometry): { width: number; height: number } {
  return g.rotation === 90 || g.rotation === 270
    ? { width: g.visibleHeight, height: g.visibleWidth }
    : { width: g.visibleWidth, height: g.visibleHeight };
}

/** Display (rotated) coordinates -> visible (coded picture) coordinates. */
export function displayToVisible(g: FrameGeometry, xd: number, yd: number): [number, number] {
  switch (g.rotation) {
    case 0:
      return [xd, yd];
    case 90: // shown turned clockwise: display x runs up the picture's rows
      return [yd, g.visibleHeight - xd];
    case 180:
      return [g.visibleWidth - xd, g.visibleHeight - yd];
    case 270:
      return [g.visibleWidth - yd, xd];
  }
}

/**
 * The visible-space rectangle to copy for a display-space box (clamped to the frame, widened by a
 * pixel for bilinear sampling, even-aligned for 4:2:0 chroma). null when the box misses the frame.
 */
export function copyRectFor(g: FrameGeometry, box: Box): CopyRect | null {
  const { width: dw, height: dh } = displaySize(g);
  const left = Math.max(0, box.x);
  const top = Math.max(0, box.y);
  const right = Math.min(dw, box.x + box.width);
  const bottom = Math.min(dh, box.y + box.height);
  if (!(right > left && bottom > top)) return null;
  const [ax, ay] = displayToVisible(g, left, top);
  const [bx, by] = displayToVisible(g, right, bottom);
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx)) - 1) & ~1;
  const y0 = Math.max(0, Math.floor(Math.min(ay, by)) - 1) & ~1;
  let x1 = Math.min(g.visibleWidth, Math.ceil(Math.max(ax, bx)) + 1);
  let y1 = Math.min(g.visibleHeight, Math.ceil(Math.max(ay, by)) + 1);
  // Even sizes where the frame allows (odd-sized frames end on an odd edge).
  if ((x1 - x0) % 2 && x1 < g.visibleWidth) x1++;
  if ((y1 - y0) % 2 && y1 < g.visibleHeight) y1++;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

interface YuvCoefficients {
  yOffset: number;
  yScale: number;
  cScale: number;
  rv: number;
  gu: number;
  gv: number;
  bu: number;
}

function coefficients(colour: ColourInfo): YuvCoefficients {
  // Kr, Kb: BT.709 0.2126/0.0722, BT.601 0.299/0.114.
  const [kr, kb] = colour.matrix === 'bt709' ? [0.2126, 0.0722] : [0.299, 0.114];
  const kg = 1 - kr - kb;
  const full = colour.fullRange === true;
  return {
    yOffset: full ? 0 : 16,
    yScale: full ? 1 : 255 / 219,
    cScale: full ? 1 : 255 / 224,
    rv: 2 * (1 - kr),
    gu: (-2 * (1 - kb) * kb) / kg,
    gv: (-2 * (1 - kr) * kr) / kg,
    bu: 2 * (1 - kb),
  };
}

/**
 * Samples `size` x `size` RGB pixels of the display-space `box` from the copied rectangle's bytes.
 * Pixels outside the frame are black.
 */
export function cropFromPlanes(
  data: Uint8Array,
  layout: readonly PlaneLayoutLike[],
  format: PlanarFormat,
  rect: CopyRect,
  g: FrameGeometry,
  box: Box,
  size: number,
  colour: ColourInfo = {},
): RawImage {
  const out = new Uint8Array(size * size * 3);
  const { width: dw, height: dh } = displaySize(g);
  const stepX = box.width / size;
  const stepY = box.height / size;
  // Display -> visible is affine, so a pixel's visible position is a column term plus a row term.
  const [originX, originY] = displayToVisible(g, 0, 0);
  const colX = new Float64Array(size);
  const colY = new Float64Array(size);
  const rowX = new Float64Array(size);
  const rowY = new Float64Array(size);
  const colInside = new Uint8Array(size);
  const rowInside = new Uint8Array(size);
  for (let n = 0; n < size; n++) {
    const xd = box.x + (n + 0.5) * stepX;
    const yd = box.y + (n + 0.5) * stepY;
    const [cx, cy] = displayToVisible(g, xd, 0);
    const [rx, ry] = displayToVisible(g, 0, yd);
    colX[n] = cx - originX;
    colY[n] = cy - originY;
    rowX[n] = rx - rect.x;
    rowY[n] = ry - rect.y;
    colInside[n] = xd >= 0 && xd < dw ? 1 : 0;
    rowInside[n] = yd >= 0 && yd < dh ? 1 : 0;
  }
  if (format === 'RGBA' || format === 'RGBX' || format === 'BGRA' || format === 'BGRX') {
    const sample = rgbSampler(data, layout[0], format, rect);
    const rgb: [number, number, number] = [0, 0, 0];
    for (let j = 0, o = 0; j < size; j++) {
      for (let i = 0; i < size; i++, o += 3) {
        if (!rowInside[j] || !colInside[i]) continue; // black
        sample(rowX[j] + colX[i], rowY[j] + colY[i], rgb);
        out[o] = rgb[0];
        out[o + 1] = rgb[1];
        out[o + 2] = rgb[2];
      }
    }
  } else {
    yuvToRgbInto(out, data, layout, format, rect, size, colX, colY, rowX, rowY, colInside, rowInside, coefficients(colour));
  }
  return { data: out, width: size, height: size, channels: 3 };
}

/** The YUV inner loop, written out (no per-pixel allocation): 192 x 192 in about a millisecond. */
function yuvToRgbInto(
  out: Uint8Array,
  data: Uint8Array,
  layout: readonly PlaneLayoutLike[],
  format: PlanarFormat,
  rect: CopyRect,
  size: number,
  colX: Float64Array,
  colY: Float64Array,
  rowX: Float64Array,
  rowY: Float64Array,
  colInside: Uint8Array,
  rowInside: Uint8Array,
  k: YuvCoefficients,
): void {
  const w = rect.width;
  const h = rect.height;
  const [subX, subY] = format === 'I444' ? [1, 1] : format === 'I422' ? [2, 1] : [2, 2];
  const cw = Math.ceil(w / subX);
  const ch = Math.ceil(h / subY);
  const nv12 = format === 'NV12';
  const yOff = layout[0].offset;
  const yStride = layout[0].stride;
  const uOff = layout[1].offset;
  const uStride = layout[1].stride;
  const vOff = nv12 ? layout[1].offset + 1 : layout[2].offset;
  const vStride = nv12 ? layout[1].stride : layout[2].stride;
  const cStep = nv12 ? 2 : 1;
  for (let j = 0, o = 0; j < size; j++) {
    for (let i = 0; i < size; i++, o += 3) {
      if (!rowInside[j] || !colInside[i]) continue; // black
      const x = rowX[j] + colX[i];
      const y = rowY[j] + colY[i];
      let fx = x - 0.5;
      let fy = y - 0.5;
      fx = fx < 0 ? 0 : fx > w - 1 ? w - 1 : fx;
      fy = fy < 0 ? 0 : fy > h - 1 ? h - 1 : fy;
      const x0 = fx | 0;
      const y0 = fy | 0;
      const x1 = x0 + 1 < w ? x0 + 1 : x0;
      const y1 = y0 + 1 < h ? y0 + 1 : y0;
      const ax = fx - x0;
      const ay = fy - y0;
      const r0 = yOff + y0 * yStride;
      const r1 = yOff + y1 * yStride;
      const luma = (data[r0 + x0] * (1 - ax) + data[r0 + x1] * ax) * (1 - ay) + (data[r1 + x0] * (1 - ax) + data[r1 + x1] * ax) * ay;
      let cx = (x / subX) | 0;
      let cy = (y / subY) | 0;
      if (cx >= cw) cx = cw - 1;
      if (cy >= ch) cy = ch - 1;
      if (cx < 0) cx = 0;
      if (cy < 0) cy = 0;
      const cb = (data[uOff + cy * uStride + cx * cStep] - 128) * k.cScale;
      const cr = (data[vOff + cy * vStride + cx * cStep] - 128) * k.cScale;
      const yy = (luma - k.yOffset) * k.yScale;
      const r = yy + k.rv * cr;
      const gg = yy + k.gu * cb + k.gv * cr;
      const b = yy + k.bu * cb;
      out[o] = r < 0 ? 0 : r > 255 ? 255 : r + 0.5;
      out[o + 1] = gg < 0 ? 0 : gg > 255 ? 255 : gg + 0.5;
      out[o + 2] = b < 0 ? 0 : b > 255 ? 255 : b + 0.5;
    }
  }
}

type Sampler = (x: number, y: number, rgb: [number, number, number]) => void;

const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** Bilinear weights around pixel-centre coordinates (x, y) inside a w x h grid. */
function bilinear(x: number, y: number, w: number, h: number) {
  const fx = Math.min(Math.max(x - 0.5, 0), w - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), h - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  return { x0, y0, x1: Math.min(x0 + 1, w - 1), y1: Math.min(y0 + 1, h - 1), ax: fx - x0, ay: fy - y0 };
}

function rgbSampler(data: Uint8Array, plane: PlaneLayoutLike, format: PlanarFormat, rect: CopyRect): Sampler {
  const { offset, stride } = plane;
  const w = rect.width;
  const h = rect.height;
  const channels = format.startsWith('RGB') ? [0, 1, 2] : [2, 1, 0];
  return (x, y, rgb) => {
    const { x0, y0, x1, y1, ax, ay } = bilinear(x, y, w, h);
    for (let c = 0; c < 3; c++) {
      const channel = channels[c];
      const p00 = data[offset + y0 * stride + x0 * 4 + channel];
      const p10 = data[offset + y0 * stride + x1 * 4 + channel];
      const p01 = data[offset + y1 * stride + x0 * 4 + channel];
      const p11 = data[offset + y1 * stride + x1 * 4 + channel];
      rgb[c] = clampByte((p00 * (1 - ax) + p10 * ax) * (1 - ay) + (p01 * (1 - ax) + p11 * ax) * ay);
    }
  };
}
