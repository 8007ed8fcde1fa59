/**
 * People found by scouting (src/tracking gathers them; the pipeline tracks one; the UI and the CLI
 * let the user pick). Types only.
 */
import type { Keypoint } from '../core/format/poseTrack';
import type { Box } from './frames';

/** One scouted person: MultiPose's track id and where they were over time. */
export interface PersonSample {
  t: number;
  box: Box;
  keypoints: Keypoint[];
  score: number;
}

export interface PersonCandidate {
  id: number;
  samples: PersonSample[];
  /** How much this looks like the person walking across / on a treadmill (higher = more). */
  walkingScore: number;
  /** A time where this person is clearly in view, and their box then (for a "pick this person" view). */
  preview: { t: number; box: Box };
  /** Plain words for a chooser, e.g. "walks left to right, in view 6.2 s". */
  description: string;
}
