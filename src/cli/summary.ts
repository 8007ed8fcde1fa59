import { reportHasFeet, SIDES, type GaitReport, type Stat } from '../core/format/report';
import { reportForKind, walkingKinds } from '../core/format/walkingKinds';
import { REFERENCE } from '../core/reference';
import { keyNumbersFor, referenceFor } from '../core/metrics/keyNumbers';
import { judge } from '../core/metrics/judge';
import { describeCapture } from '../video/shared/captureTime';

const fmt = (v: number | null | undefined, digits = 1, unit = '') =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(digits)}${unit}`;
const fmtStat = (s: Stat | null, unit: string) => (s ? `${s.mean.toFixed(2)} ${unit} (SD ${s.sd.toFixed(2)}, n ${s.n})` : '–');
const ref = (r: { low: number | null; high: number | null }) => `${r.low ?? '…'} to ${r.high ?? '…'}`;

const pm = (v: number | null | undefined, u: number | null | undefined, digits = 1, unit = '') =>
  `${fmt(v, digits, unit)}${typeof u === 'number' && Number.isFinite(u) && v !== null && v !== undefined ? ` ± ${u.toFixed(digits)}` : ''}`;
const MARK = { ok: '', low: ' LOW', high: ' HIGH', 'borderline-low': ' (borderline)', 'borderline-high': ' (borderline)', none: '' } as const;

/**
 * A readable plain-text summary of a gait report (the CLI's --summary). A recording with forward and
 * backward walking gets a section per kind, each judged against its own references.
 */
export function formatSummary(r: GaitReport): string {
  const lines: string[] = [];
  lines.push(`Gait report: ${r.walking} walking, ${r.direction}, ${r.setting}; ${r.passes.length} pass${r.passes.length === 1 ? '' : 'es'}`);
  lines.push(`Cycles: left ${r.quality.usableCycles.left}, right ${r.quality.usableCycles.right}; frames ${r.quality.frames} at ${fmt(r.fps, 1)} fps`);
  const capture = describeCapture(r.source?.capture);
  if (capture) lines.push(`Video: ${capture}.`);
  const kinds = walkingKinds(r);
  if (kinds.length > 1) {
    lines.push(`Walking time: ${kinds.map((k) => `${k.walking} ${fmt(k.percentOfWalking, 0)} %`).join(', ')}; each kind analysed on its own.`);
    for (const k of kinds) {
      lines.push('', `== ${k.walking === 'forward' ? 'Forward' : 'Backward'} walking (${fmt(k.percentOfWalking, 0)} % of walking time) ==`);
      if (k.status !== 'analysed') lines.push(k.message ?? 'Not enough steps.');
      else lines.push(...numberLines(reportForKind(r, k.walking)));
    }
  } else {
    lines.push(...numberLines(r));
  }
  const q = r.quality;
  lines.push('');
  lines.push(
    `Quality: legs detected in ${fmt(q.detectedFraction * 100, 0, ' %')} of frames, side view ${q.sideView.ok ? 'ok' : 'NOT ok'}, ` +
      `${q.legSwapsRepaired} leg-swap frames repaired, ${q.gapsFilled} gap samples filled.`,
  );
  for (const w of q.warnings) lines.push(`  ! ${w}`);
  return `${lines.join('\n')}\n`;
}

/** The numbers, flags and borderlines of one kind of walking. */
function numberLines(r: GaitReport): string[] {
  const s = r.summary;
  const lines: string[] = [''];
  const backward = r.walking === 'backward';
  const u = s.uncertainty;
  lines.push(`Cadence            ${pm(s.cadence, u?.cadence, 1, ' steps/min')}   (healthy ${ref(REFERENCE.cadence)}${backward ? ', backward as forward (Laufer 2005)' : ''})`);
  lines.push(`Stride time        ${fmtStat(s.strideTime, 's')}`);
  lines.push(`Step time          left ${fmtStat(s.stepTime.left, 's')}; right ${fmtStat(s.stepTime.right, 's')}`);
  lines.push(`Stance             left ${pm(s.stancePercent.left, u?.stancePercent.left, 1, ' %')}, right ${pm(s.stancePercent.right, u?.stancePercent.right, 1, ' %')}   ${backward ? '(not judged for backward walking)' : `(healthy ${ref(REFERENCE.stancePercent)})`}`);
  lines.push(`Double support     ${pm(s.doubleSupportPercent, u?.doubleSupportPercent, 1, ' %')}`);
  lines.push(`Symmetry index     step time ${pm(s.symmetry.stepTime, u?.symmetry.stepTime, 1, ' %')}, stance ${pm(s.symmetry.stanceTime, u?.symmetry.stanceTime, 1, ' %')}`);
  lines.push(`Stride variability ${fmt(s.strideTimeCv, 1, ' % CV')}`);
  if (s.strideLength) lines.push(`Stride length      ${fmt(s.strideLength.meters, 2, ' m')} (${s.strideLength.method}); speed ${fmt(s.speedMps, 2, ' m/s')}`);
  if (s.backwardPercent > 0) lines.push(`Backward walking   ${fmt(s.backwardPercent, 0, ' %')} of the walking time`);
  lines.push('');
  lines.push(`${'Key number'.padEnd(48)}${'left'.padStart(26)}${'right'.padStart(26)}   healthy${backward ? ' (backward walking: forward ranges reversed in time, where they map)' : ''}`);
  for (const k of keyNumbersFor(reportHasFeet(r)).filter((x) => x.shown)) {
    const vals = SIDES.map((side) => {
      const v = s.keyValues[side][k.id];
      const uu = s.keyValueUncertainty?.[side]?.[k.id];
      return ` ${`${pm(v, uu, k.decimals)}${MARK[judge(v, uu, referenceFor(k, r.walking))]}`.padStart(25)}`;
    }).join('');
    const range = referenceFor(k, r.walking);
    lines.push(`${`${k.label} (${k.unit})`.padEnd(48)}${vals}   ${range ? ref(range) : ''}`);
  }
  for (const side of SIDES) {
    const strike = r.sides[side].strikeSummary;
    if (strike) lines.push(`${`Foot strike, ${side}`.padEnd(19)}${strike.description}`);
  }
  lines.push(`Uncertainties (±) combine the spread over cycles with the measured error of ${u?.poseModel.id ?? 'the pose model'}.`);
  lines.push('');
  if (r.flags.length === 0) {
    lines.push(backward ? 'Flags: none – backward walking is described against backward-walking references, never flagged against forward ones.' : 'Flags: none – no pattern clearly outside the healthy ranges.');
  }
  for (const f of r.flags) {
    lines.push(`[${f.severity}] ${f.title} (${f.side})${f.estimate ? ' – estimate' : ''}`);
    lines.push(`  ${f.message}`);
    lines.push(`  Try: ${f.cues[0]}`);
    lines.push(`  Exercises: ${f.exercises.slice(0, 2).join(' ')}`);
  }
  for (const b of r.borderline ?? []) lines.push(`[borderline] ${b.title} (${b.side}): ${b.measure} ${b.value} ± ${b.uncertainty}, limit ${b.limit}. ${b.message}`);
  return lines;
}
