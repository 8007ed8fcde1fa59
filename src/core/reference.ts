/**
 * Healthy adult reference values for sagittal walking (DESIGN.md section 5), each with its source.
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

export const REFERENCE = {
  hipAtInitialContact: { low: 20, high: 30, unit: 'deg', source: `${PERRY}; ${WINTER}` },
  peakHipExtension: { low: -20, high: -10, unit: 'deg', source: `${PERRY}; myogait normative curve (-19 deg at 52 %)` },
  kneeAtInitialContact: { low: 0, high: 5, unit: 'deg', source: WINTER },
  loadingResponseKneePeak: { low: 15, high: 20, unit: 'deg', source: `${PERRY}; myogait (19.7 deg)` },
  kneeAtToeOff: { low: 35, high: 40, unit: 'deg', source: PERRY },
  peakSwingKneeFlexion: { low: 60, high: 70, unit: 'deg', source: `${PERRY}; myogait (63.9 deg)` },
  stancePercent: { low: 58, high: 62, unit: '%', source: PERRY },
  cadence: { low: 100, high: 120, unit: 'steps/min', source: `${WINTER}; Tudor-Locke et al. 2011 (lab range 81-138)` },
  cadenceLab: { low: 81, high: 138, unit: 'steps/min', source: 'Tudor-Locke et al. 2011' },
  trunkLean: { low: -2, high: 5, unit: 'deg', source: `${PERRY} (the trunk stays nearly erect)` },
  minStanceKneeFlexion: { low: null, high: 15, unit: 'deg', source: 'myogait crouch rule (> 15 deg minimum knee flexion)' },
  stiffKneeSwingPeak: { low: 40, high: null, unit: 'deg', source: 'myogait stiff-knee rule (< 40 deg peak swing flexion); Goldberg et al. 2003' },
  symmetryIndex: { low: 0, high: 10, unit: '%', source: 'Robinson et al. 1987 symmetry index; Patterson et al. 2010 (healthy step-time ratios up to ~1.06-1.08)' },
  stepReachLegLengths: { low: 0.3, high: 0.45, unit: 'leg lengths', source: `geometry of the normal initial-contact posture (${PERRY}: hip 20-30 deg, knee 0-5 deg)` },
  /**
   * Knee extension speed in late swing times the stride time (degrees per stride), so that it does
   * not grow with cadence alone: about 345 on Perry's normal curves (~315 deg/s at 110 steps/min,
   * in line with Winter's ~300-400 deg/s).
   */
  swingKneeExtensionPerStride: { low: null, high: 380, unit: 'deg/stride', source: `${WINTER}; ${PERRY} normal curves` },
  terminalSwingKneeMin: { low: 0, high: 5, unit: 'deg', source: `${WINTER} (knee near full extension, not past it, before contact)` },
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

function curve(keys: [number, number][], sdDeg: number): ReferenceCurve {
  return {
    mean: Array.from({ length: 101 }, (_, p) => Math.round(cosineInterpolate(keys, p) * 10) / 10),
    sd: sdDeg,
    source: `${PERRY} key values, smoothly joined; SD after ${WINTER}`,
  };
}

export const REFERENCE_CURVES = {
  hipFlexion: curve(HIP_KEYS, 5),
  kneeFlexion: curve(KNEE_KEYS, 6),
};
