/**
 * The feet in the whole analysis (analyze.ts): ankle angle per frame, per phase and as key numbers
 * against the synthetic walker's truth, strike patterns per step and side, the push-off flag with the
 * ankle, and tracks without feet left exactly as they were.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { ankleZeniDetector } from '../src/core/events/zeni';
import { classifyStrike, summarizeStrikes } from '../src/core/events/strikePattern';
import { poseModelError } from '../src/core/metrics/uncertainty';
import { CYCLES_CSV_HEADER, cyclesCsvHeader, cyclesCsvRows } from '../src/core/export/cyclesCsv';
import { FRAMES_CSV_HEADER, framesCsvHeader, framesCsvRows } from '../src/core/export/framesCsv';
import { numbersCsvRows } from '../src/core/export/numbersCsv';
import { motText } from '../src/core/export/opensim';
import { formatSummary } from '../src/cli/summary';
import { FOOT_KEYPOINT_NAMES } from '../src/core/format/footKeypoints';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { SIDES, type CycleKeyValues, type GaitReport } from '../src/core/format/report';
import { KEY_NUMBERS } from '../src/core/metrics/keyNumbers';
import { BACKWARD_REFERENCE_CURVES, REFERENCE, REFERENCE_CURVES } from '../src/core/reference';
import { ANKLE_KEYS, evaluateAnalysis, type AnkleKey } from '../src/eval/feet';
import { synthesizeWalk, type SynthOptions } from '../src/synth';

const BASE: SynthOptions = { feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 6 };
const NOISY: SynthOptions['noise'] = { jitterFrac: 0.01, swapFraction: 0, dropoutFraction: 0.03 };

/** The same track with the foot keypoints taken out: a COCO-17 (MoveNet) layout. */
function withoutFeet(track: GaitPoseTrack): GaitPoseTrack {
  const keep = track.keypointNames.flatMap((name, i) => (FOOT_KEYPOINT_NAMES.includes(name) ? [] : [i]));
  return { ...track, version: 1, keypointNames: keep.map((i) => track.keypointNames[i]), frames: track.frames.map((f) => ({ t: f.t, keypoints: keep.map((i) => f.keypoints[i]) })) };
}

/**
 * Ankle key numbers minus truth allowed, degrees [low, high]: measured with scripts/eval-feet-analysis.ts
 * (clean forward walks: at contact 2.1-2.7, peak dorsiflexion -0.8..1.3, range -7.2..-1.5) plus a
 * margin. The foot index is the tip of the toes, and the toes bend (ankle.ts): held 10 deg up in
 * swing they read about 2 deg more dorsiflexion at contact, and at push-off the tip stays on the floor
 * with the toes bent while the rear foot plantarflexes, so push-off reads 7.9-9.6 deg LESS
 * plantarflexion than the truth.
 */
const CLEAN_TOLERANCE: Record<AnkleKey, [number, number]> = {
  ankleAtInitialContact: [-1, 4],
  peakStanceDorsiflexion: [-2, 3],
  peakPushOffPlantarflexion: [6, 11],
  ankleRange: [-8, 2],
};
/** With 1 % body-height jitter and 3 % drop-outs (measured: contact -2.4..1.6, dorsiflexion -2.5..0.3, push-off 9.6-10.1, range -12.6..-9.7). */
const NOISY_TOLERANCE: Record<AnkleKey, [number, number]> = {
  ankleAtInitialContact: [-6, 5],
  peakStanceDorsiflexion: [-6, 4],
  peakPushOffPlantarflexion: [5, 14],
  ankleRange: [-15, 2],
};

describe('ankle angle in the report, against the synthetic walker with feet', () => {
  const forward: Array<[string, SynthOptions]> = [
    ['healthy, left to right', { cadence: 100, seed: 1 }],
    ['healthy, right to left', { cadence: 110, direction: 'right-to-left', seed: 2 }],
    ['flat-foot strike', { cadence: 100, strike: 'flat', seed: 4 }],
    ['forefoot strike', { cadence: 100, strike: 'forefoot', seed: 5 }],
    ['treadmill', { cadence: 108, setting: 'treadmill', durationS: 8, seed: 6 }],
  ];
  // Per frame the bent toes (above) give a median 1.6-2.0 deg; 0.0-0.1 for hip and knee.
  it.each(forward)('%s, clean: per-frame median error under 2.5 deg; the key numbers within their stated tolerance of the truth', (_, options) => {
    const { track, truth } = synthesizeWalk({ ...BASE, ...options });
    const e = evaluateAnalysis(track, truth);
    expect(e.angles.ankle.n).toBeGreaterThan(200);
    expect(e.angles.ankle.median).toBeLessThan(2.5);
    for (const side of SIDES) {
      for (const key of ANKLE_KEYS) {
        const d = e.ankleKeys[side][key];
        expect(d, `${side} ${key}`).not.toBeNull();
        expect(d!, `${side} ${key}`).toBeGreaterThanOrEqual(CLEAN_TOLERANCE[key][0]);
        expect(d!, `${side} ${key}`).toBeLessThanOrEqual(CLEAN_TOLERANCE[key][1]);
      }
    }
  });

  it.each([forward[0], forward[4]])('%s, jitter (1 percent of body height) and drop-outs: per-frame median error under 3.5 deg, key numbers within the noisy tolerance', (_, options) => {
    const { track, truth } = synthesizeWalk({ ...BASE, ...options, noise: NOISY });
    const e = evaluateAnalysis(track, truth);
    expect(e.angles.ankle.median).toBeLessThan(3.5);
    for (const side of SIDES) {
      for (const key of ANKLE_KEYS) {
        const d = e.ankleKeys[side][key]!;
        expect(d, `${side} ${key}`).toBeGreaterThanOrEqual(NOISY_TOLERANCE[key][0]);
        expect(d, `${side} ${key}`).toBeLessThanOrEqual(NOISY_TOLERANCE[key][1]);
      }
    }
  });

  it('per frame, per phase, as a cycle curve and in the key numbers, with an uncertainty for each; the healthy walker is in the healthy ranges', () => {
    const r = analyzeTrack(synthesizeWalk({ ...BASE, cadence: 100, seed: 7 }).track);
    expect(r.quality.feet?.footOffsetDeg[0]).toBeGreaterThan(0);
    for (const side of SIDES) {
      const frames = r.frames.angles[side].ankleFlexion!;
      expect(frames).toHaveLength(r.frames.t.length);
      const s = r.sides[side];
      expect(s.normalized.ankleFlexion!.mean).toHaveLength(101);
      // Healthy shape: dorsiflexed late in stance, plantarflexed in early swing (the push-off peak).
      const toe = Math.round(s.phaseBoundariesPercent!.toeOff);
      expect(s.normalized.ankleFlexion!.mean[toe]!).toBeLessThan(s.normalized.ankleFlexion!.mean[45]! - 10);
      expect(s.phaseAngles.swing.ankleFlexion!.min).toBeLessThan(s.phaseAngles.stance.ankleFlexion!.min);
      expect(s.phaseAngles.stance.ankleFlexion!.max).toBeGreaterThan(s.phaseAngles.swing.ankleFlexion!.max);
      for (const k of KEY_NUMBERS.filter((x) => x.feet)) {
        const v = s.keyValues[k.id]!;
        const u = s.keyValueUncertainty[k.id]!;
        expect(u, k.id).toBeGreaterThan(0);
        if (k.reference?.low != null) expect(v, k.id).toBeGreaterThan(k.reference.low);
        if (k.reference?.high != null) expect(v, k.id).toBeLessThan(k.reference.high);
      }
    }
    expect(r.flags).toEqual([]);
  });
});

describe('the ankle band over the cycle (Perry & Burnfield / Winter; reversed in time for backward walking)', () => {
  const rms = (a: (number | null)[], b: number[]) => Math.sqrt(a.reduce<number>((s, v, i) => s + (v === null ? 0 : (v - b[i]) ** 2), 0) / a.length);
  it('a forward walker follows the forward band, a backward walker the reversed one more closely than the forward one', () => {
    const fwd = analyzeTrack(synthesizeWalk({ ...BASE, seed: 1, cadence: 100 }).track);
    const back = analyzeTrack(synthesizeWalk({ ...BASE, seed: 3, walking: 'backward', direction: 'right-to-left' }).track);
    expect(BACKWARD_REFERENCE_CURVES.ankleFlexion.mean[0]).toBe(REFERENCE_CURVES.ankleFlexion.mean[62]);
    for (const side of SIDES) {
      const f = fwd.sides[side].normalized.ankleFlexion!.mean;
      // Measured 6.9 against 11.7 deg RMS (the keypoint push-off is shallower and later than the band's).
      expect(rms(f, REFERENCE_CURVES.ankleFlexion.mean)).toBeLessThan(8);
      expect(rms(f, REFERENCE_CURVES.ankleFlexion.mean)).toBeLessThan(0.7 * rms(f, BACKWARD_REFERENCE_CURVES.ankleFlexion.mean));
      // Backward: 9.6 against 10.6 (the toe-first contact reads 10-17 deg more dorsiflexed than the rigid foot).
      const b = back.sides[side].normalized.ankleFlexion!.mean;
      expect(rms(b, BACKWARD_REFERENCE_CURVES.ankleFlexion.mean)).toBeLessThan(rms(b, REFERENCE_CURVES.ankleFlexion.mean));
    }
  });
});

describe('foot-strike pattern per step and side', () => {
  const walkers: Array<[string, SynthOptions, string]> = [
    ['heel striker', { seed: 1, cadence: 100 }, 'heel'],
    ['flat-foot striker', { seed: 4, strike: 'flat' }, 'flat'],
    ['forefoot striker', { seed: 5, strike: 'forefoot' }, 'forefoot'],
    ['backward walker', { seed: 3, walking: 'backward', direction: 'right-to-left' }, 'forefoot'],
  ];
  it.each(walkers)('%s, clean: every classified step right, most steps classified', (_, options, pattern) => {
    const { track, truth } = synthesizeWalk({ ...BASE, ...options });
    expect(truth.feet.pattern).toBe(pattern);
    const e = evaluateAnalysis(track, truth);
    expect(e.strikes.classified).toBeGreaterThanOrEqual(Math.max(6, e.strikes.steps - 1));
    expect(e.strikes.right).toBe(e.strikes.classified);
  });

  it.each(walkers)('%s, jitter (1 percent of body height) and drop-outs: each side summed up as the true pattern', (_, options, pattern) => {
    const r = analyzeTrack(synthesizeWalk({ ...BASE, ...options, noise: NOISY }).track);
    for (const side of SIDES) {
      const summary = r.sides[side].strikeSummary!;
      expect(summary.typical, `${side}: ${summary.description}`).toBe(pattern);
      expect(summary.counts.heel + summary.counts.flat + summary.counts.forefoot).toBe(r.sides[side].strikes!.filter((s) => s.pattern).length);
      expect(summary.footAngleUncertainty).toBeGreaterThan(0);
    }
  });

  it('counts only the steps it could read, and says how many more it could not (a foot at the edge of the picture, or unseen)', () => {
    const steps = [24, 22, 26].map((footAngle, i) => ({ t: i, footAngle, pattern: classifyStrike(footAngle) }));
    const summary = summarizeStrikes([...steps, { t: 3, footAngle: null, pattern: null }], 'forward', poseModelError({ kind: 'synthetic' }));
    expect(summary.counts).toEqual({ heel: 3, flat: 0, forefoot: 0 });
    expect(summary.footAngle).toBeCloseTo(24, 6);
    expect(summary.description).toMatch(/^Heel strike: 3 of 3 steps .* 1 more step was not seen clearly enough to read\.$/);
  });

  it('a mean angle within its uncertainty of a limit is said to be so (BlazePose full: about ± 12 deg)', () => {
    const { track } = synthesizeWalk({ ...BASE, seed: 4, strike: 'flat' });
    const r = analyzeTrack({ ...track, source: { kind: 'video', model: 'blazepose-full' } });
    const summary = r.sides.left.strikeSummary!;
    expect(summary.typical).toBe('flat');
    expect(summary.footAngleUncertainty).toBeGreaterThan(8);
    expect(summary.description).toMatch(/within its uncertainty of both limits/);
    // Steps around 0 deg (± 3 with the synthetic walker's error model) are near the forefoot limit at -1.6 only;
    // a heel striker (26 deg) is near none.
    const nearForefoot = summarizeStrikes([-0.5, 0, 0.4, 0.8, 0.3].map((footAngle, i) => ({ t: i, footAngle, pattern: classifyStrike(footAngle) })), 'forward', poseModelError({ kind: 'synthetic' }));
    expect(nearForefoot.certain).toBe(false);
    expect(nearForefoot.description).toMatch(/within its uncertainty of the limit between flat and forefoot strike \(-1.6°\)/);
    const heel = analyzeTrack(synthesizeWalk({ ...BASE, seed: 1, cadence: 100 }).track).sides.left.strikeSummary!;
    expect(heel.footAngleUncertainty).toBeLessThan(4);
    expect(heel.description).not.toMatch(/uncertainty of/);
  });

  it('backward walking lands on the toes by nature: described as such, never flagged; forward forefoot striking is not called expected', () => {
    const back = analyzeTrack(synthesizeWalk({ ...BASE, seed: 3, walking: 'backward', direction: 'right-to-left' }).track);
    expect(back.walking).toBe('backward');
    for (const side of SIDES) {
      const summary = back.sides[side].strikeSummary!;
      expect(summary.expected).toBe(true);
      expect(summary.description).toMatch(/backward walking does by nature/);
    }
    expect(back.flags).toEqual([]);
    expect(back.borderline).toEqual([]);
    const fore = analyzeTrack(synthesizeWalk({ ...BASE, seed: 5, strike: 'forefoot' }).track);
    for (const side of SIDES) {
      expect(fore.sides[side].strikeSummary!.expected).toBe(false);
      expect(fore.sides[side].strikeSummary!.description).toMatch(/^Forefoot strike: \d+ of \d+ steps/);
    }
    // Each cycle carries the strike at its own initial contact.
    for (const c of fore.sides.left.cycles) expect(c.strike?.t).toBe(c.start);
  });
});

describe('limited push-off with the ankle', () => {
  const walk = (deficit: number, noise?: SynthOptions['noise']) =>
    analyzeTrack(synthesizeWalk({ ...BASE, seed: 21, cadence: 100, pathology: { pushOffPlantarflexionDeficitDeg: deficit }, noise }).track);

  it('a walker whose ankle plantarflexes 24 deg less at push-off is flagged on the ankle\'s evidence (without its feet the same walk is not); 22 deg less is borderline; the healthy walker is not', () => {
    const healthy = walk(0);
    expect(healthy.flags.map((f) => f.id)).not.toContain('limited-push-off');
    expect(healthy.borderline.map((b) => b.id)).not.toContain('limited-push-off');
    // The toes keep their tip on the floor until toe off and the ankle plantarflexes no further than
    // its curve (footContact.ts), so the knob's 20-25 deg take 13.5-18.3 deg off the push-off
    // excursion (healthy 30.1): 22 leaves 14.7 +- 1 against the limit of 15, within its uncertainty
    // (borderline); 24 leaves 12.8 +- 1, beyond it (flagged).
    const near = walk(22);
    expect(near.flags.map((f) => f.id)).not.toContain('limited-push-off');
    expect(near.borderline.filter((b) => b.id === 'limited-push-off').map((b) => b.measure)).toContain('ankle plantarflexion from its stance peak to push-off');
    const limited = walk(24);
    const flag = limited.flags.find((f) => f.id === 'limited-push-off');
    expect(flag, JSON.stringify(limited.sides.left.keyValues)).toBeDefined();
    const measures = flag!.evidence.map((e) => e.measure);
    expect(measures.filter((m) => /ankle plantarflexion from its stance peak to push-off/.test(m))).toHaveLength(2);
    expect(measures.filter((m) => /hip extension/.test(m))).toHaveLength(2);
    expect(measures.filter((m) => /knee flexion at toe off/.test(m))).toHaveLength(2);
    // The ankle carried it: beyond its limit by more than its uncertainty; hip and knee are healthy,
    // so without the feet the same walk raises nothing.
    const { track } = synthesizeWalk({ ...BASE, seed: 21, cadence: 100, pathology: { pushOffPlantarflexionDeficitDeg: 24 } });
    const plain = analyzeTrack(withoutFeet(track));
    expect(plain.flags.map((f) => f.id)).not.toContain('limited-push-off');
    expect(plain.borderline.map((b) => b.id)).not.toContain('limited-push-off');
    for (const side of SIDES) {
      const kv = limited.sides[side].keyValues;
      const u = limited.sides[side].keyValueUncertainty;
      expect(kv.pushOffAnkleExcursion! + u.pushOffAnkleExcursion!).toBeLessThan(REFERENCE.pushOffAnkleExcursion.low!);
      expect(kv.pushOffAnkleExcursion).toBeCloseTo(kv.peakStanceDorsiflexion! - kv.peakPushOffPlantarflexion!, 1);
      expect(kv.peakHipExtension!).toBeLessThan(-5);
    }
    expect(flag!.message).toMatch(/at the ankle/);
    expect(walk(24, { jitterFrac: 0.005, swapFraction: 0, dropoutFraction: 0 }).flags.map((f) => f.id)).toContain('limited-push-off');
  });

  it('within the uncertainty of the limit it is borderline, not flagged (BlazePose lite: 19 deg on differences along the ankle curve)', () => {
    const { track } = synthesizeWalk({ ...BASE, seed: 21, cadence: 100, pathology: { pushOffPlantarflexionDeficitDeg: 24 } });
    const r = analyzeTrack({ ...track, source: { kind: 'video', model: 'blazepose-lite' } });
    expect(r.flags.map((f) => f.id)).not.toContain('limited-push-off');
    const b = r.borderline.find((x) => x.id === 'limited-push-off');
    expect(b?.measure).toBe('ankle plantarflexion from its stance peak to push-off');
    expect(b!.value).toBeLessThan(b!.limit);
    expect(b!.uncertainty).toBeGreaterThan(b!.limit - b!.value);
  });
});

describe('tracks without feet are analysed exactly as before', () => {
  const hasAnkle = (kv: CycleKeyValues) => ANKLE_KEYS.some((k) => k in kv);
  it('the same walk without its foot keypoints: no ankle, strike or foot field anywhere, the CSVs and .mot as before; hip, knee, events, numbers and flags the same as with feet', () => {
    const { track } = synthesizeWalk({ ...BASE, cadence: 104, seed: 9 });
    const feet = analyzeTrack(track);
    const plain = analyzeTrack(withoutFeet(track));
    expect(plain.quality.feet).toBeUndefined();
    expect(JSON.stringify(plain)).not.toMatch(/ankleFlexion|ankleRange|strike|footOffset/);
    for (const side of SIDES) {
      expect(hasAnkle(plain.sides[side].keyValues)).toBe(false);
      expect(hasAnkle(feet.sides[side].keyValues)).toBe(true);
      expect(plain.sides[side].heelStrikes).toEqual(feet.sides[side].heelStrikes);
      expect(plain.sides[side].toeOffs).toEqual(feet.sides[side].toeOffs);
      expect(plain.frames.angles[side].kneeFlexion).toEqual(feet.frames.angles[side].kneeFlexion);
      const { ankleAtInitialContact, peakStanceDorsiflexion, peakPushOffPlantarflexion, ankleRange, pushOffAnkleExcursion, ...rest } = feet.sides[side].keyValues;
      expect(plain.sides[side].keyValues).toEqual(rest);
      expect([ankleAtInitialContact, peakStanceDorsiflexion, peakPushOffPlantarflexion, ankleRange, pushOffAnkleExcursion].every((v) => typeof v === 'number')).toBe(true);
    }
    expect(plain.flags).toEqual(feet.flags);
    expect(plain.quality.eventDetector.id).toBe(ankleZeniDetector.id);
    expect(feet.quality.eventDetector.id).toBe(ankleZeniDetector.id);
    expectExports(plain, false);
    expectExports(feet, true);
  });
});

function expectExports(report: GaitReport, feet: boolean): void {
  const frames = framesCsvHeader(report);
  const cycles = cyclesCsvHeader(report);
  if (!feet) {
    expect(frames).toEqual(FRAMES_CSV_HEADER);
    expect(cycles).toEqual(CYCLES_CSV_HEADER);
  } else {
    expect(frames).toEqual(expect.arrayContaining(['left_ankle_dorsiflexion_deg', 'right_ankle_dorsiflexion_deg']));
    expect(cycles).toEqual(expect.arrayContaining(['ankle_at_initial_contact_deg', 'peak_push_off_plantarflexion_deg', 'stance_ankle_min_deg', 'strike_pattern', 'foot_strike_angle_deg']));
    const col = cycles.indexOf('strike_pattern');
    expect(cyclesCsvRows(report).every((row) => ['heel', 'flat', 'forefoot'].includes(row[col] as string))).toBe(true);
    const ankleCol = frames.indexOf('left_ankle_dorsiflexion_deg');
    expect(framesCsvRows(report).filter((row) => typeof row[ankleCol] === 'number').length).toBeGreaterThan(100);
  }
  for (const rows of [framesCsvRows(report), cyclesCsvRows(report)]) {
    const width = rows === undefined ? 0 : rows[0].length;
    expect(rows.every((row) => row.length === width)).toBe(true);
  }
  expect(framesCsvRows(report)[0]).toHaveLength(frames.length);
  expect(cyclesCsvRows(report)[0]).toHaveLength(cycles.length);
  const numbers = numbersCsvRows(report).map((row) => row[1]);
  expect(numbers.includes('Ankle at heel strike')).toBe(feet);
  const mot = motText(report, 'walk');
  const labels = mot.split('\n').find((line) => line.startsWith('time\t'))!.split('\t');
  expect(labels.includes('ankle_angle_r') && labels.includes('ankle_angle_l')).toBe(feet);
  const summary = formatSummary(report);
  expect(summary.includes('Peak ankle plantarflexion at push-off (°)')).toBe(feet);
  expect(/Foot strike, left +Heel strike: \d+ of \d+ steps/.test(summary)).toBe(feet);
  if (feet) {
    // Rajagopal's sign: + dorsiflexion, as the report's.
    const rows = mot.split('\n').slice(mot.split('\n').indexOf(labels.join('\t')) + 1).filter(Boolean).map((l) => l.split('\t').map(Number));
    const k = labels.indexOf('ankle_angle_r');
    const i = rows.findIndex((r) => Number.isFinite(r[k]));
    expect(rows[i][k]).toBeCloseTo(report.frames.angles.right.ankleFlexion![i]!, 2);
  }
}
