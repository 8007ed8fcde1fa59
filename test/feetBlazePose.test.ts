/**
 * The feet on real pose-model output: BlazePose full and lite tracks of the four rendered fixture
 * walks with feet (fixtures/tracks/, written by `scripts/eval-feet-video.ts --save`), analysed as the
 * app does, against the walks' truth. Holds the two choices made on them: the event detector the
 * registry ranks first for a track with feet is the one that measures better here, and the BlazePose
 * error models (src/core/metrics/uncertainty.ts) cover what the models do here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { chooseEventDetector } from '../src/core/events/registry';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { POSE_MODEL_ERRORS } from '../src/core/metrics/uncertainty';
import { evaluateAnalysis, type AnalysisEvaluation } from '../src/eval/feet';
import { synthesizeWalk } from '../src/synth';
import { nearSideOf } from '../src/synth/render/sideWalker';
import { truthKeyValues } from '../src/eval/truthKeyValues';
import type { FixtureTruth } from '../scripts/fixtureTruth';

const FIXTURES = join(__dirname, '..', 'fixtures');
const files = readdirSync(join(FIXTURES, 'tracks')).filter((f) => f.endsWith('.track.json')).sort();

/** Each track, its walk's truth and the app's report of it, read and analysed once. */
const tracks = files.map((file) => {
  const track = JSON.parse(readFileSync(join(FIXTURES, 'tracks', file), 'utf8')) as GaitPoseTrack;
  const fixture = JSON.parse(readFileSync(join(FIXTURES, 'walks', `${file.split('.')[0]}.truth.json`), 'utf8')) as FixtureTruth;
  return { file, track, truth: synthesizeWalk(fixture.synth).truth, report: analyzeTrack(track) };
});

const evaluations: Array<{ file: string; model: string; e: AnalysisEvaluation }> = tracks.map(({ file, track, truth }) => ({
  file,
  model: track.source?.model ?? '',
  e: evaluateAnalysis(track, truth),
}));

const medianAbs = (errors: number[]) => {
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  return abs[abs.length >> 1];
};

describe('BlazePose tracks of the rendered walks with feet', () => {
  it('holds full and lite tracks of the four walks', () => {
    expect(files).toHaveLength(8);
    expect(new Set(evaluations.map((x) => x.model))).toEqual(new Set(['blazepose-full', 'blazepose-lite']));
  });

  it('the registry picks, for a track with heels and toes, the detector whose events are closer to the truth here (median over all contacts)', () => {
    const score = (which: 'heelToe' | 'ankleProxy') => {
      const initial = evaluations.flatMap((x) => x.e.events[which].initial.errors);
      const final = evaluations.flatMap((x) => x.e.events[which].final.errors);
      return { id: evaluations[0].e.events[which].detector, ms: (1000 * (medianAbs(initial) + medianAbs(final))) / 2 };
    };
    const [a, b] = [score('heelToe'), score('ankleProxy')];
    const better = a.ms < b.ms ? a : b;
    expect(chooseEventDetector(new Set(['ankle', 'heel', 'toe'])).id, `heel/toe ${a.ms.toFixed(0)} ms, ankle proxy ${b.ms.toFixed(0)} ms`).toBe(better.id);
    for (const x of evaluations) expect(x.e.chosen).toBe(better.id);
  });

  it('no walk (healthy push-off, identical legs) is flagged for limited push-off or for left-right angle differences, whatever BlazePose makes of the foot and the far leg', () => {
    for (const { file, report } of tracks) {
      expect(report.flags.map((f) => f.id), file).not.toContain('limited-push-off');
      // (lite's healthy walk is flagged on its stance-time symmetry: events, not the camera's far leg.)
      const angleEvidence = report.flags.filter((f) => f.id === 'asymmetry').flatMap((f) => f.evidence.filter((e) => /left-right difference/.test(e.measure)));
      expect(angleEvidence, file).toEqual([]);
    }
  });

  it('a strike pattern told for sure is the true one: BlazePose\'s wrong patterns (flat and forefoot read as heel) come out "not certain"', () => {
    let certain = 0;
    for (const { file, truth, report } of tracks) {
      const truePattern = truth.feet.pattern;
      for (const side of ['left', 'right'] as const) {
        const summary = report.sides[side].strikeSummary!;
        if (!summary.certain) continue;
        certain++;
        expect(summary.typical, `${file} ${side}: ${summary.description}`).toBe(truePattern);
      }
    }
    // Not vacuous: the clear heel strikes and backward forefoot landings are told for sure.
    expect(certain).toBeGreaterThanOrEqual(4);
  });

  it("the far leg is the one drawn behind the other, and each leg's peak swing knee flexion (and knee range) lies within twice its stated uncertainty of the truth: the far leg's reads far lower than the per-frame knee error says, and its uncertainty allows for that", () => {
    let beyondNearLegError = 0;
    for (const { file, truth, report } of tracks) {
      const drawnBehind = nearSideOf(truth.clean.frames[0].keypoints) === 'left' ? 'right' : 'left';
      const want = truthKeyValues(truth);
      for (const side of ['left', 'right'] as const) {
        const result = report.sides[side];
        expect(result.cameraFarShare, `${file} ${side}`).toBe(side === drawnBehind ? 1 : 0);
        // (A leg with no complete cycle measures nothing: nothing to hold.)
        if (result.keyValues.peakSwingKneeFlexion === null) continue;
        const error = result.keyValues.peakSwingKneeFlexion - want[side].peakSwingKneeFlexion!;
        const u = result.keyValueUncertainty.peakSwingKneeFlexion!;
        expect(Math.abs(error), `${file} ${side}: ${error.toFixed(1)} ± ${u}`).toBeLessThanOrEqual(2 * u);
        if (side === drawnBehind && Math.abs(error) > 2 * POSE_MODEL_ERRORS[report.summary.uncertainty.poseModel.id].kneeDeg) beyondNearLegError++;
        // The knee's range, whose top is that peak, likewise.
        const rangeError = result.keyValues.kneeRange! - want[side].kneeRange!;
        expect(Math.abs(rangeError), `${file} ${side} knee range: ${rangeError.toFixed(1)} ± ${result.keyValueUncertainty.kneeRange}`).toBeLessThanOrEqual(2 * result.keyValueUncertainty.kneeRange!);
      }
    }
    // Not vacuous: without the far-leg error 7 of the 7 far legs measured here would be outside.
    expect(beyondNearLegError).toBeGreaterThanOrEqual(6);
  });

  it.each(evaluations.map((x) => [x.file, x] as const))('%s: angles and events within the error model of its pose model', (_, { model, e }) => {
    const errors = POSE_MODEL_ERRORS[model];
    expect(e.angles.hip.median).toBeLessThanOrEqual(errors.hipDeg);
    expect(e.angles.knee.median).toBeLessThanOrEqual(errors.kneeDeg);
    expect(e.angles.ankle.n).toBeGreaterThan(100);
    expect(e.angles.ankle.median).toBeLessThanOrEqual(errors.ankleDeg);
    const chosen = e.chosen === e.events.heelToe.detector ? e.events.heelToe : e.events.ankleProxy;
    expect(medianAbs(chosen.initial.errors)).toBeLessThanOrEqual(errors.eventS);
    expect(medianAbs(chosen.final.errors)).toBeLessThanOrEqual(errors.eventS);
  });
});
