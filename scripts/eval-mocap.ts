/**
 * Accuracy on the real motion-capture walks in ../shared/data/mocap-tracks (not needed by the tests).
 * For every walk: as given (native rate) and as a 30 fps camera would see it, clean and with
 * MoveNet-like noise (5 seeds): events matched / missed / extra, heel-strike and toe-off bias and
 * mean absolute error (ms), hip and knee RMSE (deg), key numbers against their truth, and the flags
 * raised (with borderlines).
 * Usage: npx tsx scripts/eval-mocap.ts [DIR] [--keys] [--only NAME]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrack } from '../src/core/analyze';
import type { GaitPoseTrack, PoseFrame } from '../src/core/format/poseTrack';
import type { GaitReport, Side } from '../src/core/format/report';
import { GaitAnalysisError } from '../src/core/errors';
import { angleError, matchEvents } from '../src/eval/compare';
import { resampleTrack } from '../src/eval/resampleTrack';
import { applyNoise, resolveNoise, MOVENET_LIKE_NOISE } from '../src/synth';
import { mocapToTrack, type MocapFile } from './mocap-to-track';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--only') ?? join(import.meta.dirname, '../../shared/data/mocap-tracks');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const SIDES: Side[] = ['left', 'right'];
const SEEDS = [1, 2, 3, 4, 5];
const CAMERA_FPS = 30;

type Meta = { stature_mm_used: number; px_per_mm: number; fps: number };

function withNoise(track: GaitPoseTrack, m: MocapFile, seed: number): GaitPoseTrack {
  const meta = m.meta as unknown as Meta;
  const bodyHeightPx = meta.stature_mm_used * meta.px_per_mm;
  // The near leg: the one whose side faces the camera (right when facing right).
  const facing = (m.meta as unknown as { facing_in_image?: string }).facing_in_image ?? '';
  const near: Side = /right/.test(facing) ? 'right' : 'left';
  const noisy = applyNoise(track.frames as PoseFrame[], resolveNoise({ ...MOVENET_LIKE_NOISE, seed }, seed), bodyHeightPx, track.frames.map(() => near));
  return { ...track, frames: noisy.frames };
}

interface Result {
  matched: number;
  total: number;
  missed: number;
  extra: number;
  hs: number[];
  to: number[];
  hip: number;
  knee: number;
  cycles: string;
  flags: string[];
  borderline: string[];
  error?: string;
}

function truthAt(m: MocapFile, side: Side, name: string, t: number): number | null {
  const series = m.truth.angles_deg[side][name];
  if (!Array.isArray(series)) return null;
  const fps = (m.meta as unknown as Meta).fps;
  const x = t * fps;
  const i = Math.floor(x);
  const a = series[i];
  const b = series[Math.min(i + 1, series.length - 1)];
  if (a == null || b == null) return null;
  return a + (x - i) * (b - a);
}

function evaluate(track: GaitPoseTrack, m: MocapFile): Result {
  let r: GaitReport;
  try {
    r = analyzeTrack(track);
  } catch (e) {
    const msg = e instanceof GaitAnalysisError ? `${e.code}: ${e.message.slice(0, 60)}` : String(e);
    return { matched: 0, total: 0, missed: 0, extra: 0, hs: [], to: [], hip: NaN, knee: NaN, cycles: '-', flags: [], borderline: [], error: msg };
  }
  const fps = (m.meta as unknown as Meta).fps;
  const res: Result = { matched: 0, total: 0, missed: 0, extra: 0, hs: [], to: [], hip: NaN, knee: NaN, cycles: `${r.quality.usableCycles.left}/${r.quality.usableCycles.right}`, flags: r.flags.map((f) => f.id), borderline: ((r as { borderline?: { id: string }[] }).borderline ?? []).map((b) => b.id) };
  for (const side of SIDES) {
    for (const [kind, key, into] of [['heelStrikes', 'heel_strike', res.hs], ['toeOffs', 'toe_off', res.to]] as const) {
      const truth = m.truth.events[side][key].map((f) => f / fps);
      const mm = matchEvents(r.sides[side][kind], truth, 0.15);
      into.push(...mm.errors.map((e) => e * 1000));
      res.matched += mm.errors.length;
      res.total += truth.length;
      res.missed += mm.missed.length;
      res.extra += mm.extra.length;
    }
  }
  const pooled = (ours: 'hipFlexion' | 'kneeFlexion', theirs: string) => {
    const est: (number | null)[] = [];
    const tru: (number | null)[] = [];
    for (const side of SIDES) {
      r.frames.t.forEach((t, i) => {
        est.push(r.frames.angles[side][ours][i]);
        tru.push(truthAt(m, side, theirs, t));
      });
    }
    return angleError(est, tru).rmse;
  };
  res.hip = pooled('hipFlexion', 'hip_flexion_thigh_vs_vertical');
  res.knee = pooled('kneeFlexion', 'knee_flexion');
  return res;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const ms = (xs: number[]) => (xs.length ? `${mean(xs).toFixed(0).padStart(4)}/${mean(xs.map(Math.abs)).toFixed(0).padStart(3)}` : '   -/  -');

function row(label: string, rs: Result[]): string {
  const errors = rs.filter((r) => r.error).map((r) => r.error);
  const ok = rs.filter((r) => !r.error);
  const sum = (k: 'matched' | 'total' | 'missed' | 'extra') => ok.reduce((a, b) => a + b[k], 0);
  const flags = new Map<string, number>();
  for (const r of ok) for (const f of new Set(r.flags)) flags.set(f, (flags.get(f) ?? 0) + 1);
  const borders = new Map<string, number>();
  for (const r of ok) for (const f of new Set(r.borderline)) borders.set(f, (borders.get(f) ?? 0) + 1);
  const list = (m: Map<string, number>) => [...m].map(([f, n]) => (rs.length > 1 ? `${f}x${n}` : f)).join(' ') || '-';
  return (
    `  ${label.padEnd(12)} ev ${String(sum('matched')).padStart(3)}/${String(sum('total')).padEnd(3)} miss ${String(sum('missed')).padStart(2)} extra ${String(sum('extra')).padStart(2)}` +
    ` | HS ${ms(ok.flatMap((r) => r.hs))} TO ${ms(ok.flatMap((r) => r.to))} ms (bias/|err|)` +
    ` | RMSE hip ${mean(ok.map((r) => r.hip)).toFixed(1).padStart(4)} knee ${mean(ok.map((r) => r.knee)).toFixed(1).padStart(4)}` +
    ` | cycles ${ok.map((r) => r.cycles).join(',')} | flags ${list(flags)} | borderline ${list(borders)}` +
    (errors.length ? ` | ERR ${errors.length}: ${errors[0]}` : '')
  );
}

const totals: Record<string, Result[]> = { native: [], clean30: [], noisy30: [] };
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  if (only && !file.includes(only)) continue;
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MocapFile;
  const track = mocapToTrack(m);
  const at30 = resampleTrack(track, CAMERA_FPS);
  const native = evaluate(track, m);
  const clean30 = evaluate(at30, m);
  const noisy30 = SEEDS.map((seed) => evaluate(withNoise(at30, m, seed), m));
  totals.native.push(native);
  totals.clean30.push(clean30);
  totals.noisy30.push(...noisy30);
  console.log(`${file} (${(m.meta as unknown as Meta).fps} Hz)`);
  console.log(row('native', [native]));
  console.log(row('30fps clean', [clean30]));
  console.log(row('30fps noisy', noisy30));
}
console.log('ALL');
for (const [k, rs] of Object.entries(totals)) console.log(row(k, rs));
