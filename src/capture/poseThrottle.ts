/**
 * While recording, the live pose gets only the CPU the recorder does not need: the recording is
 * what the full analysis reads, the live view is a preview. An additive-increase /
 * multiplicative-decrease rule on the share of the time the pose worker may be busy (see
 * LivePoseLoop.setDutyCycle): whenever the recorder falls behind (frames waiting for its encoder,
 * or camera frames that never reached it) the share halves, down to MIN_SHARE; after each calm
 * second it grows back by STEP, up to the ceiling.
 */
import type { RecorderLag } from './recording';

export const MIN_SHARE = 0.05;
const STEP = 0.05;
/** Frames waiting for the encoder that count as falling behind (one may always be in flight). */
const BACKLOG_LIMIT = 2;
const CALM_S = 1;

export class PoseThrottle {
  private share: number;
  private missed = 0;
  private calmSinceS: number | null = null;

  constructor(private readonly ceiling: number) {
    this.share = ceiling;
  }

  /** The share to use now, given the recorder's lag at time `nowS` (seconds, any clock). */
  update(lag: RecorderLag | null, nowS: number): number {
    if (!lag) return this.share;
    const behind = lag.backlog > BACKLOG_LIMIT || lag.missed > this.missed;
    this.missed = lag.missed;
    if (behind) {
      this.share = Math.max(MIN_SHARE, this.share / 2);
      this.calmSinceS = nowS;
    } else if (this.calmSinceS === null || nowS - this.calmSinceS >= CALM_S) {
      this.share = Math.min(this.ceiling, this.share + STEP);
      this.calmSinceS = nowS;
    }
    return this.share;
  }
}
