/**
 * Tracking split across workers: pose estimation is the bottleneck and each frame's cost is its
 * own, so the video is cut into consecutive spans of time, one per worker, each decoded and
 * tracked on its own (seeded by the scouting pass: the crop tracker starts from the scouted box
 * at the span's start). Each span but the first also tracks a short overlap before its start, so
 * its crop tracker has settled by the time its frames are kept; the tracks are joined at the
 * frame in the overlap where the two agree best.
 *
 * Pure (no DOM, no Node): the app's worker and the CLI supply the workers.
 */
import type { Keypoint, PoseFrame } from '../core/format/poseTrack';

/**
 * Seconds each span (but the first) tracks before its own start. MoveNet's crop follows the
 * previous frame's keypoints; from the scouted box it settles onto the same crop as an unbroken run
 * within a few frames (measured on the fixture walks: keypoints within 0.5 px of the single-worker
 * run after 5-10 frames), so 1 s (30 frames) leaves ample margin at a cost of 1 s per extra worker.
 */
export const SPAN_OVERLAP_S = 1;
/** Spans shorter than this are not worth a worker (model loading and the overlap would dominate). */
export const MIN_SPAN_S = 2;

/**
 * On fewer than FEW_CORES cores a clip is split only from MIN_SPLIT_S of video: the other workers
 * share the cores with the page, the decoders and each other, and their fixed costs (a model
 * loaded, a decoder started, the overlap tracked twice) are paid back only over a longer clip.
 * Measured with `npm run bench` on an idle 2-core machine (Chromium, Lightning): 2 workers ran an
 * 8 s clip at 1.14x the speed of one (0.98 -> 1.13x real time) but a 64 s clip at 1.77x
 * (1.09 -> 1.93x real time). 20 s keeps a typical 5-15 s walk on one worker, where the split gains
 * little and adds the joins between spans.
 */
export const FEW_CORES = 4;
export const MIN_SPLIT_S = 20;

/** How many of `workers` to use on a clip of `durationS` on a device with `cores` cores. */
export function usefulWorkers(workers: number, durationS: number, cores: number): number {
  if (cores < FEW_CORES && durationS < MIN_SPLIT_S) return 1;
  return Math.max(1, Math.floor(workers));
}

export interface TrackSpan {
  index: number;
  /** Frames with fromS <= t < toS are this span's own (-Infinity / Infinity at the ends). */
  fromS: number;
  toS: number;
  /** Where to start decoding and tracking: fromS less the overlap (-Infinity for the first span). */
  trackFromS: number;
}

/**
 * `workers` spans of equal length over a video of `durationS` seconds (fewer when the spans would
 * be shorter than MIN_SPAN_S). The ends are open, so every frame belongs to exactly one span.
 */
export function planSpans(durationS: number, workers: number, overlapS = SPAN_OVERLAP_S): TrackSpan[] {
  const count = Math.max(1, Math.min(Math.floor(workers), Math.floor(durationS / MIN_SPAN_S)));
  return Array.from({ length: count }, (_, index) => {
    const fromS = index === 0 ? -Infinity : (durationS * index) / count;
    return {
      index,
      fromS,
      toS: index === count - 1 ? Infinity : (durationS * (index + 1)) / count,
      trackFromS: index === 0 ? -Infinity : Math.max(0, fromS - overlapS),
    };
  });
}

/**
 * One track from the spans' tracks (in span order). Between span a and the next, b: a's frames
 * up to the join, then b's. The join is the frame in the overlap (t in [b.trackFromS, b.fromS))
 * where b's keypoints are closest to a's (latest on a tie), after b has tracked at least half
 * the overlap; b's frames after it follow. Without an overlap the join is at b.fromS.
 */
export function joinSpans(spans: readonly TrackSpan[], tracks: readonly PoseFrame[][]): PoseFrame[] {
  if (spans.length !== tracks.length) throw new Error(`joinSpans: ${spans.length} spans but ${tracks.length} tracks`);
  let joined: PoseFrame[] = tracks[0] ? tracks[0].filter((f) => f.t < spans[0].toS) : [];
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i];
    const next = tracks[i];
    const settledFromS = span.trackFromS + (span.fromS - span.trackFromS) / 2;
    const byTime = new Map(next.map((f) => [f.t, f]));
    let joinT = span.fromS;
    let best = Infinity;
    for (const frame of joined) {
      if (frame.t < settledFromS || frame.t >= span.fromS) continue;
      const other = byTime.get(frame.t);
      if (!other) continue;
      const d = keypointDistance(frame.keypoints, other.keypoints);
      if (d <= best) {
        best = d;
        joinT = frame.t;
      }
    }
    // Keep a's frames up to and including the join frame, b's after it.
    const head = joined.filter((f) => f.t <= joinT && f.t < span.fromS);
    const tail = next.filter((f) => f.t > (joinT < span.fromS ? joinT : span.fromS - 1e-9) && f.t < span.toS);
    joined = [...head, ...tail];
  }
  return joined;
}

/** Mean distance in pixels over keypoints found in both (Infinity when none are). */
function keypointDistance(a: readonly Keypoint[], b: readonly Keypoint[]): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const [ax, ay] = a[k];
    const [bx, by] = b[k];
    if (ax === null || ay === null || bx === null || by === null) continue;
    sum += Math.hypot(ax - bx, ay - by);
    n++;
  }
  return n ? sum / n : Infinity;
}

/**
 * Counts frames done in a worker and reports them in batches of `every` (a message per frame
 * costs more than it tells); flush() reports the rest.
 */
export function batchedFrameCounter(report: (count: number) => void, every = 5): { frameDone(): void; flush(): void } {
  let unreported = 0;
  return {
    frameDone() {
      if (++unreported < every) return;
      report(unreported);
      unreported = 0;
    },
    flush() {
      if (unreported) report(unreported);
      unreported = 0;
    },
  };
}
