/**
 * Range of each angle within each phase: floating bars (min to max, mean of the cycles' ranges),
 * left next to right, one row per joint and phase.
 */
import type { ChartConfiguration } from 'chart.js';
import { PHASE_NAMES, SIDES, type GaitReport, type PhaseName, type Side } from '../../core/format/report';
import { ANGLE_TITLE, cycleAnglesOf, type CycleAngle } from './cycleChart';
import { PHASE_LABEL, SIDE_COLOR, SIDE_LABEL } from './palette';


export interface PhaseRangeRow {
  angle: CycleAngle;
  phase: PhaseName;
  label: string;
  values: Record<Side, { min: number; max: number } | null>;
}

export interface PhaseRangeModel {
  config: ChartConfiguration<'bar', ([number, number] | null)[], string>;
  rows: PhaseRangeRow[];
  /** Bars drawn (the `data-points` attribute). */
  points: number;
  label: string;
}

/** Category index of an (angle, phase) row of a report's chart: used to place the cursor ticks. */
export function rangeRowIndex(report: GaitReport, angle: CycleAngle, phase: PhaseName): number {
  return cycleAnglesOf(report).indexOf(angle) * PHASE_NAMES.length + PHASE_NAMES.indexOf(phase);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function phaseRangeModel(report: GaitReport): PhaseRangeModel {
  const angles = cycleAnglesOf(report);
  const rows: PhaseRangeRow[] = angles.flatMap((angle) =>
    PHASE_NAMES.map((phase) => ({
      angle,
      phase,
      label: `${ANGLE_TITLE[angle]} · ${PHASE_LABEL[phase].toLowerCase()}`,
      values: Object.fromEntries(
        SIDES.map((side) => {
          const s = report.sides[side].phaseAngles[phase]?.[angle] ?? null;
          return [side, s ? { min: round1(s.min), max: round1(s.max) } : null];
        }),
      ) as PhaseRangeRow['values'],
    })),
  );
  const datasets = SIDES.map((side) => ({
    label: `${SIDE_LABEL[side]} leg`,
    data: rows.map((r) => (r.values[side] ? ([r.values[side]!.min, r.values[side]!.max] as [number, number]) : null)),
    backgroundColor: SIDE_COLOR[side] + 'b3',
    borderColor: SIDE_COLOR[side],
    borderWidth: 1,
    borderSkipped: false as const,
    barPercentage: 0.9,
    categoryPercentage: 0.8,
  }));
  const points = datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0);
  // Axis limits from the data, to the next 10 degrees: chart.js's own choice jumps to 50-degree
  // steps on a narrow phone screen and squeezes the bars.
  const values = datasets.flatMap((d) => d.data.flatMap((v) => v ?? []));
  const axisMin = values.length ? Math.floor((Math.min(...values) - 2) / 10) * 10 : -20;
  const axisMax = values.length ? Math.ceil((Math.max(...values) + 2) / 10) * 10 : 70;
  return {
    rows,
    points,
    label: `Range of ${angles.length > 2 ? 'hip and knee flexion and ankle dorsiflexion' : 'hip and knee flexion'} within each gait phase, left and right leg: bars from the smallest to the largest angle (mean over the cycles).`,
    config: {
      type: 'bar',
      data: { labels: rows.map((r) => r.label), datasets },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { min: axisMin, max: axisMax, title: { display: true, text: angles.length > 2 ? 'Angle (°, + flexion / dorsiflexion)' : 'Angle (°, + flexion)' } },
          y: { ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const v = item.raw as [number, number] | null;
                return v ? `${item.dataset.label}: ${v[0]}° to ${v[1]}° (range ${round1(v[1] - v[0])}°)` : `${item.dataset.label}: no data`;
              },
            },
          },
        },
      },
    },
  };
}
