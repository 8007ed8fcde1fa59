/**
 * Main-thread API for analysing an uploaded or recorded video: the decoding and MoveNet run in a
 * Web Worker (./worker.ts), so the page stays responsive; this side only passes messages.
 *
 *   const { track } = await processVideoFile(file, file.name, { onProgress, signal });
 *   const report = analyzeTrack(track);
 *
 * Rejects with VideoInputError ('not-a-video', 'no-video-track', 'unsupported-codec', 'corrupt',
 * 'no-person', 'too-short', 'cancelled'); anything else (a model that will not load, a bug) is a
 * plain Error. The worker keeps its models between calls, so a re-run for another person
 * (`people` + `personId` from the first result) skips loading and scouting.
 */
import { VideoInputError, type PersonCandidate, type PipelineProgress } from '../contracts';
import type {
  DecodeBenchmarkResultMessage,
  ProcessResultMessage,
  PoseModelChoice,
  WorkerRequest,
  WorkerResponse,
} from './browser/protocol';
import { cancelled } from './browser/videoErrors';

export interface ProcessVideoOptions {
  model?: PoseModelChoice;
  /** Re-run for another person without re-scouting: both from an earlier result. */
  people?: PersonCandidate[];
  personId?: number;
  signal?: AbortSignal;
  onProgress?: (p: PipelineProgress & { backend?: string }) => void;
  sourceKind?: 'video' | 'webcam';
  /** Workers that track in parallel spans (default: videoWorkerCount()); 1 = one worker. */
  workers?: number;
}

/** Cores below which an upload is tracked by one worker (see videoWorkerCount). */
export const MIN_CORES_FOR_SPANS = 2;

/** Most workers one upload gets: each holds a decoder and a model (~40-60 MB), and past 4 the spans get short. */
export const MAX_VIDEO_WORKERS = 4;

/**
 * Workers for an upload: one per core, at most MAX_VIDEO_WORKERS, fewer where the device says it
 * has little memory (navigator.deviceMemory, GB, where the browser tells it).
 */
export function videoWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  // On 2 and 3 cores the lead worker uses its helpers only for long clips (usefulWorkers in
  // src/pose/spans.ts, with the measurement).
  if (cores < MIN_CORES_FOR_SPANS) return 1;
  const memoryGb = typeof navigator !== 'undefined' ? (navigator as { deviceMemory?: number }).deviceMemory : undefined;
  const byMemory = memoryGb === undefined ? MAX_VIDEO_WORKERS : Math.max(1, Math.floor(memoryGb));
  return Math.max(1, Math.min(cores, MAX_VIDEO_WORKERS, byMemory));
}

export type ProcessVideoResult = Omit<ProcessResultMessage, 'type'>;

export function processVideoFile(file: Blob, name: string, o: ProcessVideoOptions = {}): Promise<ProcessVideoResult> {
  // Helpers (their models kept between jobs, like the lead worker's) each get one end of a
  // channel; the lead worker gets the other ends and hands them spans to track.
  const helpers = takeHelpers(Math.max(1, Math.floor(o.workers ?? videoWorkerCount())) - 1);
  const spanPorts = helpers.map((helper) => {
    const channel = new MessageChannel();
    helper.postMessage({ type: 'serve-spans', port: channel.port2, model: o.model ?? 'lightning' } satisfies WorkerRequest, [channel.port2]);
    return channel.port1;
  });
  return runInWorker(
    { type: 'process', file, name, model: o.model ?? 'lightning', people: o.people, personId: o.personId, sourceKind: o.sourceKind, spanPorts },
    o.signal,
    o.onProgress,
    (message) => (message.type === 'result' ? stripType(message) : undefined),
    spanPorts,
    (keep) => {
      if (keep) idleHelpers.push(...helpers);
      else helpers.forEach((helper) => helper.terminate());
    },
  );
}

export interface DecodeBenchmarkResult extends Omit<DecodeBenchmarkResultMessage, 'type'> {}

/**
 * Decodes every frame of `file` in the worker without any model (optionally cropping each frame as
 * tracking does): the decoder's share of the pipeline's time. For benchmarks and the dev page.
 */
export function benchmarkDecode(
  file: Blob,
  name: string,
  options: { cropSize?: number; cropMethod?: 'auto' | 'planes' | 'canvas'; fullImageEvery?: number; signal?: AbortSignal } = {},
): Promise<DecodeBenchmarkResult> {
  const request: WorkerRequest = { type: 'decode-benchmark', file, name, cropSize: options.cropSize ?? 0, cropMethod: options.cropMethod, fullImageEvery: options.fullImageEvery };
  return runInWorker(request, options.signal, undefined, (message) =>
    message.type === 'decode-result' ? stripType(message) : undefined,
  );
}

/** Ends the idle workers (frees their models); the next call starts new ones. */
export function disposeVideoWorker(): void {
  idleWorker?.terminate();
  idleWorker = null;
  for (const helper of idleHelpers.splice(0)) helper.terminate();
}

let idleWorker: Worker | null = null;
const idleHelpers: Worker[] = [];

function newWorker(name: string): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
}

/** The idle worker if there is one (models already loaded), else a new one. */
function takeWorker(): Worker {
  const worker = idleWorker ?? newWorker('gait-video');
  idleWorker = null;
  return worker;
}

function takeHelpers(count: number): Worker[] {
  const helpers = idleHelpers.splice(0, count);
  while (helpers.length < count) helpers.push(newWorker(`gait-video-helper-${helpers.length + 1}`));
  for (const extra of idleHelpers.splice(0)) extra.terminate();
  return helpers;
}

function returnWorker(worker: Worker): void {
  if (idleWorker) worker.terminate();
  else idleWorker = worker;
}

function stripType<T extends { type: string }>(message: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = message;
  return rest;
}

function runInWorker<T>(
  request: WorkerRequest,
  signal: AbortSignal | undefined,
  onProgress: ProcessVideoOptions['onProgress'],
  pickResult: (message: WorkerResponse) => T | undefined,
  transfer: Transferable[] = [],
  onFinish: (keepWorkers: boolean) => void = () => undefined,
): Promise<T> {
  if (signal?.aborted) {
    onFinish(true);
    return Promise.reject(cancelled());
  }
  const worker = takeWorker();
  return new Promise<T>((resolve, reject) => {
    const finish = (keepWorker: boolean) => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      if (keepWorker) returnWorker(worker);
      else worker.terminate();
      onFinish(keepWorker);
    };
    const onAbort = () => {
      // Tell the worker (it stops between frames), then end it at once: cancel must be immediate,
      // and a worker stopped mid-frame is not worth reusing.
      worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
      finish(false);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      if (message.type === 'error') {
        finish(true);
        reject(message.code === 'internal' ? new Error(message.message) : new VideoInputError(message.code, message.message, message.hint));
        return;
      }
      const result = pickResult(message);
      if (result !== undefined) {
        finish(true);
        resolve(result);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      finish(false);
      reject(new Error(`The video worker failed: ${event.message || 'it could not be started (blocked by the page, or a script error)'}.`));
    };
    worker.postMessage(request, transfer);
  });
}
