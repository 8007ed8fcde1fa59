/**
 * Accuracy on the real motion-capture walks in ../shared/data/mocap-tracks (not needed by the tests):
 * event errors (ms) and angle RMSE against their truth, raw and with MoveNet-like noise added
 * (jitter 1 % of body height, 5 % leg swaps, 3 % drop-outs; 5 seeds).
 * Usage: npx tsx scripts/eval-mocap.ts [DIR]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrack } from '../src/core/analyze';
import type { GaitPoseTrack, PoseFrame } from '../src/core/format/poseTrack';
import type { Side } from '../src/core/format/report';
import { angleError, matchEvents } from '../src/eval/compare';
import { applyNoise, resolveNoise, MOVENET_LIKE_NOISE } from '../src/synth';
import { mocapToTrack, type MocapFile } from './mocap-to-track';

const dir = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/mocap-tracks');
const SIDES: Side[] = ['left', 'right'];

function withNoise(track: GaitPoseTrack, m: MocapFile, seed: number): GaitPoseTrack {
  const bodyHeightPx = (m.meta as unknown as { stature_mm_used: number; px_per_mm: number }).stature_mm_used * (m.meta as unknown as { px_per_mm: number }).px_per_mm;
  const nearSide: Side[] = track.frames.map(() => 'left');
  const noisy = applyNoise(track.frames as PoseFrame[], resolveNoise({ ...MOVENET_LIKE_NOISE, seed }, seed), bodyHeightPx, nearSide);
  return { ...track, frames: noisy.frames };
}

function evaluate(track: GaitPoseTrack, m: MocapFile) {
  const r = analyzeTrack(track);
  const fps = m.meta.fps;
  const ev: number[] = [];
  let missed = 0;
  let extra = 0;
  for (const side of SIDES) {
    for (const [kind, key] of [['heelStrikes', 'heel_strike'], ['toeOffs', 'toe_off']] as const) {
      const truth = m.truth.events[side][key].map((f) => f / fps);
      const mm = matchEvents(r.sides[side][kind], truth, 0.1);
      ev.push(...mm.errors.map((e) => e * 1000));
      missed += mm.missed.length;
      extra += mm.extra.length;
    }
  }
  const pooled = (ours: 'hipFlexion' | 'kneeFlexion' | 'hipFlexionTrunk', theirs: string) =>
    angleError(
      [...r.frames.angles.left[ours], ...r.frames.angles.right[ours]],
      [...m.truth.angles_deg.left[theirs], ...m.truth.angles_deg.right[theirs]],
    ).rmse;
  return {
    hsTo: ev,
    missed,
    extra,
    hip: pooled('hipFlexion', 'hip_flexion_thigh_vs_vertical'),
    knee: pooled('kneeFlexion', 'knee_flexion'),
    hipTrunk: pooled('hipFlexionTrunk', 'hip_flexion_vs_trunk'),
    cycles: r.quality.usableCycles,
    flags: r.flags.map((f) => f.id),
  };
}

const fmt = (xs: number[]) => {
  const abs = xs.map(Math.abs);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `mean ${mean.toFixed(1)} ms, mean |err| ${(abs.reduce((a, b) => a + b, 0) / abs.length).toFixed(1)} ms, max |err| ${Math.max(...abs).toFixed(1)} ms (n ${xs.length})`;
};

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MocapFile;
  const track = mocapToTrack(m);
  const raw = evaluate(track, m);
  console.log(`${file} (${m.meta.fps} Hz)`);
  console.log(`  raw:   events ${fmt(raw.hsTo)}; missed ${raw.missed}, extra ${raw.extra}; RMSE hip ${raw.hip.toFixed(2)}, knee ${raw.knee.toFixed(2)}, hip-vs-trunk ${raw.hipTrunk.toFixed(2)} deg; cycles ${JSON.stringify(raw.cycles)}; flags ${raw.flags.join(', ') || 'none'}`);
  const noisy = [1, 2, 3, 4, 5].map((seed) => evaluate(withNoise(track, m, seed), m));
  const avg = (k: 'hip' | 'knee' | 'hipTrunk') => (noisy.reduce((a, b) => a + b[k], 0) / noisy.length).toFixed(2);
  console.log(`  noisy: events ${fmt(noisy.flatMap((n) => n.hsTo))}; missed ${noisy.reduce((a, b) => a + b.missed, 0)}, extra ${noisy.reduce((a, b) => a + b.extra, 0)} (5 runs); RMSE hip ${avg('hip')}, knee ${avg('knee')}, hip-vs-trunk ${avg('hipTrunk')} deg`);
}
