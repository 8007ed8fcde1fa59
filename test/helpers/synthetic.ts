import { analyzeTrack } from '../../src/core/analyze';
import { SIDES, type GaitReport, type Side } from '../../src/core/format/report';
import { synthesizeWalk, type SyntheticWalk, type WalkerOptions } from '../../src/synth';
import { angleError, matchEvents, type AngleError, type EventMatch } from '../../src/eval/compare';
import { ANKLE_PROXY_SHIFT } from '../../src/core/events/zeni';

/**
 * The synthetic figure's rigid 2D foot makes its ankle reach its extremes a little earlier than a
 * person's: 2.75 % of the stride before initial contact and 4.3 % before toe off (as the detector
 * sees them on the 6 Hz low-passed ankle, walker at cadences 90-130, 30 and 240 fps), against 1.6 %
 * and 3.1 % on real motion-capture walks. The
 * detector is calibrated on the real walks (src/core/events/zeni.ts), so on the figure its events
 * come early by the difference; the tests hold the detector to the truth moved by exactly that
 * much, no more. (Before the walker's terminal swing and pre-swing were brought nearer the real
 * walks' joint angles, src/synth/gaitCurves.ts, the figure led by 3.6 % and 5.6 %.)
 */
export const SYNTHETIC_ANKLE_LEAD = { heelStrike: 0.0275, toeOff: 0.043 } as const;

/**
 * How much earlier than the truth the detector finds a forward walk's events on the figure, as a
 * share of the stride (the figure's lead beyond the real-walk lead the detector corrects).
 */
export const FIGURE_EXTRA_LEAD = {
  heelStrike: SYNTHETIC_ANKLE_LEAD.heelStrike - ANKLE_PROXY_SHIFT.heelStrike,
  toeOff: SYNTHETIC_ANKLE_LEAD.toeOff - ANKLE_PROXY_SHIFT.toeOff,
} as const;

/** Expected detection minus truth on the figure, seconds, for each event kind and walking direction. */
export function figureOffsetS(walk: SyntheticWalk, kind: 'heelStrikes' | 'toeOffs', time: number): number {
  const pass = walk.truth.passes.find((p) => time >= p.start - 0.5 && time <= p.end + 0.5);
  const backward = pass?.walking === 'backward';
  const extra = FIGURE_EXTRA_LEAD;
  // Backward walking is forward walking reversed in time: contact is the reversed toe off (late, not early).
  const share = kind === 'heelStrikes' ? (backward ? extra.toeOff : -extra.heelStrike) : backward ? extra.heelStrike : -extra.toeOff;
  return share * walk.truth.strideTime;
}

export { SIDES };

export interface Evaluation {
  walk: SyntheticWalk;
  report: GaitReport;
  frame: number;
  events: Record<'heelStrikes' | 'toeOffs', EventMatch>;
  angles: Record<'hipFlexion' | 'kneeFlexion' | 'hipFlexionTrunk' | 'trunkLean', AngleError>;
}

/**
 * Truth events this close to the edge of a pass cannot be seen by any extremum method (the wave is
 * cut off), so they are not required; detections there must still match truth.
 */
const EDGE_S = 0.25;

function insidePasses(walk: SyntheticWalk, time: number): boolean {
  return walk.truth.passes.some((p) => time >= p.start + EDGE_S && time <= p.end - EDGE_S);
}

export function evaluate(options: WalkerOptions, toleranceFrames = 3): Evaluation {
  const walk = synthesizeWalk(options);
  const report = analyzeTrack(walk.track);
  const frame = 1 / walk.track.fps;
  const match = (kind: 'heelStrikes' | 'toeOffs'): EventMatch => {
    const all: EventMatch = { errors: [], missed: [], extra: [] };
    for (const side of SIDES) {
      const truth = walk.truth.events[side][kind].map((t) => t + figureOffsetS(walk, kind, t));
      const m = matchEvents(report.sides[side][kind], truth, toleranceFrames * frame);
      all.errors.push(...m.errors);
      all.missed.push(...m.missed.filter((t) => insidePasses(walk, t)));
      // The truth labels no event exactly on a pass boundary (a pass starts or ends there); a
      // detection of that boundary event is not an invented one.
      all.extra.push(...m.extra.filter((t) => !walk.truth.passes.some((p) => Math.min(Math.abs(t - figureOffsetS(walk, kind, t) - p.start), Math.abs(t - figureOffsetS(walk, kind, t) - p.end)) <= frame + 1e-6)));
    }
    return all;
  };
  // Angles are judged where the report uses them: inside its analysed gait cycles.
  const t = report.frames.t;
  const inCycle = (side: Side) => (i: number) => report.sides[side].cycles.some((c) => t[i] >= c.start && t[i] <= c.end);
  const pooled = (name: 'hipFlexion' | 'kneeFlexion' | 'hipFlexionTrunk'): AngleError => {
    const n = t.length;
    const est = [...report.frames.angles.left[name], ...report.frames.angles.right[name]];
    const tru = [...walk.truth.angles.left[name], ...walk.truth.angles.right[name]];
    const left = inCycle('left');
    const right = inCycle('right');
    return angleError(est, tru, (i) => (i < n ? left(i) : right(i - n)));
  };
  return {
    walk,
    report,
    frame,
    events: { heelStrikes: match('heelStrikes'), toeOffs: match('toeOffs') },
    angles: {
      hipFlexion: pooled('hipFlexion'),
      kneeFlexion: pooled('kneeFlexion'),
      hipFlexionTrunk: pooled('hipFlexionTrunk'),
      trunkLean: angleError(report.frames.trunkLean, walk.truth.angles.trunkLean, inCycle('left')),
    },
  };
}

/** Share of truth events (inside passes) detected within `frames` frames. */
export function fractionWithin(e: Evaluation, frames: number): number {
  const all = [...e.events.heelStrikes.errors, ...e.events.toeOffs.errors];
  const total = all.length + e.events.heelStrikes.missed.length + e.events.toeOffs.missed.length;
  return all.filter((d) => Math.abs(d) <= frames * e.frame + 1e-9).length / total;
}

export function maxEventErrorFrames(e: Evaluation): number {
  const all = [...e.events.heelStrikes.errors, ...e.events.toeOffs.errors].map(Math.abs);
  return Math.max(...all) / e.frame;
}
