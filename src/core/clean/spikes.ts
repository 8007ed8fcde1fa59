import { P } from '../format/bodyPoints';
import type { TrackColumns } from './columns';

/**
 * Removes one-frame spikes from the points the events are timed from (ankles, heels, toes): a point that leaves the
 * straight line between its nearest seen neighbours (before and after, time-weighted) by more than
 * SPIKE_LIMIT leg lengths is set missing, so gap filling bridges it instead of the low-pass
 * smearing it into its neighbours. The idea is Hampel's (an outlier is judged against its
 * neighbourhood and replaced; Pearson et al. 2016, "Generalized Hampel filters", EURASIP J. Adv.
 * Signal Process. 2016:87); the neighbourhood is the line through the two neighbours rather than
 * a window median, because a leg point moves steadily and a median would lag it.
 *
 * Why: BlazePose full, in double support, puts an ankle on a mixture of both feet for single frames
 * (e.g. the rendered healthy-feet walk, frames 22 and 26: the left ankle 40 and 28 px off a straight
 * path, 0.2-0.3 leg lengths), which made the extremum-based event detectors find extra events.
 * Measured on the pose tracks of the 9 rendered fixture walks from MoveNet Lightning and Thunder
 * (18 tracks) and BlazePose lite, full and heavy (20), against their truth: extra events (none
 * within 2 frames of a true one) went from 26 to 20 (MoveNet) and from 123 to 106 (BlazePose);
 * missed ones from 24 to 18 (MoveNet) and 46 to 49 (BlazePose). The 14 motion-capture walks
 * (clean and with MoveNet-like noise) came out identical. One pass only: repeating it ate whole
 * stretches of a bad BlazePose stretch (5 frames and more, longer than gap filling bridges) and
 * lost a walk's events.
 * The limit keeps real motion: the steepest bend of an ankle's path, at heel strike, leaves the
 * line by Δv/2 per frame, about 0.05 leg lengths at 30 fps for a 1.4 m/s walk (swing ankle speed
 * ~0.15 leg lengths a frame, stopping within 2 frames); 0.15 leaves a threefold margin.
 * It runs after the leg-swap repair, which needs the swapped frames whole.
 */
export const SPIKE_LIMIT = 0.15;
/** The points events are timed from. */
const FOOT_END_POINTS = [P.leftAnkle, P.rightAnkle, P.leftHeel, P.rightHeel, P.leftToe, P.rightToe];

/** Returns how many points were removed. */
export function removeLegSpikes(c: TrackColumns, legLength: number): number {
  if (!(legLength > 0)) return 0;
  const limit = SPIKE_LIMIT * legLength;
  let removed = 0;
  for (const k of FOOT_END_POINTS) {
    // Every candidate's distance from its neighbours' line, all measured before any is removed.
    const size = new Map<number, number>();
    for (let i = 0; i < c.t.length; i++) {
      const d = deviation(c, k, i);
      if (d > limit) size.set(i, d);
    }
    // Only the worst of neighbouring candidates goes: a spike also pulls its neighbours' lines.
    const worse = (j: number, than: number) => (size.get(j) ?? -1) > than;
    for (const [i, own] of size) {
      if (worse(i - 1, own) || worse(i + 1, own) || size.get(i - 1) === own) continue;
      c.x[k][i] = NaN;
      c.y[k][i] = NaN;
      c.score[k][i] = 0;
      removed++;
    }
  }
  return removed;
}

/** Distance of point k at frame i from the line between its seen neighbours (0 at the ends). */
function deviation(c: TrackColumns, k: number, i: number): number {
  const x = c.x[k];
  const y = c.y[k];
  let prev = i - 1;
  while (prev >= 0 && Number.isNaN(x[prev])) prev--;
  let next = i + 1;
  while (next < x.length && Number.isNaN(x[next])) next++;
  if (prev < 0 || next >= x.length || Number.isNaN(x[i])) return 0;
  const w = (c.t[i] - c.t[prev]) / (c.t[next] - c.t[prev]);
  return Math.hypot(x[i] - (x[prev] + w * (x[next] - x[prev])), y[i] - (y[prev] + w * (y[next] - y[prev])));
}
