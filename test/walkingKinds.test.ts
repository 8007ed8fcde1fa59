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
import { CYCLES_CSV_HEADER, cyclesCsvRows } from '../src/core/export/cyclesCsv';
import { NUMBERS_CSV_HEADER, numbersCsvRows } from '../src/core/export/numbersCsv';
import { KEY_NUMBERS, referenceFor } from '../src/core/metrics/keyNumbers';
import { BACKWARD_REFERENCE_CURVES, REFERENCE_CURVES } from '../src/core/reference';

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

describe('each kind judged and exported as what it is', () => {
  const composed = composeWalks([{ ...common(21), ...FORWARD }, { ...common(22), ...BACKWARD }], 1.5, 2, 21);
  const report = analyzeTrack(composed.track);

  it('the cycles CSV keeps the kinds apart, row for row', () => {
    const rows = cyclesCsvRows(report);
    const walkingCol = CYCLES_CSV_HEADER.indexOf('walking');
    for (const kind of ['forward', 'backward'] as const) {
      const n = report.byWalking[kind]!.usableCycles.left + report.byWalking[kind]!.usableCycles.right;
      expect(rows.filter((r) => r[walkingCol] === kind)).toHaveLength(n);
    }
  });

  it('backward knee numbers are judged against backward references (time reversal), not forward ones', () => {
    const back = report.byWalking.backward!.summary!;
    const spec = KEY_NUMBERS.find((k) => k.id === 'kneeAtInitialContact')!;
    // Backward walking lands on a bent knee: out of the forward range, inside the backward one.
    expect(back.keyValues.left.kneeAtInitialContact!).toBeGreaterThan(spec.reference!.high!);
    const backRef = referenceFor(spec, 'backward')!;
    expect(back.keyValues.left.kneeAtInitialContact!).toBeGreaterThanOrEqual(backRef.low!);
    expect(back.keyValues.left.kneeAtInitialContact!).toBeLessThanOrEqual(backRef.high!);
    expect(referenceFor(KEY_NUMBERS.find((k) => k.id === 'lateSwingKneeExtension')!, 'backward')).toBeNull();
  });

  it('the backward band is the forward band reversed in time, and the backward walker follows it', () => {
    const rms = (a: (number | null)[], b: number[]) => Math.sqrt(a.reduce<number>((s, v, i) => s + (v === null ? 0 : (v - b[i]) ** 2), 0) / a.length);
    for (const side of SIDES) {
      const back = report.byWalking.backward!.sides![side].normalized.kneeFlexion.mean;
      const fwd = report.byWalking.forward!.sides![side].normalized.kneeFlexion.mean;
      // The figure's backward contacts are read ~2.5 % of the stride late (its foot, see
      // test/helpers/synthetic.ts), which shifts the curve against the band: within 13 deg RMS, and
      // far closer than the forward band is.
      expect(rms(back, BACKWARD_REFERENCE_CURVES.kneeFlexion.mean), side).toBeLessThan(13);
      expect(rms(back, BACKWARD_REFERENCE_CURVES.kneeFlexion.mean)).toBeLessThan(0.6 * rms(back, REFERENCE_CURVES.kneeFlexion.mean));
      expect(rms(fwd, REFERENCE_CURVES.kneeFlexion.mean), side).toBeLessThan(10);
    }
  });
});

describe('the key-numbers CSV', () => {
  it('gives every number with its uncertainty, range and verdict, per kind of walking and side', () => {
    const composed = composeWalks([{ ...common(31), ...FORWARD }, { ...common(32), ...BACKWARD }], 1.5, 2, 31);
    const report = analyzeTrack(composed.track);
    const rows = numbersCsvRows(report);
    const col = (name: string) => NUMBERS_CSV_HEADER.indexOf(name);
    const find = (walking: string, measure: string, side: string) => rows.find((r) => r[col('walking')] === walking && r[col('measure')] === measure && r[col('side')] === side)!;
    const fwdKnee = find('forward', 'Knee at heel strike', 'left');
    expect(fwdKnee[col('value')]).toBe(report.byWalking.forward!.summary!.keyValues.left.kneeAtInitialContact);
    expect(fwdKnee[col('uncertainty')]).toBe(report.byWalking.forward!.summary!.keyValueUncertainty.left.kneeAtInitialContact);
    expect(fwdKnee[col('healthy_high')]).toBe(20);
    const backKnee = find('backward', 'Knee at heel strike', 'left');
    // Backward initial contact is judged against the forward toe-off range (time reversal).
    expect(backKnee[col('healthy_low')]).toBe(25);
    expect(['ok', 'borderline-low', 'borderline-high']).toContain(backKnee[col('verdict')]);
    expect(find('backward', 'stance', 'left')[col('verdict')]).toBe('none');
    expect(rows.every((r) => r.length === NUMBERS_CSV_HEADER.length)).toBe(true);
  });
});
