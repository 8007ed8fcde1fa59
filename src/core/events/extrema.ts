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

function parabolicOffset(a: number, b: number, c: number): number {
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
  for (let i = i0; i <= i1; i++) {
    const v = signal[i];
    if (!Number.isFinite(v)) {
      // A gap breaks the wave in progress: whatever extremum it had is not trusted.
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
  // clearly turned back from it (by the hysteresis band) before the span ends.
  let last = i1;
  while (last > i0 && !Number.isFinite(signal[last])) last--;
  if (state !== 0 && best >= 0 && best < last && Math.abs(signal[last] - signal[best]) >= band) close(state === 1 ? 'max' : 'min');
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

function swingOf(list: Extremum[], k: number): number {
  const before = k > 0 ? Math.abs(list[k].value - list[k - 1].value) : Infinity;
  const after = k + 1 < list.length ? Math.abs(list[k].value - list[k + 1].value) : Infinity;
  return Math.min(before, after);
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
  for (let k = 1; k < list.length; k++) swings.push(Math.abs(list[k].value - list[k - 1].value));
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
    const before = worst > 0 ? Math.abs(list[worst].value - list[worst - 1].value) : Infinity;
    const after = worst + 1 < list.length ? Math.abs(list[worst].value - list[worst + 1].value) : Infinity;
    if (before <= after) list.splice(worst - 1, 2);
    else list.splice(worst, 2);
    if (list.length < 2) return list;
  }
}
