/** Speed of the analysis core on a long track: a 10-minute 60 fps treadmill walk with MoveNet-like noise. */
import { performance } from 'node:perf_hooks';
import { analyzeTrack } from '../src/core/analyze';
import { parsePoseTrack } from '../src/core/format/validatePoseTrack';
import { synthesizeWalk, MOVENET_LIKE_NOISE } from '../src/synth';

export interface AnalysisFigures {
  frames: number;
  durationS: number;
  synthesizeMs: number;
  parseMs: number;
  analyzeMedianMs: number;
  framesPerSecond: number;
  realTimeMultiple: number;
  cycles: number;
}

export function benchmarkAnalysis(durationS = 600, fps = 60, runs = 3): AnalysisFigures {
  let t0 = performance.now();
  const walk = synthesizeWalk({ setting: 'treadmill', fps, durationS, noise: MOVENET_LIKE_NOISE });
  const synthesizeMs = performance.now() - t0;
  const text = JSON.stringify(walk.track);
  t0 = performance.now();
  const parsed = parsePoseTrack(text);
  const parseMs = performance.now() - t0;
  if (!parsed.ok) throw new Error(parsed.error);
  const times: number[] = [];
  let cycles = 0;
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    const report = analyzeTrack(parsed.track);
    times.push(performance.now() - t0);
    cycles = report.quality.usableCycles.left + report.quality.usableCycles.right;
  }
  times.sort((a, b) => a - b);
  const analyzeMedianMs = times[runs >> 1];
  const frames = walk.track.frames.length;
  return {
    frames,
    durationS,
    synthesizeMs,
    parseMs,
    analyzeMedianMs,
    framesPerSecond: frames / (analyzeMedianMs / 1000),
    realTimeMultiple: durationS / (analyzeMedianMs / 1000),
    cycles,
  };
}

export function formatAnalysisFigures(f: AnalysisFigures): string {
  return [
    `Analysis core, ${f.durationS / 60}-minute ${Math.round(f.frames / f.durationS)} fps track (${f.frames} frames, ${f.cycles} cycles):`,
    `  analyse (median of 3): ${f.analyzeMedianMs.toFixed(0)} ms = ${Math.round(f.framesPerSecond).toLocaleString('en')} frames/s = ${Math.round(f.realTimeMultiple)}x real time`,
    `  parse + validate JSON: ${f.parseMs.toFixed(0)} ms; synthesise the track: ${f.synthesizeMs.toFixed(0)} ms`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('analysis.ts')) console.log(formatAnalysisFigures(benchmarkAnalysis()));
