/**
 * Options and output of the synthetic walker (see synthesizeWalk.ts).
 */
import type { GaitPoseTrack, PoseFrame } from '../core/format/poseTrack';
import type { AngleSeries, Direction, Setting, Side, SideAngles, Walking } from '../core/format/report';
import type { NoiseOptions, ResolvedNoise } from './noise';
import type { PathologyOptions, ResolvedPathology } from './pathology';
import type { StrideConsistency } from './strideModel';
import type { StrikePattern } from './strikePattern';

export type Framing = 'full' | 'legs-only';

export interface SynthOptions {
  /** Nominal frame rate, 24-240 (default 30). */
  fps?: number;
  /**
   * Strides' worth of time per straight pass (default 8 on a treadmill, 4 overground). A pass
   * then holds `cycles - 1` or `cycles` complete gait cycles per side.
   */
  cycles?: number;
  /** Total duration in seconds (turn included); overrides `cycles`. */
  durationS?: number;
  /** Steps per minute (default 110). */
  cadence?: number;
  /** Direction of TRAVEL in the image for the first pass (default 'left-to-right'). */
  direction?: Direction;
  /** 'backward': the person faces against the direction of travel (default 'forward'). */
  walking?: Walking;
  /** Default 'overground'. */
  setting?: Setting;
  /**
   * Overground only: walk across, turn round in place (the body turns towards and past the
   * camera), walk back. Two passes; no truth angles or events during the turn.
   */
  turn?: boolean;
  /** Length of the turn in seconds (default 1.5, 0.8-3). */
  turnDurationS?: number;
  /** Standing body height in pixels (default: 0.75 x image height; legs-only: hips near the top). */
  bodyHeightPx?: number;
  /** Floor line, image y in pixels (default 0.94 x image height; legs-only 0.97). */
  floorY?: number;
  /** Hip x at t = 0 in pixels (default: image centre on a treadmill, near the starting edge overground). */
  startX?: number;
  /** Image size (default 1280 x 720); overground the width may grow to fit the walk (see synthesizeWalk). */
  width?: number;
  height?: number;
  /** 'legs-only' drops the head, shoulders and arms (hips near the top of the image). */
  framing?: Framing;
  /** Frame intervals jittered by up to +-25 % (times stay strictly increasing), as phones record. */
  variableFrameRate?: boolean;
  /** Seed for everything random (default 1). */
  seed?: number;
  /** Where in the stride the walk starts: the left leg's cycle fraction at t = 0 (default 0.25). */
  startPhase?: number;
  pathology?: PathologyOptions;
  /**
   * Foot keypoints in the track, named as BlazePose names them (`left_heel`, `right_heel`,
   * `left_foot_index`, `right_foot_index`, after the 17 MoveNet ones), and toes that bend on the
   * floor in the rendered figure. Default false: the track has the 17 MoveNet keypoints only.
   */
  feet?: boolean;
  /** How the foot lands in forward walking (default 'heel'; see strikePattern.ts). */
  strike?: StrikePattern;
  /** MoveNet-like noise on the output track (the truth always comes from the clean track). */
  noise?: NoiseOptions;
}

export interface TruthPass {
  index: number;
  /** Seconds. */
  start: number;
  end: number;
  /** Direction of travel in the image. */
  direction: Direction;
  walking: Walking;
  /** Direction the person faces in the image ('left-to-right' = facing right). */
  facing: Direction;
}

export interface TruthCycle {
  side: Side;
  pass: number;
  /** Heel strike (initial contact) that starts the cycle and the next one, seconds. */
  start: number;
  end: number;
  oppositeHeelStrike: number;
  toeOff: number;
  /** Shank passes the vertical in swing: start of terminal swing. */
  shankVertical: number;
}

/** Foot truth, from the rigid foot of the model (every walk has it; fixtures keep it for walks with feet). */
export interface FootTruth {
  /**
   * Ankle angle per frame, degrees, dorsiflexion + / plantarflexion -: the rigid foot's sole line
   * against the perpendicular to the shank (knee -> ankle), 0 when the sole is at right angles to
   * the shank (standing). The gait-lab definition (Winter 1991; Perry & Burnfield 2010); null in turns.
   */
  ankle: Record<Side, AngleSeries>;
  /** The sole line against the floor per frame, degrees, + toe up; null in turns. */
  footAngle: Record<Side, AngleSeries>;
  /**
   * Foot-floor contact from the foot itself, seconds, inside straight passes: initial contact =
   * the first sole point (heel or forefoot) comes within `contactToleranceFrac` body heights of
   * the floor; final contact = the last one leaves it.
   */
  contacts: Record<Side, { initialContacts: number[]; finalContacts: number[] }>;
  /** Per initial contact: the foot's angle to the floor (deg, + toe up) and which point touched first. */
  strikes: Record<Side, Array<{ t: number; footAngleDeg: number; firstContact: 'heel' | 'forefoot' }>>;
  /** The strike-pattern knob ('forefoot' for backward walking, which lands on the toes by nature). */
  pattern: StrikePattern;
  contactToleranceFrac: number;
  /**
   * Angle of the keypoint foot line (heel keypoint -> foot index) against the sole when the toes
   * are not bent, degrees, + when the heel keypoint sits higher than the toe tip: the foot's
   * neutral offset an ankle angle from keypoints has to remove.
   */
  keypointFootOffsetDeg: number;
}

export interface WalkTruth {
  setting: Setting;
  walking: Walking;
  /** Direction of travel of the first pass. */
  direction: Direction;
  framing: Framing;
  /** Steps per minute. */
  cadence: number;
  /** Seconds. */
  strideTime: number;
  /** Step time per side: opposite heel strike to this side's heel strike, seconds. */
  stepTime: Record<Side, number>;
  /** Stance (initial contact to final contact) as % of the cycle. */
  stancePercent: number;
  bodyHeightPx: number;
  /** Hip joint to floor standing: thigh + shank + ankle height. */
  legLengthPx: number;
  strideLengthPx: number;
  /** Mean speed over ground (overground) or belt speed (treadmill), px/s. */
  speedPxPerS: number;
  /** Image size used (overground walks may widen the image to fit). */
  width: number;
  height: number;
  floorY: number;
  /** How the image was fitted to an overground walk. */
  fit: { widthEnlarged: boolean; walkerShrunk: boolean };
  passes: TruthPass[];
  /** Per-frame truth from the clean keypoints (docs/design.md, section 4); null in turns. */
  angles: { left: SideAngles; right: SideAngles; trunkLean: AngleSeries };
  /** Each leg's position in its gait cycle per frame (0 = initial contact), null in turns. */
  phase: Record<Side, (number | null)[]>;
  /**
   * Event times in seconds, only inside straight passes. Backward walking: `heelStrikes` are the
   * initial contacts (made by the forefoot), `toeOffs` the final contacts (the heel leaving).
   */
  events: Record<Side, { heelStrikes: number[]; toeOffs: number[] }>;
  /** Complete cycles inside straight passes. */
  cycles: Record<Side, TruthCycle[]>;
  /** Frames whose knee/ankle labels were swapped by the noise. */
  swappedFrames: number[];
  /** Frames that lost leg keypoints to the noise. */
  droppedFrames: number[];
  pathology: ResolvedPathology;
  noise: ResolvedNoise | null;
  /** Physical consistency of the model's stride, in fractions of body height. */
  consistency: StrideConsistency;
  feet: FootTruth;
  /** The noise-free track and the sole points (not keypoints; for debugging and rendering). */
  clean: {
    frames: PoseFrame[];
    feet: Record<
      Side,
      {
        heel: Array<[number, number]>;
        toe: Array<[number, number]>;
        /** Tip of the (bent) toes: the foot index. */
        toeTip: Array<[number, number]>;
        /** Back of the heel: the heel keypoint. */
        heelKeypoint: Array<[number, number]>;
      }
    >;
  };
}

export interface SyntheticWalk {
  track: GaitPoseTrack;
  truth: WalkTruth;
}

/** Alias of SynthOptions (the name the analysis tests use). */
export type WalkerOptions = SynthOptions;
