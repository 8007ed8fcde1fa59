/**
 * The contracts between video decoding (browser: mediabunny + WebCodecs in a worker; Node: ffmpeg),
 * pose estimation (src/pose) and person tracking. Environment-neutral: types only, no DOM, no Node.
 *
 * Pipeline (one implementation, src/pose/trackBuilder.ts, for the app's worker and the CLI):
 *   1. scout:  MultiPose on a frame every ~0.25 s finds everyone in view and tracks them (ids);
 *              the person who walks is picked by default (src/tracking), the user may pick another.
 *   2. track:  single-pose MoveNet (Lightning or Thunder) on EVERY frame, each frame cropped around
 *              the chosen person (so a second person or a mirror cannot take over), keypoints mapped
 *              back to full-frame pixels -> gait-pose-track v1.
 */
import type { Keypoint } from '../core/format/poseTrack';
import type { PoseInput } from '../pose/detector';

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

export interface FrameSource extends FrameSourceInfo {
  /**
   * Decoded frames in presentation order. With `minIntervalS`, frames closer than that to the
   * previously yielded frame are skipped (scouting); sources may skip decoding them if they can.
   */
  frames(options?: { minIntervalS?: number; signal?: AbortSignal }): AsyncIterable<SourceFrame>;
  close(): void;
}

/** One scouted person: MultiPose's track id and where they were over time. */
export interface PersonSample {
  t: number;
  box: Box;
  keypoints: Keypoint[];
  score: number;
}

export interface PersonCandidate {
  id: number;
  samples: PersonSample[];
  /** How much this looks like the person walking across / on a treadmill (higher = more). */
  walkingScore: number;
  /** A time where this person is clearly in view, and their box then (for a "pick this person" view). */
  preview: { t: number; box: Box };
  /** Plain words for a chooser, e.g. "walks left to right, in view 6.2 s". */
  description: string;
}

export type PipelineStage = 'loading-model' | 'scouting' | 'tracking' | 'analysing';

export interface PipelineProgress {
  stage: PipelineStage;
  framesDone: number;
  /** Estimate; may change as decoding goes. */
  framesTotal: number;
  /** Frames per second processed in this stage so far. */
  fps: number;
  /** Seconds left for the whole job (scouting + tracking), null until known. */
  etaS: number | null;
}

/** What went wrong with an input video, each with a message a user can act on. */
export type VideoErrorCode =
  | 'not-a-video' // not a media file at all (a text file renamed .mp4)
  | 'no-video-track' // audio only
  | 'unsupported-codec' // HEVC, Theora, ... : this browser cannot decode it
  | 'corrupt' // truncated or damaged: the container or frames cannot be read
  | 'no-person' // nobody found in the frames
  | 'too-short' // under ~2 s, or fewer frames than an analysis needs
  | 'camera-refused' // webcam permission denied
  | 'no-camera' // no camera device / camera busy
  | 'cancelled';

export class VideoInputError extends Error {
  constructor(
    readonly code: VideoErrorCode,
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'VideoInputError';
  }
}
