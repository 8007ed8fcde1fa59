/** Measuring by hand (issue 12 item 3 of the desk work): angle and distance geometry, and their CSV. */
import { describe, expect, it } from 'vitest';
import { angleAt, distance, measurementValue, measurementsCsv, MEASUREMENTS_CSV_HEADER } from '../src/core/export/measurements';

describe('measurement geometry', () => {
  it('angle at the vertex, 0-180 degrees, whatever the order of the ends', () => {
    expect(angleAt([10, 0], [0, 0], [0, 10])).toBeCloseTo(90, 9);
    expect(angleAt([0, 10], [0, 0], [10, 0])).toBeCloseTo(90, 9);
    expect(angleAt([1, 0], [0, 0], [-1, 0])).toBeCloseTo(180, 9);
    // A straight-ish leg: hip above the knee, ankle a little forward: 180 minus the knee flexion.
    const flexion = 25;
    const rad = (flexion * Math.PI) / 180;
    expect(angleAt([0, -40], [0, 0], [40 * Math.sin(rad), 40 * Math.cos(rad)])).toBeCloseTo(180 - flexion, 9);
    expect(distance([0, 0], [3, 4])).toBe(5);
  });

  it('no value until all points are placed', () => {
    expect(measurementValue({ kind: 'angle', points: [[0, 0], [1, 1]] })).toBeNull();
    expect(measurementValue({ kind: 'distance', points: [[0, 0], [6, 8]] })).toBe(10);
  });

  it('CSV: one row per measurement, metres for distances when a scale is known', () => {
    const csv = measurementsCsv(
      [
        { kind: 'angle', frame: 12, t: 0.4, points: [[10, 0], [0, 0], [0, 10]] },
        { kind: 'distance', frame: 30, t: 1, points: [[0, 0], [300, 400]], label: 'step' },
      ],
      0.002,
    );
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(MEASUREMENTS_CSV_HEADER.join(','));
    expect(lines[1].split(',').slice(0, 7)).toEqual(['angle', '', '12', '0.4', '90', 'deg', '']);
    expect(lines[2].split(',').slice(0, 7)).toEqual(['distance', 'step', '30', '1', '500', 'px', '1']);
  });
});
