/**
 * Forward and backward walking in one recording (walk across forwards, stop, walk back backwards,
 * still facing the same way): each kind is analysed on its own, never pooled, and judged against its
 * own references; the stop makes no events or cycles; a recording with one kind behaves as before.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { MOVENET_LIKE_NOISE, synthesizeWalk, type SynthOptions } from '../src/synth';
import type { GaitReport, Side } from '../src/core/format/report';
import { composeWalks } from './helpers/composeWalks';

const SIDES: Side[] = ['left', 'right'];
const WIDTH = 2600;
const common = (seed: number): SynthOptions => ({ width: WIDTH, cadence: 104, seed, noise: { ...MOVENET_LIKE_NOISE, seed } });
const FORWARD: SynthOptions = { direction: 'left-to-right', walking: 'forward', durationS: 6 };
const BACKWARD: SynthOptions = { direction: 'right-to-left', walking: 'backward', durationS: 6 };

/** Angle tolerance between two noisy analyses of the same walker (deg): about twice the noise floor. */
const ANGLE_TOL = 5;

function expectSameWalker(mixed: NonNullable<GaitReport['byWalking']['forward']>, alone: GaitReport) {
  expect(mixed.status).toBe('analysed');
  const s = mixed.summary!;
  expect(Math.abs(s.cadence! - alone.summary.cadence!)).toBeLessThan(4);
  for (const side of SIDES) {
    for (const key of ['peakHipExtension', 'peakSwingKneeFlexion', 'hipAtInitialContact', 'kneeRange'] as const) {
      const a = s.keyValues[side][key];
      const b = alone.summary.keyValues[side][key];
      expect(Math.abs(a! - b!), `${side} ${key}: ${a} vs ${b}`).toBeLessThan(ANGLE_TOL);
    }
    expect(Math.abs(s.stancePercent[side]! - alone.summary.stancePercent[side]!)).toBeLessThan(3);
  }
}

describe('a forward pass, a stop and a backward pass', () => {
  const seed = 11;
  const composed = composeWalks([{ ...common(seed), ...FORWARD }, { ...common(seed + 1), ...BACKWARD }], 1.5, 2, seed);
  const report = analyzeTrack(composed.track);
  const forwardOnly = analyzeTrack(synthesizeWalk({ ...common(seed), ...FORWARD }).track);
  const backwardOnly = analyzeTrack(synthesizeWalk({ ...common(seed + 1), ...BACKWARD }).track);

  it('finds both kinds and says how the recording splits', () => {
    expect(report.passes.map((p) => p.walking)).toEqual(['forward', 'backward']);
    const f = report.byWalking.forward!;
    const b = report.byWalking.backward!;
    expect(f.percentOfWalking + b.percentOfWalking).toBeCloseTo(100, 0);
    expect(f.percentOfWalking).toBeGreaterThan(35);
    expect(b.percentOfWalking).toBeGreaterThan(35);
    expect(report.quality.warnings.join(' ')).toMatch(/forward \d+ %, backward \d+ % of walking time/);
    // The headline is forward walking.
    expect(report.walking).toBe('forward');
    expect(report.summary).toEqual(f.summary);
  });

  it('gives forward numbers like a forward-only walk and backward numbers like a backward-only walk', () => {
    expectSameWalker(report.byWalking.forward!, forwardOnly);
    expectSameWalker(report.byWalking.backward!, backwardOnly);
  });

  it('never pools the kinds: each section holds only its own passes and cycles', () => {
    for (const kind of ['forward', 'backward'] as const) {
      const k = report.byWalking[kind]!;
      for (const side of SIDES) for (const c of k.sides![side].cycles) expect(report.passes[c.pass].walking).toBe(kind);
      expect(k.passes.every((p) => report.passes[p].walking === kind)).toBe(true);
    }
  });

  it('raises no flag, and judges nothing on backward walking', () => {
    expect(report.flags).toEqual([]);
    expect(report.byWalking.backward!.flags).toEqual([]);
  });

  it('the stop makes no events and no cycles', () => {
    const [a, b] = composed.stops[0];
    for (const side of SIDES) {
      const all = [...report.sides[side].heelStrikes, ...report.sides[side].toeOffs, ...report.byWalking.backward!.sides![side].heelStrikes, ...report.byWalking.backward!.sides![side].toeOffs];
      expect(all.filter((t) => t > a + 0.1 && t < b - 0.1), `${side} events in the stop`).toEqual([]);
      for (const kind of ['forward', 'backward'] as const) {
        for (const c of report.byWalking[kind]!.sides![side].cycles) expect(c.end <= a + 0.1 || c.start >= b - 0.1).toBe(true);
      }
    }
  });
});

describe('one kind of walking, or too few steps of one', () => {
  it('a forward-only recording has one section, equal to the report itself', () => {
    const r = analyzeTrack(synthesizeWalk({ ...common(3), ...FORWARD }).track);
    expect(Object.keys(r.byWalking)).toEqual(['forward']);
    expect(r.byWalking.forward!.summary).toEqual(r.summary);
    expect(r.byWalking.forward!.percentOfWalking).toBe(100);
  });

  it('a kind with no complete cycle says "not enough steps" while the other is analysed', () => {
    const composed = composeWalks([{ ...common(5), ...FORWARD }, { ...common(6), ...BACKWARD, durationS: 1.6 }], 1.5, 2, 5);
    const r = analyzeTrack(composed.track);
    expect(r.byWalking.forward!.status).toBe('analysed');
    const back = r.byWalking.backward!;
    expect(back.status).toBe('not-enough-steps');
    expect(back.message).toMatch(/Not enough steps of backward walking/);
    expect(back.sides).toBeNull();
    expect(back.percentOfWalking).toBeGreaterThan(10);
    expect(r.quality.warnings.join(' ')).toMatch(/Not enough steps of backward walking/);
    expect(r.flags).toEqual([]);
  });
});
