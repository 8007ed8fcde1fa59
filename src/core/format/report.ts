/**
 * gait-report v1: the analysis result, the JSON export and what the CLI prints.
 * Documented in docs/formats.md and docs/schema/gait-report-v1.schema.json.
 * Units: degrees, seconds, pixels; flexion positive whatever the walking direction.
 */

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

export type Direction = 'left-to-right' | 'right-to-left';
export type Walking = 'forward' | 'backward';
export type Setting = 'treadmill' | 'overground';

export type AngleName = 'hipFlexion' | 'hipFlexionTrunk' | 'kneeFlexion';
export const ANGLE_NAMES: readonly AngleName[] = ['hipFlexion', 'hipFlexionTrunk', 'kneeFlexion'];
/**
 * The ankle (dorsiflexion +, plantarflexion -; src/core/angles/ankle.ts): only where the track has
 * heels and toes (bodyPoints.ts). Reports of tracks without feet have no ankle fields at all.
 */
export type FootAngleName = 'ankleFlexion';
export const FOOT_ANGLE: FootAngleName = 'ankleFlexion';
/** Every joint angle a report can hold: the ankle last, where present. */
export type JointAngleName = AngleName | FootAngleName;
export const JOINT_ANGLE_NAMES: readonly JointAngleName[] = [...ANGLE_NAMES, FOOT_ANGLE];
/** Per joint angle: always for hip and knee, for the ankle only where the feet were seen. */
export type WithAnkle<T> = Record<AngleName, T> & Partial<Record<FootAngleName, T>>;

export type PhaseName = 'stance' | 'preSwing' | 'swing' | 'terminalSwing';
export const PHASE_NAMES: readonly PhaseName[] = ['stance', 'preSwing', 'swing', 'terminalSwing'];

/** Per-frame angle series, aligned with the track's frames; null where unknown. */
export type AngleSeries = (number | null)[];

export interface SideAngles {
  hipFlexion: AngleSeries;
  hipFlexionTrunk: AngleSeries;
  kneeFlexion: AngleSeries;
  ankleFlexion?: AngleSeries;
}

export interface AngleSummary {
  min: number;
  max: number;
  mean: number;
  range: number;
}

/** Summary of each angle over one phase; null where the angle is unknown in that phase. */
export type PhaseAngles = WithAnkle<AngleSummary | null>;

export interface CycleKeyValues {
  hipAtInitialContact: number | null;
  /** Most negative hipFlexion in the cycle (extension is negative). */
  peakHipExtension: number | null;
  /** When the peak hip extension happens, in % of the cycle. */
  peakHipExtensionAtPercent: number | null;
  peakHipFlexion: number | null;
  kneeAtInitialContact: number | null;
  /** Largest knee flexion in the first 20 % of the cycle (loading response). */
  loadingResponseKneePeak: number | null;
  kneeAtToeOff: number | null;
  peakSwingKneeFlexion: number | null;
  peakSwingKneeFlexionAtPercent: number | null;
  /** Smallest knee flexion in terminal swing (negative = the knee snaps past straight). */
  terminalSwingKneeMin: number | null;
  /** Fastest knee extension between toe off and the next contact, deg/s. */
  peakSwingKneeExtensionVelocity: number | null;
  /**
   * Knee extension still to come at 88 % of the cycle: knee flexion there minus the straightest knee
   * of terminal swing (deg). A swing that holds the knee bent and whips it straight at the last
   * moment (a "flicking" swing) shows here.
   */
  lateSwingKneeExtension: number | null;
  /** Smallest knee flexion during stance (crouch shows here). */
  minStanceKneeFlexion: number | null;
  hipRange: number | null;
  kneeRange: number | null;
  meanTrunkLean: number | null;
  /** Ankle ahead of the hip at initial contact, in leg lengths (overstriding shows here). */
  stepReachLegLengths: number | null;
  /** Ankle (dorsiflexion +) at initial contact. This and the ankle numbers below: only with feet. */
  ankleAtInitialContact?: number | null;
  /** Most dorsiflexion in stance (terminal stance, the shank rolling over the foot). */
  peakStanceDorsiflexion?: number | null;
  /** Most plantarflexion from the opposite heel strike to early swing (push-off, around toe off; negative). */
  peakPushOffPlantarflexion?: number | null;
  /** Ankle range of motion over the cycle. */
  ankleRange?: number | null;
  /**
   * Push-off at the ankle: peak dorsiflexion in stance minus peak plantarflexion at push-off, how far
   * the ankle plantarflexes from its stance peak. A difference on one curve: the foot's neutral offset
   * cancels out (the limited push-off rule judges this one).
   */
  pushOffAnkleExcursion?: number | null;
}

export interface GaitCycle {
  side: Side;
  /** Index of the pass (straight stretch of walking) the cycle belongs to. */
  pass: number;
  /** Heel strike that starts the cycle and the next one of the same foot (seconds). */
  start: number;
  end: number;
  oppositeHeelStrike: number;
  toeOff: number;
  /** When the shank passes the vertical in swing (start of terminal swing). */
  shankVertical: number;
  phases: Record<PhaseName, [number, number]>;
  phaseAngles: Record<PhaseName, PhaseAngles>;
  keyValues: CycleKeyValues;
  /** Stance (heel strike to toe off) as % of the cycle. */
  stancePercent: number;
  /** 101 samples over 0-100 % of the cycle; null samples where unknown. */
  normalized: CurveRecord<(number | null)[]>;
  /** How the foot met the floor at this cycle's initial contact (tracks with feet only). */
  strike?: FootStrike;
}

/** Per cycle curve: every joint angle (the ankle where present) and trunk lean. */
export type CurveRecord<T> = WithAnkle<T> & Record<'trunkLean', T>;

/** Foot-strike pattern (Altman & Davis 2012; src/core/events/strikePattern.ts). */
export type StrikeKind = 'heel' | 'flat' | 'forefoot';
export const STRIKE_KINDS: readonly StrikeKind[] = ['heel', 'flat', 'forefoot'];

export interface FootStrike {
  /** Initial contact, seconds. */
  t: number;
  /** Foot-strike angle: the foot against the floor relative to a flat foot, deg, + toe up; null where the foot was not seen. */
  footAngle: number | null;
  pattern: StrikeKind | null;
}

/** The strike pattern of one side's steps. */
export interface StrikeSummary {
  /** Steps per pattern. */
  counts: Record<StrikeKind, number>;
  /** The pattern of most steps; null when no step was classified. */
  typical: StrikeKind | null;
  /** Mean foot-strike angle over the steps (deg, + toe up) and its standard uncertainty. */
  footAngle: number | null;
  footAngleUncertainty: number | null;
  /**
   * Whether the mean angle tells the typical pattern for sure: it lies in that pattern's band and
   * clears the band's limits by more than its uncertainty. False: the pattern is only the likeliest.
   * (Absent in reports saved before it existed: read that as true.)
   */
  certain: boolean;
  /** Backward walking landing on the forefoot: the normal way to land there (described, never flagged). */
  expected: boolean;
  /** In plain words. */
  description: string;
}

export interface MeanCurve {
  mean: (number | null)[];
  sd: (number | null)[];
  n: number;
}

export interface SideResult {
  heelStrikes: number[];
  toeOffs: number[];
  cycles: GaitCycle[];
  /** Mean and SD over this side's cycles, 101 samples each. */
  normalized: CurveRecord<MeanCurve>;
  /** Mean over cycles of each phase's angle summary. */
  phaseAngles: Record<PhaseName, PhaseAngles>;
  /** Mean over cycles of the key values. */
  keyValues: CycleKeyValues;
  /** Standard uncertainty of each mean key value (spread over cycles and the pose model's error). */
  keyValueUncertainty: KeyValueUncertainty;
  /**
   * Share of this side's cycles (0-1) in which it was the leg farther from the camera, seen partly
   * through the near leg: its swing knee reads low there, and its uncertainty allows for that.
   * Absent in reports written before it was measured.
   */
  cameraFarShare?: number;
  /** Mean phase boundaries in % of the cycle (stance ends, pre-swing ends = toe off, swing ends). */
  phaseBoundariesPercent: { oppositeHeelStrike: number; toeOff: number; shankVertical: number } | null;
  /** Foot-strike pattern of every initial contact of this side and kind of walking (tracks with feet only). */
  strikes?: FootStrike[];
  strikeSummary?: StrikeSummary;
}

export interface Pass {
  index: number;
  start: number;
  end: number;
  direction: Direction;
  walking: Walking;
}

export interface Stat {
  mean: number;
  sd: number;
  /** Coefficient of variation in %. */
  cv: number;
  n: number;
}

export interface Summary {
  /** Steps per minute. */
  cadence: number | null;
  strideTime: Stat | null;
  stepTime: Record<Side, Stat | null>;
  stancePercent: Record<Side, number | null>;
  swingPercent: Record<Side, number | null>;
  doubleSupportPercent: number | null;
  /**
   * Symmetry indices in % (0 = symmetric): 100 * |L - R| / ((L + R) / 2)
   * (Robinson et al. 1987), for step time, stance time, hip range and peak swing knee flexion.
   */
  symmetry: {
    stepTime: number | null;
    stanceTime: number | null;
    hipRange: number | null;
    peakSwingKneeFlexion: number | null;
  };
  /** Stride-to-stride variability: coefficient of variation of stride time, %. */
  strideTimeCv: number | null;
  /** Metres, when treadmill speed or body height is given. */
  strideLength: { meters: number; method: 'treadmill-speed' | 'body-height' } | null;
  speedMps: number | null;
  /** Share of the analysed walking time that was backward walking, %. */
  backwardPercent: number;
  keyValues: Record<Side, CycleKeyValues>;
  keyValueUncertainty: Record<Side, KeyValueUncertainty>;
  /** Standard uncertainty of the numbers above (same units). */
  uncertainty: SummaryUncertainty;
}

/** Same keys as the key values (the ankle ones only with feet). */
export type KeyValueUncertainty = { [K in keyof CycleKeyValues]: number | null };

export interface SummaryUncertainty {
  cadence: number | null;
  strideTime: number | null;
  stepTime: Record<Side, number | null>;
  stancePercent: Record<Side, number | null>;
  swingPercent: Record<Side, number | null>;
  doubleSupportPercent: number | null;
  symmetry: Record<keyof Summary['symmetry'], number | null>;
  /** Which pose model's measured error went into the uncertainties, and its source. */
  poseModel: { id: string; source: string };
}

/** A pattern whose measure is past its limit by less than its uncertainty: not flagged, and why. */
export interface Borderline {
  id: FlagId;
  side: Side | 'both';
  title: string;
  measure: string;
  value: number;
  uncertainty: number;
  limit: number;
  /** What would settle it (more steps, a better camera angle, the accurate model). */
  message: string;
}

export interface Quality {
  frames: number;
  /** Fraction of frames where hips, knees and ankles were all detected. */
  detectedFraction: number;
  meanKeypointScore: number;
  sideView: { ok: boolean; score: number; message: string };
  usableCycles: Record<Side, number>;
  /** Frames whose left/right leg labels were swapped back. */
  legSwapsRepaired: number;
  /** Keypoint samples filled by interpolation across short gaps. */
  gapsFilled: number;
  /** Keypoint samples left empty (gaps longer than the limit). */
  gapsLeft: number;
  /** Keypoint samples dropped for low confidence. */
  lowConfidenceDropped: number;
  /** Trunk keypoints seen (false for legs-only framing: no trunk-relative angles). */
  trunkVisible: boolean;
  filter: {
    type: 'butterworth-zero-lag';
    order: number;
    /** Cut-off on the keypoints (events, view). */
    cutoffHz: number;
    /** Cut-off on the joint angles: Winter's residual analysis (3-8 Hz) unless set in the options. */
    angleCutoffHz: number;
    sampleRateHz: number;
    variableFrameRate: boolean;
  };
  passes: number;
  /** The gait-event detector used (the best one the track's body points allow) and the method it follows. */
  eventDetector: { id: string; reference: string };
  /**
   * Present when the track has heels and toes (the ankle angle and strike pattern are measured):
   * per pass, the foot line's neutral offset found from the foot-flat frames (src/core/angles/ankle.ts),
   * null where too few were seen (no ankle angle in that pass).
   */
  feet?: { footOffsetDeg: (number | null)[] };
  warnings: string[];
}

export const FLAG_IDS = [
  'limited-push-off',
  'anterior-pelvic-tilt',
  'forward-trunk-lean',
  'flicking-swing',
  'stiff-knee-swing',
  'crouch',
  'overstriding',
  'asymmetry',
  'cadence-low',
  'cadence-high',
] as const;

/** A pattern the analysis can flag: declared once here; guidance (flags/guidance.ts) and the schema follow. */
export type FlagId = (typeof FLAG_IDS)[number];

export type Severity = 'mild' | 'moderate' | 'marked';

export interface Evidence {
  measure: string;
  value: number;
  unit: string;
  /** Standard uncertainty of the value, same unit. */
  uncertainty?: number;
  /** Reference range the value was held against, with its source. */
  reference: { low: number | null; high: number | null; source: string };
}

export interface Flag {
  id: FlagId;
  side: Side | 'both';
  severity: Severity;
  title: string;
  evidence: Evidence[];
  message: string;
  why: string;
  cues: string[];
  exercises: string[];
  seeProfessional: string;
  /** True where the value is an estimate from a proxy (e.g. pelvic tilt without pelvis landmarks). */
  estimate: boolean;
}

export interface AnalysisOptions {
  /** Treadmill belt speed in m/s: gives stride length and speed. */
  treadmillSpeedMps?: number;
  /** Body height in metres: scales pixels to metres for overground stride length. */
  bodyHeightM?: number;
  /** Override the detected setting. */
  setting?: Setting;
  /** Low-pass cut-off in Hz (default 6). */
  cutoffHz?: number;
  /** Gait events corrected by hand (seconds), replacing the detected ones for each leg given. */
  events?: Partial<Record<Side, { heelStrikes: number[]; toeOffs: number[] }>>;
}

/**
 * How a video was filmed and tracked, where its producer knows (the pose track's `source.capture`):
 * a high-frame-rate (slow-motion) clip says so, with its rate.
 */
export interface CaptureRate {
  /** Frames per second the camera filmed (a slowed-down export's rate times its factor). */
  fps: number;
  /** Filmed at a high frame rate (90 fps or more): slow motion. */
  slowMotion: boolean;
  /** The file plays this many times slower than real time (said by the user), or null. */
  slowedBy: number | null;
  /** Frames per second the pose was tracked at. */
  trackedFps: number;
}

export interface GaitReport {
  format: 'gait-report';
  version: 1;
  generator: string;
  fps: number;
  width: number;
  height: number;
  source?: { kind: string; name?: string; model?: string; capture?: CaptureRate };
  direction: Direction;
  walking: Walking;
  setting: Setting;
  passes: Pass[];
  quality: Quality;
  frames: {
    t: number[];
    angles: Record<Side, SideAngles>;
    trunkLean: AngleSeries;
    /** Phase of each side per frame, null outside analysed cycles. */
    phase: Record<Side, (PhaseName | null)[]>;
  };
  sides: Record<Side, SideResult>;
  summary: Summary;
  flags: Flag[];
  /** Patterns past their limit by less than the measurement's uncertainty: said, not flagged. */
  borderline: Borderline[];
  /**
   * Each kind of walking in the recording, analysed on its own (never pooled). `sides`, `summary`,
   * `flags` and `borderline` above are those of forward walking when it has cycles, else backward.
   */
  byWalking: Partial<Record<Walking, WalkingKindResult>>;
  options: AnalysisOptions;
}

export const WALKING_KINDS: readonly Walking[] = ['forward', 'backward'];

/** One kind of walking (forward or backward) analysed on its own passes. */
export interface WalkingKindResult {
  walking: Walking;
  /** 'not-enough-steps': passes of this kind hold no complete gait cycle. */
  status: 'analysed' | 'not-enough-steps';
  /** Why it was not analysed (null when analysed). */
  message: string | null;
  /** Indices into `passes`. */
  passes: number[];
  /** Walking time of this kind, seconds, and its share of all walking time, %. */
  seconds: number;
  percentOfWalking: number;
  usableCycles: Record<Side, number>;
  sides: Record<Side, SideResult> | null;
  summary: Summary | null;
  /** Forward walking only: patterns are judged against forward-walking references. */
  flags: Flag[];
  borderline: Borderline[];
}

export const REPORT_FORMAT = 'gait-report';
export const REPORT_VERSION = 1;

/** Whether a report measures the ankle and the strike pattern (its track had heels and toes). */
export function reportHasFeet(report: Pick<GaitReport, 'quality'>): boolean {
  return report.quality.feet !== undefined;
}

/** The joint angles a report holds: the ankle only where its track had feet. */
export function jointAnglesOfReport(report: Pick<GaitReport, 'quality'>): readonly JointAngleName[] {
  return reportHasFeet(report) ? JOINT_ANGLE_NAMES : ANGLE_NAMES;
}
