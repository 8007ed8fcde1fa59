/**
 * The contract of a gait-event detector: heel strikes (initial contacts) and toe offs (final
 * contacts) per side and per pass, in seconds, from the cleaned track. Each detector is a small
 * unit that says which paper it follows and which body points it needs; the registry
 * (registry.ts) picks the best one a track's layout allows.
 */
import type { Side } from '../format/report';
import type { TrackColumns } from '../clean/columns';
import type { PassSpan } from '../view/view';

export interface SideEvents {
  heelStrikes: number[];
  toeOffs: number[];
}

/** Which points a detector needs on both sides (hips and knees are always there). */
export type FootPoint = 'ankle' | 'heel' | 'toe';

export interface EventDetectorInput {
  /** Cleaned, filtered columns (src/core/clean). */
  columns: TrackColumns;
  /** Mid-hip x per frame (pixels). */
  pelvisX: Float64Array;
  /** Straight stretches of walking, each with its travel and facing direction. */
  passes: readonly PassSpan[];
}

export interface EventDetector {
  id: string;
  /** The method it follows, cited; and how it deviates. */
  reference: string;
  needs: readonly FootPoint[];
  /** Among the detectors a track allows, the highest rank is used (set by measurement). */
  rank: number;
  /** Events per side, one entry per pass (same order as `input.passes`). */
  detect(input: EventDetectorInput): Record<Side, SideEvents[]>;
}
