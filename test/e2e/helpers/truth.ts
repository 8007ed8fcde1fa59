/**
 * Comparing the app's exported gait report with a fixture walk's truth (fixtures/walks/*.truth.json,
 * written by scripts/render-fixtures.ts): events matched within a tolerance, angle errors over the
 * report's analysed gait cycles. Uses the project's own comparison code (src/eval/compare.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { angleError, matchEvents, type AngleError, type EventMatch } from '../../../src/eval/compare';
import type { GaitReport, Side } from '../../../src/core/format/report';
import { WALKS_DIR } from './paths';
import { FIGURE_EXTRA_LEAD } from '../../helpers/synthetic';

const SIDES: Side[] = ['left', 'right'];

export interface FixtureTruth {
  fixture: string;
  fps: number;
  frameCount: number;
  direction: 'left-to-right' | 'right-to-left';
  walking: 'forward' | 'backward';
  setting: 'treadmill' | 'overground';
  /** Steps per minute. */
  cadence: number;
  events: Record<Side, { heelStrikes: number[]; toeOffs: number[] }>;
  angles: { t: number[]; left: Record<'hipFlexion' | 'kneeFlexion', (number | null)[]>; right: Record<'hipFlexion' | 'kneeFlexion', (number | null)[]> };
}

export interface FixtureManifestWalk {
  name: string;
  video: string;
  truth: string;
  durationS: number;
  frameCount: number;
  expectFlags: string[];
}

export function readManifest(): { walks: FixtureManifestWalk[]; bad: { file: string; expectedError: { stage: string; code: string } }[] } {
  return JSON.parse(readFileSync(join(WALKS_DIR, '../manifest.json'), 'utf8'));
}

export function readTruth(name: string): FixtureTruth {
  return JSON.parse(readFileSync(join(WALKS_DIR, `${name}.truth.json`), 'utf8'));
}

export interface TruthComparison {
  events: Record<'heelStrikes' | 'toeOffs', EventMatch>;
  /** Truth events the report could not be expected to find: in the first/last `edgeS` of the clip. */
  missedInside: number[];
  truthEvents: number;
  hip: AngleError;
  knee: AngleError;
}

/**
 * @param toleranceFrames events count as found within this many frames of the truth.
 * @param edgeS truth events this close to the clip's ends may be missed (no extremum to see there).
 */
export function compareWithTruth(report: GaitReport, truth: FixtureTruth, toleranceFrames = 2, edgeS = 0.25): TruthComparison {
  const tolerance = (toleranceFrames + 0.01) / truth.fps;
  const end = (truth.frameCount - 1) / truth.fps;
  const events = {} as TruthComparison['events'];
  const missedInside: number[] = [];
  let truthEvents = 0;
  for (const kind of ['heelStrikes', 'toeOffs'] as const) {
    const pooled: EventMatch = { errors: [], missed: [], extra: [] };
    for (const side of SIDES) {
      const m = matchEvents(report.sides[side][kind], truth.events[side][kind], tolerance);
      truthEvents += truth.events[side][kind].length;
      pooled.errors.push(...m.errors);
      pooled.missed.push(...m.missed);
      pooled.extra.push(...m.extra);
      missedInside.push(...m.missed.filter((t) => t > edgeS && t < end - edgeS));
    }
    events[kind] = pooled;
  }
  // Angles judged where the report uses them: inside its analysed cycles, matched by frame time.
  const t = report.frames.t;
  const truthIndex = t.map((time) => nearestIndex(truth.angles.t, time));
  const pooledError = (name: 'hipFlexion' | 'kneeFlexion'): AngleError => {
    const estimate: (number | null)[] = [];
    const expected: (number | null)[] = [];
    for (const side of SIDES) {
      const cycles = report.sides[side].cycles;
      t.forEach((time, i) => {
        if (!cycles.some((c) => time >= c.start && time <= c.end)) return;
        estimate.push(report.frames.angles[side][name][i]);
        expected.push(truth.angles[side][name][truthIndex[i]]);
      });
    }
    return angleError(estimate, expected);
  };
  return { events, missedInside, truthEvents, hip: pooledError('hipFlexion'), knee: pooledError('kneeFlexion') };
}

function nearestIndex(sorted: number[], value: number): number {
  let best = 0;
  for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i] - value) < Math.abs(sorted[best] - value)) best = i;
  return best;
}

export function describeComparison(c: TruthComparison, fps: number): string {
  const frames = (errors: number[]) => (errors.length ? Math.max(...errors.map(Math.abs)) * fps : 0).toFixed(2);
  return [
    `heel strikes: ${c.events.heelStrikes.errors.length} matched (max ${frames(c.events.heelStrikes.errors)} frames), ${c.events.heelStrikes.missed.length} missed, ${c.events.heelStrikes.extra.length} extra`,
    `toe offs: ${c.events.toeOffs.errors.length} matched (max ${frames(c.events.toeOffs.errors)} frames), ${c.events.toeOffs.missed.length} missed, ${c.events.toeOffs.extra.length} extra`,
    `hip median error ${c.hip.median.toFixed(2)} deg (n ${c.hip.n}), knee median error ${c.knee.median.toFixed(2)} deg (n ${c.knee.n})`,
  ].join('; ');
}

/**
 * Detected minus true event times (seconds) per kind, both legs pooled, with the truth moved by the
 * figure's known ankle lead (test/helpers/synthetic.ts): what remains is the pipeline's own error.
 * For a forward walk.
 */
export function figureEventErrors(report: GaitReport, truth: Pick<FixtureTruth, 'cadence' | 'events'>, toleranceS: number): Record<'heelStrikes' | 'toeOffs', EventMatch> {
  const strideS = 120 / truth.cadence;
  const lead = { heelStrikes: FIGURE_EXTRA_LEAD.heelStrike * strideS, toeOffs: FIGURE_EXTRA_LEAD.toeOff * strideS };
  const out = {} as Record<'heelStrikes' | 'toeOffs', EventMatch>;
  for (const kind of ['heelStrikes', 'toeOffs'] as const) {
    out[kind] = { errors: [], missed: [], extra: [] };
    for (const side of SIDES) {
      const m = matchEvents(report.sides[side][kind], truth.events[side][kind].map((t) => t - lead[kind]), toleranceS);
      out[kind].errors.push(...m.errors);
      out[kind].missed.push(...m.missed);
      out[kind].extra.push(...m.extra);
    }
  }
  return out;
}
