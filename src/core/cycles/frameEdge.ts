/**
 * A gait cycle is measured only while its leg is in the picture. A pose model cannot place a
 * keypoint outside the image: a foot that reaches past the edge is reported on (or a few pixels
 * beyond) the border, and the leg's angles and events there are the model's guesses. On
 * sports2d-demo.mp4 (BlazePose full) the woman's last left stride before she walks out of view ends
 * in a heel strike with her toe tip at x = 2-6 px (and at -1..-4 px a step later); that stride reads
 * a peak swing knee flexion of 87-91 deg with every model, against 68-78 for her other strides:
 * whether she really bent more there cannot be told, which is the point. Her first stride, which
 * starts where she steps out from behind a tree well inside the frame, is kept. The same test keeps
 * a foot that lands at the edge out of the strike patterns (analyze.ts): her last left contact read
 * as a flat strike (0-2 deg) among three heel strikes of 25-28 deg.
 *
 * A leg counts as at the edge where any of its points (hip, knee, ankle, heel, toe: those the track
 * has) lies within EDGE_MARGIN leg lengths of the image's left, right or bottom border. The margin is
 * the pose models' own keypoint error (BlazePose full on the rendered forefoot-feet walk,
 * fixtures/tracks: median 2.4-9.4 px per leg point against the truth, on a walker whose leg is
 * 130 px: up to 0.07 leg lengths), so a point placed there may lie outside the picture. The top
 * border is never near a leg. A track without toe points (MoveNet) is judged on its ankle: on the
 * same stride Thunder's ankle stays 16-26 px inside, so Thunder keeps it.
 */
import { SIDE_POINTS } from '../format/bodyPoints';
import type { Side } from '../format/report';
import type { TrackColumns } from '../clean/columns';
import { lowerBound } from '../util/stats';

/** Within this many leg lengths of the left, right or bottom border a leg point may be out of view. */
export const EDGE_MARGIN_LEG_LENGTHS = 0.07;

export interface Frame {
  width: number;
  height: number;
}

/**
 * Whether `side`'s leg comes within the margin of the image border between times `start` and `end`
 * (inclusive). Missing points (NaN) are not evidence either way.
 */
export function legAtFrameEdge(columns: TrackColumns, side: Side, start: number, end: number, frame: Frame, legLength: number): boolean {
  if (!(frame.width > 0) || !(frame.height > 0) || !(legLength > 0)) return false;
  const margin = EDGE_MARGIN_LEG_LENGTHS * legLength;
  const { hip, knee, ankle, heel, toe } = SIDE_POINTS[side];
  const points = [hip, knee, ankle, heel, toe];
  const t = columns.t;
  for (let i = lowerBound(t, start); i < t.length && t[i] <= end; i++) {
    for (const k of points) {
      const x = columns.x[k][i];
      const y = columns.y[k][i];
      if (x < margin || x > frame.width - margin || y > frame.height - margin) return true;
    }
  }
  return false;
}
