/**
 * Healthy adult reference values for sagittal walking (docs/design.md, section 5), each with its source.
 * Used for flags, for the report tables and for the reference band in charts.
 */
export interface ReferenceRange {
  low: number | null;
  high: number | null;
  unit: string;
  source: string;
}

const PERRY = 'Perry & Burnfield, Gait Analysis (2010)';
const WINTER = 'Winter, Biomechanics and Motor Control of Human Movement (2009)';
/**
 * The calibration evidence: 12 healthy walks of real motion capture (overground, treadmill, fast,
 * a child; 50 gait cycles) seen by a 30 fps side camera and analysed by this pipeline, clean and
 * with MoveNet-like noise (5 seeds, 254 cycles): `npx tsx scripts/eval-mocap.ts`. Healthy ranges
 * below cover every clean healthy cycle with a margin of about one noise SD; the textbook's narrower
 * "typical" values are kept in `source`. A value is marked out of range only when it lies beyond the
 * range by more than its uncertainty (src/core/metrics/judge.ts).
 */
const HEALTHY_SET = '12 healthy motion-capture walks at 30 fps (this project\'s calibration set)';

export const REFERENCE = {
  hipAtInitialContact: { low: 15, high: 35, unit: 'deg', source: `${PERRY}; ${WINTER} (typical 20-30); ${HEALTHY_SET}: 17-33` },
  peakHipExtension: { low: -30, high: -5, unit: 'deg', source: `${PERRY}; myogait normative curve (-19 deg at 52 %) (typical -10 to -20); ${HEALTHY_SET}: -28 to -6` },
  kneeAtInitialContact: { low: -10, high: 20, unit: 'deg', source: `${WINTER} (typical 0-5); ${HEALTHY_SET}: -9 to 18 (lab joint centres read some straight knees a few deg past straight)` },
  loadingResponseKneePeak: { low: 10, high: 42, unit: 'deg', source: `${PERRY}; myogait (19.7 deg) (typical 15-20); ${HEALTHY_SET}: 13-40` },
  kneeAtToeOff: { low: 25, high: 60, unit: 'deg', source: `${PERRY} (typical 35-40); ${HEALTHY_SET}: 27-56 (truth at force-plate toe off: 24-59)` },
  peakSwingKneeFlexion: { low: 42, high: 80, unit: 'deg', source: `${PERRY}; myogait (63.9 deg) (typical 60-70); ${HEALTHY_SET}: 44-76` },
  stancePercent: { low: 57, high: 67, unit: '%', source: `${PERRY} (typical 60); ${HEALTHY_SET}: 59.6-65.3` },
  cadence: { low: 85, high: 145, unit: 'steps/min', source: `${WINTER}; Tudor-Locke et al. 2011 (typical 100-120, lab range 81-138); ${HEALTHY_SET}: 98-142 (fast walking 130-142)` },
  cadenceLab: { low: 81, high: 138, unit: 'steps/min', source: 'Tudor-Locke et al. 2011' },
  trunkLean: { low: -5, high: 6, unit: 'deg', source: `${PERRY} (the trunk stays nearly erect); ${HEALTHY_SET}: -4.1 to 3.1` },
  minStanceKneeFlexion: { low: null, high: 20, unit: 'deg', source: `myogait crouch rule (> 15 deg) raised to 20: ${HEALTHY_SET} reach 17 deg (a treadmill walker whose knee stays flexed), the two crouch-gait walks 66-74` },
  stiffKneeSwingPeak: { low: 40, high: null, unit: 'deg', source: `myogait stiff-knee rule (< 40 deg peak swing flexion); Goldberg et al. 2003; ${HEALTHY_SET}: lowest 44` },
  symmetryIndex: { low: 0, high: 10, unit: '%', source: `Robinson et al. 1987 symmetry index; Patterson et al. 2010 (healthy step-time ratios up to ~1.06-1.08); ${HEALTHY_SET}: step 0-5.4, stance 0-5.3 (noisy up to 15)` },
  stepReachLegLengths: { low: 0.2, high: 0.5, unit: 'leg lengths', source: `geometry of the normal initial-contact posture (${PERRY}: hip 20-30 deg, knee 0-5 deg); ${HEALTHY_SET}: 0.25-0.43` },
  /**
   * Late-swing knee extension (knee at 88 % of the cycle minus the straightest knee of terminal
   * swing): the flicking-swing measure. The old measure (fastest knee extension x stride time)
   * reached its limit on 8 of the 12 healthy walks. This one: healthy side means 12-34 deg (per
   * cycle up to 36 clean, 43 with noise); Perry's normal curve 20 deg.
   */
  lateSwingKneeExtension: { low: null, high: 38, unit: 'deg', source: `${PERRY} normal curve (about 20 deg still to extend at 88 %); ${HEALTHY_SET}: side means 12-34 deg` },
  terminalSwingKneeMin: { low: -10, high: 20, unit: 'deg', source: `${WINTER} (knee near full extension before contact, typical 0-5); ${HEALTHY_SET}: -12 to 17` },
  /*
   * The ankle (dorsiflexion +). The calibration set has no foot markers, so these are the textbook
   * values widened by about two SD of healthy adults (Kadaba et al. 1989, J Orthop Res 7:849: ankle
   * SD 4-6 deg over the cycle). The keypoint foot line ends at the toe TIP, which stays on the floor
   * with the toes bent at push-off, so a keypoint model reads up to ~10 deg less plantarflexion
   * there than a lab's foot segment (src/core/angles/ankle.ts): the push-off range's upper end
   * allows for it.
   */
  ankleAtInitialContact: { low: -10, high: 10, unit: 'deg', source: `${PERRY} (neutral, 0 deg, at initial contact); ${WINTER} (about -2); widened by 2 SD (Kadaba et al. 1989)` },
  peakStanceDorsiflexion: { low: 3, high: 22, unit: 'deg', source: `${PERRY} (10 deg in terminal stance); ${WINTER} (10-15); widened by 2 SD (Kadaba et al. 1989)` },
  peakPushOffPlantarflexion: { low: -35, high: -5, unit: 'deg', source: `${PERRY} (about 20 deg of plantarflexion at the start of initial swing); ${WINTER} (15-20); widened by 2 SD (Kadaba et al. 1989), the upper end by the ~10 deg a toe-tip keypoint reads less at push-off` },
  ankleRange: { low: 15, high: 45, unit: 'deg', source: `${PERRY} (10 deg dorsiflexion to 20 deg plantarflexion); ${WINTER} (about 30); widened by 2 SD (Kadaba et al. 1989)` },
  /**
   * Push-off at the ankle, from the stance peak to the push-off peak: about 30 deg (Perry: +10 to
   * -20), which a toe-tip keypoint reads 6.1-9.4 deg smaller (the synthetic walker: 28.1-34.4 per cycle for
   * heel, forefoot and flat strikers); less 2 SD of healthy adults (about 8 deg: Kadaba et al. 1989).
   * A difference on one curve: the foot-flat offset, the weak part on a pose model, cancels out.
   */
  pushOffAnkleExcursion: { low: 15, high: null, unit: 'deg', source: `${PERRY} (from 10 deg dorsiflexion in terminal stance to 20 deg plantarflexion: 30); less the 6-9 deg a toe-tip keypoint reads less (synthetic walker: 28.1-34.4 when healthy) and 2 SD (Kadaba et al. 1989)` },
} satisfies Record<string, ReferenceRange>;

export type ReferenceName = keyof typeof REFERENCE;

/**
 * Normative mean curves over the gait cycle (0-100 %, 101 points) for chart bands: hip (thigh vs
 * vertical) and knee flexion, from the key values of Perry & Burnfield, joined by smooth interpolation.
 * Band half-width about one SD of healthy adults (~5 deg hip, ~6 deg knee; Winter 2009).
 */
const HIP_KEYS: [number, number][] = [
  [0, 25], [12, 22], [30, 5], [52, -13], [62, 0], [75, 20], [87, 28], [100, 25],
];
const KNEE_KEYS: [number, number][] = [
  [0, 3], [14, 18], [40, 4], [62, 38], [72, 63], [88, 22], [100, 3],
];
/**
 * Ankle, dorsiflexion + (Perry & Burnfield 2010, fig. 4-5; Winter 2009, normal cadence): neutral at
 * initial contact, 5 deg plantarflexion in loading response (7 %), dorsiflexion rising to 10 deg in
 * terminal stance (48 %), 20 deg plantarflexion at the start of initial swing (62 %), back to
 * neutral by mid-swing. Band half-width about one SD of healthy adults (~5 deg; Kadaba et al. 1989).
 */
const ANKLE_KEYS: [number, number][] = [
  [0, 0], [7, -5], [30, 5], [48, 10], [62, -20], [75, -5], [87, 0], [100, 0],
];

function cosineInterpolate(keys: [number, number][], p: number): number {
  for (let k = 0; k + 1 < keys.length; k++) {
    const [p0, v0] = keys[k];
    const [p1, v1] = keys[k + 1];
    if (p >= p0 && p <= p1) {
      const u = (1 - Math.cos((Math.PI * (p - p0)) / (p1 - p0))) / 2;
      return v0 + (v1 - v0) * u;
    }
  }
  return keys[keys.length - 1][1];
}

export interface ReferenceCurve {
  mean: number[];
  sd: number;
  source: string;
}

function curve(keys: [number, number][], sdDeg: number, sdSource = WINTER): ReferenceCurve {
  return {
    mean: Array.from({ length: 101 }, (_, p) => Math.round(cosineInterpolate(keys, p) * 10) / 10),
    sd: sdDeg,
    source: `${PERRY} key values, smoothly joined; SD after ${sdSource}`,
  };
}

export const REFERENCE_CURVES = {
  hipFlexion: curve(HIP_KEYS, 5),
  kneeFlexion: curve(KNEE_KEYS, 6),
  ankleFlexion: curve(ANKLE_KEYS, 5, 'Kadaba et al. 1989 (J Orthop Res 7:849)'),
};

/**
 * Backward walking: hip and knee angles of backward walking are almost those of forward walking
 * reversed in time (Winter, Pluck & Yang 1989; Lee et al. 2013, Gait & Posture 38:674), so its
 * band is the forward band reversed, with backward initial contact at the forward toe off (62 %).
 */
const BACKWARD_SOURCE = 'forward curves reversed in time (Winter, Pluck & Yang 1989; Lee et al. 2013: backward walking angles almost identical to forward walking reversed in time)';
const FORWARD_TOE_OFF_PERCENT = 62;

function reversed(forward: ReferenceCurve): ReferenceCurve {
  const n = forward.mean.length - 1;
  return {
    mean: forward.mean.map((_, q) => forward.mean[(((FORWARD_TOE_OFF_PERCENT - q) % n) + n) % n]),
    sd: forward.sd,
    source: BACKWARD_SOURCE,
  };
}

export const BACKWARD_REFERENCE_CURVES = {
  hipFlexion: reversed(REFERENCE_CURVES.hipFlexion),
  kneeFlexion: reversed(REFERENCE_CURVES.kneeFlexion),
  ankleFlexion: reversed(REFERENCE_CURVES.ankleFlexion),
};

/** Healthy ranges for backward walking where time reversal maps a forward measure onto it. */
const BACKWARD_NOTE = `${BACKWARD_SOURCE}; cadence unchanged from forward walking (Laufer 2005, J Gerontol 60A:627)`;
export const BACKWARD_REFERENCE: Partial<Record<ReferenceName, ReferenceRange>> = {
  // Backward initial contact (on the forefoot) is the forward toe off reversed, and vice versa.
  kneeAtInitialContact: { ...REFERENCE.kneeAtToeOff, source: `forward knee at toe off; ${BACKWARD_NOTE}` },
  kneeAtToeOff: { ...REFERENCE.kneeAtInitialContact, source: `forward knee at initial contact; ${BACKWARD_NOTE}` },
  // Extremes and ranges are the same either way round in time.
  peakHipExtension: { ...REFERENCE.peakHipExtension, source: `as forward; ${BACKWARD_NOTE}` },
  peakSwingKneeFlexion: { ...REFERENCE.peakSwingKneeFlexion, source: `as forward; ${BACKWARD_NOTE}` },
  minStanceKneeFlexion: { ...REFERENCE.minStanceKneeFlexion, source: `as forward; ${BACKWARD_NOTE}` },
  cadence: { ...REFERENCE.cadence, source: `as forward; ${BACKWARD_NOTE}` },
  // The ankle: its stance extreme and its range are the same either way round in time.
  peakStanceDorsiflexion: { ...REFERENCE.peakStanceDorsiflexion, source: `as forward; ${BACKWARD_NOTE}` },
  ankleRange: { ...REFERENCE.ankleRange, source: `as forward; ${BACKWARD_NOTE}` },
};
