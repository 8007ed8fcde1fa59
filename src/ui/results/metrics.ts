/**
 * The rows of the metrics table: spatiotemporal numbers and key angles per side, each with its
 * uncertainty ("± u") beside its healthy range (src/core/reference.ts), judged as in range, out of
 * range (beyond it by more than u) or borderline (src/core/metrics/judge.ts).
 */
import type { GaitReport, Side } from '../../core/format/report';
import { REFERENCE, type ReferenceRange } from '../../core/reference';
import { judge, type Judgement } from '../../core/metrics/judge';
import { KEY_NUMBERS } from '../../core/metrics/keyNumbers';

export type RangeStatus = Judgement;

export interface MetricCell {
  value: number | null;
  /** Shown after the value, e.g. '± 0.02'. */
  extra?: string;
  status: RangeStatus;
}

export interface MetricRow {
  group: 'Timing' | 'Symmetry' | 'Angles';
  label: string;
  unit: string;
  decimals: number;
  /** Per side, or one value for both legs. */
  cells: Record<Side, MetricCell> | { both: MetricCell };
  reference: ReferenceRange | null;
  note?: string;
}

export function rangeStatus(value: number | null, reference: ReferenceRange | null, uncertainty?: number | null): RangeStatus {
  return judge(value, uncertainty ?? null, reference);
}

export const STATUS_WORDS: Record<RangeStatus, string> = {
  ok: 'in range',
  low: 'below range',
  high: 'above range',
  'borderline-low': 'borderline low',
  'borderline-high': 'borderline high',
  none: '',
};

/** "± u" in the row's decimals (reports saved before uncertainties existed have none). */
export function plusMinus(u: number | null | undefined, decimals: number): string | undefined {
  return typeof u === 'number' && Number.isFinite(u) ? `± ${u.toFixed(decimals)}` : undefined;
}

const swingReference: ReferenceRange = {
  low: 100 - (REFERENCE.stancePercent.high ?? 62),
  high: 100 - (REFERENCE.stancePercent.low ?? 58),
  unit: '%',
  source: REFERENCE.stancePercent.source,
};

function both(value: number | null, reference: ReferenceRange | null, u: number | null | undefined, decimals: number): { both: MetricCell } {
  return { both: { value, status: rangeStatus(value, reference, u), extra: plusMinus(u, decimals) } };
}

function perSide(
  get: (side: Side) => number | null,
  reference: ReferenceRange | null,
  getU: (side: Side) => number | null | undefined,
  decimals: number,
): Record<Side, MetricCell> {
  const cell = (side: Side): MetricCell => ({ value: get(side), status: rangeStatus(get(side), reference, getU(side)), extra: plusMinus(getU(side), decimals) });
  return { left: cell('left'), right: cell('right') };
}

export function metricRows(report: GaitReport): MetricRow[] {
  const s = report.summary;
  const u = s.uncertainty;
  const rows: MetricRow[] = [
    { group: 'Timing', label: 'Cadence', unit: 'steps/min', decimals: 0, cells: both(s.cadence, REFERENCE.cadence, u?.cadence, 0), reference: REFERENCE.cadence },
    { group: 'Timing', label: 'Stride time', unit: 's', decimals: 2, cells: both(s.strideTime?.mean ?? null, null, u?.strideTime, 2), reference: null, note: s.strideTime ? `SD ${s.strideTime.sd.toFixed(2)} s over ${s.strideTime.n} strides` : undefined },
    { group: 'Timing', label: 'Step time', unit: 's', decimals: 2, cells: perSide((side) => s.stepTime[side]?.mean ?? null, null, (side) => u?.stepTime[side], 2), reference: null },
    { group: 'Timing', label: 'Stance', unit: '% of cycle', decimals: 1, cells: perSide((side) => s.stancePercent[side], REFERENCE.stancePercent, (side) => u?.stancePercent[side], 1), reference: REFERENCE.stancePercent },
    { group: 'Timing', label: 'Swing', unit: '% of cycle', decimals: 1, cells: perSide((side) => s.swingPercent[side], swingReference, (side) => u?.swingPercent[side], 1), reference: swingReference },
    { group: 'Timing', label: 'Double support', unit: '% of cycle', decimals: 1, cells: both(s.doubleSupportPercent, null, u?.doubleSupportPercent, 1), reference: null },
    { group: 'Timing', label: 'Stride-to-stride variability (CV)', unit: '%', decimals: 1, cells: both(s.strideTimeCv, null, null, 1), reference: null },
  ];
  if (s.strideLength) {
    rows.push({
      group: 'Timing',
      label: 'Stride length',
      unit: 'm',
      decimals: 2,
      cells: both(s.strideLength.meters, null, null, 2),
      reference: null,
      note: s.strideLength.method === 'treadmill-speed' ? 'from the treadmill speed' : 'scaled by body height',
    });
  }
  if (s.speedMps !== null) rows.push({ group: 'Timing', label: 'Walking speed', unit: 'm/s', decimals: 2, cells: both(s.speedMps, null, null, 2), reference: null });
  const symmetry: [keyof GaitReport['summary']['symmetry'], string][] = [
    ['stepTime', 'Step time'],
    ['stanceTime', 'Stance time'],
    ['hipRange', 'Hip range'],
    ['peakSwingKneeFlexion', 'Peak swing knee bend'],
  ];
  for (const [key, label] of symmetry) {
    rows.push({
      group: 'Symmetry',
      label: `${label}: left-right difference`,
      unit: '%',
      decimals: 1,
      cells: both(s.symmetry[key], REFERENCE.symmetryIndex, u?.symmetry[key], 1),
      reference: REFERENCE.symmetryIndex,
    });
  }
  for (const k of KEY_NUMBERS.filter((x) => x.shown)) {
    rows.push({
      group: 'Angles',
      label: k.label,
      unit: k.unit,
      decimals: k.decimals,
      cells: perSide((side) => s.keyValues[side][k.id] ?? null, k.reference, (side) => s.keyValueUncertainty?.[side]?.[k.id], k.decimals),
      reference: k.reference,
      note: k.note,
    });
  }
  return rows;
}
