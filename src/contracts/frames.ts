/**
 * Frame sources: decoded video frames at their real timestamps, from the browser's decoder
 * (src/video/browser) or ffmpeg (src/video/node), consumed by the one pipeline
 * (src/pose/trackBuilder.ts). Types only.
 */
import type { PoseInput } from './image';

/** A rectangle in full-frame pixels (x, y = top-left). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One decoded frame, in presentation order. */
export interface SourceFrame {
  /** Presentation time in seconds from the start of the video (the frame's real timestamp). */
  t: number;
  /** The whole frame, ready for a PoseEstimator. */
  image: PoseInput;
  /**
   * The part of the frame inside `box` (clamped to the frame; areas outside are filled black),
   * scaled to `size` x `size` pixels: what the single-pose model is given.
   */
  crop(box: Box, size: number): Promise<PoseInput>;
  /** Free the frame (VideoFrame.close(), pixel buffers). Call once when done with it and its crops. */
  release(): void;
}

export interface FrameSourceInfo {
  name: string;
  /** Display size in pixels (after any rotation the container asks for). */
  width: number;
  height: number;
  durationS: number;
  /** Best estimate of the number of frames (for progress); exact where the container says. */
  frameCount: number;
  /** Codec as the container names it, e.g. 'avc', 'vp9', 'av1', 'hevc'. */
  codec: string;
}

/** Which frames a pass over a source gives. */
export interface FrameRequest {
  /**
   * Frames closer than this to the previously yielded frame are skipped (scouting); sources may
   * skip decoding them if they can.
   */
  minIntervalS?: number;
  /**
   * Only frames with fromS <= t < toS (t as in SourceFrame.t): one worker's span of the video.
   * Sources seek to fromS where they can (decoding from the key frame before it) and stop at toS.
   * A pass with a range is not a full pass: it does not update frameCount or report truncation.
   */
  fromS?: number;
  toS?: number;
  signal?: AbortSignal;
}

export interface FrameSource extends FrameSourceInfo {
  /** Decoded frames in presentation order (see FrameRequest). */
  frames(options?: FrameRequest): AsyncIterable<SourceFrame>;
  close(): void;
}
