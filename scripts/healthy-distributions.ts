/**
 * The evidence behind the healthy ranges and flag limits (src/core/reference.ts, src/core/flags/rules.ts):
 * the distribution of every key number over the healthy motion-capture walks of ../shared/data/mocap-tracks
 * (crouch walks left out), seen by a 30 fps camera, clean and with MoveNet-like noise (5 seeds), per cycle;
 * plus cadence, symmetry indices and left-right differences per walk. Not needed by the tests.
 * Usage: npx tsx scripts/healthy-distributions.ts [KEY]   (KEY: also list that number per walk)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrack } from '../src/core/analyze';
import { resampleTrack } from '../src/eval/resampleTrack';
import { KEY_VALUE_NAMES } from '../src/core/metrics/aggregate';
import { applyNoise, resolveNoise, MOVENET_LIKE_NOISE } from '../src/synth';
import { mocapToTrack, type MocapFile } from './mocap-to-track';
const dir = join(import.meta.dirname, '../../shared/data/mocap-tracks');
const per: Record<string, { clean: number[]; noisy: number[]; walks: Record<string, number[]> }> = {};
const extra = ['rebound', 'stancePercent', 'cadence', 'stepSI', 'stanceSI', 'lrKnee', 'lrHip'];
for (const k of [...KEY_VALUE_NAMES, ...extra]) per[k] = { clean: [], noisy: [], walks: {} };
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('crouch')).sort()) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MocapFile;
  const tr = resampleTrack(mocapToTrack(m), 30);
  const meta = m.meta as any;
  const near = /right/.test(meta.facing_in_image ?? '') ? 'right' : 'left';
  const variants = [{ tr, kind: 'clean' as const }, ...[1,2,3,4,5].map((seed) => ({ kind: 'noisy' as const, tr: { ...tr, frames: applyNoise(tr.frames, resolveNoise({ ...MOVENET_LIKE_NOISE, seed }, seed), meta.stature_mm_used * meta.px_per_mm, tr.frames.map(() => near as any)).frames } }))];
  for (const { tr: t, kind } of variants) {
    const r = analyzeTrack(t);
    for (const s of ['left', 'right'] as const) for (const c of r.sides[s].cycles) {
      const kv = c.keyValues as any;
      kv.rebound = kv.kneeAtInitialContact != null && kv.terminalSwingKneeMin != null ? kv.kneeAtInitialContact - kv.terminalSwingKneeMin : null;
      kv.stancePercent = c.stancePercent;
      for (const k of [...KEY_VALUE_NAMES, 'rebound', 'stancePercent']) { const v = kv[k]; if (typeof v === 'number') { per[k][kind].push(v); if (kind === 'clean') (per[k].walks[file.slice(0, 12)] ??= []).push(v); } }
    }
    const sm = r.summary as any;
    const kvs = sm.keyValues; if (r.sides.left.cycles.length && r.sides.right.cycles.length) { per.lrKnee[kind].push(Math.abs(kvs.left.peakSwingKneeFlexion - kvs.right.peakSwingKneeFlexion)); per.lrHip[kind].push(Math.abs(kvs.left.peakHipExtension - kvs.right.peakHipExtension)); }
    for (const [k, v] of [['cadence', sm.cadence], ['stepSI', sm.symmetry.stepTime], ['stanceSI', sm.symmetry.stanceTime]] as const) if (typeof v === 'number') per[k][kind].push(v);
  }
}
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round(p * (s.length - 1))]; };
for (const [k, d] of Object.entries(per)) {
  const f = (xs: number[]) => xs.length ? `n${xs.length} min ${q(xs,0).toFixed(2)} p5 ${q(xs,0.05).toFixed(1)} med ${q(xs,0.5).toFixed(1)} p95 ${q(xs,0.95).toFixed(1)} max ${q(xs,1).toFixed(2)}` : '-';
  console.log(k.padEnd(32), 'clean', f(d.clean), ' || noisy', f(d.noisy));
}
if (process.argv[2]) for (const [w, v] of Object.entries(per[process.argv[2]].walks)) console.log(w, v.map((x) => x.toFixed(1)).join(' '));
