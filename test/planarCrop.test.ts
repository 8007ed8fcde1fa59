import { describe, expect, it } from 'vitest';
import { copyRectFor, cropFromPlanes, displaySize, type FrameGeometry, type Rotation } from '../src/video/shared/planarCrop';
import { placeCrop } from '../src/video/browser/cropGeometry';

/** A picture of 2x2 blocks of distinct colours (so 4:2:0 chroma is exact), W x H, RGB. */
function blockPicture(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bx = x >> 1;
      const by = y >> 1;
      const o = (y * width + x) * 3;
      rgb[o] = 40 + ((bx * 37) % 170);
      rgb[o + 1] = 40 + ((by * 53) % 170);
      rgb[o + 2] = 40 + (((bx + by) * 29) % 170);
    }
  }
  return rgb;
}

/** BT.601 limited-range I420 of an RGB picture (chroma from each 2x2 block's top-left pixel). */
function toI420(rgb: Uint8Array, width: number, height: number) {
  const ySize = width * height;
  const cw = width / 2;
  const ch = height / 2;
  const data = new Uint8Array(ySize + 2 * cw * ch);
  const [kr, kb] = [0.299, 0.114];
  const kg = 1 - kr - kb;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const [r, g, b] = [rgb[o], rgb[o + 1], rgb[o + 2]];
      const luma = kr * r + kg * g + kb * b;
      data[y * width + x] = Math.round(16 + (219 * luma) / 255);
      if (x % 2 === 0 && y % 2 === 0) {
        const cb = (b - luma) / (2 * (1 - kb));
        const cr = (r - luma) / (2 * (1 - kr));
        data[ySize + (y / 2) * cw + x / 2] = Math.round(128 + (224 * cb) / 255);
        data[ySize + cw * ch + (y / 2) * cw + x / 2] = Math.round(128 + (224 * cr) / 255);
      }
    }
  }
  return { data, layout: [{ offset: 0, stride: width }, { offset: ySize, stride: cw }, { offset: ySize + cw * ch, stride: cw }] };
}

/** The display picture's pixel (i, j) for a clockwise rotation of the coded picture. */
function displayPixel(rgb: Uint8Array, width: number, height: number, rotation: Rotation, i: number, j: number): number[] {
  const [x, y] =
    rotation === 0 ? [i, j] : rotation === 90 ? [j, height - 1 - i] : rotation === 180 ? [width - 1 - i, height - 1 - j] : [width - 1 - j, i];
  const o = (y * width + x) * 3;
  return [rgb[o], rgb[o + 1], rgb[o + 2]];
}

/** Copies the rectangle's planes out of a whole-frame I420 buffer, as VideoFrame.copyTo({rect}) does. */
function copyI420Rect(frame: ReturnType<typeof toI420>, width: number, rect: { x: number; y: number; width: number; height: number }) {
  const cw = rect.width / 2;
  const ch = rect.height / 2;
  const data = new Uint8Array(rect.width * rect.height + 2 * cw * ch);
  for (let y = 0; y < rect.height; y++) {
    data.set(frame.data.subarray((rect.y + y) * width + rect.x, (rect.y + y) * width + rect.x + rect.width), y * rect.width);
  }
  for (let plane = 1; plane <= 2; plane++) {
    const src = frame.layout[plane];
    const dstOffset = rect.width * rect.height + (plane - 1) * cw * ch;
    for (let y = 0; y < ch; y++) {
      const from = src.offset + (rect.y / 2 + y) * src.stride + rect.x / 2;
      data.set(frame.data.subarray(from, from + cw), dstOffset + y * cw);
    }
  }
  return { data, layout: [{ offset: 0, stride: rect.width }, { offset: rect.width * rect.height, stride: cw }, { offset: rect.width * rect.height + cw * ch, stride: cw }] };
}

describe('cropFromPlanes', () => {
  const W = 64;
  const H = 48;
  const picture = blockPicture(W, H);
  const frame = toI420(picture, W, H);

  for (const rotation of [0, 90, 180, 270] as Rotation[]) {
    it(`reproduces the display picture at scale 1, rotation ${rotation}`, () => {
      const g: FrameGeometry = { visibleWidth: W, visibleHeight: H, rotation };
      const box = { x: 10, y: 6, width: 24, height: 24 };
      const rect = copyRectFor(g, box)!;
      expect(rect.x % 2).toBe(0);
      expect(rect.y % 2).toBe(0);
      const copied = copyI420Rect(frame, W, rect);
      const crop = cropFromPlanes(copied.data, copied.layout, 'I420', rect, g, box, 24);
      let worst = 0;
      for (let j = 0; j < 24; j++) {
        for (let i = 0; i < 24; i++) {
          const expected = displayPixel(picture, W, H, rotation, box.x + i, box.y + j);
          for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(crop.data[(j * 24 + i) * 3 + c] - expected[c]));
        }
      }
      expect(worst).toBeLessThanOrEqual(3); // 8-bit YUV round trip
    });
  }

  it('fills what lies outside the frame with black and scales by size / box size', () => {
    const g: FrameGeometry = { visibleWidth: W, visibleHeight: H, rotation: 0 };
    const box = { x: -32, y: 0, width: 64, height: 48 }; // left half outside the frame
    const rect = copyRectFor(g, box)!;
    const copied = copyI420Rect(frame, W, rect);
    const crop = cropFromPlanes(copied.data, copied.layout, 'I420', rect, g, box, 16);
    expect(crop.channels).toBe(3);
    // Columns 0-7 sample x < 0: black. Column 8 samples x = -32 + 8.5 * 4 = 2: inside.
    for (let j = 0; j < 16; j++) {
      for (let i = 0; i < 8; i++) expect(Array.from(crop.data.subarray((j * 16 + i) * 3, (j * 16 + i) * 3 + 3))).toEqual([0, 0, 0]);
    }
    const inside = crop.data.subarray((5 * 16 + 12) * 3, (5 * 16 + 12) * 3 + 3);
    expect(Math.max(...inside)).toBeGreaterThan(30);
  });

  it('reads NV12 (interleaved chroma) like I420', () => {
    const g: FrameGeometry = { visibleWidth: W, visibleHeight: H, rotation: 0 };
    const box = { x: 4, y: 4, width: 32, height: 32 };
    const rect = copyRectFor(g, box)!;
    const i420 = copyI420Rect(frame, W, rect);
    const ySize = rect.width * rect.height;
    const cSize = ySize / 4;
    const nv12 = new Uint8Array(ySize + 2 * cSize);
    nv12.set(i420.data.subarray(0, ySize));
    for (let p = 0; p < cSize; p++) {
      nv12[ySize + 2 * p] = i420.data[ySize + p];
      nv12[ySize + 2 * p + 1] = i420.data[ySize + cSize + p];
    }
    const fromI420 = cropFromPlanes(i420.data, i420.layout, 'I420', rect, g, box, 20);
    const fromNv12 = cropFromPlanes(nv12, [{ offset: 0, stride: rect.width }, { offset: ySize, stride: rect.width }], 'NV12', rect, g, box, 20);
    expect(Array.from(fromNv12.data)).toEqual(Array.from(fromI420.data));
  });

  it('returns no copy rectangle for a box that misses the frame', () => {
    expect(copyRectFor({ visibleWidth: W, visibleHeight: H, rotation: 90 }, { x: 100, y: 0, width: 10, height: 10 })).toBeNull();
    expect(displaySize({ visibleWidth: W, visibleHeight: H, rotation: 90 })).toEqual({ width: H, height: W });
  });
});

describe('placeCrop (canvas path)', () => {
  it('clamps the box to the frame and maps the rest proportionally', () => {
    const placement = placeCrop({ x: -50, y: 20, width: 200, height: 100 }, 100, 80, 100);
    expect(placement).toEqual({ source: { x: 0, y: 20, width: 100, height: 60 }, target: { x: 25, y: 0, width: 50, height: 60 } });
    expect(placeCrop({ x: 200, y: 0, width: 10, height: 10 }, 100, 80, 10)).toBeNull();
  });
});
