import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrack } from '../src/core/analyze';
import { resampleTrack } from '../src/eval/resampleTrack';
import { applyNoise, resolveNoise, MOVENET_LIKE_NOISE, synthesizeWalk } from '../src/synth';
import { mocapToTrack, type MocapFile } from './mocap-to-track';
import type { GaitReport } from '../src/core/format/report';
const P = [85, 88, 90, 92];
function meas(r: GaitReport) {
  const out: number[][] = P.map(() => []);
  for (const s of ['left', 'right'] as const) for (const c of r.sides[s].cycles) {
    const k = c.normalized.kneeFlexion as number[];
    let mn = Infinity; for (let p = 80; p <= 100; p++) if (k[p] != null) mn = Math.min(mn, k[p]);
    P.forEach((p, i) => out[i].push(k[p] - mn));
  }
  return out.map((xs) => xs.length ? Math.max(...xs).toFixed(1) : '-').join(' ');
}
const dir = '/work/shared/data/mocap-tracks';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MocapFile;
  const tr = resampleTrack(mocapToTrack(m), 30); const meta = m.meta as any;
  const near = /right/.test(meta.facing_in_image ?? '') ? 'left' : 'right';
  const row = [tr, ...[1,2,3].map((seed) => ({ ...tr, frames: applyNoise(tr.frames, resolveNoise({ ...MOVENET_LIKE_NOISE, seed }, seed), meta.stature_mm_used * meta.px_per_mm, tr.frames.map(() => near as any)).frames }))].map((t) => { try { return meas(analyzeTrack(t)); } catch { return 'err'; } });
  console.log(file.slice(0, 20).padEnd(21), row.join(' || '));
}
for (const path of [{}, { flickingSwing: true }]) for (const noise of [undefined, { ...MOVENET_LIKE_NOISE, seed: 3 }]) for (const setting of ['treadmill', 'overground'] as const) for (const cadence of [90, 110, 130]) {
  const w = synthesizeWalk({ setting, fps: 30, cadence, pathology: path, noise });
  console.log('synth', JSON.stringify(path), !!noise, setting, cadence, meas(analyzeTrack(w.track)));
}
