import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LivePoseLoop, type LivePose, type LivePoseStatus } from '../../../capture/livePose';
import { PoseThrottle } from '../../../capture/poseThrottle';
import type { RecorderLag } from '../../../capture/recording';

/** While recording, the live pose may keep the CPU busy at most this share of the time (see LivePoseLoop). */
const RECORDING_POSE_SHARE = 0.5;
/** The skeleton is dropped when the latest pose is older than this (seconds): it would be in the wrong place. */
const STALE_POSE_S = 0.6;
/** Poses per second are counted over this window (seconds). */
const FPS_WINDOW_S = 2;

/**
 * The live pose: runs the pose worker on the <video>'s frames (dropping frames while it is busy),
 * keeps the latest pose while it is fresh, the model's status and the poses per second, and hands
 * each pose to `onPose`. While recording it yields the CPU to the recorder (PoseThrottle).
 */
export class LivePoseController implements ReactiveController {
  status: LivePoseStatus = { state: 'loading' };
  /** The latest pose, null once it is stale. */
  latest: LivePose | null = null;
  fps = 0;
  private loop: LivePoseLoop | null = null;
  private times: number[] = [];
  private throttle: PoseThrottle | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onPose: (pose: LivePose) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Runs `model` (a catalogue key) on the video's frames. */
  start(video: HTMLVideoElement, model: string): void {
    this.stop();
    this.status = { state: 'loading' };
    this.loop = new LivePoseLoop(
      video,
      (pose) => this.accept(pose),
      (status) => {
        this.status = status;
        this.host.requestUpdate();
      },
      model,
    );
    this.loop.start();
    this.timer = setInterval(() => this.dropStale(), 250);
  }

  stop(): void {
    this.loop?.stop();
    this.loop = null;
    clearInterval(this.timer);
    this.timer = undefined;
    this.throttle = null;
    this.latest = null;
    this.times = [];
    this.fps = 0;
  }

  /** Recording started: from now on the pose yields the CPU to the recorder (until stop). */
  yieldToRecorder(): void {
    this.throttle = new PoseThrottle(RECORDING_POSE_SHARE);
    this.loop?.setDutyCycle(RECORDING_POSE_SHARE);
  }

  /** The recorder's latest lag: the pose's share of the CPU follows it. */
  recorderLag(lag: RecorderLag | null): void {
    if (this.throttle && this.loop) this.loop.setDutyCycle(this.throttle.update(lag, this.loop.clockS()));
  }

  private accept(pose: LivePose): void {
    this.latest = pose;
    this.times.push(pose.t);
    while (this.times.length > 1 && this.times[0] < pose.t - FPS_WINDOW_S) this.times.shift();
    this.fps = this.times.length > 1 ? (this.times.length - 1) / (pose.t - this.times[0]) : 0;
    this.onPose(pose);
    this.host.requestUpdate();
  }

  private dropStale(): void {
    if (!this.latest || !this.loop || this.loop.clockS() - this.latest.t <= STALE_POSE_S) return;
    this.latest = null;
    this.host.requestUpdate();
  }
}
