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
}

export type ProcessVideoResult = Omit<ProcessResultMessage, 'type'>;

export function processVideoFile(file: Blob, name: string, o: ProcessVideoOptions = {}): Promise<ProcessVideoResult> {
  return runInWorker(
    { type: 'process', file, name, model: o.model ?? 'lightning', people: o.people, personId: o.personId, sourceKind: o.sourceKind },
    o.signal,
    o.onProgress,
    (message) => (message.type === 'result' ? stripType(message) : undefined),
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

/** Ends the idle worker (frees its models); the next call starts a new one. */
export function disposeVideoWorker(): void {
  idleWorker?.terminate();
  idleWorker = null;
}

let idleWorker: Worker | null = null;

/** The idle worker if there is one (models already loaded), else a new one. */
function takeWorker(): Worker {
  const worker = idleWorker ?? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gait-video' });
  idleWorker = null;
  return worker;
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
): Promise<T> {
  if (signal?.aborted) return Promise.reject(cancelled());
  const worker = takeWorker();
  return new Promise<T>((resolve, reject) => {
    const finish = (keepWorker: boolean) => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      if (keepWorker) returnWorker(worker);
      else worker.terminate();
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
    worker.postMessage(request);
  });
}
