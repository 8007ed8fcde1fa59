/**
 * The live pose loop (page side): grabs the <video>'s current frame as an ImageBitmap whenever the
 * worker (./livePose.worker.ts) is free, and hands each answer (keypoints in video pixels, the
 * frame's brightness) to a callback. Best effort: frames that come while the worker is busy are
 * simply not sent, so the loop never falls behind the camera.
 */
import { KEYPOINT_NAMES, type Keypoint } from '../core/format/poseTrack';
import { MOVENET_LIGHTNING } from '../pose/models/movenet/info';

/** The live view's model unless asked for another: the fastest (it shares the CPU with the recorder). */
export const LIVE_POSE_MODEL = MOVENET_LIGHTNING.key;

/**
 * The live view works in COCO-17 (the overlay, the live checks and the live gait read it): for each
 * COCO keypoint, its index in a model's layout by name, -1 where the model has none.
 */
export function cocoIndexIn(keypointNames: readonly string[]): number[] {
  return KEYPOINT_NAMES.map((name) => keypointNames.indexOf(name));
}

/** A model's keypoints in COCO-17 order (see cocoIndexIn). */
export function toCoco(keypoints: readonly Keypoint[], cocoIndex: readonly number[]): Keypoint[] {
  return cocoIndex.map((i): Keypoint => (i >= 0 ? keypoints[i] : [null, null, 0]));
}

export type LivePoseRequest =
  | { type: 'init'; model: string }
  | { type: 'frame'; id: number; t: number; bitmap: ImageBitmap }
  | { type: 'reset' };

export type LivePoseResponse =
  | { type: 'ready'; backend: string; model: string }
  | { type: 'pose'; id: number; t: number; keypoints: Keypoint[]; width: number; height: number; meanLuma: number; inferenceMs: number }
  | { type: 'skipped'; id: number }
  | { type: 'error'; id?: number; message: string };

export interface LivePose {
  /** Seconds since the loop started (the page's clock when the frame was grabbed). */
  t: number;
  /** In the video's own pixels (videoWidth x videoHeight). */
  keypoints: Keypoint[];
  width: number;
  height: number;
  meanLuma: number;
  inferenceMs: number;
}

export type LivePoseStatus =
  | { state: 'loading' }
  | { state: 'ready'; backend: string; /** The model's name for people. */ model: string }
  | { state: 'error'; message: string };

/**
 * Frames are scaled down to this longest side before they go to the worker: MoveNet Lightning
 * looks at 192 x 192 anyway, and a smaller bitmap is cheaper to grab and transfer.
 */
const MAX_SIDE = 640;

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?(callback: () => void): number;
  cancelVideoFrameCallback?(handle: number): void;
};

export class LivePoseLoop {
  private worker: Worker | null = null;
  private busy = false;
  private ready = false;
  private running = false;
  private nextId = 0;
  private startedAt = 0;
  private scale = 1;
  private frameHandle: number | null = null;
  private usesFrameCallback = false;
  /** Share of the time the worker may be busy (1 = back to back); see setDutyCycle. */
  private dutyCycle = 1;
  /** performance.now() before which no frame is sent (duty cycle pause). */
  private resumeAt = 0;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly onPose: (pose: LivePose) => void,
    private readonly onStatus: (status: LivePoseStatus) => void = () => {},
    /** A catalogue key (src/pose/models/catalog.ts). */
    private readonly model: string = LIVE_POSE_MODEL,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.startedAt = performance.now();
    if (!this.worker) {
      this.worker = new Worker(new URL('./livePose.worker.ts', import.meta.url), { type: 'module', name: 'live-pose' });
      this.worker.onmessage = (event: MessageEvent<LivePoseResponse>) => this.onMessage(event.data);
      this.worker.onerror = (event) => {
        this.onStatus({ state: 'error', message: event.message || 'The pose worker failed to start.' });
      };
      this.onStatus({ state: 'loading' });
      this.post({ type: 'init', model: this.model });
    }
    this.schedule();
  }

  /** Stops grabbing frames and ends the worker (its model with it). */
  stop(): void {
    this.running = false;
    this.cancelSchedule();
    this.worker?.terminate();
    this.worker = null;
    this.busy = false;
    this.ready = false;
  }

  /**
   * Limit the worker to this share of the time (0-1]: after a frame that took T ms, the next is
   * sent no sooner than T (1 / share - 1) ms later. While recording on a slow machine (wasm on two
   * cores) this leaves CPU to the camera and the video encoder, whose frames matter more.
   */
  setDutyCycle(share: number): void {
    this.dutyCycle = Math.min(1, Math.max(0.05, share));
    if (this.dutyCycle === 1) this.resumeAt = 0;
  }

  /** The loop's clock (LivePose.t is on it), seconds. */
  clockS(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** Forget the previous frames (the camera was switched). */
  reset(): void {
    this.post({ type: 'reset' });
  }

  private post(request: LivePoseRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(request, transfer);
  }

  private onMessage(message: LivePoseResponse): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.onStatus({ state: 'ready', backend: message.backend, model: message.model });
        return;
      case 'pose': {
        this.busy = false;
        this.resumeAt = performance.now() + message.inferenceMs * (1 / this.dutyCycle - 1);
        const inverse = 1 / this.scale;
        const keypoints = message.keypoints.map(([x, y, score]): Keypoint => [x === null ? null : x * inverse, y === null ? null : y * inverse, score]);
        this.onPose({
          t: message.t,
          keypoints,
          width: Math.round(message.width * inverse),
          height: Math.round(message.height * inverse),
          meanLuma: message.meanLuma,
          inferenceMs: message.inferenceMs,
        });
        return;
      }
      case 'skipped':
        this.busy = false;
        return;
      case 'error':
        this.busy = false;
        this.onStatus({ state: 'error', message: message.message });
        return;
    }
  }

  private schedule(): void {
    if (!this.running || this.frameHandle !== null) return;
    const video = this.video as VideoWithFrameCallback;
    const tick = () => {
      this.frameHandle = null;
      void this.grab();
      this.schedule();
    };
    this.usesFrameCallback = typeof video.requestVideoFrameCallback === 'function';
    this.frameHandle = this.usesFrameCallback ? video.requestVideoFrameCallback!(tick) : requestAnimationFrame(tick);
  }

  private cancelSchedule(): void {
    if (this.frameHandle === null) return;
    const video = this.video as VideoWithFrameCallback;
    if (this.usesFrameCallback) video.cancelVideoFrameCallback?.(this.frameHandle);
    else cancelAnimationFrame(this.frameHandle);
    this.frameHandle = null;
  }

  private async grab(): Promise<void> {
    const video = this.video;
    if (!this.ready || this.busy || !this.worker || performance.now() < this.resumeAt || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return;
    this.busy = true;
    const t = (performance.now() - this.startedAt) / 1000;
    this.scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    try {
      const bitmap = await createImageBitmap(video, {
        resizeWidth: Math.round(video.videoWidth * this.scale),
        resizeHeight: Math.round(video.videoHeight * this.scale),
        resizeQuality: 'medium',
      });
      if (!this.worker) {
        bitmap.close();
        return;
      }
      this.post({ type: 'frame', id: this.nextId++, t, bitmap }, [bitmap]);
    } catch {
      this.busy = false; // the video had no frame after all (switching cameras): try the next one
    }
  }
}
