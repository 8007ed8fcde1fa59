import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PoseFrame } from '../../../core/format/poseTrack';
import { CheckVotes } from '../../../capture/checkVotes';
import { liveChecks, type LiveCheck } from '../../../capture/liveChecks';
import { LiveGaitEstimator, type LiveGaitState } from '../../../capture/liveGait';
import type { LivePose } from '../../../capture/livePose';

/** Seconds of keypoints kept for the not-moving check. */
const RECENT_S = 3;

/**
 * What the live poses say: the set-up problems to show (voted over the last frames so the list
 * does not flicker) and each leg's phase and the cadence (src/capture/liveGait.ts).
 */
export class LiveReadoutController implements ReactiveController {
  checks: LiveCheck[] = [];
  gait: LiveGaitState | null = null;
  private readonly votes = new CheckVotes();
  private readonly estimator = new LiveGaitEstimator();
  private recent: PoseFrame[] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a pose came since the last reset. */
  get seen(): boolean {
    return this.gait !== null;
  }

  push(pose: LivePose): void {
    const frame: PoseFrame = { t: pose.t, keypoints: pose.keypoints };
    this.recent.push(frame);
    while (this.recent.length && this.recent[0].t < pose.t - RECENT_S) this.recent.shift();
    this.gait = this.estimator.push(frame);
    this.checks = this.votes.push(liveChecks({ keypoints: pose.keypoints, width: pose.width, height: pose.height, meanLuma: pose.meanLuma, recent: this.recent }));
    this.host.requestUpdate();
  }

  reset(): void {
    this.estimator.reset();
    this.votes.reset();
    this.recent = [];
    this.checks = [];
    this.gait = null;
    this.host.requestUpdate();
  }
}
