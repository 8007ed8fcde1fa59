/**
 * `gait video WALK.mp4`: ffmpeg decoding, MoveNet on the wasm backend, the shared pipeline
 * (src/pose/trackBuilder.ts), then the same analysis as `gait analyze`.
 * Progress (on a terminal), the people found and a timing line go to stderr; the report to stdout.
 */
import { writeFileSync } from 'node:fs';
import { analyzeTrack } from '../core/analyze';
import type { AnalysisOptions, GaitReport } from '../core/format/report';
import type { GaitPoseTrack } from '../core/format/poseTrack';
import { SCOUT_MODEL, timedEstimator } from '../pose/models';
import { createNodePoseEstimator } from '../pose/node';
import { buildPoseTrack, scoutMaxDimension, type SpanTracker } from '../pose/trackBuilder';
import { openVideoFile } from '../video/node/ffmpegSource';
import type { FrameSource, PersonCandidate, PipelineProgress, SourceFrame } from '../contracts';
import { describeCapture, inCaptureTime, type CaptureRate, type CaptureTimeSource } from '../video/shared/captureTime';

export interface VideoCommandOptions {
  /** A tracking model's catalogue key (src/pose/models/catalog.ts). */
  model: string;
  personId?: number;
  trackPath?: string;
  analysis: AnalysisOptions;
  /** Show a live progress line on stderr (or call this with each update). */
  progress: boolean | ((p: PipelineProgress) => void);
  /** Track in spans on these worker threads too (./spanPool.ts); default: this thread alone. */
  tracker?: SpanTracker;
  /** See OpenVideoOptions (benchmarks compare the two). */
  trackingPixels?: 'yuv420p' | 'rgb24';
  /** A slow-motion export that plays this many times slower than real time (src/video/shared/captureTime.ts). */
  slowedBy?: number;
}

export interface VideoCommandResult {
  track: GaitPoseTrack;
  people: PersonCandidate[];
  personId: number | null;
  report: GaitReport;
  timing: VideoTiming;
}

/** Seconds spent in each part (wall clock; decoding overlaps nothing, everything runs in turn). */
export interface VideoTiming {
  frames: number;
  videoS: number;
  decodeS: number;
  cropS: number;
  scoutInferenceS: number;
  trackInferenceS: number;
  analysisS: number;
  totalS: number;
  /** CPU seconds of this Node process (not ffmpeg's): on a busy machine, wall time overstates the work. */
  nodeCpuS: number;
  /** The most memory this process (its worker threads included) has held so far: peak resident set, MB. */
  peakRssMB: number;
  /** The camera's frame rate and the rate tracked (a high-frame-rate clip is thinned). */
  capture?: CaptureRate;
}

export async function runVideoCommand(path: string, o: VideoCommandOptions, log: (line: string) => void): Promise<VideoCommandResult> {
  const started = performance.now();
  const timing: VideoTiming = { frames: 0, videoS: 0, decodeS: 0, cropS: 0, scoutInferenceS: 0, trackInferenceS: 0, analysisS: 0, totalS: 0, nodeCpuS: 0, peakRssMB: 0 };
  const cpuStart = process.cpuUsage();
  const file = await openVideoFile(path, { trackingPixels: o.trackingPixels });
  let inCamera: CaptureTimeSource;
  try {
    inCamera = inCaptureTime(file, { slowedBy: o.slowedBy });
  } catch (error) {
    file.close();
    throw error;
  }
  const source = timedSource(inCamera, timing);
  timing.videoS = source.durationS;
  timing.capture = inCamera.capture;
  const { estimator, backend } = await loadEstimator(o.model, 0);
  const { estimator: scout } = await loadEstimator(SCOUT_MODEL, scoutMaxDimension(source.width, source.height));
  try {
    const result = await buildPoseTrack(source, {
      estimator: timedEstimator(estimator, (ms) => (timing.trackInferenceS += ms / 1000)),
      scout: timedEstimator(scout, (ms) => (timing.scoutInferenceS += ms / 1000)),
      personId: o.personId,
      onProgress: typeof o.progress === 'function' ? o.progress : o.progress ? progressLine : undefined,
      tracker: o.tracker,
      sourceExtra: { backend: backend.detail, codec: source.codec, scoutSize: scoutMaxDimension(source.width, source.height), capture: inCamera.capture },
    });
    if (o.progress === true) process.stderr.write('\r\x1b[K');
    timing.frames = result.track.frames.length;
    log(describePeople(result.people, result.personId));
    if (o.trackPath) writeFileSync(o.trackPath, `${JSON.stringify(result.track)}\n`);
    const analysisStart = performance.now();
    try {
      const report = analyzeTrack(result.track, o.analysis);
      return { ...result, report, timing };
    } finally {
      timing.analysisS = (performance.now() - analysisStart) / 1000;
      timing.totalS = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      timing.nodeCpuS = (cpu.user + cpu.system) / 1e6;
      timing.peakRssMB = process.resourceUsage().maxRSS / 1024;
      log(formatTiming(timing, `${o.model}, ${backend.detail}${o.tracker && o.tracker.workers > 1 ? `, ${o.tracker.workers} workers` : ''}`));
    }
  } finally {
    source.close();
  }
}

const loaded = new Map<string, ReturnType<typeof createNodePoseEstimator>>();

/** Models are loaded once and kept for the next video of a batch (they are freed at exit). */
function loadEstimator(model: string, multiPoseMaxDimension: number): ReturnType<typeof createNodePoseEstimator> {
  const key = `${model}:${multiPoseMaxDimension}`;
  let loading = loaded.get(key);
  if (!loading) {
    loading = createNodePoseEstimator(model === SCOUT_MODEL ? { model, multiPoseMaxDimension } : { model });
    loading.catch(() => loaded.delete(key));
    loaded.set(key, loading);
  }
  return loading;
}

export function describePeople(people: readonly PersonCandidate[], chosen: number | null): string {
  if (!people.length) return 'people found: nobody when scouting; tracked whoever MoveNet found in the whole frame';
  const lines = people.map((p) => {
    const box = p.preview.box;
    const mark = p.id === chosen ? '* ' : '  ';
    return `${mark}--person ${p.id}: ${p.description}; walking score ${p.walkingScore.toFixed(2)}; box at ${p.preview.t.toFixed(2)} s: x ${box.x}, y ${box.y}, ${box.width}x${box.height}`;
  });
  return `people found (* = analysed; choose another with --person ID):\n${lines.join('\n')}`;
}

export function formatTiming(t: VideoTiming, what: string): string {
  const fps = t.frames / t.totalS;
  const inference = t.scoutInferenceS + t.trackInferenceS;
  const other = Math.max(0, t.totalS - t.decodeS - t.cropS - inference - t.analysisS);
  return (
    `timing (${what}): ${t.frames} frames, ${t.videoS.toFixed(1)} s of video in ${t.totalS.toFixed(1)} s = ${fps.toFixed(1)} frames/s, ` +
    `${(t.videoS / t.totalS).toFixed(2)}x real time; decode ${t.decodeS.toFixed(1)} s, crop ${t.cropS.toFixed(1)} s, ` +
    `scouting inference ${t.scoutInferenceS.toFixed(1)} s, tracking inference ${t.trackInferenceS.toFixed(1)} s ` +
    `(${((1000 * t.trackInferenceS) / Math.max(1, t.frames)).toFixed(1)} ms/frame), analysis ${t.analysisS.toFixed(2)} s, ` +
    `model loading and other ${other.toFixed(1)} s; Node CPU ${t.nodeCpuS.toFixed(1)} s; peak memory (RSS) ${t.peakRssMB.toFixed(0)} MB` +
    (describeCapture(t.capture) ? `; ${describeCapture(t.capture)}` : '')
  );
}

function progressLine(p: PipelineProgress): void {
  process.stderr.write(`\r\x1b[K${describeProgress(p)}`);
}

export function describeProgress(p: PipelineProgress): string {
  const eta = p.etaS === null ? '' : `, ${Math.ceil(p.etaS)} s left`;
  return `${p.stage} ${p.framesDone}/${p.framesTotal} frames, ${p.fps.toFixed(1)} frames/s${eta}`;
}

/** The source, with the time spent waiting for decoded frames and making crops added up. */
function timedSource(source: FrameSource, timing: VideoTiming): FrameSource {
  return {
    name: source.name,
    width: source.width,
    height: source.height,
    durationS: source.durationS,
    frameCount: source.frameCount,
    codec: source.codec,
    close: () => source.close(),
    frames: (options) => ({
      async *[Symbol.asyncIterator]() {
        const iterator = source.frames(options)[Symbol.asyncIterator]();
        try {
          for (;;) {
            const waited = performance.now();
            const next = await iterator.next();
            timing.decodeS += (performance.now() - waited) / 1000;
            if (next.done) return;
            const frame: SourceFrame = next.value;
            yield {
              t: frame.t,
              // A getter: sources may make the whole image only when it is asked for.
              get image() {
                return frame.image;
              },
              release: () => frame.release(),
              crop: async (box, size) => {
                const cropStart = performance.now();
                try {
                  return await frame.crop(box, size);
                } finally {
                  timing.cropS += (performance.now() - cropStart) / 1000;
                }
              },
            };
          }
        } finally {
          await iterator.return?.();
        }
      },
    }),
  };
}
