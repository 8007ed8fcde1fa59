/**
 * The rows of the metrics table: spatiotemporal numbers and key angles per side, each with its
 * uncertainty ("± u") beside its healthy range (src/core/reference.ts), judged as in range, out of
 * range (beyond it by more than u) or borderline (src/core/metrics/judge.ts).
 */
import { SIDES, reportHasFeet, type GaitReport, type Side } from '../../core/format/report';
import { REFERENCE, type ReferenceRange } from '../../core/reference';
import { judge, type Judgement } from '../../core/metrics/judge';
import { keyNumbersFor, referenceFor } from '../../core/metrics/keyNumbers';
import { BACKWARD_REFERENCE } from '../../core/reference';
import { mostlyFarLeg } from '../../core/view/view';

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
  if (typeof u !== 'number' || !Number.isFinite(u)) return undefined;
  // At least one significant digit: a cadence of 96 ± 0.3 must not read "96 ± 0".
  const needed = u > 0 ? Math.min(3, Math.max(decimals, Math.ceil(-Math.log10(u)))) : decimals;
  return `± ${u.toFixed(needed)}`;
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
  // Backward walking is judged only against backward references (stance and swing are not mapped).
  const backward = report.walking === 'backward';
  const cadenceRef = backward ? (BACKWARD_REFERENCE.cadence ?? null) : REFERENCE.cadence;
  const stanceRef = backward ? null : REFERENCE.stancePercent;
  const swingRef = backward ? null : swingReference;
  const rows: MetricRow[] = [
    { group: 'Timing', label: 'Cadence', unit: 'steps/min', decimals: 0, cells: both(s.cadence, cadenceRef, u?.cadence, 0), reference: cadenceRef },
    { group: 'Timing', label: 'Stride time', unit: 's', decimals: 2, cells: both(s.strideTime?.mean ?? null, null, u?.strideTime, 2), reference: null, note: s.strideTime ? `SD ${s.strideTime.sd.toFixed(2)} s over ${s.strideTime.n} strides` : undefined },
    { group: 'Timing', label: 'Step time', unit: 's', decimals: 2, cells: perSide((side) => s.stepTime[side]?.mean ?? null, null, (side) => u?.stepTime[side], 2), reference: null },
    { group: 'Timing', label: 'Stance', unit: '% of cycle', decimals: 1, cells: perSide((side) => s.stancePercent[side], stanceRef, (side) => u?.stancePercent[side], 1), reference: stanceRef },
    { group: 'Timing', label: 'Swing', unit: '% of cycle', decimals: 1, cells: perSide((side) => s.swingPercent[side], swingRef, (side) => u?.swingPercent[side], 1), reference: swingRef },
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
  // Timing differences are judged against the healthy 0-10 %; angle differences are only described
  // here, because one side camera reads the far leg differently from the near one: the asymmetry
  // rule judges them in degrees with that allowed for (src/core/flags/rules.ts).
  const symmetry: [keyof GaitReport['summary']['symmetry'], string, boolean][] = [
    ['stepTime', 'Step time', true],
    ['stanceTime', 'Stance time', true],
    ['hipRange', 'Hip range', false],
    ['peakSwingKneeFlexion', 'Peak swing knee bend', false],
  ];
  for (const [key, label, judged] of symmetry) {
    const reference = judged ? REFERENCE.symmetryIndex : null;
    rows.push({
      group: 'Symmetry',
      label: `${label}: left-right difference`,
      unit: '%',
      decimals: 1,
      cells: both(s.symmetry[key], reference, u?.symmetry[key], 1),
      reference,
      note: judged ? undefined : 'the far leg reads differently on camera: judged by the asymmetry check, which allows for that',
    });
  }
  // The leg farther from the camera (in most of its cycles): numbers that read worse there say so.
  const farSides = SIDES.filter((side) => mostlyFarLeg(report.sides[side]?.cameraFarShare));
  const farNote = farSides.length
    ? `the ${farSides.join(' and ')} leg was the one farther from the camera: seen through the near leg in swing, its knee bend reads low, and its ± allows for that`
    : undefined;
  for (const k of keyNumbersFor(reportHasFeet(report)).filter((x) => x.shown)) {
    rows.push({
      group: 'Angles',
      label: k.label,
      unit: k.unit,
      decimals: k.decimals,
      cells: perSide((side) => s.keyValues[side][k.id] ?? null, referenceFor(k, report.walking), (side) => s.keyValueUncertainty?.[side]?.[k.id], k.decimals),
      reference: referenceFor(k, report.walking),
      note: (k.farLegModelError && farNote) || k.note,
    });
  }
  return rows;
}
