/**
 * Images as they pass between decoding (src/video), pose estimation (src/pose) and capture: types
 * only, so neither side imports the other.
 */

/** Pixels already in memory (Node, tests, a worker that decoded a frame itself): row-major, 8-bit. */
export interface RawImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** 3 = RGB, 4 = RGBA (alpha ignored). */
  channels: 3 | 4;
}

/**
 * What a pose estimator takes: a video element, canvas (also OffscreenCanvas with a 2D context),
 * image, ImageBitmap, ImageData, or raw pixels. A WebCodecs VideoFrame is not accepted by tfjs:
 * pass `await createImageBitmap(frame)` instead.
 */
export type PoseInput =
  | ImageData
  | HTMLVideoElement
  | HTMLImageElement
  | HTMLCanvasElement
  | ImageBitmap
  | OffscreenCanvas
  | RawImage;
