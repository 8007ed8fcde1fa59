/**
 * Worker threads for the CLI, each with its own MoveNet (wasm) and ffmpeg, kept for every file
 * of a batch: `forFile(path)` gives the SpanTracker that src/pose/trackBuilder.ts uses to track
 * the spans of that video other than the first (which the main thread tracks itself).
 */
import { Worker } from 'node:worker_threads';
import type { PoseFrame } from '../core/format/poseTrack';
import { VideoInputError, type PersonCandidate, type VideoErrorCode } from '../contracts';
import type { SpanTracker } from '../pose/trackBuilder';
import type { TrackSpan } from '../pose/spans';
import type { SpanJob, SpanWorkerMessage } from './spanWorker';

export class SpanPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private readonly all = new Set<Worker>();

  /** `workers`: the parallelism in all, the main thread included (so workers - 1 threads). */
  constructor(
    readonly workers: number,
    /** A tracking model's catalogue key. */
    private readonly model: string,
  ) {
    for (let i = 1; i < workers; i++) this.idle.push(this.spawn());
  }

  /** `slowedBy`: the video is a slow-motion export (src/video/shared/captureTime.ts). */
  forFile(path: string, slowedBy?: number): SpanTracker {
    return { workers: this.workers, track: (span, person, onFrame, signal) => this.track({ path, slowedBy }, span, person, onFrame, signal) };
  }

  /** Ends every thread. */
  close(): void {
    for (const worker of this.all) void worker.terminate();
    this.all.clear();
    this.idle.length = 0;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./spanWorker.boot.mjs', import.meta.url), { workerData: { model: this.model } });
    worker.unref(); // an idle pool never keeps the process alive
    this.all.add(worker);
    return worker;
  }

  private take(): Promise<Worker> {
    const worker = this.idle.pop();
    return worker ? Promise.resolve(worker) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private async track(video: Pick<SpanJob, 'path' | 'slowedBy'>, span: TrackSpan, person: PersonCandidate | null, onFrame: () => void, signal?: AbortSignal): Promise<PoseFrame[]> {
    const worker = await this.take();
    worker.ref();
    return new Promise<PoseFrame[]>((resolve, reject) => {
      const finish = (keep: boolean) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        signal?.removeEventListener('abort', onAbort);
        worker.unref();
        if (keep) this.give(worker);
        else {
          this.all.delete(worker);
          void worker.terminate();
          this.give(this.spawn());
        }
      };
      const onMessage = (message: SpanWorkerMessage) => {
        if (message.type === 'frames') for (let i = 0; i < message.count; i++) onFrame();
        else if (message.type === 'done') {
          finish(true);
          resolve(message.frames);
        } else if (message.type === 'error') {
          finish(true);
          reject(message.code ? new VideoInputError(message.code as VideoErrorCode, message.message, message.hint) : new Error(message.message));
        }
      };
      const onError = (error: Error) => {
        finish(false);
        reject(error);
      };
      const onAbort = () => {
        finish(false);
        reject(new VideoInputError('cancelled', 'Cancelled.'));
      };
      if (signal?.aborted) return onAbort();
      worker.on('message', onMessage);
      worker.on('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ type: 'track', ...video, span, person } satisfies SpanJob);
    });
  }
}
