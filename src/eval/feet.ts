/**
 * Scoring the foot units (ankle angle, heel/toe event detectors, strike pattern) against a
 * synthetic walk's foot truth. Pure; used by test/feet.test.ts and scripts/eval-feet.ts.
 *
 * The track's keypoints are looked up by name (bodyPoints.ts: any layout with hips, knees, ankles,
 * heels and toes, e.g. the walker with feet or BlazePose) and cleaned by the analysis' own
 * cleanTrack (confidence gating, left/right swap repair that moves the feet too, gaps up to 0.15 s
 * filled, 6 Hz zero-lag low-pass). Passes, travel sign and walking direction come from the truth
 * (the view analysis finds them in the app).
 */
import { ankleAngle, footFlatOffset, stanceRanges, type Point2 } from '../core/angles/ankle';
import { footVelocityEvents, heelToeZeniDetector, zeniFootEvents, type FootEventInput } from '../core/events/footEvents';
import { ankleZeniDetector } from '../core/events/zeni';
import { strikePatterns, type StrikeKind } from '../core/events/strikePattern';
import type { SideEvents } from '../core/events/detector';
import { cleanTrack } from '../core/clean/clean';
import { toColumns } from '../core/clean/columns';
import { P, resolveLayout, type BodyPoint } from '../core/format/bodyPoints';
import { FOOT_KEYPOINTS } from '../core/format/footKeypoints';
import type { GaitPoseTrack } from '../core/format/poseTrack';
import { analyzeTrack } from '../core/analyze';
import { valueAt } from '../core/util/stats';
import type { GaitReport, Side } from '../core/format/report';
import type { WalkTruth } from '../synth/types';
import { angleError, matchEvents, type AngleError, type EventMatch } from './compare';

const SIDES: readonly Side[] = ['left', 'right'];
export const FOOT_DETECTORS = { zeni: zeniFootEvents, footVelocity: footVelocityEvents } as const;
export type FootDetectorName = keyof typeof FOOT_DETECTORS;

/** Truth events this close to a pass's ends cannot be seen by an extremum method (the wave is cut off). */
const EDGE_S = 0.25;

export interface FootEvaluation {
  /** Per detector: initial and final contacts against the foot-contact truth. */
  events: Record<FootDetectorName, { initial: EventMatch; final: EventMatch }>;
  /** Ankle angle error with the true neutral offset and with the one footFlatOffset estimates. */
  /** `estimatedOffsetDeg`: per pass, from both feet's foot-flat frames (null where too few). */
  ankle: { knownOffset: AngleError; estimatedOffset: AngleError; estimatedOffsetDeg: Array<number | null>; trueOffsetDeg: number };
  /** Strike patterns classified at the true initial contacts. */
  strikes: { truth: StrikeKind; found: Array<StrikeKind | null>; footAngleErrorDeg: number[] };
}

interface Columns {
  t: Float64Array;
  x: Record<string, Float64Array>;
  y: Record<string, Float64Array>;
}

/** The body points after the analysis' own cleaning (cleanTrack: gating, leg-swap repair with the feet, gap filling, 6 Hz zero-lag low-pass). */
function columns(track: GaitPoseTrack, points: readonly BodyPoint[]): Columns {
  if (!resolveLayout(track.keypointNames).hasFeet) {
    throw new Error(`the track has no heels and toes (it needs ${Object.values(FOOT_KEYPOINTS).flatMap((f) => [f.heel, f.footIndex]).join(', ')})`);
  }
  const cleaned = cleanTrack(toColumns(track)).columns;
  const x: Record<string, Float64Array> = {};
  const y: Record<string, Float64Array> = {};
  for (const name of points) {
    x[name] = cleaned.x[P[name]];
    y[name] = cleaned.y[P[name]];
  }
  return { t: cleaned.t, x, y };
}

export function evaluateFeet(track: GaitPoseTrack, truth: WalkTruth, toleranceFrames = 3): FootEvaluation {
  const legNames = (side: Side) =>
    side === 'left'
      ? ({ hip: 'leftHip', knee: 'leftKnee', ankle: 'leftAnkle', heel: 'leftHeel', toe: 'leftToe' } as const)
      : ({ hip: 'rightHip', knee: 'rightKnee', ankle: 'rightAnkle', heel: 'rightHeel', toe: 'rightToe' } as const);
  const c = columns(track, SIDES.flatMap((s) => Object.values(legNames(s))));
  const n = c.t.length;
  const frame = 1 / track.fps;
  const pelvisX = new Float64Array(n);
  for (let i = 0; i < n; i++) pelvisX[i] = (c.x.leftHip[i] + c.x.rightHip[i]) / 2;
  const inside = (time: number) => truth.passes.some((p) => time >= p.start + EDGE_S && time <= p.end - EDGE_S);
  const indexAt = (time: number) => {
    let i = 0;
    while (i + 1 < n && c.t[i + 1] <= time) i++;
    return i;
  };

  const empty = (): EventMatch => ({ errors: [], missed: [], extra: [] });
  const events = {} as FootEvaluation['events'];
  for (const name of Object.keys(FOOT_DETECTORS) as FootDetectorName[]) events[name] = { initial: empty(), final: empty() };
  const ankle = {
    left: { known: new Array<number | null>(n).fill(null), estimated: new Array<number | null>(n).fill(null) },
    right: { known: new Array<number | null>(n).fill(null), estimated: new Array<number | null>(n).fill(null) },
  };
  const estimatedOffsetDeg: Array<number | null> = [];
  const strikesFound: Array<StrikeKind | null> = [];
  const footAngleErrorDeg: number[] = [];

  for (const pass of truth.passes) {
    const i0 = indexAt(pass.start);
    const i1 = indexAt(pass.end);
    const travel = pass.direction === 'left-to-right' ? 1 : -1;
    const facing = pass.facing === 'left-to-right' ? 1 : -1;
    const slice = (a: Float64Array) => a.subarray(i0, i1 + 1);
    // The stances from the true contacts, as the analysis takes them from its detected events.
    const offset = footFlatOffset(
      SIDES.map((side) => {
        const l = legNames(side);
        const contacts = { heelStrikes: truth.feet.contacts[side].initialContacts, toeOffs: truth.feet.contacts[side].finalContacts };
        return {
          heelX: slice(c.x[l.heel]), heelY: slice(c.y[l.heel]), toeX: slice(c.x[l.toe]), toeY: slice(c.y[l.toe]),
          stances: stanceRanges(c.t, { i0, i1 }, contacts),
        };
      }),
      facing,
    );
    estimatedOffsetDeg.push(offset ? offset.footOffsetDeg : null);
    for (const side of SIDES) {
      const l = legNames(side);
      const input: FootEventInput = {
        t: c.t, heelX: c.x[l.heel], heelY: c.y[l.heel], toeX: c.x[l.toe], toeY: c.y[l.toe],
        pelvisX, travel, walking: pass.walking, i0, i1,
      };
      const inPass = (time: number) => time >= pass.start && time <= pass.end;
      for (const name of Object.keys(FOOT_DETECTORS) as FootDetectorName[]) {
        const found: SideEvents = FOOT_DETECTORS[name](input);
        const add = (into: EventMatch, detected: number[], truthTimes: number[]) => {
          const m = matchEvents(detected, truthTimes.filter(inPass), toleranceFrames * frame);
          into.errors.push(...m.errors);
          into.missed.push(...m.missed.filter(inside));
          into.extra.push(...m.extra);
        };
        add(events[name].initial, found.heelStrikes, truth.feet.contacts[side].initialContacts);
        add(events[name].final, found.toeOffs, truth.feet.contacts[side].finalContacts);
      }

      const point = (name: string, i: number): Point2 => ({ x: c.x[name][i], y: c.y[name][i] });
      for (let i = i0; i <= i1; i++) {
        const args = [point(l.knee, i), point(l.ankle, i), point(l.heel, i), point(l.toe, i), facing] as const;
        ankle[side].known[i] = ankleAngle(...args, truth.feet.keypointFootOffsetDeg);
        if (offset) ankle[side].estimated[i] = ankleAngle(...args, offset.footOffsetDeg);
      }
      const strikeInput = {
        t: c.t, heelX: c.x[l.heel], heelY: c.y[l.heel], toeX: c.x[l.toe], toeY: c.y[l.toe], facing, walking: pass.walking,
        footOffsetDeg: offset ? offset.footOffsetDeg : truth.feet.keypointFootOffsetDeg, floorAngleDeg: offset?.floorAngleDeg ?? 0,
      } as const;
      const strikes = truth.feet.strikes[side].filter((s) => inside(s.t));
      for (const [k, s] of strikePatterns(strikeInput, strikes.map((x) => x.t)).entries()) {
        strikesFound.push(s.pattern);
        if (s.footAngleDeg !== null) footAngleErrorDeg.push(s.footAngleDeg - strikes[k].footAngleDeg);
      }
    }
  }
  const pooled = (which: 'known' | 'estimated') =>
    angleError(
      SIDES.flatMap((side) => ankle[side][which]),
      SIDES.flatMap((side) => truth.feet.ankle[side]),
    );
  return {
    events,
    ankle: { knownOffset: pooled('known'), estimatedOffset: pooled('estimated'), estimatedOffsetDeg, trueOffsetDeg: truth.feet.keypointFootOffsetDeg },
    strikes: { truth: truth.feet.pattern, found: strikesFound, footAngleErrorDeg },
  };
}

/** The ankle key numbers of the truth, read from the truth's ankle curve at its own cycles as cycleMetrics.ts reads them. */
export const ANKLE_KEYS = ['ankleAtInitialContact', 'peakStanceDorsiflexion', 'peakPushOffPlantarflexion', 'ankleRange'] as const;
export type AnkleKey = (typeof ANKLE_KEYS)[number];

function truthAnkleKeys(truth: WalkTruth, side: Side, t: Float64Array): Record<AnkleKey, number> {
  const ankle = Float64Array.from(truth.feet.ankle[side], (v) => v ?? NaN);
  const extreme = (from: number, to: number, pick: (...v: number[]) => number) => {
    const v: number[] = [];
    for (let i = 0; i < t.length; i++) if (t[i] >= from && t[i] <= to && Number.isFinite(ankle[i])) v.push(ankle[i]);
    return pick(...v);
  };
  const per = truth.cycles[side].map((c) => ({
    ankleAtInitialContact: valueAt(t, ankle, c.start),
    peakStanceDorsiflexion: extreme(c.start, c.toeOff, Math.max),
    peakPushOffPlantarflexion: extreme(c.oppositeHeelStrike, c.toeOff + 0.1 * (c.end - c.start), Math.min),
    ankleRange: extreme(c.start, c.end, Math.max) - extreme(c.start, c.end, Math.min),
  }));
  return Object.fromEntries(ANKLE_KEYS.map((k) => [k, per.reduce((s, x) => s + x[k], 0) / per.length])) as Record<AnkleKey, number>;
}

export interface AnalysisEvaluation {
  /** Each event detector pinned in turn (the same track, the whole analysis): Zeni on heel and toe, and on the ankle (proxy). */
  events: Record<'heelToe' | 'ankleProxy', { detector: string; initial: EventMatch; final: EventMatch }>;
  /** The detector the registry picks for this track. */
  chosen: string;
  /** Per-frame angle errors of the report against the truth, pooled over both sides. */
  angles: { hip: AngleError; knee: AngleError; ankle: AngleError };
  /** Ankle key numbers, report minus truth, per side. */
  ankleKeys: Record<Side, Record<AnkleKey, number | null>>;
  /** Steps whose strike pattern is the truth's, of those classified. */
  strikes: { right: number; classified: number; steps: number };
}

/** The whole analysis (analyze.ts) on a track with feet against its synthetic truth; angles, ankle numbers and strikes as the registry's detector gives them. */
export function evaluateAnalysis(track: GaitPoseTrack, truth: WalkTruth, toleranceFrames = 3): AnalysisEvaluation {
  const tolerance = toleranceFrames / track.fps;
  const inside = (time: number) => truth.passes.some((p) => time >= p.start + EDGE_S && time <= p.end - EDGE_S);
  const score = (report: GaitReport) => {
    const initial: EventMatch = { errors: [], missed: [], extra: [] };
    const final: EventMatch = { errors: [], missed: [], extra: [] };
    for (const side of SIDES) {
      for (const [into, found, want] of [
        [initial, report.sides[side].heelStrikes, truth.feet.contacts[side].initialContacts],
        [final, report.sides[side].toeOffs, truth.feet.contacts[side].finalContacts],
      ] as const) {
        const m = matchEvents(found, want, tolerance);
        into.errors.push(...m.errors);
        into.missed.push(...m.missed.filter(inside));
        into.extra.push(...m.extra.filter(inside));
      }
    }
    return { detector: report.quality.eventDetector.id, initial, final };
  };
  const report = analyzeTrack(track);
  const t = Float64Array.from(truth.clean.frames, (f) => f.t);
  const pooled = (pick: (side: Side) => [ArrayLike<number | null>, ArrayLike<number | null>]) => {
    const [e, tr] = [SIDES.flatMap((s) => Array.from(pick(s)[0])), SIDES.flatMap((s) => Array.from(pick(s)[1]))];
    return angleError(e, tr);
  };
  const ankleKeys = {} as AnalysisEvaluation['ankleKeys'];
  for (const side of SIDES) {
    const want = truthAnkleKeys(truth, side, t);
    const kv = report.sides[side].keyValues;
    ankleKeys[side] = Object.fromEntries(ANKLE_KEYS.map((k) => [k, typeof kv[k] === 'number' ? (kv[k] as number) - want[k] : null])) as Record<AnkleKey, number | null>;
  }
  const steps = SIDES.flatMap((s) => (report.sides[s].strikes ?? []).filter((x) => inside(x.t)));
  return {
    events: { heelToe: score(analyzeTrack(track, {}, [heelToeZeniDetector])), ankleProxy: score(analyzeTrack(track, {}, [ankleZeniDetector])) },
    chosen: report.quality.eventDetector.id,
    angles: {
      hip: pooled((s) => [report.frames.angles[s].hipFlexion, truth.angles[s].hipFlexion]),
      knee: pooled((s) => [report.frames.angles[s].kneeFlexion, truth.angles[s].kneeFlexion]),
      ankle: pooled((s) => [report.frames.angles[s].ankleFlexion ?? [], truth.feet.ankle[s]]),
    },
    ankleKeys,
    strikes: { right: steps.filter((x) => x.pattern === truth.feet.pattern).length, classified: steps.filter((x) => x.pattern !== null).length, steps: steps.length },
  };
}
