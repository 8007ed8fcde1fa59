/**
 * Gait-event detectors against force-plate events on one real walk with foot markers, and the foot
 * angle at heel strike. Not part of `npm test` (needs ../shared).
 * Usage: npx tsx scripts/eval-foot-markers.ts [--plain-filter]
 *
 * Data: OpenSim JAM example "healthy" subject, overground walk overground_17 (opensim-org/opensim-core
 * @ 7300a04678ba04aeb614ea2562e3cae65268fa24, Bindings/Java/Matlab/examples/JAM/models/healthy/
 * experimental_data/motion_analysis/overground_17.trc, Apache-2.0; 200 Hz, mm). The pelvis (mean of
 * the four ASIS/PSIS markers' X), heel and MT5 markers are in scripts/data/overground_17.foot-markers.tsv
 * (copied out of the TRC, frames 1-43 and 120-495; only the contiguous 120-495, t = 0.595-2.47 s, is
 * used). Ankle, and the events with their origin, come from the team's converted track
 * ../shared/data/mocap-tracks/osim_jam_overground_17.json (read with mocap-to-track.ts; its
 * orthographic pixels are turned back into mm with meta.px_per_mm / x0_px / y0_px; JSON frame k =
 * TRC frame k + 1, checked on the ankle to 0.05 mm). Truth: the 3 heel strikes and 3 toe offs the
 * JSON marks as force-plate events.
 *
 * Detectors, each at 200 Hz on the raw markers and at 30 fps (linear resampling to t = k / 30 with
 * interpolateLinear, then the app's 6 Hz zero-lag Butterworth, lowPassZeroLag):
 *   Zeni heel/MT5     zeniFootEvents on the markers: heel furthest ahead of the pelvis (HS), MT5 furthest behind (TO)
 *   Zeni ankle raw    zeniFootEvents with the ankle as heel and toe
 *   ankle proxy (app) the same, moved by correctAnkleProxyBias (1.6 % / 3.1 % of the median truth stride, 1.048 s)
 *   height +20 / +10  heel (HS) coming down through, or MT5 (TO) rising through, its stance minimum
 *                     (from the 200 Hz markers) + 20 / 10 mm
 * Foot angle (footAngleToFloor, heel -> MT5 against the floor, + toe up) at each plate heel strike,
 * raw and relative to its mid-stance median (HS + 0.15..0.35 s, foot flat).
 *
 * Printed (ms, detected - plate, per plate event in time order; bias = mean, MAE = mean |error|):
 *
 *   heel strike              L 0.741  R 1.263  L 1.788    bias   MAE
 *   Zeni heel        200 Hz    -14.3    -19.9    -18.0   -17.4  17.4
 *                    30 fps    -11.2    -17.6    -15.3   -14.7  14.7
 *   Zeni ankle raw   200 Hz    -10.5    -16.1    -14.8   -13.8  13.8
 *                    30 fps     -7.4    -13.8    -12.1   -11.1  11.1
 *   ankle +1.6 %     200 Hz     +6.3     +0.7     +2.0    +3.0   3.0
 *   (app)            30 fps     +9.4     +3.0     +4.7    +5.7   5.7
 *   heel +20 mm      200 Hz   -114.7   -126.4   -114.9  -118.7 118.7   (30 fps -114.5)
 *   heel +10 mm      200 Hz    -96.4   -106.1    -94.6   -99.0  99.0   (30 fps  -94.0)
 *   toe off                  L 1.402  R 1.942  L 2.441
 *   Zeni MT5         200 Hz     +8.7     +1.4      n/a    +5.0   5.0
 *                    30 fps     +7.1     -0.3      n/a    +3.4   3.7
 *   Zeni ankle raw   200 Hz    -25.4    -34.5      n/a   -30.0  30.0
 *                    30 fps    -25.5    -34.8      n/a   -30.2  30.2
 *   ankle +3.1 %     200 Hz     +7.1     -2.0      n/a    +2.5   4.5
 *   (app)            30 fps     +7.0     -2.4      n/a    +2.3   4.7
 *   MT5 +20 mm       200 Hz    -15.6    -20.7     -7.3   -14.5  14.5   (30 fps  -16.7)
 *   MT5 +10 mm       200 Hz    -37.1    -40.1    -29.1   -35.4  35.4   (30 fps  -38.9)
 *   foot angle at plate HS: raw +22.5 / +21.6 / +20.5 deg; mid-stance -5.7 / -6.2 / -5.3;
 *   relative to mid-stance +28.1 / +27.8 / +25.8 deg
 *   foot angle at plate TO: relative to mid-stance -55.3 / -60.9 / -52.0 deg (the synthetic walker
 *   with feet: -64.8, its sole line heel -> forefoot point; src/synth/footContact.ts)
 *
 * Differences from the first version of this measurement (a throwaway Python script):
 * - The last toe off (2.441 s) is n/a for the Zeni rows: the copied markers end at 2.47 s, 14 ms
 *   after the MT5 / ankle minimum, and alternatingExtrema (as the app) keeps the last half-wave of a
 *   span only once the signal has turned back from it by its hysteresis band. The Python took the
 *   local extremum nearest each plate event and had, at 200 Hz, Zeni MT5 +15.1, ankle raw -14.5,
 *   ankle proxy +18.0 (30 fps: MT5 n/a, ankle raw -16.9, proxy +15.5), so its TO bias / MAE were
 *   over 3 events (Zeni MT5 +8.4 / 8.4, ankle raw -24.8 / 24.8, proxy +7.6 / 9.0 at 200 Hz).
 * - The Python filtered the 30 fps series with scipy's butter(2, 6 / 15) run forward and backward:
 *   without the app's Winter correction its combined -3 dB point is ~5.0 Hz, not 6 Hz, and it moves
 *   the 30 fps events up to 1.4 ms further from the 200 Hz ones (HS Zeni heel -10.3 / -16.5 / -14.2,
 *   ankle proxy +10.3 / +4.4 / +5.8; TO Zeni MT5 +6.7 / -0.8). `--plain-filter` runs that filter
 *   (butterworthLowPass2 + filtfilt) and then reproduces the Python's figures to 0.1 ms, but for the
 *   n/a above.
 * - The ankle proxy is shifted by the MEDIAN truth stride (typicalStrideTime, as the app), the
 *   Python by the mean (1.046 s): 0.1 ms at most (L HS +6.3 here, +6.2 there).
 *
 * Caveats: one subject, one walk, 3 plate events of each kind, so the biases are indications, not a
 * calibration. MT5 is the 5th metatarsal head, not the toe tip a pose model's foot index sits on:
 * the toe tip leaves the floor later, and a toe-tip line tilts less at push-off. The plate events
 * are force onsets / offsets at a 20 N threshold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { footAngleToFloor } from '../src/core/angles/ankle';
import { typicalStrideTime } from '../src/core/cycles/cycles';
import type { SideEvents } from '../src/core/events/detector';
import { zeniFootEvents } from '../src/core/events/footEvents';
import { correctAnkleProxyBias } from '../src/core/events/zeni';
import { KP } from '../src/core/format/poseTrack';
import { butterworthLowPass2, filtfilt, lowPassZeroLag } from '../src/core/signal/butterworth';
import { interpolateLinear } from '../src/core/signal/resample';
import { mean, median } from '../src/core/util/stats';
import { mocapToTrack, type MocapFile } from './mocap-to-track';

const MARKERS = join(import.meta.dirname, 'data/overground_17.foot-markers.tsv');
const TRACK = join(import.meta.dirname, '../../shared/data/mocap-tracks/osim_jam_overground_17.json');
const FS = 200;
const CAMERA_FPS = 30;
const CUTOFF_HZ = 6;
/** The contiguous run of copied TRC frames. */
const FIRST_FRAME = 120;
/** A detected event further than this from a plate event does not count as found for it. */
const MATCH_WINDOW_S = 0.15;
const plainFilter = process.argv.includes('--plain-filter');

type SideKey = 'L' | 'R';
type Kind = 'heel_strike' | 'toe_off';
interface Foot {
  hx: Float64Array; // heel, mm, X forward / Y up
  hy: Float64Array;
  tx: Float64Array; // MT5
  ty: Float64Array;
  ax: Float64Array; // ankle
  ay: Float64Array;
}
interface Series {
  t: Float64Array;
  pelvisX: Float64Array;
  feet: Record<SideKey, Foot>;
}

// ---------- data ----------
const lines = readFileSync(MARKERS, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const header = lines[0].split('\t');
const rows = lines.slice(1).map((l) => l.split('\t').map(Number)).filter((r) => r[0] >= FIRST_FRAME);
const col = (name: string) => Float64Array.from(rows, (r) => r[header.indexOf(name)]);
const frames = col('n');
for (let i = 1; i < frames.length; i++) if (frames[i] !== frames[i - 1] + 1) throw new Error(`gap after TRC frame ${frames[i - 1]}`);

const mocap = JSON.parse(readFileSync(TRACK, 'utf8')) as MocapFile;
const { px_per_mm: ppm, x0_px: x0, y0_px: y0 } = mocap.meta;
if (ppm === undefined || x0 === undefined || y0 === undefined) throw new Error('track has no mm scale');
const track = mocapToTrack(mocap);
/** Ankle in mm for the TRC frames n (JSON frame n - 1). */
const ankle = (kp: number, axis: 0 | 1) =>
  Float64Array.from(frames, (n) => {
    const v = track.frames[n - 1].keypoints[kp][axis];
    if (v === null) throw new Error(`no ankle in JSON frame ${n - 1}`);
    return axis === 0 ? (v - x0) / ppm : (y0 - v) / ppm;
  });
const foot = (s: SideKey, kp: number): Foot => ({
  hx: col(`${s}.Heel.X`),
  hy: col(`${s}.Heel.Y`),
  tx: col(`${s}.MT5.X`),
  ty: col(`${s}.MT5.Y`),
  ax: ankle(kp, 0),
  ay: ankle(kp, 1),
});
const pelvisCols = ['R.ASIS.X', 'R.PSIS.X', 'L.PSIS.X', 'L.ASIS.X'].map(col);
const raw: Series = {
  t: Float64Array.from(frames, (n) => (n - 1) / FS),
  pelvisX: Float64Array.from(frames, (_, i) => mean(pelvisCols.map((c) => c[i]))),
  feet: { L: foot('L', KP.leftAnkle), R: foot('R', KP.rightAnkle) },
};

// ---------- 30 fps: a camera's frames at t = k / 30, then the 6 Hz zero-lag low-pass ----------
const tCam = (() => {
  const k0 = Math.ceil(raw.t[0] * CAMERA_FPS - 1e-9);
  const k1 = Math.floor(raw.t[raw.t.length - 1] * CAMERA_FPS + 1e-9);
  return Float64Array.from({ length: k1 - k0 + 1 }, (_, k) => (k0 + k) / CAMERA_FPS);
})();
const plain = butterworthLowPass2(CAMERA_FPS, CUTOFF_HZ);
const toCamera = (v: Float64Array) => {
  const x = interpolateLinear(raw.t, v, tCam);
  return plainFilter ? filtfilt(plain.b, plain.a, x) : lowPassZeroLag(x, CAMERA_FPS, CUTOFF_HZ);
};
const mapFoot = (f: Foot): Foot => ({ hx: toCamera(f.hx), hy: toCamera(f.hy), tx: toCamera(f.tx), ty: toCamera(f.ty), ax: toCamera(f.ax), ay: toCamera(f.ay) });
const camera: Series = { t: tCam, pelvisX: toCamera(raw.pelvisX), feet: { L: mapFoot(raw.feet.L), R: mapFoot(raw.feet.R) } };

// ---------- truth: the force-plate events ----------
const { events, events_origin: origin } = mocap.truth;
if (!origin) throw new Error('track has no events_origin');
const fps = mocap.meta.fps;
const plate: { side: SideKey; kind: Kind; t: number }[] = [];
for (const [side, s] of [['left', 'L'], ['right', 'R']] as const) {
  for (const kind of ['heel_strike', 'toe_off'] as const) {
    events[side][kind].forEach((f, i) => origin[side][kind][i] === 'force_plate' && plate.push({ side: s, kind, t: f / fps }));
  }
}
plate.sort((a, b) => a.t - b.t);
const strideS = typicalStrideTime([events.left.heel_strike, events.right.heel_strike].map((l) => l.map((f) => f / fps)));

// ---------- detectors ----------
function zeni(s: Series, side: SideKey, onAnkle: boolean): SideEvents {
  const f = s.feet[side];
  return zeniFootEvents({
    t: s.t,
    heelX: onAnkle ? f.ax : f.hx,
    heelY: onAnkle ? f.ay : f.hy,
    toeX: onAnkle ? f.ax : f.tx,
    toeY: onAnkle ? f.ay : f.ty,
    pelvisX: s.pelvisX,
    travel: 1, // walking towards +X
    walking: 'forward',
  });
}

/** First time y crosses thr (down: from above to below; up: the reverse) with both samples in [from, to], linearly interpolated. */
function crossing(t: Float64Array, y: Float64Array, thr: number, from: number, to: number, direction: 'down' | 'up'): number | null {
  for (let i = 0; i + 1 < y.length; i++) {
    if (t[i] < from || t[i + 1] > to) continue;
    const hit = direction === 'down' ? y[i] >= thr && thr > y[i + 1] : y[i] <= thr && thr < y[i + 1];
    if (hit) return t[i] + ((thr - y[i]) / (y[i + 1] - y[i])) * (t[i + 1] - t[i]);
  }
  return null;
}

/** Minimum of v over from < t < to, on the 200 Hz markers. */
function minBetween(v: Float64Array, from: number, to: number): number {
  let m = Infinity;
  raw.t.forEach((t, i) => t > from && t < to && v[i] < m && (m = v[i]));
  return m;
}

/** Foot-height threshold method: heel (HS) / MT5 (TO) crossing its stance minimum + dz mm. */
function height(s: Series, side: SideKey, kind: Kind, t0: number, dz: number): number | null {
  const r = raw.feet[side];
  const f = s.feet[side];
  return kind === 'heel_strike'
    ? crossing(s.t, f.hy, minBetween(r.hy, t0, t0 + 0.35) + dz, t0 - 0.25, t0 + 0.2, 'down')
    : crossing(s.t, f.ty, minBetween(r.ty, t0 - 0.45, t0 - 0.05) + dz, t0 - 0.25, t0 + 0.2, 'up');
}

const nearest = (list: number[], t0: number): number | null => {
  let best: number | null = null;
  for (const t of list) if (Math.abs(t - t0) <= MATCH_WINDOW_S && (best === null || Math.abs(t - t0) < Math.abs(best - t0))) best = t;
  return best;
};
const pick = (e: SideEvents, kind: Kind, t0: number) => nearest(kind === 'heel_strike' ? e.heelStrikes : e.toeOffs, t0);

interface Method {
  label: Record<Kind, string>;
  detect(s: Series, side: SideKey, kind: Kind, t0: number): number | null;
}
const methods: Method[] = [
  { label: { heel_strike: 'Zeni heel', toe_off: 'Zeni MT5' }, detect: (s, side, kind, t0) => pick(zeni(s, side, false), kind, t0) },
  { label: { heel_strike: 'Zeni ankle raw', toe_off: 'Zeni ankle raw' }, detect: (s, side, kind, t0) => pick(zeni(s, side, true), kind, t0) },
  {
    label: { heel_strike: 'ankle +1.6 % (app)', toe_off: 'ankle +3.1 % (app)' },
    detect: (s, side, kind, t0) => pick(correctAnkleProxyBias(zeni(s, side, true), 'forward', strideS), kind, t0),
  },
  ...[20, 10].map(
    (dz): Method => ({
      label: { heel_strike: `heel height +${dz} mm`, toe_off: `MT5 height +${dz} mm` },
      detect: (s, side, kind, t0) => height(s, side, kind, t0, dz),
    }),
  ),
];

// ---------- report ----------
const ms = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
const pad = (s: string, w: number) => (w < 0 ? s.padEnd(-w) : s.padStart(w));
const rates: [string, Series][] = [['200 Hz', raw], [`${CAMERA_FPS} fps`, camera]];
console.log(`overground_17: TRC frames ${frames[0]}-${frames[frames.length - 1]} (200 Hz); ${CAMERA_FPS} fps: ${tCam.length} frames, t = ${tCam[0].toFixed(3)}-${tCam[tCam.length - 1].toFixed(3)} s, ${plainFilter ? "plain butter(2, 6/15) forward-backward (the Python's filter)" : `the app's ${CUTOFF_HZ} Hz zero-lag Butterworth`}`);
console.log(`stride (median of truth heel strikes) ${strideS.toFixed(4)} s; errors in ms, detected - plate; n/a: none within ${MATCH_WINDOW_S * 1000} ms`);
for (const kind of ['heel_strike', 'toe_off'] as const) {
  const evs = plate.filter((e) => e.kind === kind);
  console.log(`\n${pad(kind === 'heel_strike' ? 'heel strike' : 'toe off', -27)}${evs.map((e) => pad(`${e.side} ${e.t.toFixed(3)}`, 9)).join('')}${pad('bias', 8)}${pad('MAE', 7)}  n`);
  for (const m of methods) {
    for (const [rate, s] of rates) {
      const errs = evs.map((e) => {
        const d = m.detect(s, e.side, kind, e.t);
        return d === null ? null : (d - e.t) * 1000;
      });
      const found = errs.filter((e): e is number => e !== null);
      const cells = errs.map((e) => pad(e === null ? 'n/a' : ms(e), 9)).join('');
      const summary = found.length ? `${pad(ms(mean(found)), 8)}${pad(mean(found.map(Math.abs)).toFixed(1), 7)}` : pad('', 15);
      console.log(`${pad(m.label[kind], -19)} ${pad(rate, -7)}${cells}${summary}  ${found.length}`);
    }
  }
}

console.log('\nfoot angle (heel -> MT5 against the floor, + toe up) at the plate heel strikes, 200 Hz markers');
for (const e of plate.filter((p) => p.kind === 'heel_strike')) {
  const f = raw.feet[e.side];
  // footAngleToFloor takes image coordinates (y down): flip the markers' Y (up).
  const angle = Float64Array.from(raw.t, (_, i) => footAngleToFloor({ x: f.hx[i], y: -f.hy[i] }, { x: f.tx[i], y: -f.ty[i] }, 1));
  const atStrike = interpolateLinear(raw.t, angle, [e.t])[0];
  const flat = median(angle.filter((_, i) => raw.t[i] > e.t + 0.15 && raw.t[i] < e.t + 0.35));
  console.log(`  ${e.side} ${e.t.toFixed(3)} s: raw ${ms(atStrike)} deg, mid-stance (foot flat) ${ms(flat)} deg, relative to mid-stance ${ms(atStrike - flat)} deg`);
}

console.log('\nfoot angle (heel -> MT5 against the floor, + toe up) at the plate toe offs, 200 Hz markers');
for (const e of plate.filter((p) => p.kind === 'toe_off')) {
  const f = raw.feet[e.side];
  const angle = Float64Array.from(raw.t, (_, i) => footAngleToFloor({ x: f.hx[i], y: -f.hy[i] }, { x: f.tx[i], y: -f.ty[i] }, 1));
  const atToeOff = interpolateLinear(raw.t, angle, [e.t])[0];
  // Foot flat: mid-stance, 0.25-0.45 s before toe off (stance lasts about 0.65 s here).
  const flat = median(angle.filter((_, i) => raw.t[i] > e.t - 0.45 && raw.t[i] < e.t - 0.25));
  console.log(`  ${e.side} ${e.t.toFixed(3)} s: raw ${ms(atToeOff)} deg, mid-stance (foot flat) ${ms(flat)} deg, relative to mid-stance ${ms(atToeOff - flat)} deg`);
}
