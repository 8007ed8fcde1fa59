/**
 * A tiny anti-aliased rasterizer over raw 8-bit pixels (RGB or RGBA, row-major), enough to draw
 * a person from capsules and discs. Pure: no canvas, no DOM, no Node imports, so the same drawing
 * runs in Node (fixture videos) and in a browser or worker.
 */

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];

export interface Raster {
  width: number;
  height: number;
  /** 3 = RGB, 4 = RGBA (alpha is always 255). */
  channels: 3 | 4;
  data: Uint8Array;
}

export function createRaster(width: number, height: number, channels: 3 | 4 = 3): Raster {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`raster size must be positive integers, got ${width} x ${height}`);
  }
  const data = new Uint8Array(width * height * channels);
  if (channels === 4) for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width, height, channels, data };
}

/** The colour at pixel (x, y) (integer pixel indices). */
export function pixelAt(raster: Raster, x: number, y: number): Rgb {
  const o = (Math.floor(y) * raster.width + Math.floor(x)) * raster.channels;
  return [raster.data[o], raster.data[o + 1], raster.data[o + 2]];
}

/** Each row filled with `rowColour(y)` (a background: gradients, floor). */
export function fillRows(raster: Raster, rowColour: (y: number) => Rgb): void {
  const { width, channels, data } = raster;
  for (let y = 0; y < raster.height; y++) {
    const [r, g, b] = rowColour(y);
    for (let x = 0, o = y * width * channels; x < width; x++, o += channels) {
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
    }
  }
}

/** Multiplies a colour by `factor` (shading of the far side of the body). */
export function shade(colour: Rgb, factor: number): Rgb {
  return [clampByte(colour[0] * factor), clampByte(colour[1] * factor), clampByte(colour[2] * factor)];
}

/**
 * A capsule: every point within `radius` of the segment a-b, with one pixel of anti-aliasing
 * (coverage from the distance to the edge, which also keeps the encoder from spending bytes on
 * jagged edges). a === b draws a disc.
 */
export function drawCapsule(raster: Raster, a: Point, b: Point, radius: number, colour: Rgb): void {
  if (!(radius > 0) || !isFinitePoint(a) || !isFinitePoint(b)) return;
  const reach = radius + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - reach));
  const x1 = Math.min(raster.width - 1, Math.ceil(Math.max(a[0], b[0]) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - reach));
  const y1 = Math.min(raster.height - 1, Math.ceil(Math.max(a[1], b[1]) + reach));
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      let t = lengthSquared === 0 ? 0 : ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSquared;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const distance = Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
      const coverage = radius + 0.5 - distance;
      if (coverage > 0) blend(raster, x, y, colour, coverage >= 1 ? 1 : coverage);
    }
  }
}

/** A filled convex polygon (any winding), anti-aliased by sub-sampling each edge pixel 4 x 4. */
export function drawConvexPolygon(raster: Raster, corners: readonly Point[], colour: Rgb): void {
  if (corners.length < 3 || !corners.every(isFinitePoint)) return;
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(raster.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(raster.height - 1, Math.ceil(Math.max(...ys)));
  const inside = (px: number, py: number): boolean => {
    let sign = 0;
    for (let i = 0; i < corners.length; i++) {
      const p = corners[i];
      const q = corners[(i + 1) % corners.length];
      const cross = (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]);
      if (cross === 0) continue;
      const s = cross > 0 ? 1 : -1;
      if (sign === 0) sign = s;
      else if (s !== sign) return false;
    }
    return true;
  };
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const corners4 = +inside(x, y) + +inside(x + 1, y) + +inside(x, y + 1) + +inside(x + 1, y + 1);
      if (corners4 === 4) blend(raster, x, y, colour, 1);
      else if (corners4 > 0) {
        let hits = 0;
        for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) hits += +inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        if (hits > 0) blend(raster, x, y, colour, hits / 16);
      }
    }
  }
}

function blend(raster: Raster, x: number, y: number, colour: Rgb, alpha: number): void {
  const o = (y * raster.width + x) * raster.channels;
  const d = raster.data;
  if (alpha >= 1) {
    d[o] = colour[0];
    d[o + 1] = colour[1];
    d[o + 2] = colour[2];
    return;
  }
  d[o] = Math.round(d[o] + (colour[0] - d[o]) * alpha);
  d[o + 1] = Math.round(d[o + 1] + (colour[1] - d[o + 1]) * alpha);
  d[o + 2] = Math.round(d[o + 2] + (colour[2] - d[o + 2]) * alpha);
}

function clampByte(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

function isFinitePoint(p: Point): boolean {
  return Number.isFinite(p[0]) && Number.isFinite(p[1]);
}
