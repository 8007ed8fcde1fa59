/**
 * The key numbers of a synthetic walk's truth: its own angles read at its own events, by the same
 * cycleMetrics and averaging as the report (so a report's key value and this differ only by what
 * the pose model and the event detector got wrong). Pure; used by scripts/fixture-key-numbers.ts and
 * test/feetBlazePose.test.ts.
 */
import type { AngleColumns, SideAngleColumns } from '../core/angles/angles';
import type { CycleTiming } from '../core/cycles/cycles';
import { SIDES, type CycleKeyValues, type Side } from '../core/format/report';
import { meanKeyValues } from '../core/metrics/aggregate';
import { cycleMetrics } from '../core/metrics/cycleMetrics';
import type { WalkTruth } from '../synth/types';

const column = (values: ArrayLike<number | null>) => Float64Array.from(values, (v) => (v === null ? NaN : v));

/** Per side, the mean over the truth's cycles (the ankle numbers are not included). */
export function truthKeyValues(truth: WalkTruth): Record<Side, CycleKeyValues> {
  const a = truth.angles;
  const t = Float64Array.from(truth.clean.frames, (fr) => fr.t);
  const side = (s: Side): SideAngleColumns => ({
    hipFlexion: column(a[s].hipFlexion),
    hipFlexionTrunk: column(a[s].hipFlexionTrunk),
    kneeFlexion: column(a[s].kneeFlexion),
    shank: new Float64Array(t.length).fill(NaN),
  });
  const angles: AngleColumns = { left: side('left'), right: side('right'), trunkLean: column(a.trunkLean) };
  const reach = new Float64Array(t.length).fill(NaN);
  const out = {} as Record<Side, CycleKeyValues>;
  for (const s of SIDES) {
    const cycles = truth.cycles[s].map((c) => {
      const timing: CycleTiming = { side: s, pass: c.pass, start: c.start, end: c.end, oppositeToeOff: NaN, oppositeHeelStrike: c.oppositeHeelStrike, toeOff: c.toeOff, shankVertical: c.shankVertical };
      return cycleMetrics(timing, { t, angles, reach, legLength: 1 }).keyValues;
    });
    out[s] = meanKeyValues(cycles);
  }
  return out;
}
