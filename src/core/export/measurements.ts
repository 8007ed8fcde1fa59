/**
 * Measurements a person made by hand on a paused frame (an angle from three points, or a distance
 * between two), as Kinovea's angle and line tools do: their geometry and their CSV export. Points
 * are in the track's image pixels (x right, y down), so they do not depend on the screen size.
 */
import { toCsv } from './csv';

export type MeasurementKind = 'angle' | 'distance';
export type Point = [number, number];

export interface Measurement {
  kind: MeasurementKind;
  /** Frame index in the track (0-based) and its time, seconds. */
  frame: number;
  t: number;
  /** angle: [end, vertex, end]; distance: [from, to]. Image pixels. */
  points: Point[];
  /** Optional label the user gave it. */
  label?: string;
}

/** How many points each tool takes. */
export const POINTS_NEEDED: Record<MeasurementKind, number> = { angle: 3, distance: 2 };

/** The angle at vertex b between the rays to a and c, 0-180 degrees. */
export function angleAt(a: Point, b: Point, c: Point): number {
  const u = [a[0] - b[0], a[1] - b[1]];
  const v = [c[0] - b[0], c[1] - b[1]];
  const cross = u[0] * v[1] - u[1] * v[0];
  const dot = u[0] * v[0] + u[1] * v[1];
  return (Math.abs(Math.atan2(cross, dot)) * 180) / Math.PI;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** The value of a complete measurement (degrees or pixels), or null while points are missing. */
export function measurementValue(m: Pick<Measurement, 'kind' | 'points'>): number | null {
  if (m.points.length < POINTS_NEEDED[m.kind]) return null;
  return m.kind === 'angle' ? angleAt(m.points[0], m.points[1], m.points[2]) : distance(m.points[0], m.points[1]);
}

export const MEASUREMENTS_CSV_HEADER: readonly string[] = ['kind', 'label', 'frame', 't_s', 'value', 'unit', 'value_m', 'x1', 'y1', 'x2', 'y2', 'x3', 'y3'];

/** One row per measurement; distances also in metres when `metresPerPixel` is known. */
export function measurementsCsv(measurements: readonly Measurement[], metresPerPixel: number | null = null): string {
  const round = (v: number, d: number) => Number(v.toFixed(d));
  const rows = measurements.map((m) => {
    const value = measurementValue(m);
    const points = [0, 1, 2].flatMap((i) => (m.points[i] ? [round(m.points[i][0], 1), round(m.points[i][1], 1)] : [null, null]));
    return [
      m.kind,
      m.label ?? '',
      m.frame,
      m.t,
      value === null ? null : round(value, 1),
      m.kind === 'angle' ? 'deg' : 'px',
      m.kind === 'distance' && value !== null && metresPerPixel ? round(value * metresPerPixel, 4) : null,
      ...points,
    ];
  });
  return toCsv(MEASUREMENTS_CSV_HEADER, rows);
}
