import { SIDES, type CycleKeyValues, type GaitReport, type Stat } from '../core/format/report';
import { REFERENCE } from '../core/reference';

const fmt = (v: number | null | undefined, digits = 1, unit = '') =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(digits)}${unit}`;
const fmtStat = (s: Stat | null, unit: string) => (s ? `${s.mean.toFixed(2)} ${unit} (SD ${s.sd.toFixed(2)}, n ${s.n})` : '–');
const ref = (r: { low: number | null; high: number | null }) => `${r.low ?? '…'} to ${r.high ?? '…'}`;

const KEY_ROWS: [keyof CycleKeyValues, string, { low: number | null; high: number | null } | null][] = [
  ['hipAtInitialContact', 'Hip at initial contact', REFERENCE.hipAtInitialContact],
  ['peakHipExtension', 'Peak hip extension', REFERENCE.peakHipExtension],
  ['kneeAtInitialContact', 'Knee at initial contact', REFERENCE.kneeAtInitialContact],
  ['loadingResponseKneePeak', 'Knee, loading response peak', REFERENCE.loadingResponseKneePeak],
  ['kneeAtToeOff', 'Knee at toe off', REFERENCE.kneeAtToeOff],
  ['peakSwingKneeFlexion', 'Peak swing knee flexion', REFERENCE.peakSwingKneeFlexion],
  ['meanTrunkLean', 'Mean trunk lean', REFERENCE.trunkLean],
];

/** A readable plain-text summary of a gait report (the CLI's --summary). */
export function formatSummary(r: GaitReport): string {
  const s = r.summary;
  const lines: string[] = [];
  lines.push(`Gait report: ${r.walking} walking, ${r.direction}, ${r.setting}; ${r.passes.length} pass${r.passes.length === 1 ? '' : 'es'}`);
  lines.push(`Cycles: left ${r.quality.usableCycles.left}, right ${r.quality.usableCycles.right}; frames ${r.quality.frames} at ${fmt(r.fps, 1)} fps`);
  lines.push('');
  lines.push(`Cadence            ${fmt(s.cadence, 1, ' steps/min')}   (reference ${ref(REFERENCE.cadence)})`);
  lines.push(`Stride time        ${fmtStat(s.strideTime, 's')}`);
  lines.push(`Step time          left ${fmtStat(s.stepTime.left, 's')}; right ${fmtStat(s.stepTime.right, 's')}`);
  lines.push(`Stance             left ${fmt(s.stancePercent.left, 1, ' %')}, right ${fmt(s.stancePercent.right, 1, ' %')}   (reference about 60 %)`);
  lines.push(`Double support     ${fmt(s.doubleSupportPercent, 1, ' %')}`);
  lines.push(`Symmetry index     step time ${fmt(s.symmetry.stepTime, 1, ' %')}, stance ${fmt(s.symmetry.stanceTime, 1, ' %')}`);
  lines.push(`Stride variability ${fmt(s.strideTimeCv, 1, ' % CV')}`);
  if (s.strideLength) lines.push(`Stride length      ${fmt(s.strideLength.meters, 2, ' m')} (${s.strideLength.method}); speed ${fmt(s.speedMps, 2, ' m/s')}`);
  if (s.backwardPercent > 0) lines.push(`Backward walking   ${fmt(s.backwardPercent, 0, ' %')} of the walking time`);
  lines.push('');
  lines.push(`${'Angle (deg)'.padEnd(30)}${'left'.padStart(8)}${'right'.padStart(8)}   reference`);
  for (const [key, label, range] of KEY_ROWS) {
    const vals = SIDES.map((side) => fmt(s.keyValues[side][key], 1).padStart(8)).join('');
    lines.push(`${label.padEnd(30)}${vals}   ${range ? ref(range) : ''}`);
  }
  lines.push('');
  if (r.flags.length === 0) lines.push('Flags: none – no pattern outside the healthy reference ranges.');
  for (const f of r.flags) {
    lines.push(`[${f.severity}] ${f.title} (${f.side})${f.estimate ? ' – estimate' : ''}`);
    lines.push(`  ${f.message}`);
    lines.push(`  Try: ${f.cues[0]}`);
    lines.push(`  Exercises: ${f.exercises.slice(0, 2).join(' ')}`);
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
