/**
 * Records a camera stream with WebCodecs, in a worker (./webCodecsRecorder.worker.ts): the
 * page hands the worker a MediaStreamTrackProcessor's stream of the camera's frames; the worker
 * encodes every frame at its own capture timestamp (no resampling to a nominal rate: no frame is
 * invented or repeated) and mediabunny writes a WebM or MP4 with its duration and seek index.
 *
 * Why frames were lost (scripts/capture-fps.ts: Chromium 156 headless on the 2-core machine, the
 * fake camera at 1280x720 delivering 28-31 fps to the page in every run, the machine also busy
 * with other jobs, load average 8-14): the VP8 encoder. Chromium's VP8 took 21-137 ms a 720p frame
 * there (VP9 10-11 ms, H.264 5 ms), and MediaRecorder with VP8 (the old first choice) drops what
 * its encoder cannot take: it kept 8-12 fps with the live pose off and 5-14 fps with it on, and
 * starved the page too (the <video> presented as few frames). The camera itself, the page's main
 * thread and the canvas were not it: a bare MediaStreamTrackProcessor read 29.4-30 fps with a
 * core kept busy, and with the main thread blocked 4.5 s of 5 s a worker fed by a transferred
 * processor stream (Chromium delivers it without the main thread) still read 27 fps.
 *
 * Recorded fps, 8 s recordings, live pose at 50 % (camera 30 fps):
 *   before, MediaRecorder VP8:           5.3 fps idle,  6.1 fps with one core kept busy
 *   now, this recorder (H.264 chosen):  28.1 fps idle, 28.6 fps with one core kept busy
 *   (MediaRecorder H.264, the fallback: 27.5-29.7 fps in the same runs)
 * and in `npm run test:webcam-loaded` (11 s recordings through the app, one core kept busy):
 * 28.4-29.6 fps, 5 runs of 5 (28.0-28.8 before the worker loaded its encoder ahead of the
 * frames); the plain webcam test 28.3 fps. What is still lost (up to ~5 %, 2-4 frames at once)
 * never reaches the page when the machine is this busy; the worker counts it (`missed`) and the
 * live pose yields when it grows (src/capture/poseThrottle.ts).
 *
 * Chromium only (MediaStreamTrackProcessor on the page, a transferable stream); elsewhere
 * createRecorder falls back to MediaRecorder.
 */
import type { VideoCodec } from 'mediabunny';
import { recordingName, secondsSince, type CameraRecorder, type Recording, type RecorderLag } from './recording';

/** Cheapest to encode first, as measured above: H.264 where the browser has an encoder for it, else VP9 and VP8 (every Chromium). */
export const RECORDING_CODECS: readonly VideoCodec[] = ['avc', 'vp9', 'vp8'];

/**
 * Frames the processor holds while the worker is not scheduled (a busy CPU) before it drops the
 * oldest: 10 frames, a third of a second. (Its default is tiny.)
 */
const PROCESSOR_BUFFER = 10;

/** Enough detail for MoveNet and for a person watching at 720p (~20 MB a minute). */
const BITRATE = 2_500_000;

export type RecorderRequest =
  | { type: 'prepare'; codecs: readonly VideoCodec[]; width: number; height: number; frameRate: number; bitrate: number }
  | { type: 'frames'; readable: ReadableStream<VideoFrame> }
  | { type: 'stop' };

export interface RecorderCounts extends RecorderLag {
  /** Frames encoded so far. */
  frames: number;
  /** Frames dropped because too many waited (the encoder cannot keep up at all). */
  dropped: number;
}

export type RecorderResponse =
  | { type: 'ready'; codec: VideoCodec; mimeType: string }
  | ({ type: 'progress' } & RecorderCounts)
  | ({ type: 'done'; buffer: ArrayBuffer; mimeType: string } & RecorderCounts)
  | { type: 'error'; message: string };

interface TrackProcessor {
  readonly readable: ReadableStream<VideoFrame>;
}
type TrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => TrackProcessor;

function trackProcessor(): TrackProcessorConstructor | undefined {
  return (globalThis as { MediaStreamTrackProcessor?: TrackProcessorConstructor }).MediaStreamTrackProcessor;
}

export class WebCodecsRecorder implements CameraRecorder {
  readonly kind = 'webcodecs';
  private worker: Worker | null = null;
  private startedAt: number | null = null;
  private startDate = new Date();
  private pending: ((message: RecorderResponse) => void) | null = null;
  /** The latest counts from the worker; `backlog` says how far the encoder is behind. */
  counts: RecorderCounts = { frames: 0, backlog: 0, dropped: 0, missed: 0 };
  codec: VideoCodec | null = null;

  constructor(private readonly codecs: readonly VideoCodec[] = RECORDING_CODECS) {}

  /** Whether this browser can hand a camera's frames to a worker and encode them there. */
  static isSupported(): boolean {
    return typeof VideoEncoder !== 'undefined' && trackProcessor() !== undefined && typeof Worker !== 'undefined';
  }

  get recording(): boolean {
    return this.startedAt !== null;
  }

  get elapsedS(): number {
    return secondsSince(this.startedAt);
  }

  get lag(): RecorderLag {
    return { backlog: this.counts.backlog, missed: this.counts.missed };
  }

  async start(stream: MediaStream): Promise<void> {
    if (this.recording) return;
    const track = stream.getVideoTracks()[0];
    const Processor = trackProcessor();
    if (!track || !Processor || !WebCodecsRecorder.isSupported()) throw new Error('WebCodecs cannot record this stream here.');
    const { width = 1280, height = 720, frameRate = 30 } = track.getSettings();
    const worker = new Worker(new URL('./webCodecsRecorder.worker.ts', import.meta.url), { type: 'module', name: 'recorder' });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<RecorderResponse>) => this.onMessage(event.data);
    worker.onerror = (event) => this.onMessage({ type: 'error', message: event.message || 'The recording worker failed.' });
    const ready = this.next();
    worker.postMessage({ type: 'prepare', codecs: this.codecs, width, height, frameRate, bitrate: BITRATE } satisfies RecorderRequest);
    const answer = await ready;
    if (answer.type !== 'ready' || this.worker !== worker) {
      this.cancel();
      throw new Error(answer.type === 'error' ? answer.message : 'The recorder did not start.');
    }
    // Only now: a processor made earlier would hand over one stale frame and then a gap.
    const { readable } = new Processor({ track, maxBufferSize: PROCESSOR_BUFFER });
    worker.postMessage({ type: 'frames', readable } satisfies RecorderRequest, [readable]);
    this.codec = answer.codec;
    this.counts = { frames: 0, backlog: 0, dropped: 0, missed: 0 };
    this.startedAt = performance.now();
    this.startDate = new Date();
  }

  async stop(): Promise<Recording> {
    const worker = this.worker;
    if (!worker || !this.recording) throw new Error('Not recording.');
    const durationS = this.elapsedS;
    const finished = this.next();
    worker.postMessage({ type: 'stop' } satisfies RecorderRequest);
    const answer = await finished;
    this.cancel();
    if (answer.type !== 'done') throw new Error(answer.type === 'error' ? answer.message : 'The recording did not finish.');
    this.counts = answer;
    const blob = new Blob([answer.buffer], { type: answer.mimeType });
    return { blob, name: recordingName(this.startDate, answer.mimeType), mimeType: answer.mimeType, durationS };
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.startedAt = null;
    const pending = this.pending;
    this.pending = null;
    pending?.({ type: 'error', message: 'The recording was cancelled.' });
  }

  /** The worker's next answer other than progress. */
  private next(): Promise<RecorderResponse> {
    return new Promise((resolve) => (this.pending = resolve));
  }

  private onMessage(message: RecorderResponse): void {
    if (message.type === 'progress') {
      this.counts = message;
      return;
    }
    const pending = this.pending;
    this.pending = null;
    pending?.(message);
  }
}
