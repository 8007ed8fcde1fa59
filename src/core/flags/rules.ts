import { SIDES, type Borderline, type CycleKeyValues, type Evidence, type Flag, type FlagId, type KeyValueUncertainty, type Severity, type Side, type Summary, type SummaryUncertainty } from '../format/report';
import { REFERENCE, type ReferenceName } from '../reference';
import { GUIDANCE, SEE_A_PROFESSIONAL } from './guidance';
import { callLimit, type LimitCall } from '../metrics/judge';
import { keyNumber, type KeyNumberId } from '../metrics/keyNumbers';
import { meanUncertainty, type PoseModelError } from '../metrics/uncertainty';
import { round } from '../util/stats';
import { mostlyFarLeg } from '../view/view';

/**
 * Pattern rules. Each compares the mean over the analysed forward-walking cycles with a limit set
 * from healthy walks (src/core/reference.ts: 12 real motion-capture walks at 30 fps, clean and with
 * MoveNet-like noise), and raises a flag only when the value clears the limit by more than its
 * uncertainty (spread over cycles and the pose model's measured error; src/core/metrics/
 * uncertainty.ts). Past the limit by less than that, the rule reports a borderline with what would
 * settle it, never an alarm.
 */
export interface FlagInputs {
  keyValues: Record<Side, CycleKeyValues>;
  uncertainty: Record<Side, KeyValueUncertainty>;
  /** Per-cycle key values per side (for the random part of differences between legs). */
  cycleValues: Record<Side, CycleKeyValues[]>;
  cycles: Record<Side, number>;
  summary: Pick<Summary, 'cadence' | 'symmetry' | 'stepTime' | 'strideTime'>;
  summaryUncertainty: SummaryUncertainty;
  trunkVisible: boolean;
  model: PoseModelError;
  /** Per side, the share of its cycles in which it was the leg farther from the camera (0-1; 0 when unknown). */
  farShare?: Record<Side, number>;
}

export interface FlagResult {
  flags: Flag[];
  borderline: Borderline[];
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function evidence(measure: string, value: number, ref: ReferenceName, uncertainty?: number | null): Evidence {
  const r = REFERENCE[ref];
  return {
    measure,
    value: round(value, 2),
    unit: r.unit,
    ...(num(uncertainty) ? { uncertainty: round(uncertainty, 2) } : {}),
    reference: { low: r.low, high: r.high, source: r.source },
  };
}

/** Severity from how far past the limit the value is, in the rule's steps. */
function severityFrom(margin: number, moderate: number, marked: number): Severity {
  if (margin >= marked) return 'marked';
  if (margin >= moderate) return 'moderate';
  return 'mild';
}

function makeFlag(id: FlagId, side: Side | 'both', severity: Severity, ev: Evidence[], message: string, estimate = false): Flag {
  const g = GUIDANCE[id];
  return { id, side, severity, title: g.title, evidence: ev, message, why: g.why, cues: g.cues, exercises: g.exercises, seeProfessional: SEE_A_PROFESSIONAL, estimate };
}

/**
 * What would settle a borderline: more cycles when the spread dominates, a better model or view
 * otherwise. `key`: the key number judged, when one is; if it reads worse on the leg farther from
 * the camera and this leg was that one, filming it near the camera settles it best.
 */
function settleAdvice(inputs: FlagInputs, side: Side | 'both', key?: KeyNumberId): string {
  const n = side === 'both' ? Math.min(inputs.cycles.left, inputs.cycles.right) : inputs.cycles[side];
  const ways: string[] = [];
  const farLegMeasure = key !== undefined && keyNumber(key).farLegModelError !== undefined;
  if (farLegMeasure && side !== 'both' && mostlyFarLeg(inputs.farShare?.[side])) {
    ways.push(`filming the ${side} leg near the camera (walk past the other way): it was the far leg, seen through the other one in swing, where its knee reads low`);
  } else if (farLegMeasure && side === 'both') {
    ways.push('walking past in both directions, so that each leg is once the one near the camera');
  }
  if (n < 6) ways.push(`more steps (${n} cycle${n === 1 ? '' : 's'} measured: walk for longer, or several passes)`);
  if (inputs.model.id === 'movenet-lightning') ways.push('the accurate model (Thunder)');
  ways.push('a camera square to the walking line at hip height');
  return `Not flagged: the value is past the limit by less than its uncertainty. To settle it: ${ways.join('; ')}.`;
}

interface Call {
  call: LimitCall;
  margin: number;
}

/** A key number against one limit of its reference. */
function against(inputs: FlagInputs, side: Side, id: KeyNumberId, limit: number, direction: 'above' | 'below'): Call {
  const v = inputs.keyValues[side][id];
  if (!num(v)) return { call: null, margin: NaN };
  const u = inputs.uncertainty[side][id] ?? NaN;
  return { call: callLimit(v, u, limit, direction), margin: direction === 'above' ? v - limit : limit - v };
}

type RuleOutcome = { flag: Flag } | { borderline: Borderline } | null;
type SideRule = (side: Side, inputs: FlagInputs) => RuleOutcome;

function borderlineOf(id: FlagId, side: Side | 'both', measure: string, value: number, uncertainty: number, limit: number, inputs: FlagInputs, key?: KeyNumberId): RuleOutcome {
  return { borderline: { id, side, title: GUIDANCE[id].title, measure, value: round(value, 2), uncertainty: round(uncertainty, 2), limit, message: settleAdvice(inputs, side, key) } };
}

const u = (inputs: FlagInputs, side: Side, id: KeyNumberId) => inputs.uncertainty[side][id] ?? NaN;

/**
 * Limited push-off: the hip barely extends behind the body in terminal stance, the knee barely bends
 * by toe off, or, where the feet are seen, the ankle barely plantarflexes at push-off (push-off is
 * above all an ankle action: Perry & Burnfield 2010; Winter 2009). Each measure is judged against
 * its own limit with its own uncertainty; the flag's evidence lists every measure the rule used.
 * The ankle's measure is how far it plantarflexes from its stance peak to its push-off peak, not the
 * push-off angle itself: the difference is free of the foot's neutral offset, which a pose model
 * gets wrong by up to 19 deg on the rendered walks (and gave 16 deg on a real walk whose push-off
 * angle then read +12, while its excursion read 15-19 deg).
 */
const PUSH_OFF_HIP_LIMIT = -5;
const PUSH_OFF_KNEE_LIMIT = REFERENCE.kneeAtToeOff.low;
const PUSH_OFF_ANKLE_LIMIT = REFERENCE.pushOffAnkleExcursion.low;
interface PushOffMeasure {
  key: KeyNumberId;
  measure: string;
  reference: ReferenceName;
  limit: number | null;
  direction: 'above' | 'below';
  /** Whether the rule may use it for this side (a stiff swing explains a straight knee at toe off). */
  usable: (kv: CycleKeyValues) => boolean;
}
const PUSH_OFF_MEASURES: readonly PushOffMeasure[] = [
  { key: 'peakHipExtension', measure: 'peak hip extension in terminal stance', reference: 'peakHipExtension', limit: PUSH_OFF_HIP_LIMIT, direction: 'above', usable: () => true },
  { key: 'pushOffAnkleExcursion', measure: 'ankle plantarflexion from its stance peak to push-off', reference: 'pushOffAnkleExcursion', limit: PUSH_OFF_ANKLE_LIMIT, direction: 'below', usable: () => true },
  {
    key: 'kneeAtToeOff',
    measure: 'knee flexion at toe off',
    reference: 'kneeAtToeOff',
    limit: PUSH_OFF_KNEE_LIMIT,
    direction: 'below',
    // A knee that bends little at toe off only means push-off when the swing itself is not stiff.
    usable: (kv) => num(kv.peakSwingKneeFlexion) && kv.peakSwingKneeFlexion >= (REFERENCE.stiffKneeSwingPeak.low ?? 0),
  },
];
const limitedPushOff: SideRule = (side, inputs) => {
  const kv = inputs.keyValues[side];
  if (!num(kv.peakHipExtension)) return null;
  const used = PUSH_OFF_MEASURES.filter((m) => m.limit !== null && num(kv[m.key]) && m.usable(kv)).map((m) => ({ ...m, value: kv[m.key] as number, limit: m.limit as number, ...against(inputs, side, m.key, m.limit as number, m.direction) }));
  const beyond = used.filter((m) => m.call === 'beyond');
  if (!beyond.length) {
    const border = used.find((m) => m.call === 'borderline');
    return border ? borderlineOf('limited-push-off', side, border.measure, border.value, u(inputs, side, border.key), border.limit, inputs, border.key) : null;
  }
  const ev = PUSH_OFF_MEASURES.filter((m) => num(kv[m.key])).map((m) => evidence(m.measure, kv[m.key] as number, m.reference, u(inputs, side, m.key)));
  const hip = used.find((m) => m.key === 'peakHipExtension');
  const ankle = used.find((m) => m.key === 'pushOffAnkleExcursion');
  const severity = SEVERITY_ORDER[Math.max(...beyond.map((m) => SEVERITY_ORDER.indexOf(m.key === 'kneeAtToeOff' ? 'mild' : severityFrom(m.margin, 5, 10))))];
  const extension = -kv.peakHipExtension;
  const parts = [
    `the hip reaches only ${extension >= 0 ? `${round(extension, 0)} deg of extension` : `${round(-extension, 0)} deg short of neutral`} behind the body at the end of stance (healthy walking reaches 5-28 deg)`,
    ...(ankle ? [`the ankle turns the toes down by only ${round(ankle.value, 0)} deg from its stance peak at push-off (healthy walking about 30)`] : []),
    ...(num(kv.kneeAtToeOff) ? [`the knee is bent ${round(kv.kneeAtToeOff, 0)} deg at toe off (healthy 25-60)`] : []),
  ];
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}` : parts[0];
  const message = `${listed.replace(/^t/, 'T')}: the push-off is limited${hip && hip.call !== 'beyond' && ankle?.call === 'beyond' ? ' at the ankle' : ''}.`;
  return { flag: makeFlag('limited-push-off', side, severity, ev, message) };
};

/**
 * Anterior pelvic tilt, estimated: MoveNet has no pelvis landmarks. A pelvis tipped forward rotates
 * the thighs' working range towards flexion (less hip extension behind the body, more flexion at
 * contact) while the lumbar curve tips the trunk line forward; so the proxy needs all three, each
 * clear of its limit. Camera tilt shifts them the same way: the message says so.
 */
const TILT_HIP_EXTENSION_LIMIT = -6;
const TILT_TRUNK_LEAN_LIMIT = 2.5;
const TILT_HIP_AT_CONTACT_LIMIT = 30;
const anteriorPelvicTilt: SideRule = (side, inputs) => {
  const kv = inputs.keyValues[side];
  if (!inputs.trunkVisible || !num(kv.peakHipExtension) || !num(kv.meanTrunkLean) || !num(kv.hipAtInitialContact)) return null;
  const calls = [
    against(inputs, side, 'peakHipExtension', TILT_HIP_EXTENSION_LIMIT, 'above'),
    against(inputs, side, 'meanTrunkLean', TILT_TRUNK_LEAN_LIMIT, 'above'),
    against(inputs, side, 'hipAtInitialContact', TILT_HIP_AT_CONTACT_LIMIT, 'above'),
  ];
  if (calls.some((c) => c.call === null)) return null;
  const deficit = kv.peakHipExtension - -12;
  const estimate = (deficit + 2 * kv.meanTrunkLean) / 2;
  if (calls.some((c) => c.call === 'borderline')) {
    return borderlineOf('anterior-pelvic-tilt', side, 'thigh range shifted forwards with a forward trunk line (pelvic tilt estimate)', estimate, u(inputs, side, 'peakHipExtension'), 5, inputs);
  }
  const severity = estimate >= 15 ? 'marked' : estimate >= 10 ? 'moderate' : 'mild';
  const ev = [
    evidence('peak hip extension (thigh vs vertical)', kv.peakHipExtension, 'peakHipExtension', u(inputs, side, 'peakHipExtension')),
    evidence('mean forward trunk lean', kv.meanTrunkLean, 'trunkLean', u(inputs, side, 'meanTrunkLean')),
    evidence('hip flexion at initial contact', kv.hipAtInitialContact, 'hipAtInitialContact', u(inputs, side, 'hipAtInitialContact')),
  ];
  const message =
    `Estimate: the thigh's range is shifted forwards (peak extension ${round(kv.peakHipExtension, 0)} deg, healthy about -12) while the trunk line leans ` +
    `${round(kv.meanTrunkLean, 0)} deg forward, a pattern that fits an anterior pelvic tilt of roughly ${round(estimate, 0)} deg. ` +
    'The camera sees no pelvis landmarks, so this is an estimate from the hip and trunk lines; a tilted camera can mimic it.';
  return { flag: makeFlag('anterior-pelvic-tilt', side, severity, ev, message, true) };
};

/** Forward trunk lean: the trunk line leans more than 8 deg forward on average (healthy walks: -5 to 4). */
const FORWARD_LEAN_LIMIT = 8;
function forwardLean(inputs: FlagInputs): RuleOutcome {
  if (!inputs.trunkVisible) return null;
  const sides = SIDES.filter((s) => num(inputs.keyValues[s].meanTrunkLean));
  if (!sides.length) return null;
  const lean = sides.reduce((a, s) => a + (inputs.keyValues[s].meanTrunkLean as number), 0) / sides.length;
  const uLean = Math.min(...sides.map((s) => u(inputs, s, 'meanTrunkLean')));
  const call = callLimit(lean, uLean, FORWARD_LEAN_LIMIT, 'above');
  if (call === 'borderline') return borderlineOf('forward-trunk-lean', 'both', 'mean forward trunk lean', lean, uLean, FORWARD_LEAN_LIMIT, inputs);
  if (call !== 'beyond') return null;
  return {
    flag: makeFlag(
      'forward-trunk-lean',
      'both',
      severityFrom(lean - FORWARD_LEAN_LIMIT, 4, 12),
      [evidence('mean forward trunk lean', lean, 'trunkLean', uLean)],
      `The trunk leans ${round(lean, 0)} deg forward on average while walking (healthy walking keeps it within a few degrees of upright).`,
    ),
  };
}

/** A rule on one key number against one limit: flag beyond it by more than u, borderline within u. */
interface SingleMeasureRule {
  id: FlagId;
  key: KeyNumberId;
  /** The reference whose limit is used and cited. */
  reference: ReferenceName;
  direction: 'above' | 'below';
  measure: string;
  /** Margins past the limit for moderate and marked. */
  severitySteps: [number, number];
  /** Further key numbers shown as evidence: [key, measure, reference]. */
  alsoShow?: [KeyNumberId, string, ReferenceName][];
  message: (kv: CycleKeyValues, value: number) => string;
}

function singleMeasure(rule: SingleMeasureRule): SideRule {
  return (side, inputs) => {
    const kv = inputs.keyValues[side];
    const value = kv[rule.key];
    const ref = REFERENCE[rule.reference];
    const limit = rule.direction === 'above' ? ref.high : ref.low;
    if (!num(value) || limit === null) return null;
    const c = against(inputs, side, rule.key, limit, rule.direction);
    if (c.call === 'borderline') return borderlineOf(rule.id, side, rule.measure, value, u(inputs, side, rule.key), limit, inputs, rule.key);
    if (c.call !== 'beyond') return null;
    const ev = [evidence(rule.measure, value, rule.reference, u(inputs, side, rule.key))];
    for (const [key, measure, reference] of rule.alsoShow ?? []) {
      const v = kv[key];
      if (num(v)) ev.push(evidence(measure, v, reference, u(inputs, side, key)));
    }
    return { flag: makeFlag(rule.id, side, severityFrom(c.margin, ...rule.severitySteps), ev, rule.message(kv, value)) };
  };
}

/**
 * Flicking swing: the knee is held bent late in swing and whipped straight at the last moment,
 * instead of extending steadily and being braked before contact. Measured as the knee extension
 * still to come at 88 % of the cycle (key number lateSwingKneeExtension); the fastest extension
 * and any snap past straight are shown as further evidence.
 */
const flickingSwing = singleMeasure({
  id: 'flicking-swing',
  key: 'lateSwingKneeExtension',
  reference: 'lateSwingKneeExtension',
  direction: 'above',
  measure: 'knee extension left for the last 12 % of the cycle',
  severitySteps: [6, 12],
  alsoShow: [['terminalSwingKneeMin', 'smallest knee flexion in terminal swing', 'terminalSwingKneeMin']],
  message: (kv, value) => {
    const snap = num(kv.terminalSwingKneeMin) && kv.terminalSwingKneeMin < 0 ? `, snapping ${round(-kv.terminalSwingKneeMin, 0)} deg past straight` : '';
    const speed = num(kv.peakSwingKneeExtensionVelocity) ? ` at up to ${round(kv.peakSwingKneeExtensionVelocity, 0)} deg/s` : '';
    return `The knee stays bent late in swing and still has ${round(value, 0)} deg to straighten in the last eighth of the stride (healthy walks: 12-34 deg); it is whipped straight${speed}${snap}: an aggressive, "flicking" swing that is not braked before the heel lands.`;
  },
});

/** Stiff-knee swing: peak swing knee flexion under 40 deg (healthy 44-76; myogait rule). */
const stiffKnee = singleMeasure({
  id: 'stiff-knee-swing',
  key: 'peakSwingKneeFlexion',
  reference: 'stiffKneeSwingPeak',
  direction: 'below',
  measure: 'peak knee flexion in swing',
  severitySteps: [5, 15],
  message: (_kv, value) => `The knee bends only ${round(value, 0)} deg in swing (healthy 44-76): a stiff-knee swing.`,
});

/** Crouch: the knee stays bent more than 20 deg through stance (myogait's 15 raised on healthy evidence). */
const crouch = singleMeasure({
  id: 'crouch',
  key: 'minStanceKneeFlexion',
  reference: 'minStanceKneeFlexion',
  direction: 'above',
  measure: 'smallest knee flexion in stance',
  severitySteps: [10, 30],
  message: (_kv, value) => `The knee never straightens beyond ${round(value, 0)} deg of flexion during stance (healthy walks: under 17 deg).`,
});

/** Overstriding: the ankle lands more than half a leg length ahead of the pelvis (healthy 0.25-0.43). */
const overstriding = singleMeasure({
  id: 'overstriding',
  key: 'stepReachLegLengths',
  reference: 'stepReachLegLengths',
  direction: 'above',
  measure: 'ankle ahead of the pelvis at initial contact',
  severitySteps: [0.1, 0.2],
  alsoShow: [
    ['hipAtInitialContact', 'hip flexion at initial contact', 'hipAtInitialContact'],
    ['kneeAtInitialContact', 'knee flexion at initial contact', 'kneeAtInitialContact'],
  ],
  message: (_kv, value) => `The foot lands ${round(value, 2)} leg lengths ahead of the pelvis (healthy about 0.25-0.45): overstriding.`,
});

const SIDE_RULES: SideRule[] = [limitedPushOff, anteriorPelvicTilt, flickingSwing, stiffKnee, crouch, overstriding];

/**
 * Left-right differences beyond which the angles count as asymmetric, after the camera's own
 * near/far-leg difference is taken out (NEAR_FAR_BIAS). Healthy walks of the calibration set differ
 * by up to 8.9 deg (knee) and 6.3 deg (hip) clean, 13.8 / 7.0 with noise; the limits sit there, and
 * the flag needs the difference to clear them by more than its uncertainty.
 */
export const ASYMMETRY_HIP_DEG = 8;
export const ASYMMETRY_KNEE_DEG = 12;
/**
 * What one side camera gets wrong by itself: the far leg is partly hidden behind the near one. On
 * the rendered fixture walks (identical legs, fixtures/README.md) MoveNet read the far leg's peak
 * swing knee flexion 10-13 deg lower and its peak hip extension 6-7 deg smaller than the near leg's.
 * On the real Sports2D walk the far leg read 3.5 deg MORE hip extension than the near one, so the
 * direction is not reliable enough to subtract: the difference is accounted for instead, as an
 * allowance added to the limit for models that show it (the upper end of the measured ranges).
 * BlazePose, tracked by the app on the rendered walks with feet (fixtures/tracks; identical legs,
 * forward walks): full read the legs' peak swing knee flexion 8.9-17.6 deg apart and their peak hip
 * extension 1.1-4.7; lite 12.0-24.6 and 0.2-2.9.
 */
export const NEAR_FAR_ALLOWANCE: Record<string, { peakSwingKneeFlexion: number; peakHipExtension: number }> = {
  'movenet-lightning': { peakSwingKneeFlexion: 13, peakHipExtension: 7 },
  'movenet-thunder': { peakSwingKneeFlexion: 13, peakHipExtension: 7 },
  'blazepose-full': { peakSwingKneeFlexion: 18, peakHipExtension: 5 },
  'blazepose-heavy': { peakSwingKneeFlexion: 18, peakHipExtension: 5 },
  'blazepose-lite': { peakSwingKneeFlexion: 25, peakHipExtension: 3 },
};
const SYMMETRY_SOURCE = 'healthy walks of the calibration set (left-right differences up to 8.9 deg knee, 6.3 deg hip) and 2D-video error (Stenum et al. 2021)';

function randomPart(values: CycleKeyValues[], id: KeyNumberId): number {
  const list = values.map((v) => v[id]).filter(num);
  return meanUncertainty(list, 0, keyNumber(id).typicalSd);
}

function asymmetry(inputs: FlagInputs): RuleOutcome {
  const { left, right } = inputs.keyValues;
  const ev: Evidence[] = [];
  const borders: RuleOutcome[] = [];
  const si = inputs.summary.symmetry;
  const siU = inputs.summaryUncertainty.symmetry;
  const symmetryLimit = REFERENCE.symmetryIndex.high;
  for (const [key, measure] of [['stepTime', 'step time symmetry index'], ['stanceTime', 'stance time symmetry index']] as const) {
    const v = si[key];
    if (!num(v)) continue;
    const call = callLimit(v, siU[key] ?? NaN, symmetryLimit, 'above');
    if (call === 'beyond') ev.push(evidence(measure, v, 'symmetryIndex', siU[key]));
    if (call === 'borderline') borders.push(borderlineOf('asymmetry', 'both', measure, v, siU[key] ?? NaN, symmetryLimit, inputs));
  }
  const allowance = NEAR_FAR_ALLOWANCE[inputs.model.id];
  const angleRows: [KeyNumberId & ('peakHipExtension' | 'peakSwingKneeFlexion'), number, string][] = [
    ['peakHipExtension', ASYMMETRY_HIP_DEG, 'left-right difference in peak hip extension'],
    ['peakSwingKneeFlexion', ASYMMETRY_KNEE_DEG, 'left-right difference in peak swing knee flexion'],
  ];
  for (const [id, baseLimit, measure] of angleRows) {
    const l = left[id];
    const r = right[id];
    if (!num(l) || !num(r)) continue;
    const diff = Math.abs(l - r);
    const limit = baseLimit + (allowance ? allowance[id] : 0);
    const uDiff = Math.hypot(randomPart(inputs.cycleValues.left, id), randomPart(inputs.cycleValues.right, id));
    const call = callLimit(diff, uDiff, limit, 'above');
    const source = allowance
      ? `${SYMMETRY_SOURCE}; plus ${allowance[id]} deg that a single side camera reads between the near and the far leg with this model (rendered walks with identical legs)`
      : SYMMETRY_SOURCE;
    if (call === 'beyond') ev.push({ measure, value: round(diff, 1), unit: 'deg', uncertainty: round(uDiff, 1), reference: { low: 0, high: limit, source } });
    if (call === 'borderline') borders.push(borderlineOf('asymmetry', 'both', measure, diff, uDiff, limit, inputs, id));
  }
  if (!ev.length) return borders[0] ?? null;
  const worst = Math.max(...ev.map((e) => e.value / (e.reference.high ?? 1)));
  const severity: Severity = worst >= 2.5 ? 'marked' : worst >= 1.6 ? 'moderate' : 'mild';
  const parts = ev.map((e) => `${e.measure} ${e.value} ${e.unit}`);
  return { flag: makeFlag('asymmetry', 'both', severity, ev, `The two legs move differently: ${parts.join('; ')}.`) };
}

/** Cadence outside what healthy adults walk at (85-145 steps/min: slow walkers to fast walking). */
function cadence(inputs: FlagInputs): RuleOutcome {
  const c = inputs.summary.cadence;
  if (!num(c)) return null;
  const uc = inputs.summaryUncertainty.cadence ?? NaN;
  const { low, high } = REFERENCE.cadence;
  const lowCall = callLimit(c, uc, low, 'below');
  const highCall = callLimit(c, uc, high, 'above');
  if (lowCall === 'beyond') {
    return { flag: makeFlag('cadence-low', 'both', c < (REFERENCE.cadenceLab.low ?? 81) - 10 ? 'moderate' : 'mild', [evidence('cadence', c, 'cadence', uc)], `Cadence is ${round(c, 0)} steps/min, below the 85-145 that healthy adults walk at (typical 100-120).`) };
  }
  if (highCall === 'beyond') {
    return { flag: makeFlag('cadence-high', 'both', c > high + 15 ? 'moderate' : 'mild', [evidence('cadence', c, 'cadence', uc)], `Cadence is ${round(c, 0)} steps/min, above the 85-145 that healthy adults walk at (typical 100-120).`) };
  }
  if (lowCall === 'borderline') return borderlineOf('cadence-low', 'both', 'cadence', c, uc, low, inputs);
  if (highCall === 'borderline') return borderlineOf('cadence-high', 'both', 'cadence', c, uc, high, inputs);
  return null;
}

const SEVERITY_ORDER: Severity[] = ['mild', 'moderate', 'marked'];

/** Runs every rule; a side rule raised on both legs becomes one flag for both. */
export function evaluateFlags(inputs: FlagInputs): FlagResult {
  const flags: Flag[] = [];
  const borderline: Borderline[] = [];
  for (const rule of SIDE_RULES) {
    const raised: { side: Side; flag: Flag }[] = [];
    for (const side of SIDES) {
      if (inputs.cycles[side] === 0) continue;
      const outcome = rule(side, inputs);
      if (outcome && 'flag' in outcome) raised.push({ side, flag: outcome.flag });
      if (outcome && 'borderline' in outcome) borderline.push(outcome.borderline);
    }
    if (raised.length === 2) {
      const [a, b] = raised;
      const worse = SEVERITY_ORDER.indexOf(a.flag.severity) >= SEVERITY_ORDER.indexOf(b.flag.severity) ? a : b;
      flags.push({
        ...worse.flag,
        side: 'both',
        evidence: [...a.flag.evidence.map((e) => ({ ...e, measure: `left ${e.measure}` })), ...b.flag.evidence.map((e) => ({ ...e, measure: `right ${e.measure}` }))],
        message: `Both legs. ${worse.flag.message}`,
      });
    } else if (raised.length === 1) {
      const { side, flag } = raised[0];
      flags.push({ ...flag, side, message: `${side === 'left' ? 'Left' : 'Right'} leg. ${flag.message}` });
    }
  }
  for (const rule of [forwardLean, asymmetry, cadence]) {
    const outcome = rule(inputs);
    if (outcome && 'flag' in outcome) flags.push(outcome.flag);
    if (outcome && 'borderline' in outcome) borderline.push(outcome.borderline);
  }
  return { flags, borderline };
}
