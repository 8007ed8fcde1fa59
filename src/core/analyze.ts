import type { GaitPoseTrack } from './format/poseTrack';
import { LEG_POINTS, SIDE_POINTS } from './format/bodyPoints';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  SIDES,
  type AnalysisOptions,
  type CaptureRate,
  type GaitCycle,
  type GaitReport,
  type Pass,
  type PhaseName,
  type Quality,
  type Side,
  type FootStrike,
  type SideAngles,
  type Summary,
  type Walking,
  type WalkingKindResult,
  WALKING_KINDS,
} from './format/report';
import { toColumns, type TrackColumns } from './clean/columns';
import { cleanTrack, type CleanResult } from './clean/clean';
import { MIN_KEYPOINT_SCORE } from './clean/gate';
import { detectView, farLeg, type PassSpan, type ViewResult } from './view/view';
import { LEG_LENGTH_PER_BODY_HEIGHT } from './view/bodyScale';
import { computeAngles, type AngleColumns } from './angles/angles';
import { footAngleColumns, type FootAngleColumns } from './angles/ankle';
import { passStrikes, summarizeStrikes } from './events/strikePattern';
import { smoothAngles } from './angles/smooth';
import { residualCutoff } from './signal/residualCutoff';
import { DEFAULT_CUTOFF_HZ } from './signal/butterworth';
import { zeniSignal } from './events/zeni';
import type { EventDetector, FootPoint, SideEvents } from './events/detector';
import { chooseEventDetector, EVENT_DETECTORS } from './events/registry';
import { applyEventOverrides } from './events/override';
import { buildCycles, typicalStrideTime, type CycleTiming } from './cycles/cycles';
import { legAtFrameEdge } from './cycles/frameEdge';
import { cycleMetrics } from './metrics/cycleMetrics';
import { aggregateSide } from './metrics/aggregate';
import { spatiotemporalSummary, spatiotemporalUncertainty, symmetryIndex } from './metrics/spatiotemporal';
import { poseModelError, type PoseModelError } from './metrics/uncertainty';
import { evaluateFlags } from './flags/rules';
import { checkLegLabels, type LegLabelCheck } from './events/legLabels';
import { GaitAnalysisError } from './errors';
import { lowerBound, round, roundOrNull, valueAt } from './util/stats';

export const GENERATOR = 'gait-analysis core 0.1.0';

/** Below this share of frames with the legs detected there is nobody to analyse. */
const MIN_DETECTED_FRACTION = 0.2;

function detectionStats(raw: TrackColumns): { detectedFraction: number; meanKeypointScore: number } {
  const n = raw.t.length;
  let detected = 0;
  let scoreSum = 0;
  for (let i = 0; i < n; i++) {
    let all = true;
    for (const k of LEG_POINTS) {
      scoreSum += raw.score[k][i];
      if (Number.isNaN(raw.x[k][i]) || raw.score[k][i] < MIN_KEYPOINT_SCORE) all = false;
    }
    if (all) detected++;
  }
  return { detectedFraction: n ? detected / n : 0, meanKeypointScore: n ? scoreSum / (n * LEG_POINTS.length) : 0 };
}

/** The foot points a track has on both sides (seen in at least one frame). */
function footPointsOf(raw: TrackColumns): Set<FootPoint> {
  const seen = (k: number) => raw.x[k].some((v) => !Number.isNaN(v));
  const out = new Set<FootPoint>();
  for (const p of ['ankle', 'heel', 'toe'] as const) if (SIDES.every((s) => seen(SIDE_POINTS[s][p]))) out.add(p);
  return out;
}

function facingPerFrame(n: number, passes: PassSpan[]): Int8Array {
  const facing = new Int8Array(n);
  for (const p of passes) facing.fill(p.facing, p.i0, p.i1 + 1);
  return facing;
}

/** Ankle ahead of the pelvis along each pass's travel direction, per side (pixels). */
function reachSeries(c: TrackColumns, view: ViewResult): Record<Side, Float64Array> {
  const out = { left: new Float64Array(c.t.length).fill(NaN), right: new Float64Array(c.t.length).fill(NaN) };
  for (const pass of view.passes) {
    for (const side of SIDES) {
      const s = zeniSignal(c, view.pelvisX, side, pass);
      for (let i = pass.i0; i <= pass.i1; i++) out[side][i] = s[i];
    }
  }
  return out;
}

function frameSeries(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => roundOrNull(v));
}

function phaseLabels(t: Float64Array, cycles: GaitCycle[]): (PhaseName | null)[] {
  const labels: (PhaseName | null)[] = new Array(t.length).fill(null);
  for (const cycle of cycles) {
    for (const [phase, [a, b]] of Object.entries(cycle.phases) as [PhaseName, [number, number]][]) {
      for (let i = lowerBound(t, a); i < t.length && t[i] < b; i++) labels[i] = phase;
    }
  }
  return labels;
}

/** Around an initial contact, the frames whose foot position the strike angle is read from (and a frame either side). */
const EDGE_CONTACT_WINDOW_S = 0.05;

function noPersonError(detectedFraction: number): GaitAnalysisError {
  return new GaitAnalysisError(
    'no-person',
    `Nobody was found walking: the legs were detected in only ${Math.round(detectedFraction * 100)} % of the frames. ` +
      'Film the whole body, hips to feet at least, in good light.',
  );
}

function explainNoWalking(view: ViewResult): GaitAnalysisError {
  if (!view.sideView.ok) return new GaitAnalysisError('not-side-view', view.sideView.message);
  return new GaitAnalysisError(
    'no-walking',
    'No stretch of steady walking was found (at least about one second walking in one direction). ' +
      'Walk at your usual pace across the camera\'s view, or on a treadmill seen from the side.',
  );
}

/**
 * The whole analysis: pose track in, gait report out. Pure: no DOM, no I/O.
 * Throws GaitAnalysisError (with a message for the user) when the track cannot be analysed.
 * `detectors`: the event detectors to choose from (the registry's; an evaluation may pin one).
 */
export function analyzeTrack(track: GaitPoseTrack, options: AnalysisOptions = {}, detectors: readonly EventDetector[] = EVENT_DETECTORS): GaitReport {
  const raw = toColumns(track);
  const { detectedFraction, meanKeypointScore } = detectionStats(raw);
  if (detectedFraction < MIN_DETECTED_FRACTION) throw noPersonError(detectedFraction);
  const clean: CleanResult = cleanTrack(raw, options.cutoffHz);
  const c = clean.columns;
  const view = detectView(c, clean.legLength, options.setting);
  if (view.passes.length === 0) throw explainNoWalking(view);
  if (view.sideView.frontal) throw new GaitAnalysisError('not-side-view', view.sideView.message);

  const footPoints = footPointsOf(raw);
  const detector = chooseEventDetector(footPoints, detectors);
  const detectedEvents: Record<Side, SideEvents[]> = detector.detect({ columns: c, pelvisX: view.pelvisX, passes: view.passes });
  // Hand-corrected events, when given, replace the detected ones per leg.
  const eventsPerPass = applyEventOverrides(detectedEvents, options.events, view.passes.map((p) => [c.t[p.i0], c.t[p.i1]] as const));

  const rawAngles = computeAngles(clean.repaired, facingPerFrame(c.t.length, view.passes));
  // The ankle where the track has heels and toes (its foot-flat offset found per pass, in the stances the events mark).
  const feet: FootAngleColumns | null = footPoints.has('heel') && footPoints.has('toe') ? footAngleColumns(clean.repaired, c, view.passes, eventsPerPass) : null;
  if (feet) for (const side of SIDES) rawAngles[side].ankleFlexion = feet.ankle[side];
  const cutoffHz =
    options.cutoffHz ??
    residualCutoff(c.t, [rawAngles.left.hipFlexion, rawAngles.right.hipFlexion, rawAngles.left.kneeFlexion, rawAngles.right.kneeFlexion], DEFAULT_CUTOFF_HZ).cutoffHz;
  const angles: AngleColumns = smoothAngles(c.t, rawAngles, cutoffHz);
  // Left and right really two legs? (A model that swaps the labels at every step gives each leg an event per step.)
  const legLabels = checkLegLabels(c, view.passes, eventsPerPass);
  const typicalStride = typicalStrideTime([...eventsPerPass.left, ...eventsPerPass.right].map((e) => e.heelStrikes));
  const timings: Record<Side, CycleTiming[]> = { left: [], right: [] };
  const rejectedReasons: string[] = [];
  view.passes.forEach((_, p) => {
    for (const side of SIDES) {
      const other: Side = side === 'left' ? 'right' : 'left';
      const built = buildCycles(side, p, eventsPerPass[side][p], eventsPerPass[other][p], c.t, angles[side].shank, typicalStride);
      // A stride whose leg reached the edge of the picture is the pose model's guess there.
      const atEdge = built.cycles.filter((cycle) => legAtFrameEdge(c, side, cycle.start, cycle.end, track, clean.legLength));
      timings[side].push(...built.cycles.filter((cycle) => !atEdge.includes(cycle)));
      rejectedReasons.push(...built.rejected.map((r) => r.reason), ...atEdge.map(() => `the ${side} leg reached the edge of the picture`));
    }
  });
  const totalCycles = timings.left.length + timings.right.length;
  if (totalCycles === 0) {
    if (!view.sideView.ok) throw new GaitAnalysisError('not-side-view', view.sideView.message);
    const strikes = eventsPerPass.left.concat(eventsPerPass.right).reduce((n, e) => n + e.heelStrikes.length, 0);
    throw new GaitAnalysisError(
      'too-few-steps',
      `Too few steps to analyse: ${strikes} heel strike${strikes === 1 ? '' : 's'} found, but a gait cycle needs two heel strikes of the same foot ` +
        'with the other foot\'s steps in between. Record at least 3-4 steps of steady walking (about 5 seconds).',
    );
  }

  const model = poseModelError(track.source);
  const reach = reachSeries(c, view);
  // How each foot lands at each initial contact (Altman & Davis 2012), where the feet are seen.
  // A contact made with the foot at the edge of the picture is not read (cycles/frameEdge.ts).
  const strikesOf = (side: Side, p: number): FootStrike[] =>
    passStrikes(c, side, view.passes[p], feet!.offsets[p], eventsPerPass[side][p].heelStrikes).map((strike) =>
      legAtFrameEdge(c, side, strike.t - EDGE_CONTACT_WINDOW_S, strike.t + EDGE_CONTACT_WINDOW_S, track, clean.legLength) ? { ...strike, footAngle: null, pattern: null } : strike,
    );
  const strikesPerPass: Record<Side, FootStrike[][]> | null = feet
    ? { left: view.passes.map((_, p) => strikesOf('left', p)), right: view.passes.map((_, p) => strikesOf('right', p)) }
    : null;
  const allCycles: Record<Side, GaitCycle[]> = { left: [], right: [] };
  for (const side of SIDES) {
    allCycles[side] = timings[side].map((timing) => {
      const cycle = cycleMetrics(timing, { t: c.t, angles, reach: reach[side], legLength: clean.legLength });
      const strike = strikesPerPass?.[side][timing.pass].find((s) => s.t === cycle.start);
      return strike ? { ...cycle, strike } : cycle;
    });
  }

  const passes: Pass[] = view.passes.map((p, index) => ({
    index,
    start: c.t[p.i0],
    end: c.t[p.i1],
    direction: p.direction,
    walking: p.walking,
  }));
  const passDuration = (p: Pass) => p.end - p.start;
  const totalWalking = passes.reduce((s, p) => s + passDuration(p), 0);
  const backwardPercent = totalWalking > 0 ? (100 * passes.filter((p) => p.walking === 'backward').reduce((s, p) => s + passDuration(p), 0)) / totalWalking : 0;

  // Forward and backward walking are analysed apart, never pooled (docs/design.md, section 6).
  const kindInputs: KindInputs = { passes, eventsPerPass, strikesPerPass, timings, allCycles, model, view, clean, options, c, backwardPercent, totalWalking, legLabels };
  const byWalking: GaitReport['byWalking'] = {};
  for (const kind of WALKING_KINDS) {
    if (passes.some((p) => p.walking === kind)) byWalking[kind] = analyzeKind(kind, kindInputs);
  }
  // The headline is forward walking whenever it has cycles; backward walking otherwise.
  const primaryKind: Walking = byWalking.forward?.status === 'analysed' ? 'forward' : 'backward';
  const primary = byWalking[primaryKind]!;
  const primaryPasses = passes.filter((p) => p.walking === primaryKind);
  const main = primaryPasses.reduce((x, y) => (passDuration(y) > passDuration(x) ? y : x));
  const forwardCycles = byWalking.forward?.status === 'analysed' ? byWalking.forward.usableCycles : { left: 0, right: 0 };

  const quality: Quality = {
    frames: c.t.length,
    detectedFraction: roundOrNull(detectedFraction, 3) ?? 0,
    meanKeypointScore: roundOrNull(meanKeypointScore, 3) ?? 0,
    sideView: { ok: view.sideView.ok, score: roundOrNull(view.sideView.score, 2) ?? 0, message: view.sideView.message },
    usableCycles: { left: allCycles.left.length, right: allCycles.right.length },
    legSwapsRepaired: clean.legSwapsRepaired,
    gapsFilled: clean.gapsFilled,
    gapsLeft: clean.gapsLeft,
    lowConfidenceDropped: clean.lowConfidenceDropped,
    trunkVisible: view.trunkVisible,
    filter: { ...clean.filter, angleCutoffHz: cutoffHz },
    eventDetector: { id: detector.id, reference: detector.reference },
    ...(feet ? { feet: { footOffsetDeg: feet.offsets.map((o) => (o ? roundOrNull(o.footOffsetDeg) : null)) } } : {}),
    passes: passes.length,
    warnings: warnings(view, byWalking, detectedFraction, clean, rejectedReasons, forwardCycles, legLabels),
  };

  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generator: GENERATOR,
    fps: roundOrNull(track.fps, 3) ?? track.fps,
    width: track.width,
    height: track.height,
    ...(track.source ? { source: { kind: track.source.kind, name: track.source.name, model: track.source.model, ...captureOf(track.source) } } : {}),
    direction: main.direction,
    walking: main.walking,
    setting: view.setting,
    passes,
    quality,
    frames: {
      t: Array.from(c.t),
      angles: { left: sideFrameAngles(angles, 'left'), right: sideFrameAngles(angles, 'right') },
      trunkLean: frameSeries(angles.trunkLean),
      phase: { left: phaseLabels(c.t, allCycles.left), right: phaseLabels(c.t, allCycles.right) },
    },
    sides: primary.sides!,
    summary: primary.summary!,
    flags: primary.flags,
    borderline: primary.borderline,
    byWalking,
    options: { ...options },
  };
}

function sideFrameAngles(angles: AngleColumns, side: Side): SideAngles {
  const a = angles[side];
  return {
    hipFlexion: frameSeries(a.hipFlexion),
    hipFlexionTrunk: frameSeries(a.hipFlexionTrunk),
    kneeFlexion: frameSeries(a.kneeFlexion),
    ...(a.ankleFlexion ? { ankleFlexion: frameSeries(a.ankleFlexion) } : {}),
  };
}

interface KindInputs {
  passes: Pass[];
  eventsPerPass: Record<Side, SideEvents[]>;
  /** Per side and pass, the strike pattern of each initial contact; null without feet. */
  strikesPerPass: Record<Side, FootStrike[][]> | null;
  timings: Record<Side, CycleTiming[]>;
  allCycles: Record<Side, GaitCycle[]>;
  model: PoseModelError;
  view: ViewResult;
  clean: CleanResult;
  options: AnalysisOptions;
  c: TrackColumns;
  backwardPercent: number;
  totalWalking: number;
  /** Per pass: whether the two legs' events are really two legs (legLabels.ts). */
  legLabels: LegLabelCheck[];
}

/**
 * One kind of walking (forward or backward) on its own: its passes' events and cycles only, its own
 * spatiotemporal numbers, key values and uncertainties, and flags for forward walking (the healthy
 * references and rules describe forward walking; backward walking is described, not judged).
 */
function analyzeKind(kind: Walking, k: KindInputs): WalkingKindResult {
  const ofKind = (pass: number) => k.passes[pass].walking === kind;
  const passIndices = k.passes.filter((p) => p.walking === kind).map((p) => p.index);
  const seconds = k.passes.filter((p) => p.walking === kind).reduce((sum, p) => sum + (p.end - p.start), 0);
  const base = {
    walking: kind,
    passes: passIndices,
    seconds: round(seconds, 2),
    percentOfWalking: k.totalWalking > 0 ? round((100 * seconds) / k.totalWalking, 1) : 0,
  };
  const timings = { left: k.timings.left.filter((t) => ofKind(t.pass)), right: k.timings.right.filter((t) => ofKind(t.pass)) };
  const cycles = { left: k.allCycles.left.filter((x) => ofKind(x.pass)), right: k.allCycles.right.filter((x) => ofKind(x.pass)) };
  const usableCycles = { left: cycles.left.length, right: cycles.right.length };
  if (usableCycles.left + usableCycles.right === 0) {
    return {
      ...base,
      status: 'not-enough-steps',
      message: `Not enough steps of ${kind} walking to analyse: no complete gait cycle in ${round(seconds, 1)} s. Walk ${kind === 'backward' ? 'backwards' : 'forwards'} for at least 3-4 steps in a row.`,
      usableCycles,
      sides: null,
      summary: null,
      flags: [],
      borderline: [],
    };
  }
  const eventsOfKind = (side: Side) => k.eventsPerPass[side].map((e, p) => (ofKind(p) ? e : { heelStrikes: [], toeOffs: [] }));
  const events = { left: eventsOfKind('left'), right: eventsOfKind('right') };
  // The share of each leg's cycles in which it was the leg farther from the camera.
  const farShareOf = (s: Side) => (cycles[s].length ? cycles[s].filter((c) => farLeg(k.view.passes[c.pass].facing) === s).length / cycles[s].length : 0);
  const farShare = { left: farShareOf('left'), right: farShareOf('right') };
  const side = (s: Side) => {
    const result = aggregateSide(events[s].flatMap((e) => e.heelStrikes), events[s].flatMap((e) => e.toeOffs), cycles[s], k.model, k.strikesPerPass !== null, farShare[s]);
    if (!k.strikesPerPass) return result;
    const strikes = k.strikesPerPass[s].filter((_, p) => ofKind(p)).flat();
    return { ...result, strikes, strikeSummary: summarizeStrikes(strikes, kind, k.model) };
  };
  const sides = { left: side('left'), right: side('right') };
  const strideLengths = strideLengthsM(timings, k.view, k.clean, k.options, k.c);
  const heelStrikesPerPass = { left: events.left.map((e) => e.heelStrikes), right: events.right.map((e) => e.heelStrikes) };
  const st = spatiotemporalSummary({
    cycles: timings,
    heelStrikesPerPass,
    strideLengthsM: strideLengths.values,
    strideLengthMethod: strideLengths.method,
    backwardPercent: k.backwardPercent,
  });
  const stU = spatiotemporalUncertainty(timings, heelStrikesPerPass, k.model);
  const keyValues = { left: sides.left.keyValues, right: sides.right.keyValues };
  const kvU = { left: sides.left.keyValueUncertainty, right: sides.right.keyValueUncertainty };
  const indexU = (key: 'hipRange' | 'peakSwingKneeFlexion') => {
    const l = keyValues.left[key];
    const r = keyValues.right[key];
    const ul = kvU.left[key];
    const ur = kvU.right[key];
    return l !== null && r !== null && ul !== null && ur !== null && Math.abs(l) + Math.abs(r) > 0 ? roundOrNull((200 * Math.hypot(ul, ur)) / (Math.abs(l) + Math.abs(r)), 1) : null;
  };
  const summary: Summary = {
    ...st,
    symmetry: {
      ...st.symmetry,
      hipRange: symmetryIndex(keyValues.left.hipRange, keyValues.right.hipRange),
      peakSwingKneeFlexion: symmetryIndex(keyValues.left.peakSwingKneeFlexion, keyValues.right.peakSwingKneeFlexion),
    },
    keyValues,
    keyValueUncertainty: kvU,
    uncertainty: {
      ...stU,
      symmetry: { ...stU.symmetry, hipRange: indexU('hipRange'), peakSwingKneeFlexion: indexU('peakSwingKneeFlexion') },
      poseModel: { id: k.model.id, source: k.model.source },
    },
  };
  // Cycles built on legs the pose model kept confusing mix both legs: nothing is judged on them.
  const legsConfused = k.legLabels.some((check, p) => ofKind(p) && check.confused);
  const judged =
    kind === 'forward' && !legsConfused
      ? evaluateFlags({
          keyValues,
          uncertainty: kvU,
          cycleValues: { left: cycles.left.map((x) => x.keyValues), right: cycles.right.map((x) => x.keyValues) },
          cycles: usableCycles,
          summary,
          summaryUncertainty: summary.uncertainty,
          trunkVisible: k.view.trunkVisible,
          model: k.model,
          farShare,
        })
      : { flags: [], borderline: [] };
  return { ...base, status: 'analysed', message: null, usableCycles, sides, summary, flags: judged.flags, borderline: judged.borderline };
}

function strideLengthsM(
  timings: Record<Side, CycleTiming[]>,
  view: ViewResult,
  clean: CleanResult,
  options: AnalysisOptions,
  c: TrackColumns,
): { values: number[] | null; method: 'treadmill-speed' | 'body-height' | null } {
  const all = [...timings.left, ...timings.right];
  if (options.treadmillSpeedMps && options.treadmillSpeedMps > 0) {
    return { values: all.map((t) => options.treadmillSpeedMps! * (t.end - t.start)), method: 'treadmill-speed' };
  }
  if (options.bodyHeightM && options.bodyHeightM > 0 && view.setting === 'overground') {
    // Pixels to metres from the leg length (0.491 of body height, Winter 2009).
    const metresPerPixel = (options.bodyHeightM * LEG_LENGTH_PER_BODY_HEIGHT) / clean.legLength;
    const values = all
      .map((t) => Math.abs(valueAt(c.t, view.pelvisX, t.end) - valueAt(c.t, view.pelvisX, t.start)) * metresPerPixel)
      .filter(Number.isFinite);
    return { values, method: 'body-height' };
  }
  return { values: null, method: null };
}

function warnings(
  view: ViewResult,
  byWalking: GaitReport['byWalking'],
  detectedFraction: number,
  clean: CleanResult,
  rejected: string[],
  forwardCycles: Record<Side, number>,
  legLabels: readonly LegLabelCheck[],
): string[] {
  const out: string[] = [];
  if (legLabels.some((x) => x.confused)) {
    out.push(
      'The pose model kept mixing up the left and right legs: one leg has heel strikes a single step apart, which belong to the other leg. ' +
        'Its numbers mix both legs and no patterns were flagged. Film again with the walker clearly side-on, or try another pose model.',
    );
  }
  if (!view.sideView.ok) out.push(view.sideView.message);
  const kinds = Object.values(byWalking).filter((x): x is WalkingKindResult => x !== undefined);
  for (const kind of kinds) {
    const of = kinds.length > 1 ? ` of ${kind.walking} walking` : '';
    if (kind.status === 'not-enough-steps') {
      if (kind.message) out.push(kind.message);
      continue;
    }
    for (const side of SIDES) {
      const n = kind.usableCycles[side];
      if (n < 2) out.push(`Only ${n} usable ${side} gait cycle${n === 1 ? '' : 's'}${of}: the ${side} values rest on little data; record more steps.`);
    }
  }
  if (kinds.length > 1) {
    const f = byWalking.forward?.percentOfWalking ?? 0;
    const b = byWalking.backward?.percentOfWalking ?? 0;
    out.push(`The recording holds forward and backward walking (forward ${Math.round(f)} %, backward ${Math.round(b)} % of walking time): each is analysed on its own, never pooled.`);
  }
  if (detectedFraction < 0.8) out.push(`The legs were fully detected in only ${Math.round(detectedFraction * 100)} % of frames: light, clothing or framing make the keypoints uncertain.`);
  if (!view.trunkVisible) out.push('No shoulders in view (legs-only framing): trunk lean, thigh-vs-trunk hip angles and the pelvic-tilt estimate are unavailable.');
  const total = clean.columns.t.length;
  if (clean.legSwapsRepaired > 0.15 * total) out.push(`Left and right legs were confused in ${Math.round((100 * clean.legSwapsRepaired) / total)} % of frames and repaired; check the overlay.`);
  if (rejected.length) out.push(`${rejected.length} stride${rejected.length === 1 ? ' was' : 's were'} left out (${[...new Set(rejected)].slice(0, 3).join('; ')}).`);
  if (forwardCycles.left + forwardCycles.right === 0) out.push('All analysed walking was backwards: the healthy reference values describe forward walking, so no patterns were flagged.');
  if (clean.filter.variableFrameRate) out.push('Variable frame rate: the frames were resampled to an even rate for filtering.');
  return out;
}

/** The track's `source.capture` (how the video was filmed), when it has a usable one. */
function captureOf(source: NonNullable<GaitPoseTrack['source']>): { capture?: CaptureRate } {
  const c = source.capture as Partial<CaptureRate> | undefined;
  if (!c || typeof c.fps !== 'number' || !(c.fps > 0) || typeof c.trackedFps !== 'number') return {};
  return { capture: { fps: c.fps, slowMotion: c.slowMotion === true, slowedBy: typeof c.slowedBy === 'number' ? c.slowedBy : null, trackedFps: c.trackedFps } };
}
