/**
 * The video worker: decodes an uploaded file (mediabunny + WebCodecs), runs the chosen pose model on
 * every frame (scouting with MultiPose first) through the shared pipeline (src/pose/trackBuilder.ts), and posts
 * progress, the pose track, or an error {code, message, hint}. Off the main thread so the page
 * stays responsive. Models and backend are loaded once and kept for the next job (e.g. a re-run for
 * another person). Protocol: ./browser/protocol.ts; page side: ./processVideo.ts.
 */
/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs-core';
import { appModelUrl, createBrowserPoseEstimator } from '../pose/browser';
import { createEstimator, SCOUT_MODEL, timedEstimator, type PoseEstimator } from '../pose/models';
import type { RawImage } from '../contracts';
import { buildPoseTrack, scoutMaxDimension, trackSpan, type SpanTracker } from '../pose/trackBuilder';
import { batchedFrameCounter, usefulWorkers, type TrackSpan } from '../pose/spans';
import type { PoseFrame } from '../core/format/poseTrack';
import { VideoInputError, type FrameSourceInfo, type PersonCandidate, type PipelineProgress, type VideoErrorCode } from '../contracts';
import { openBlobFrameSource, type BlobFrameSource } from './browser/blobFrameSource';
import { errorText } from './browser/videoErrors';
import { inCaptureTime } from './shared/captureTime';
import type {
  DecodeBenchmarkRequest,
  ErrorMessage,
  MemoryUse,
  PoseModelChoice,
  ProcessRequest,
  SpanJob,
  SpanReply,
  TensorCounts,
  WorkerRequest,
  WorkerResponse,
} from './browser/protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Progress is posted at most this often (plus every stage change and the last frame). */
const PROGRESS_INTERVAL_MS = 100;
/** Tensor counts are sampled every this many model calls during tracking. */
const TENSOR_SAMPLE_EVERY = 100;

interface LoadedModels {
  backend: string;
  estimator: PoseEstimator;
}

let backendDetail: string | null = null;
const models = new Map<PoseModelChoice, Promise<LoadedModels>>();
/** MultiPose by input size (scoutMaxDimension of the video), loaded on the backend already chosen. */
const scouts = new Map<number, Promise<PoseEstimator>>();
let currentJob: AbortController | null = null;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    currentJob?.abort();
    return;
  }
  if (request.type === 'serve-spans') {
    serveSpans(request.port);
    // Load the model now, while the lead worker scouts (a failure is reported with the first span).
    loadModels(request.model).catch(() => undefined);
    return;
  }
  const job = new AbortController();
  currentJob = job;
  const work = request.type === 'process' ? processVideo(request, job.signal) : benchmarkDecode(request);
  work.catch((error) => post(toErrorMessage(error))).finally(() => {
    if (currentJob === job) currentJob = null;
  });
};

function post(message: WorkerResponse): void {
  self.postMessage(message);
}

async function processVideo(request: ProcessRequest, signal: AbortSignal): Promise<void> {
  const started = performance.now();
  // Open the file first: a bad file is reported at once, before any model is loaded.
  const file = await openBlobFrameSource(request.file, request.name);
  try {
    // A phone's high-frame-rate clip keeps real time and is thinned for tracking (captureTime.ts).
    const source = inCaptureTime(file);
    const info = describe(file);
    post({ type: 'progress', progress: { stage: 'loading-model', framesDone: 0, framesTotal: info.frameCount, fps: 0, etaS: null } });
    const loadStarted = performance.now();
    const loaded = await loadModels(request.model);
    const scout = request.people ? null : await loadScout(scoutMaxDimension(info.width, info.height));
    const loadS = (performance.now() - loadStarted) / 1000;

    const singleTiming = new CallTiming();
    const scoutTiming = new CallTiming();
    const tensors: TensorCounts = { before: tf.memory().numTensors, after: 0, samples: [] };
    const memory = new MemorySampler();
    singleTiming.onCall = (calls) => {
      if (calls % TENSOR_SAMPLE_EVERY !== 0) return;
      tensors.samples.push(tf.memory().numTensors);
      memory.sample();
    };
    const stageTimes = new StageClock();
    const throttle = new ProgressThrottle(loaded.backend);
    // Several workers only where inference runs on the CPU: GPU backends would share one GPU.
    const onCpu = /^(wasm|cpu)/.test(loaded.backend);
    const allPorts = onCpu ? (request.spanPorts ?? []) : [];
    const ports = allPorts.slice(0, usefulWorkers(1 + allPorts.length, info.durationS, navigator.hardwareConcurrency || 1) - 1);
    const tracker = ports.length ? helperTracker(ports, request) : undefined;

    const result = await buildPoseTrack(source, {
      estimator: timedEstimator(loaded.estimator, (ms) => singleTiming.record(ms)),
      scout: scout ? timedEstimator(scout, (ms) => scoutTiming.record(ms)) : undefined,
      people: request.people,
      personId: request.personId,
      signal,
      tracker,
      sourceKind: request.sourceKind ?? 'video',
      sourceExtra: { backend: loaded.backend, codec: source.codec, capture: source.capture, ...(file.warnings.length ? { warnings: file.warnings } : {}) },
      onProgress: (progress) => {
        stageTimes.see(progress.stage);
        throttle.offer(progress);
      },
    });
    throttle.flush();
    stageTimes.see('analysing');
    tensors.after = tf.memory().numTensors;
    memory.sample();

    const trackS = stageTimes.seconds('tracking');
    post({
      type: 'result',
      track: result.track,
      people: result.people,
      personId: result.personId,
      backend: loaded.backend,
      model: loaded.estimator.modelId,
      info: describe(file),
      warnings: [...file.warnings],
      workers: 1 + ports.length,
      timing: {
        wallS: (performance.now() - started) / 1000,
        loadS,
        scoutS: stageTimes.seconds('scouting'),
        trackS,
        trackingFps: trackS > 0 ? result.track.frames.length / trackS : 0,
        inferenceMsPerFrame: singleTiming.meanMs(),
        scoutMsPerFrame: scoutTiming.meanMs(),
      },
      tensors,
      memory: memory.result(),
    });
  } finally {
    file.close();
    for (const port of request.spanPorts ?? []) port.close();
  }
}

/** The lead worker's side: spans go to free helpers over their ports, one span per helper at a time. */
function helperTracker(ports: MessagePort[], request: ProcessRequest): SpanTracker {
  const free = [...ports];
  const waiting: ((port: MessagePort) => void)[] = [];
  const take = () => new Promise<MessagePort>((resolve) => (free.length ? resolve(free.pop()!) : waiting.push(resolve)));
  const give = (port: MessagePort) => (waiting.length ? waiting.shift()!(port) : free.push(port));
  return {
    workers: 1 + ports.length,
    async track(span: TrackSpan, person: PersonCandidate | null, onFrame: () => void, signal?: AbortSignal): Promise<PoseFrame[]> {
      const port = await take();
      return new Promise<PoseFrame[]>((resolve, reject) => {
        const finish = () => {
          port.onmessage = null;
          signal?.removeEventListener('abort', onAbort);
          give(port);
        };
        const onAbort = () => {
          port.postMessage({ type: 'cancel' });
          finish();
          reject(new VideoInputError('cancelled', 'Cancelled.'));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        port.onmessage = (event: MessageEvent<SpanReply>) => {
          const reply = event.data;
          if (reply.type === 'span-frames') {
            for (let i = 0; i < reply.count; i++) onFrame();
          } else if (reply.type === 'span-done') {
            finish();
            resolve(reply.frames);
          } else {
            finish();
            reject(reply.code === 'internal' ? new Error(reply.message) : new VideoInputError(reply.code as VideoErrorCode, reply.message, reply.hint));
          }
        };
        port.postMessage({ type: 'track-span', file: request.file, name: request.name, model: request.model, span, person } satisfies SpanJob);
      });
    },
  };
}

/** A helper worker's side: track each span asked for on `port` with this worker's own decoder and model. */
function serveSpans(port: MessagePort): void {
  let job: AbortController | null = null;
  const reply = (message: SpanReply) => port.postMessage(message);
  port.onmessage = async (event: MessageEvent<SpanJob | { type: 'cancel' }>) => {
    const request = event.data;
    if (request.type === 'cancel') {
      job?.abort();
      return;
    }
    const mine = new AbortController();
    job = mine;
    try {
      // Thinned like the lead worker's source, so the spans keep the same frames.
      const source = inCaptureTime(await openBlobFrameSource(request.file, request.name));
      try {
        const { estimator } = await loadModels(request.model);
        const counter = batchedFrameCounter((count) => reply({ type: 'span-frames', count }));
        const { trackFromS: fromS, toS } = request.span;
        const frames = await trackSpan(source, estimator, request.person, { fromS, toS, signal: mine.signal, onFrame: counter.frameDone });
        counter.flush();
        reply({ type: 'span-done', frames });
      } finally {
        source.close();
      }
    } catch (error) {
      reply(toErrorMessage(error));
    } finally {
      if (job === mine) job = null;
    }
  };
}

async function benchmarkDecode(request: DecodeBenchmarkRequest): Promise<void> {
  const source = await openBlobFrameSource(request.file, request.name);
  try {
    const started = performance.now();
    let frames = 0;
    const firstTimestamps: number[] = [];
    let lastT = 0;
    let cropMs = 0;
    const fullImageMs: number[] = [];
    const check = { frames: 0, totalMeanAbsDiff: 0, worstMeanAbsDiff: 0 };
    const side = Math.min(source.width, source.height) * 0.8;
    const box = { x: (source.width - side) / 2, y: (source.height - side) / 2, width: side, height: side };
    for await (const frame of source.frames()) {
      try {
        if (request.cropSize > 0) {
          const cropStart = performance.now();
          const crop = await frame.crop(box, request.cropSize, request.cropMethod ?? 'auto');
          cropMs += performance.now() - cropStart;
          // Every 10th frame: how far the fast crop is from the canvas one (colour conversion differs).
          if (request.cropMethod !== 'canvas' && frames % 10 === 0) {
            const reference = await frame.crop(box, request.cropSize, 'canvas');
            const diff = meanAbsRgbDiff(crop, reference);
            check.frames++;
            check.totalMeanAbsDiff += diff;
            check.worstMeanAbsDiff = Math.max(check.worstMeanAbsDiff, diff);
          }
        }
        if (request.fullImageEvery && frames % request.fullImageEvery === 0) {
          // What scouting pays before MultiPose: the upright full frame, read back as tfjs does.
          const imageStart = performance.now();
          const canvas = frame.image as OffscreenCanvas;
          canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          fullImageMs.push(performance.now() - imageStart);
        }
        if (firstTimestamps.length < 10) firstTimestamps.push(frame.t);
        lastT = frame.t;
        frames++;
      } finally {
        frame.release();
      }
    }
    const seconds = (performance.now() - started) / 1000;
    post({
      type: 'decode-result',
      info: describe(source),
      frames,
      seconds,
      fps: frames / seconds,
      realTimeFactor: lastT / seconds,
      firstTimestamps,
      cropMsPerFrame: frames ? cropMs / frames : 0,
      fullImageMs: fullImageMs.length ? fullImageMs.reduce((a, b) => a + b, 0) / fullImageMs.length : null,
      cropCheck: check.frames
        ? { frames: check.frames, meanAbsDiff: check.totalMeanAbsDiff / check.frames, worstMeanAbsDiff: check.worstMeanAbsDiff }
        : null,
    });
  } finally {
    source.close();
  }
}

/** Mean absolute difference per RGB channel value (0-255) between two same-size images. */
function meanAbsRgbDiff(a: RawImage, b: RawImage): number {
  let sum = 0;
  const n = a.width * a.height;
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < 3; c++) sum += Math.abs(a.data[p * a.channels + c] - b.data[p * b.channels + c]);
  }
  return sum / (n * 3);
}

/** The fastest working backend (chosen once) and the single-pose model asked for. */
function loadModels(model: PoseModelChoice): Promise<LoadedModels> {
  let loading = models.get(model);
  if (!loading) {
    loading = (async () => {
      const { estimator, backend } = await createBrowserPoseEstimator({ model });
      backendDetail ??= backend.detail;
      return { backend: backendDetail, estimator };
    })();
    // A failed load (e.g. models missing) is retried on the next job rather than cached.
    loading.catch(() => models.delete(model));
    models.set(model, loading);
  }
  return loading;
}

/**
 * MultiPose at the input size that suits the video (256 px for a 960x480 clip is half the cost of
 * 384, which a wide 1768x994 frame needs to see a smaller person); on the backend loadModels chose.
 */
function loadScout(maxDimension: number): Promise<PoseEstimator> {
  let loading = scouts.get(maxDimension);
  if (!loading) {
    loading = createEstimator(SCOUT_MODEL, appModelUrl, { multiPoseMaxDimension: maxDimension });
    loading.catch(() => scouts.delete(maxDimension));
    scouts.set(maxDimension, loading);
  }
  return loading;
}

function describe(source: BlobFrameSource): FrameSourceInfo {
  const { name, width, height, durationS, frameCount, codec } = source;
  return { name, width, height, durationS, frameCount, codec };
}

function toErrorMessage(error: unknown): ErrorMessage {
  if (error instanceof VideoInputError) {
    return { type: 'error', code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  console.error(error);
  return { type: 'error', code: 'internal', message: errorText(error) };
}

/** Time and count of calls into a model. */
class CallTiming {
  calls = 0;
  totalMs = 0;
  onCall: ((calls: number) => void) | null = null;

  record(ms: number): void {
    this.calls++;
    this.totalMs += ms;
    this.onCall?.(this.calls);
  }

  meanMs(): number {
    return this.calls ? this.totalMs / this.calls : 0;
  }
}

/** The wasm backend's memory, sampled. */
class MemorySampler {
  private readonly wasm: number[] = [];

  sample(): void {
    // tfjs-backend-wasm keeps its module on the backend; its HEAPU8 spans the linear memory (MB, 1 decimal).
    const module = (tf.backend() as { wasm?: { HEAPU8?: Uint8Array } }).wasm;
    if (module?.HEAPU8) this.wasm.push(Math.round(module.HEAPU8.byteLength / 1e5) / 10);
  }

  result(): MemoryUse {
    return { wasmHeapMB: this.wasm.length ? this.wasm : null, peakWasmHeapMB: this.wasm.length ? Math.max(...this.wasm) : null };
  }
}

/** When each pipeline stage began, to time them. */
class StageClock {
  private readonly starts = new Map<string, number>();
  private readonly order: string[] = [];

  see(stage: string): void {
    if (this.starts.has(stage)) return;
    this.starts.set(stage, performance.now());
    this.order.push(stage);
  }

  seconds(stage: string): number {
    const start = this.starts.get(stage);
    if (start === undefined) return 0;
    const next = this.order[this.order.indexOf(stage) + 1];
    const end = next !== undefined ? this.starts.get(next)! : performance.now();
    return (end - start) / 1000;
  }
}

/** Posts progress at most every PROGRESS_INTERVAL_MS, always on a stage change and at the end. */
class ProgressThrottle {
  private lastPostMs = 0;
  private lastStage: string | null = null;
  private pending: PipelineProgress | null = null;

  constructor(private readonly backend: string) {}

  offer(progress: PipelineProgress): void {
    const now = performance.now();
    const finalFrame = progress.framesDone >= progress.framesTotal;
    if (progress.stage !== this.lastStage || finalFrame || now - this.lastPostMs >= PROGRESS_INTERVAL_MS) {
      this.send(progress, now);
    } else {
      this.pending = progress;
    }
  }

  flush(): void {
    if (this.pending) this.send(this.pending, performance.now());
  }

  private send(progress: PipelineProgress, now: number): void {
    this.lastPostMs = now;
    this.lastStage = progress.stage;
    this.pending = null;
    post({ type: 'progress', progress: { ...progress, backend: this.backend } });
  }
}
