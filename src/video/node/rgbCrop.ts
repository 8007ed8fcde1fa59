/**
 * Cropping raw RGB(A) pixels to the model's square input, in plain JS (Node has no canvas).
 * Environment-neutral code (no Node API), kept beside the Node source that uses it.
 */
import type { Box, RawImage } from '../../contracts';

/**
 * The part of `image` inside `box`, scaled to `size` × `size` RGB pixels, bilinear (as
 * tf.image.cropAndResize in MoveNet's own crop), areas outside the image black.
 * Coordinates are continuous pixels (pixel i covers [i, i + 1)), so a point at crop pixel
 * coordinate c maps back to box.x + c × box.width / size (src/tracking/geometry.ts cropToFrame).
 */
export function cropRgb(image: RawImage, box: Box, size: number): RawImage {
  const { data, width, height, channels } = image;
  const out = new Uint8Array(size * size * 3);
  const sx = box.width / size;
  const sy = box.height / size;
  // Each output pixel samples the source at its centre; columns depend only on ox, so precompute them.
  const x0 = new Int32Array(size);
  const x1 = new Int32Array(size);
  const wx = new Float32Array(size);
  const inX = new Uint8Array(size);
  for (let ox = 0; ox < size; ox++) {
    const fx = box.x + (ox + 0.5) * sx;
    inX[ox] = fx >= 0 && fx < width ? 1 : 0;
    const px = Math.min(Math.max(fx - 0.5, 0), width - 1);
    x0[ox] = Math.floor(px);
    x1[ox] = Math.min(x0[ox] + 1, width - 1);
    wx[ox] = px - x0[ox];
  }
  for (let oy = 0; oy < size; oy++) {
    const fy = box.y + (oy + 0.5) * sy;
    if (fy < 0 || fy >= height) continue; // stays black
    const py = Math.min(Math.max(fy - 0.5, 0), height - 1);
    const y0 = Math.floor(py);
    const y1 = Math.min(y0 + 1, height - 1);
    const wy = py - y0;
    const row0 = y0 * width;
    const row1 = y1 * width;
    let o = oy * size * 3;
    for (let ox = 0; ox < size; ox++, o += 3) {
      if (!inX[ox]) continue;
      const a = (row0 + x0[ox]) * channels;
      const b = (row0 + x1[ox]) * channels;
      const c = (row1 + x0[ox]) * channels;
      const d = (row1 + x1[ox]) * channels;
      const fxw = wx[ox];
      for (let ch = 0; ch < 3; ch++) {
        const top = data[a + ch] + (data[b + ch] - data[a + ch]) * fxw;
        const bottom = data[c + ch] + (data[d + ch] - data[c + ch]) * fxw;
        out[o + ch] = Math.round(top + (bottom - top) * wy);
      }
    }
  }
  return { data: out, width: size, height: size, channels: 3 };
}
