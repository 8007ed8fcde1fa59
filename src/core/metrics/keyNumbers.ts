/**
 * The key numbers of a gait cycle, each declared once: label, unit, CSV column, display decimals,
 * healthy range (src/core/reference.ts) and how its uncertainty is made. The report, the CSV
 * columns, the results table and the CLI summary all derive from this list: a new measure is one
 * entry here plus its per-cycle extractor in cycleMetrics.ts.
 */
import type { CycleKeyValues } from '../format/report';
import { BACKWARD_REFERENCE, REFERENCE, type ReferenceRange } from '../reference';
import type { Walking } from '../format/report';
import type { PoseModelError } from './uncertainty';

export type KeyNumberId = keyof CycleKeyValues;

export interface KeyNumberSpec {
  id: KeyNumberId;
  /** Plain words for the results table and the CLI. */
  label: string;
  /** Column of the per-cycle CSV. */
  csvColumn: string;
  unit: string;
  decimals: number;
  /** Healthy range the value is judged against; null = described, not judged. */
  reference: ReferenceRange | null;
  note?: string;
  /** Shown in the results table (the rest are in the exports and the evidence of flags). */
  shown: boolean;
  /** The pose model's error for this number (the part more cycles do not shrink). */
  modelError: (e: PoseModelError) => number;
  /**
   * Where the leg farther from the camera reads worse than `modelError` says (seen through the near
   * leg): its error in the cycles where it was the far leg (aggregate.ts keyValueUncertainty). The
   * swing peak, and the knee's range whose top it is (far leg against the rendered walks' truth:
   * BlazePose full -3..-18 deg, lite -11..-24, Lightning -11..0; uncertainty.ts).
   */
  farLegModelError?: (e: PoseModelError) => number;
  /** A healthy cycle-to-cycle SD, used when a side has a single cycle. */
  typicalSd: number;
  /** Needs heels and toes (the ankle): only in reports of tracks with feet. */
  feet?: true;
}

/**
 * Event timing errors move a value by the angle's speed at the event: the knee flexes at ~100 deg/s
 * around initial contact and ~350 deg/s around toe off (Winter 2009, normal walking).
 */
const KNEE_SPEED_AT_CONTACT = 100;
const KNEE_SPEED_AT_TOE_OFF = 350;
/** Differences within one swing (ranges, late extension): a keypoint's offset mostly cancels. */
const SAME_CURVE_FACTOR = 0.6;

const hip = (e: PoseModelError) => e.hipDeg;
const knee = (e: PoseModelError) => e.kneeDeg;
/**
 * The ankle turns at ~150 deg/s at initial contact (the foot slapping down onto the floor) and at
 * ~250 deg/s as it plantarflexes into toe off (Winter 2009, normal walking): event timing errors
 * move a value read at those instants by that much. Extremes are read where the curve is flat.
 */
export const ANKLE_SPEED_AT_CONTACT = 150;

export const KEY_NUMBERS: readonly KeyNumberSpec[] = [
  { id: 'hipAtInitialContact', label: 'Hip at heel strike', csvColumn: 'hip_at_initial_contact_deg', unit: '°', decimals: 1, reference: REFERENCE.hipAtInitialContact, shown: true, modelError: hip, typicalSd: 2 },
  { id: 'peakHipExtension', label: 'Peak hip extension (end of stance)', csvColumn: 'peak_hip_extension_deg', unit: '°', decimals: 1, reference: REFERENCE.peakHipExtension, note: 'negative = behind the body', shown: true, modelError: hip, typicalSd: 2 },
  { id: 'peakHipExtensionAtPercent', label: 'Peak hip extension at', csvColumn: 'peak_hip_extension_at_pct', unit: '% of cycle', decimals: 0, reference: null, shown: false, modelError: () => 2, typicalSd: 1.5 },
  { id: 'peakHipFlexion', label: 'Peak hip flexion', csvColumn: 'peak_hip_flexion_deg', unit: '°', decimals: 1, reference: null, shown: false, modelError: hip, typicalSd: 2 },
  { id: 'kneeAtInitialContact', label: 'Knee at heel strike', csvColumn: 'knee_at_initial_contact_deg', unit: '°', decimals: 1, reference: REFERENCE.kneeAtInitialContact, shown: true, modelError: (e) => Math.hypot(e.kneeDeg, KNEE_SPEED_AT_CONTACT * e.eventS), typicalSd: 3 },
  { id: 'loadingResponseKneePeak', label: 'Knee bend after heel strike (loading)', csvColumn: 'loading_response_knee_peak_deg', unit: '°', decimals: 1, reference: REFERENCE.loadingResponseKneePeak, shown: true, modelError: knee, typicalSd: 3 },
  { id: 'kneeAtToeOff', label: 'Knee at toe off', csvColumn: 'knee_at_toe_off_deg', unit: '°', decimals: 1, reference: REFERENCE.kneeAtToeOff, shown: true, modelError: (e) => Math.hypot(e.kneeDeg, KNEE_SPEED_AT_TOE_OFF * e.eventS), typicalSd: 4 },
  { id: 'peakSwingKneeFlexion', label: 'Peak knee bend in swing', csvColumn: 'peak_swing_knee_flexion_deg', unit: '°', decimals: 1, reference: REFERENCE.peakSwingKneeFlexion, shown: true, modelError: knee, farLegModelError: (e) => e.farLegSwingKneeDeg, typicalSd: 2.5 },
  { id: 'peakSwingKneeFlexionAtPercent', label: 'Peak knee bend in swing at', csvColumn: 'peak_swing_knee_flexion_at_pct', unit: '% of cycle', decimals: 0, reference: null, shown: false, modelError: () => 2, typicalSd: 1.5 },
  { id: 'terminalSwingKneeMin', label: 'Knee before heel strike (straightest)', csvColumn: 'terminal_swing_knee_min_deg', unit: '°', decimals: 1, reference: REFERENCE.terminalSwingKneeMin, note: 'negative = past straight', shown: true, modelError: knee, typicalSd: 3 },
  { id: 'peakSwingKneeExtensionVelocity', label: 'Fastest knee extension in swing', csvColumn: 'peak_swing_knee_extension_velocity_deg_s', unit: '°/s', decimals: 0, reference: null, shown: false, modelError: () => 40, typicalSd: 30 },
  { id: 'lateSwingKneeExtension', label: 'Knee extension left for the last 12 % of swing', csvColumn: 'late_swing_knee_extension_deg', unit: '°', decimals: 1, reference: REFERENCE.lateSwingKneeExtension, shown: true, modelError: (e) => SAME_CURVE_FACTOR * e.kneeDeg, typicalSd: 3 },
  { id: 'minStanceKneeFlexion', label: 'Straightest knee in stance', csvColumn: 'min_stance_knee_flexion_deg', unit: '°', decimals: 1, reference: REFERENCE.minStanceKneeFlexion, shown: true, modelError: knee, typicalSd: 2.5 },
  { id: 'hipRange', label: 'Hip range of motion', csvColumn: 'hip_range_deg', unit: '°', decimals: 1, reference: null, shown: true, modelError: (e) => SAME_CURVE_FACTOR * e.hipDeg, typicalSd: 2 },
  { id: 'kneeRange', label: 'Knee range of motion', csvColumn: 'knee_range_deg', unit: '°', decimals: 1, reference: null, shown: true, modelError: (e) => SAME_CURVE_FACTOR * e.kneeDeg, farLegModelError: (e) => e.farLegSwingKneeDeg, typicalSd: 2.5 },
  { id: 'meanTrunkLean', label: 'Trunk lean (mean)', csvColumn: 'mean_trunk_lean_deg', unit: '°', decimals: 1, reference: REFERENCE.trunkLean, note: '+ = forward', shown: true, modelError: (e) => e.trunkDeg, typicalSd: 1 },
  { id: 'stepReachLegLengths', label: 'Foot ahead of hip at heel strike', csvColumn: 'step_reach_leg_lengths', unit: 'leg lengths', decimals: 2, reference: REFERENCE.stepReachLegLengths, shown: true, modelError: () => 0.04, typicalSd: 0.02 },
  // The ankle (tracks with heels and toes). Cycle-to-cycle SDs: Kadaba et al. 1989 (within-subject ~2-3 deg).
  { id: 'ankleAtInitialContact', label: 'Ankle at heel strike', csvColumn: 'ankle_at_initial_contact_deg', unit: '°', decimals: 1, reference: REFERENCE.ankleAtInitialContact, note: '+ = toes up (dorsiflexion)', shown: true, modelError: (e) => Math.hypot(e.ankleDeg, ANKLE_SPEED_AT_CONTACT * e.eventS), typicalSd: 2.5, feet: true },
  { id: 'peakStanceDorsiflexion', label: 'Peak ankle dorsiflexion in stance', csvColumn: 'peak_stance_dorsiflexion_deg', unit: '°', decimals: 1, reference: REFERENCE.peakStanceDorsiflexion, shown: true, modelError: (e) => e.ankleDeg, typicalSd: 2, feet: true },
  { id: 'peakPushOffPlantarflexion', label: 'Peak ankle plantarflexion at push-off', csvColumn: 'peak_push_off_plantarflexion_deg', unit: '°', decimals: 1, reference: REFERENCE.peakPushOffPlantarflexion, note: 'negative = toes pointed down', shown: true, modelError: (e) => e.ankleDeg, typicalSd: 3, feet: true },
  { id: 'ankleRange', label: 'Ankle range of motion', csvColumn: 'ankle_range_deg', unit: '°', decimals: 1, reference: REFERENCE.ankleRange, shown: true, modelError: (e) => e.ankleRangeDeg, typicalSd: 2.5, feet: true },
  { id: 'pushOffAnkleExcursion', label: 'Ankle push-off (stance peak to push-off peak)', csvColumn: 'push_off_ankle_excursion_deg', unit: '°', decimals: 1, reference: REFERENCE.pushOffAnkleExcursion, note: 'how far the toes point down from their stance peak', shown: true, modelError: (e) => e.ankleRangeDeg, typicalSd: 3, feet: true },
];

/** The key numbers of a track: the ankle ones only where it has heels and toes. */
export function keyNumbersFor(feet: boolean): readonly KeyNumberSpec[] {
  return feet ? KEY_NUMBERS : KEY_NUMBERS.filter((k) => !k.feet);
}


export const KEY_NUMBER_IDS: readonly KeyNumberId[] = KEY_NUMBERS.map((k) => k.id);

export function keyNumber(id: KeyNumberId): KeyNumberSpec {
  const spec = KEY_NUMBERS.find((k) => k.id === id);
  if (!spec) throw new Error(`unknown key number ${id}`);
  return spec;
}

/**
 * The range a key number is judged against for a kind of walking: forward walking against the
 * forward ranges; backward walking only where time reversal maps a forward measure onto it
 * (src/core/reference.ts, BACKWARD_REFERENCE), otherwise described, not judged.
 */
export function referenceFor(spec: KeyNumberSpec, walking: Walking): ReferenceRange | null {
  if (walking === 'forward') return spec.reference;
  const backward = BACKWARD_REFERENCE[spec.id as keyof typeof BACKWARD_REFERENCE];
  return backward ?? null;
}
