/**
 * Phone video in the camera's own time (issue 11, item 3), for both decoders:
 *
 * - A high-frame-rate original (a phone's 120/240 fps "slo-mo" file) carries real timestamps:
 *   it is already time-correct, and is only thinned for tracking (below).
 * - A slow-motion export (the same frames saved to play at 30 fps) cannot tell from the file that it
 *   is slowed down: the user says by how much (`slowedBy`), and every time is divided by it.
 *
 * Tracking looks at TRACKING_MAX_HZ frames a second at most. Measured on the treadmill fixture walk
 * rendered at 240 fps (scripts/phoneClips.ts, MoveNet Lightning, the figure's known ankle lead
 * taken out), heel strikes and toe offs against the truth, |error| in frames of 240 fps, over every
 * phase of each stride (the tracked track subsampled):
 *
 *   tracked at   240 Hz: median 1.76, p75 7.95, bias +0.07; 64 % within 2 frames
 *                120 Hz: median 1.40, p75 3.29, bias -0.60; 71 %
 *                 60 Hz: median 1.23, p75 2.10, bias -0.40; 73 %
 *                 30 Hz: median 0.99, p75 1.99, bias -0.21; 77 %
 *                 15 Hz: median 1.97, p75 3.58, bias -0.82; 52 %, 4 events missed, cadence off by 7 %
 *
 * so looking at every frame buys nothing (the events come from a parabola through the filtered
 * extremum, finer than a frame, and MoveNet's own error, ~20 ms an event, dominates); 60 Hz keeps
 * a factor of two from where it degrades and costs a quarter of tracking every 240 fps frame (the
 * 4 s clip in the CLI: 11.8 s of Node CPU against 40.3 s). Tracked at 60 Hz by the pipeline, its
 * heel strikes came within 1.3 frames of 240 fps in the CLI and 1.4 in the browser
 * (test/cli.phone.test.ts, test/e2e/phone.spec.ts).
 * The frames kept are the first of each 1/60 s of the video's time, so spans that start anywhere
 * keep the same frames as one unbroken pass (src/pose/spans.ts joins them on a shared frame).
 */
import type { CaptureRate } from '../../core/format/report';
import type { FrameRequest, FrameSource, SourceFrame } from '../../contracts';

export type { CaptureRate };

export const TRACKING_MAX_HZ = 60;
/**
 * From this rate a clip is called high frame rate (slow motion): phones film ordinary video at
 * 24-60 fps and slow motion at 120 or 240 (some 960).
 */
export const HIGH_FRAME_RATE_FPS = 90;
/** The largest slowed-down factor taken: phones' slowest is 960 fps shown at 30 (32 times). */
export const MAX_SLOWED_BY = 32;
/** No phone films faster than this: a slowed-down factor that makes more is a mistake. */
const MAX_CAPTURE_FPS = 1000;
/** Timestamps in containers are rounded: a frame this close to a 1/60 s boundary counts as on it. */
const BIN_TOLERANCE_S = 1e-3;

export interface CaptureTimeSource extends FrameSource {
  /** How the clip was filmed and tracked: recorded in the pose track's source as `capture`. */
  readonly capture: CaptureRate;
}

/** Thrown for a slowed-down factor that cannot be right; `message` says why. */
export class SlowedByError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlowedByError';
  }
}

/** Checks a slowed-down factor against the file's own rate; returns the capture rate it gives. */
export function checkSlowedBy(slowedBy: number, fileFps: number): number {
  if (!Number.isFinite(slowedBy) || slowedBy < 1 || slowedBy > MAX_SLOWED_BY) {
    throw new SlowedByError(`The slow-motion factor must be a number from 1 to ${MAX_SLOWED_BY} (how many times slower than real time the video plays), got ${slowedBy}.`);
  }
  const captureFps = fileFps * slowedBy;
  if (captureFps > MAX_CAPTURE_FPS) {
    throw new SlowedByError(
      `The video already plays at ${fileFps.toFixed(0)} fps; slowed down ${slowedBy} times it would have been filmed at ${captureFps.toFixed(0)} fps, which no phone does. ` +
        'A high-frame-rate original keeps real time by itself: the factor is only for exports slowed down to normal playback.',
    );
  }
  return captureFps;
}

/**
 * `source` in the camera's time: times divided by `slowedBy`, and at most TRACKING_MAX_HZ frames a
 * second for tracking (a pass with minIntervalS, scouting, gets the frames it asks for).
 */
export function inCaptureTime(source: FrameSource, o: { slowedBy?: number | null; maxHz?: number } = {}): CaptureTimeSource {
  const slowedBy = o.slowedBy && o.slowedBy !== 1 ? o.slowedBy : null;
  const maxHz = o.maxHz ?? TRACKING_MAX_HZ;
  const scale = slowedBy ?? 1;
  const fileFps = source.durationS > 0 ? source.frameCount / source.durationS : 0;
  const fps = slowedBy ? checkSlowedBy(slowedBy, fileFps) : fileFps;
  const durationS = source.durationS / scale;
  const frameS = fps > 0 ? 1 / fps : 0;
  const trackedFps = Math.min(fps, maxHz);
  const bin = (t: number) => Math.floor((t + BIN_TOLERANCE_S) * maxHz);
  return {
    name: source.name,
    width: source.width,
    height: source.height,
    codec: source.codec,
    durationS,
    // What a tracking pass gives (progress counts these).
    frameCount: Math.max(1, Math.round(source.frameCount * (trackedFps / Math.max(fps, 1e-9)))),
    capture: { fps: round(fps, 2), slowMotion: fps >= HIGH_FRAME_RATE_FPS, slowedBy, trackedFps: round(trackedFps, 2) },
    close: () => source.close(),
    frames: (options: FrameRequest = {}) => ({
      async *[Symbol.asyncIterator]() {
        const scaled: FrameRequest = {
          ...options,
          ...(options.minIntervalS !== undefined ? { minIntervalS: options.minIntervalS * scale } : {}),
          ...(options.fromS !== undefined ? { fromS: options.fromS * scale } : {}),
          ...(options.toS !== undefined ? { toS: options.toS * scale } : {}),
        };
        const thin = !options.minIntervalS && fps > maxHz;
        // The first frame of each 1/maxHz bin: after the previous frame's bin (a pass's first frame
        // is judged from the nominal interval, so a span that starts mid-video keeps the frames of
        // one whole pass). Real times, not the nominal rate, decide the rest: a file that states too
        // high a rate loses no frame it really has at 60 fps or less.
        let previousT: number | null = null;
        for await (const frame of source.frames(scaled)) {
          const t = frame.t / scale;
          // A whole pass's first frame has no frame before it: always the first of its bin.
          const before = previousT ?? (options.fromS !== undefined ? t - frameS : -Infinity);
          const keep = !thin || bin(t) !== bin(before);
          previousT = t;
          if (!keep) {
            frame.release();
            continue;
          }
          yield scale === 1 ? frame : retimed(frame, t);
        }
      },
    }),
  };
}

function retimed(frame: SourceFrame, t: number): SourceFrame {
  return {
    t,
    get image() {
      return frame.image;
    },
    crop: (box, size) => frame.crop(box, size),
    release: () => frame.release(),
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * One line on how a slow-motion clip was filmed and tracked (the CLI's summary and timing line, the
 * results' quality panel); null for video filmed at an ordinary rate.
 */
export function describeCapture(c: CaptureRate | undefined): string | null {
  if (!c || (!c.slowMotion && !c.slowedBy)) return null;
  const rate = (fps: number) => `${Number.isInteger(fps) ? fps : fps.toFixed(1)} fps`;
  const what = c.slowedBy
    ? `a slow-motion export playing ${c.slowedBy} times slower than real time (as told), filmed at ${rate(c.fps)}`
    : `a high-frame-rate clip filmed at ${rate(c.fps)} with real timestamps`;
  return `slow motion: ${what}; times are real time; the pose tracked at ${rate(c.trackedFps)}`;
}
