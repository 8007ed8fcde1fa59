/**
 * The one pipeline from decoded frames to a gait-pose-track, used by the app's worker and the CLI
 * alike (environment-neutral: frames come from a FrameSource, poses from a PoseEstimator).
 *
 *   1. scout: MultiPose on a frame every SCOUT_INTERVAL_S finds everyone in view; src/tracking
 *      gathers them into people and picks the one who walks (unless `people` / `personId` say).
 *   2. track: a single-person model (MoveNet Lightning or Thunder, BlazePose; src/pose/models) on
 *      every frame, cropped to a square around the chosen person (src/tracking/cropRegion.ts) at
 *      the model's input size, keypoints mapped back to full-frame pixels, in the model's layout.
 *      Without scouting information (no scout estimator, or nobody scouted) every frame goes to
 *      the model whole and the model's own tracking follows whoever it finds.
 */
import { POSE_TRACK_FORMAT, poseTrackVersionFor, type GaitPoseTrack, type Keypoint, type PoseFrame } from '../core/format/poseTrack';
import type { FrameRequest, FrameSource, PersonCandidate, PipelineProgress, PipelineStage, SourceFrame } from '../contracts';
import { VideoInputError } from '../contracts';
import type { PoseEstimator } from './models';
import { joinSpans, planSpans, type TrackSpan } from './spans';
import { gatherPeople, pickWalker, rankPeople, type ScoutFrame } from '../tracking/people';
import { chooseCropRegion, CROP_GRID_PX, inViewRange, scoutedBoxAt, type CropRegion } from '../tracking/cropRegion';
import { cropToFrame } from '../tracking/geometry';

export interface BuildTrackOptions {
  /** A single-person model (src/pose/models). */
  estimator: PoseEstimator;
  /** A multi-person model (MultiPose); needed unless `people` is given. */
  scout?: PoseEstimator;
  /** From an earlier run: skip scouting. */
  people?: PersonCandidate[];
  /** Default: the picked walker. */
  personId?: number;
  signal?: AbortSignal;
  /**
   * Called after every frame. framesDone / framesTotal count the frames of the current stage
   * (scouting: the sampled frames; tracking: every frame); etaS covers what is left of both.
   */
  onProgress?: (p: PipelineProgress) => void;
  sourceKind?: 'video' | 'webcam';
  /** Recorded in track.source (backend, ...). */
  sourceExtra?: Record<string, unknown>;
  /**
   * Track in spans on several workers (src/pose/spans.ts) instead of all frames here. The first
   * span is tracked here with `estimator`; the others by `tracker.track`.
   */
  tracker?: SpanTracker;
  /**
   * Snap crops to the grid in a single pass too, as spans do (to compare a single pass with a
   * multi-worker run like for like; default: only spans snap).
   */
  snapCrops?: boolean;
}

/** Workers that each track one span of the same video (the app's Web Workers, the CLI's threads). */
export interface SpanTracker {
  /** How many spans to cut the video into at most (this worker included). */
  workers: number;
  /** Tracks one span elsewhere; calls onFrame after each frame; rejects with VideoInputError('cancelled') on abort. */
  track(span: TrackSpan, person: PersonCandidate | null, onFrame: () => void, signal?: AbortSignal): Promise<PoseFrame[]>;
}

export interface BuildTrackResult {
  track: GaitPoseTrack;
  people: PersonCandidate[];
  /** The tracked person's id; null when no one was scouted and the whole frame was used. */
  personId: number | null;
}

/**
 * Scouting first looks at one frame a second: enough to see who is in view and who travels across
 * (a walker covers about 0.8 body heights a second), at a tenth of the cost of looking at 4 Hz.
 * MultiPose costs 100-200 ms a frame on a 2-core laptop without a GPU, so looking at 4 Hz alone
 * would cost more than the tracking itself and make the whole job slower than real time.
 */
export const SCOUT_COARSE_INTERVAL_S = 1;
/**
 * When the first look cannot tell who walks (several people, none clearly travelling, e.g. two
 * people on treadmills or a walker and their reflection), scouting looks again at about 4 Hz:
 * enough to follow the ankles' fore-aft alternation (steps come at ~2 Hz).
 */
export const SCOUT_INTERVAL_S = 0.25;
/** The first look's pick stands when the walker scores at least this, this far above anyone else. */
const CLEAR_WALKER_SCORE = 0.5;
const CLEAR_WALKER_MARGIN = 0.3;
/**
 * MultiPose input size (longer side, a multiple of 32) for scouting a video of this size.
 * pose-detection's default 256 misses people who are small in a wide frame: on sports2d-demo
 * (1768x994) the man on the box scored 0.1-0.4 and was lost after 2 s at 256; at 384 he scores
 * 0.5-0.7 and is followed for 4 s. So the frame is shrunk at most ~4.6 times (as 1768 -> 384),
 * between 256 and 384 (each step up costs time: 384 takes about twice as long as 256).
 * Pass it as the scout model's `multiPoseMaxDimension` option.
 */
export function scoutMaxDimension(width: number, height: number): number {
  const wanted = Math.max(width, height) / 4.6;
  return Math.min(SCOUT_MAX_DIMENSION, Math.max(256, Math.ceil(wanted / 32) * 32));
}
export const SCOUT_MAX_DIMENSION = 384;
/** The analysis needs a couple of strides at least (core: too-few-steps otherwise). */
export const MIN_DURATION_S = 2;
export const MIN_FRAMES = 20;
/** A frame has the person when at least this many keypoints score above 0.2 (the analysis' own gate). */
const MIN_FOUND_KEYPOINTS = 3;
const FOUND_SCORE = 0.2;
/**
 * Before tracking has started, its speed (frames/s) is guessed from scouting's: a scouted frame
 * costs a MultiPose call (256-384 px) plus decoding the frames skipped to reach it; a tracked frame
 * one Lightning call on a 192 px crop. Measured in Node/wasm on the fixture walks and
 * sports2d-demo, tracking ran about 4-6 times as many frames per second as scouting at 1 Hz.
 * Only the first ETA depends on this; once tracking runs, its own speed is used.
 */
const TRACK_VS_SCOUT_SPEED = 5;

export async function buildPoseTrack(source: FrameSource, o: BuildTrackOptions): Promise<BuildTrackResult> {
  if (source.durationS < MIN_DURATION_S || source.frameCount < MIN_FRAMES) {
    throw new VideoInputError(
      'too-short',
      `The video is too short: ${source.durationS.toFixed(1)} s, ${source.frameCount} frames. A gait analysis needs at least ${MIN_DURATION_S} s (${MIN_FRAMES} frames).`,
      'Record at least 5 seconds of walking: several steps in a row.',
    );
  }
  const signal = o.signal;
  checkCancelled(signal);
  const progress = new ProgressReporter(o.onProgress, source, o.tracker ? planSpans(source.durationS, o.tracker.workers).length : 1);

  let people = o.people ?? null;
  if (!people && o.scout) people = await scoutPeople(source, o.scout, progress, signal);
  people ??= [];

  const chosen = o.personId !== undefined ? people.find((p) => p.id === o.personId) : pickWalker(people);
  if (o.personId !== undefined && !chosen) {
    throw new VideoInputError(
      'no-person',
      `There is no person with id ${o.personId} in this video (found: ${people.map((p) => p.id).join(', ') || 'nobody'}).`,
      'Pick one of the people found.',
    );
  }

  const frames = await trackAll(source, o, chosen ?? null, people, progress);
  if (!frames.some((f) => isFound(f.keypoints))) {
    throw new VideoInputError(
      'no-person',
      'Nobody was found in this video.',
      'Film the whole body from the side, in good light, with the person filling at least a third of the frame height.',
    );
  }

  const span = frames.length > 1 ? frames[frames.length - 1].t - frames[0].t : 0;
  const names = o.estimator.keypointNames;
  const track: GaitPoseTrack = {
    format: POSE_TRACK_FORMAT,
    version: poseTrackVersionFor(names),
    fps: span > 0 ? round((frames.length - 1) / span, 3) : round(source.frameCount / source.durationS, 3),
    width: source.width,
    height: source.height,
    source: {
      kind: o.sourceKind ?? 'video',
      name: source.name,
      model: o.estimator.modelId,
      personId: chosen?.id ?? null,
      crop: chosen ? `person, ${o.estimator.cropSize} px` : 'whole frame',
      ...o.sourceExtra,
    },
    keypointNames: [...names],
    frames,
  };
  return { track, people, personId: chosen?.id ?? null };
}

/**
 * MultiPose on a frame every SCOUT_COARSE_INTERVAL_S, gathered into people; looked at again every
 * SCOUT_INTERVAL_S when that first look leaves the choice of walker open (needsCloserLook).
 */
export async function scoutPeople(
  source: FrameSource,
  scout: PoseEstimator,
  progress: ProgressReporter | null,
  signal?: AbortSignal,
): Promise<PersonCandidate[]> {
  const firstLook = await scoutAtInterval(source, scout, SCOUT_COARSE_INTERVAL_S, progress, signal);
  if (!needsCloserLook(firstLook)) return firstLook;
  return scoutAtInterval(source, scout, SCOUT_INTERVAL_S, progress, signal);
}

/** True when scouting found nobody, or several people of whom none clearly walks more than the rest. */
export function needsCloserLook(people: readonly PersonCandidate[]): boolean {
  if (people.length === 0) return true;
  if (people.length === 1) return false;
  const [first, second] = rankPeople(people);
  return !(first.walkingScore >= CLEAR_WALKER_SCORE && first.walkingScore - second.walkingScore >= CLEAR_WALKER_MARGIN);
}

async function scoutAtInterval(
  source: FrameSource,
  scout: PoseEstimator,
  intervalS: number,
  progress: ProgressReporter | null,
  signal?: AbortSignal,
): Promise<PersonCandidate[]> {
  scout.reset();
  const scouted: ScoutFrame[] = [];
  progress?.start('scouting', intervalS);
  await eachFrame(source, { minIntervalS: intervalS, signal }, async (frame) => {
    const poses = await scout.estimateAll(frame.image, frame.t * 1000);
    scouted.push({ t: frame.t, poses });
    progress?.frameDone();
  });
  return gatherPeople(scouted, Math.max(source.durationS, scouted.length ? scouted[scouted.length - 1].t - scouted[0].t : 0));
}

/** Tracking, here or in spans on several workers; the frames in order either way. */
async function trackAll(source: FrameSource, o: BuildTrackOptions, person: PersonCandidate | null, people: readonly PersonCandidate[], progress: ProgressReporter): Promise<PoseFrame[]> {
  progress.start('tracking');
  const onFrame = () => progress.frameDone();
  const fps = source.durationS > 0 ? source.frameCount / source.durationS : 30;
  // Only while scouting saw anyone (src/tracking/cropRegion.ts, inViewRange): a look every
  // SCOUT_COARSE_INTERVAL_S at most, so they may be in view up to that long beyond a look. Anyone,
  // not only the chosen person: a walker who leaves the view and comes back (a second pass, a
  // looped clip) is often scouted as someone new, and their second pass must not be cut off
  // (the fake-webcam recording of two crossings lost its second one that way).
  const seen = people.flatMap((p) => p.samples).sort((a, b) => a.t - b.t);
  const view = person ? inViewRange(seen, source.durationS, SCOUT_COARSE_INTERVAL_S) : null;
  if (view) progress.addTrackingFrames(-Math.round((source.durationS - (view.toS - view.fromS)) * fps));
  const spans = o.tracker ? planSpans(view ? view.toS - view.fromS : source.durationS, o.tracker.workers).map((s) => shiftSpan(s, view)) : [];
  if (!o.tracker || spans.length < 2) {
    return foundOnly(await trackSpan(source, o.estimator, person, { fromS: view?.fromS, toS: view?.toS, onFrame, signal: o.signal, gridPx: o.snapCrops ? CROP_GRID_PX : 0 }), view, source.durationS);
  }
  // The overlaps are tracked twice: they count in the work to do (progress, time left).
  progress.addTrackingFrames(Math.round(spans.reduce((sum, s) => sum + (s.index ? s.fromS - s.trackFromS : 0), 0) * fps));
  // One controller for all spans: the first to fail stops the others.
  const all = new AbortController();
  const stop = () => all.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    const tracks = await Promise.all(
      spans.map((span) => {
        const work =
          span.index === 0
            ? trackSpan(source, o.estimator, person, { fromS: view?.fromS, toS: span.toS, onFrame, signal: all.signal })
            : o.tracker!.track(span, person, onFrame, all.signal);
        return work.catch((error: unknown) => {
          all.abort();
          throw error;
        });
      }),
    );
    return foundOnly(joinSpans(spans, tracks), view, source.durationS);
  } catch (error) {
    checkCancelled(o.signal);
    throw error;
  } finally {
    o.signal?.removeEventListener('abort', stop);
  }
}

/**
 * At an end of the video where a long empty stretch was left out (`view`), the frames from the
 * first (to the last) in which the person was found: the stretch's margin is a scouting interval's
 * guess, and its empty frames would read as frames where the legs were lost.
 */
function foundOnly(frames: PoseFrame[], view: { fromS: number; toS: number } | null, durationS: number): PoseFrame[] {
  if (!view || !frames.some((f) => isFound(f.keypoints))) return frames;
  let first = 0;
  let last = frames.length - 1;
  if (view.fromS > 0) while (!isFound(frames[first].keypoints)) first++;
  if (view.toS < durationS) while (!isFound(frames[last].keypoints)) last--;
  return frames.slice(first, last + 1);
}

/** A span planned over the stretch `view` (from its start), placed at the stretch's time. */
function shiftSpan(span: TrackSpan, view: { fromS: number; toS: number } | null): TrackSpan {
  if (!view) return span;
  const at = (t: number) => (Number.isFinite(t) ? t + view.fromS : t);
  return { index: span.index, fromS: at(span.fromS), toS: Number.isFinite(span.toS) ? at(span.toS) : view.toS, trackFromS: at(span.trackFromS) };
}

/**
 * The single-person model on every frame with fromS <= t < toS (default: all), cropped around `person`
 * (whole frames without one): one worker's share of tracking (src/pose/spans.ts), or all of it.
 */
export async function trackSpan(
  source: FrameSource,
  estimator: PoseEstimator,
  person: PersonCandidate | null,
  o: { fromS?: number; toS?: number; onFrame?: () => void; signal?: AbortSignal; gridPx?: number } = {},
): Promise<PoseFrame[]> {
  // Spans (a time range) snap their crops to a grid so that neighbouring spans settle on the same
  // crops where they overlap; one pass over the whole video does not (src/tracking/cropRegion.ts).
  const gridPx = o.gridPx ?? (o.fromS !== undefined || o.toS !== undefined ? CROP_GRID_PX : 0);
  const size = estimator.cropSize;
  const nobody = () => estimator.keypointNames.map((): Keypoint => [null, null, 0]);
  const orNobody = (keypoints: Keypoint[]) => (isFound(keypoints) ? keypoints : nobody());
  const frames: PoseFrame[] = [];
  let previous: Keypoint[] | null = null;
  estimator.reset();
  await eachFrame(source, { signal: o.signal, fromS: o.fromS, toS: o.toS }, async (frame) => {
    if (frames.length && frame.t <= frames[frames.length - 1].t) return; // a repeated timestamp: keep the first
    let keypoints: Keypoint[];
    if (!person) {
      keypoints = orNobody(await estimator.estimate(frame.image, frame.t * 1000));
    } else {
      const scoutedBox = scoutedBoxAt(person.samples, frame.t);
      const choice = chooseCropRegion(previous, scoutedBox, gridPx);
      keypoints = choice ? await estimateInRegion(choice) : nobody();
      // Lost them in a region from the previous keypoints: try once more where scouting saw them.
      if (!isFound(keypoints) && choice?.from === 'keypoints' && scoutedBox) {
        const retry = chooseCropRegion(null, scoutedBox);
        if (retry) keypoints = await estimateInRegion(retry);
      }
      previous = isFound(keypoints) ? keypoints : null;
    }
    frames.push({ t: round(frame.t, 6), keypoints });
    o.onFrame?.();

    async function estimateInRegion({ region, from }: CropRegion): Promise<Keypoint[]> {
      const input = await frame.crop(region, size);
      // Each crop is a new image: a model that crops by itself (MoveNet) must not carry its region
      // over from the last crop; one that follows the person across crops (BlazePose) keeps it
      // while the crop only moves with the person, not when it jumps to where scouting saw them.
      if (!estimator.followsAcrossCrops || from !== 'keypoints') estimator.reset();
      return orNobody(cropToFrame(await estimator.estimate(input, frame.t * 1000), region, size));
    }
  });
  return frames;
}

/** Runs `work` on each frame in order, releasing every frame, turning an abort into 'cancelled'. */
async function eachFrame(
  source: FrameSource,
  options: FrameRequest,
  work: (frame: SourceFrame) => Promise<void>,
): Promise<void> {
  const { signal } = options;
  try {
    for await (const frame of source.frames(options)) {
      try {
        checkCancelled(signal);
        await work(frame);
      } finally {
        frame.release();
      }
    }
  } catch (error) {
    if (signal?.aborted && !(error instanceof VideoInputError)) checkCancelled(signal);
    throw error;
  }
  checkCancelled(signal);
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VideoInputError('cancelled', 'Cancelled.');
}

function isFound(keypoints: readonly Keypoint[]): boolean {
  let found = 0;
  for (const [x, y, score] of keypoints) if (x !== null && y !== null && score > FOUND_SCORE) found++;
  return found >= MIN_FOUND_KEYPOINTS;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Per-stage counts, speed and the time left for both stages. */
export class ProgressReporter {
  private stage: PipelineStage = 'scouting';
  private done = 0;
  private stageStart = 0;
  private scoutTotal: number;
  private trackTotal: number;
  private readonly sourceFps: number;

  constructor(
    private readonly onProgress: ((p: PipelineProgress) => void) | undefined,
    source: Pick<FrameSource, 'durationS' | 'frameCount'>,
    /** Workers that will track (each at about the speed of one). */
    private readonly trackingWorkers = 1,
  ) {
    this.trackTotal = source.frameCount;
    this.sourceFps = source.durationS > 0 ? source.frameCount / source.durationS : 30;
    this.scoutTotal = this.scoutFramesAt(SCOUT_COARSE_INTERVAL_S);
  }

  /** Sources give the first frame at least `intervalS` after the last one given. */
  private scoutFramesAt(intervalS: number): number {
    const step = Math.max(1, Math.ceil(intervalS * this.sourceFps - 1e-3));
    return Math.ceil(this.trackTotal / step);
  }

  /** `scoutIntervalS`: for the scouting stage, how far apart the frames looked at are. */
  start(stage: PipelineStage, scoutIntervalS = SCOUT_COARSE_INTERVAL_S): void {
    if (stage === 'scouting') this.scoutTotal = this.scoutFramesAt(scoutIntervalS);
    this.stage = stage;
    this.done = 0;
    this.stageStart = now();
    this.emit();
  }

  /** Tracking will look at this many more frames than the video has (span overlaps). */
  addTrackingFrames(frames: number): void {
    this.trackTotal += frames;
  }

  frameDone(): void {
    this.done++;
    this.emit();
  }

  private emit(): void {
    if (!this.onProgress) return;
    const elapsed = (now() - this.stageStart) / 1000;
    const fps = elapsed > 0 && this.done > 0 ? this.done / elapsed : 0;
    const total = this.stage === 'scouting' ? Math.max(this.scoutTotal, this.done) : Math.max(this.trackTotal, this.done);
    let etaS: number | null = null;
    if (fps > 0 && this.done >= 3) {
      const left = (total - this.done) / fps;
      if (this.stage === 'scouting') {
        etaS = left + this.trackTotal / (fps * TRACK_VS_SCOUT_SPEED * this.trackingWorkers);
      } else etaS = left;
    }
    this.onProgress({ stage: this.stage, framesDone: this.done, framesTotal: total, fps, etaS });
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
