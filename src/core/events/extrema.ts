/**
 * Alternating extrema of a roughly periodic signal, found half-wave by half-wave: the signal is cut
 * where it crosses its median level (with hysteresis of a fraction of its range, so noise near the
 * level cannot split a wave), and each closed half-wave gives one extremum: its maximum above the
 * level, its minimum below. Needs no estimate of the period. Sub-sample timing by fitting a parabola
 * through the extreme sample and its neighbours.
 */

export interface Extremum {
  /** Fractional sample index. */
  index: number;
  value: number;
  kind: 'max' | 'min';
}

/** Hysteresis as a fraction of the 5-95 % range. */
const HYSTERESIS = 0.15;
/**
 * A wave cut off by the end of the span or by a gap still gives its extremum when the signal had
 * turned back from it by this share of the hysteresis band before the cut. 0.8 (it was 1, the full
 * band): on the motion-capture walks (14, 30 fps, with MoveNet-like noise, 5 seeds) 4 more true
 * events found, no more extra ones (884 -> 888 of 925, extra 16 -> 16); on the pose tracks of the 9
 * rendered fixture walks 4 more found within 2 frames, 1 more extra (BlazePose heavy); the rendered
 * backward walk's last heel strike, 0.24 s before the end, had turned back by 0.97 of the band.
 */
const END_TURN = 0.8;

/** Sub-sample offset (-0.5..0.5) of the extremum of a parabola through three equally spaced values. */
export function parabolicOffset(a: number, b: number, c: number): number {
  const denom = a - 2 * b + c;
  if (!Number.isFinite(denom) || denom === 0) return 0;
  const off = (0.5 * (a - c)) / denom;
  return Math.max(-0.5, Math.min(0.5, off));
}

export function alternatingExtrema(signal: Float64Array, i0: number, i1: number): Extremum[] {
  const values: number[] = [];
  for (let i = i0; i <= i1; i++) if (Number.isFinite(signal[i])) values.push(signal[i]);
  if (values.length < 5) return [];
  values.sort((a, b) => a - b);
  const q = (p: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))];
  const level = q(0.5);
  const band = HYSTERESIS * (q(0.95) - q(0.05));
  if (!(band > 0)) return [];

  const out: Extremum[] = [];
  // state: +1 above the upper threshold, -1 below the lower one, 0 not yet known.
  let state = 0;
  let best = -1;
  const close = (kind: 'max' | 'min') => {
    // An extremum on the edge of the analysed span or next to a gap is a truncated wave: drop it.
    const edge = best <= i0 || best >= i1 || !Number.isFinite(signal[best - 1]) || !Number.isFinite(signal[best + 1]);
    if (!edge) {
      const off = parabolicOffset(signal[best - 1], signal[best], signal[best + 1]);
      const value = signal[best] - 0.25 * (signal[best - 1] - signal[best + 1]) * off;
      out.push({ index: best + off, value, kind });
    }
  };
  // A wave cut off at `lastSeen` (before a gap, or the span's last seen sample) still gives its
  // extremum when the signal had clearly turned back from it by then.
  const closeIfTurnedBack = (lastSeen: number) => {
    if (state !== 0 && best >= 0 && lastSeen > best && Math.abs(signal[lastSeen] - signal[best]) >= END_TURN * band) close(state === 1 ? 'max' : 'min');
  };
  for (let i = i0; i <= i1; i++) {
    const v = signal[i];
    if (!Number.isFinite(v)) {
      // A gap breaks the wave in progress: its extremum counts only if the signal had clearly turned
      // back from it before the gap (as at the end of the span); otherwise it is not trusted.
      closeIfTurnedBack(i - 1);
      best = -1;
      state = 0;
      continue;
    }
    if (state >= 0 && v < level - band) {
      if (state === 1) close('max');
      state = -1;
      best = i;
      continue;
    }
    if (state <= 0 && v > level + band) {
      if (state === -1) close('min');
      state = 1;
      best = i;
      continue;
    }
    if (state === 1 && v > signal[best]) best = i;
    if (state === -1 && v < signal[best]) best = i;
  }
  // The last wave never closes at the end of the span; its extremum still counts when the signal has
  // clearly turned back from it (by END_TURN of the band) before the span ends.
  let last = i1;
  while (last > i0 && !Number.isFinite(signal[last])) last--;
  closeIfTurnedBack(last);
  return dropShallowWaves(out);
}

/**
 * A step swings the foot through most of its usual range; a wobble while the walker stands, slows
 * to a stop or shifts weight before the first step does not. Extrema whose swing to a neighbouring
 * extremum of the other kind is under this share of the median swing are removed, in pairs (the
 * shallowest first), so that maxima and minima keep alternating. 0.4: on the 12 healthy
 * motion-capture walks of the calibration set the smallest real swing (the first or last step of a
 * pass) is 0.55 of the median; the stand/stop wobbles that made invented events on real video are
 * under 0.25.
 */
export const MIN_SWING_SHARE = 0.4;

/**
 * The swing between extremum k and a neighbour: only a neighbour of the other kind makes one. Two of
 * the same kind in a row happen across a gap in the signal (the wave between them was lost in it);
 * their difference says nothing about how deep either wave is, so it must not count as a shallow
 * swing (it once removed every event of a leg whose ankle was missed for 5 frames, MoveNet Thunder
 * in Chromium on the rendered limited-push-off walk).
 */
function swingBetween(list: Extremum[], a: number, b: number): number {
  if (a < 0 || b >= list.length || list[a].kind === list[b].kind) return Infinity;
  return Math.abs(list[a].value - list[b].value);
}

function swingOf(list: Extremum[], k: number): number {
  return Math.min(swingBetween(list, k - 1, k), swingBetween(list, k, k + 1));
}

/**
 * The first and last extremum of a pass have one neighbour only, so a stand or stop wobble next to a
 * real step can look like a full swing. They must also reach this share of the typical swing away
 * from the middle of the wave (a real step reaches about half of it; the shortest first and last
 * steps of the calibration walks 0.35-0.4; a wobble while standing with the feet together stays
 * near the middle).
 */
export const MIN_EDGE_REACH = 0.25;

export function dropShallowWaves(extrema: Extremum[]): Extremum[] {
  const list = [...extrema];
  if (list.length < 3) return list;
  const swings: number[] = [];
  for (let k = 1; k < list.length; k++) if (list[k].kind !== list[k - 1].kind) swings.push(Math.abs(list[k].value - list[k - 1].value));
  if (!swings.length) return list;
  swings.sort((a, b) => a - b);
  const typical = swings[Math.floor(swings.length / 2)];
  const middleOf = (kind: 'max' | 'min') => {
    const v = list.filter((e) => e.kind === kind).map((e) => e.value).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  const middle = (middleOf('max') + middleOf('min')) / 2;
  const reaches = (e: Extremum) => (e.kind === 'max' ? e.value - middle : middle - e.value) >= MIN_EDGE_REACH * typical;
  while (list.length > 2 && !reaches(list[0])) list.shift();
  while (list.length > 2 && !reaches(list[list.length - 1])) list.pop();
  for (;;) {
    let worst = -1;
    for (let k = 0; k < list.length; k++) if (worst < 0 || swingOf(list, k) < swingOf(list, worst)) worst = k;
    if (worst < 0 || !(swingOf(list, worst) < MIN_SWING_SHARE * typical)) return list;
    // Remove the extremum and the neighbour it barely differs from (keeps the alternation).
    const before = swingBetween(list, worst - 1, worst);
    const after = swingBetween(list, worst, worst + 1);
    if (before <= after) list.splice(worst - 1, 2);
    else list.splice(worst, 2);
    if (list.length < 2) return list;
  }
}
