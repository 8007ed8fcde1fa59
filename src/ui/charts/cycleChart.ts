/**
 * Joint angle over the normalised gait cycle for one side: the mean of this walk's cycles with a
 * +-1 SD band, over the healthy reference band, with the phases shaded at this side's mean
 * phase boundaries.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { jointAnglesOfReport, type GaitReport, type PhaseName, type Side } from '../../core/format/report';
import { BACKWARD_REFERENCE_CURVES, REFERENCE_CURVES } from '../../core/reference';
import { PHASE_SHADE, REFERENCE_FILL, REFERENCE_LINE, SIDE_COLOR, SIDE_FILL, SIDE_LABEL } from './palette';
import type { PhaseBand } from './plugins';

export type CycleAngle = 'hipFlexion' | 'kneeFlexion' | 'ankleFlexion';

/** The joints charted for a report: hip and knee, and the ankle where the track had feet. */
export function cycleAnglesOf(report: GaitReport): readonly CycleAngle[] {
  return jointAnglesOfReport(report).filter((a): a is CycleAngle => a !== 'hipFlexionTrunk');
}

export const ANGLE_TITLE: Record<CycleAngle, string> = { hipFlexion: 'Hip', kneeFlexion: 'Knee', ankleFlexion: 'Ankle' };
/** The motion the + direction of each angle is, in words (the chart's accessible label). */
export const ANGLE_MOTION: Record<CycleAngle, string> = { hipFlexion: 'flexion', kneeFlexion: 'flexion', ankleFlexion: 'dorsiflexion' };
export const ANGLE_AXIS: Record<CycleAngle, string> = {
  hipFlexion: 'Hip flexion (°)',
  kneeFlexion: 'Knee flexion (°)',
  ankleFlexion: 'Ankle dorsiflexion (°)',
};
/** What the sign means, shown under the chart's title. */
export const ANGLE_NOTE: Record<CycleAngle, string> = {
  hipFlexion: 'thigh against the vertical: + in front of the body, − behind',
  kneeFlexion: '0° = straight, + = bent',
  ankleFlexion: '0° = foot at right angles to the shin, + = toes up (dorsiflexion), − = toes down (plantarflexion)',
};
/** Short phase names that fit inside narrow bands (the legend below the chart spells them out). */
const BAND_LABEL: Record<PhaseName, string> = { stance: 'Stance', preSwing: 'Pre', swing: 'Swing', terminalSwing: 'Term.' };

type Point = { x: number; y: number | null };

export interface CycleChartRow {
  percent: number;
  mean: number | null;
  sd: number | null;
  referenceLow: number;
  referenceHigh: number;
}

export interface CycleChartModel {
  config: ChartConfiguration<'line', Point[]>;
  bands: PhaseBand[];
  /** Points of this walk's mean curve that are plotted (the `data-points` attribute). */
  points: number;
  cycles: number;
  rows: CycleChartRow[];
  label: string;
}

/** Phase bands from the mean boundaries (stance, pre-swing, swing, terminal swing). */
export function phaseBands(report: GaitReport, side: Side): PhaseBand[] {
  const b = report.sides[side].phaseBoundariesPercent;
  if (!b) return [];
  const edges: [PhaseName, number, number][] = [
    ['stance', 0, b.oppositeHeelStrike],
    ['preSwing', b.oppositeHeelStrike, b.toeOff],
    ['swing', b.toeOff, b.shankVertical],
    ['terminalSwing', b.shankVertical, 100],
  ];
  return edges.map(([phase, from, to]) => ({ from, to, color: PHASE_SHADE[phase], label: BAND_LABEL[phase] }));
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function cycleChartModel(report: GaitReport, side: Side, angle: CycleAngle): CycleChartModel {
  const curve = report.sides[side].normalized[angle] ?? { mean: [], sd: [], n: 0 };
  // The healthy band of the kind of walking shown (backward: the forward band reversed in time).
  const reference = (report.walking === 'backward' ? BACKWARD_REFERENCE_CURVES : REFERENCE_CURVES)[angle];
  const rows: CycleChartRow[] = reference.mean.map((ref, p) => {
    const mean = curve.mean[p] ?? null;
    const sd = curve.sd[p] ?? null;
    return {
      percent: p,
      mean: mean === null ? null : round1(mean),
      sd: sd === null ? null : round1(sd),
      referenceLow: round1(ref - reference.sd),
      referenceHigh: round1(ref + reference.sd),
    };
  });
  const series = (f: (r: CycleChartRow) => number | null): Point[] => rows.map((r) => ({ x: r.percent, y: f(r) }));
  const lower = (r: CycleChartRow) => (r.mean === null ? null : r.mean - (r.sd ?? 0));
  const upper = (r: CycleChartRow) => (r.mean === null ? null : r.mean + (r.sd ?? 0));
  const hidden = { pointRadius: 0, borderWidth: 0, pointHitRadius: 0 };
  const datasets: ChartDataset<'line', Point[]>[] = [
    { label: 'healthy-low', data: series((r) => r.referenceLow), ...hidden, fill: false },
    { label: 'Healthy range (±1 SD)', data: series((r) => r.referenceHigh), ...hidden, fill: '-1', backgroundColor: REFERENCE_FILL, borderColor: REFERENCE_FILL },
    {
      label: 'Healthy mean',
      data: series((r) => round1((r.referenceLow + r.referenceHigh) / 2)),
      borderColor: REFERENCE_LINE,
      borderDash: [5, 4],
      borderWidth: 1,
      pointRadius: 0,
    },
    { label: 'sd-low', data: series(lower), ...hidden, fill: false, spanGaps: false },
    { label: 'This walk ±1 SD', data: series(upper), ...hidden, fill: '-1', backgroundColor: SIDE_FILL[side], borderColor: SIDE_FILL[side] },
    {
      label: `${SIDE_LABEL[side]}, mean of ${curve.n} cycle${curve.n === 1 ? '' : 's'}`,
      data: series((r) => r.mean),
      borderColor: SIDE_COLOR[side],
      backgroundColor: SIDE_COLOR[side],
      borderWidth: 2.5,
      pointRadius: 0,
      spanGaps: false,
    },
  ];
  // y limits from the data and the healthy band, to the next 10 degrees: chart.js's own choice
  // jumps to 50-degree steps when the chart is short (phones, print).
  const ys = rows.flatMap((r) => [r.referenceLow, r.referenceHigh, ...(r.mean === null ? [] : [r.mean - (r.sd ?? 0), r.mean + (r.sd ?? 0)])]);
  const yMin = Math.floor((Math.min(...ys) - 2) / 10) * 10;
  const yMax = Math.ceil((Math.max(...ys) + 2) / 10) * 10;
  const helper = (label: string | undefined) => label === 'healthy-low' || label === 'sd-low';
  const label =
    `${SIDE_LABEL[side]} ${ANGLE_TITLE[angle].toLowerCase()} ${ANGLE_MOTION[angle]} over the gait cycle, 0 to 100 percent: ` +
    `mean of ${curve.n} cycles with a band of one standard deviation, on the healthy reference band.`;
  return {
    bands: phaseBands(report, side),
    points: rows.filter((r) => r.mean !== null).length,
    cycles: curve.n,
    rows,
    label,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'index', intersect: false, axis: 'x' },
        scales: {
          x: { type: 'linear', min: 0, max: 100, ticks: { stepSize: 20, callback: (v) => `${v} %` }, title: { display: true, text: '% of gait cycle (heel strike to heel strike)' } },
          y: { min: yMin, max: yMax, title: { display: true, text: ANGLE_AXIS[angle] } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, filter: (item) => !helper(item.text) } },
          tooltip: {
            filter: (item) => !helper(item.dataset.label) && item.dataset.label !== 'This walk ±1 SD' && item.dataset.label !== 'Healthy range (±1 SD)',
            callbacks: {
              title: (items) => `${items[0]?.parsed.x ?? ''} % of the cycle`,
              label: (item) => `${item.dataset.label}: ${item.parsed.y?.toFixed(1)}°`,
            },
          },
        },
      },
    },
  };
}
