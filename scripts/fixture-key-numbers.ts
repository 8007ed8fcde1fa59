/**
 * Every key number of every rendered fixture walk next to its truth, per pose model: the truth from
 * the walker's own angles at its own events (src/synth, via the truth file's `synth` options), the
 * models from the same pipeline as the CLI (MoveNet in Node on the fixture video). Also the flags
 * and borderlines each model's report raises. Not part of the tests (it takes minutes).
 * Usage: npx tsx scripts/fixture-key-numbers.ts [--models lightning,thunder] [--walks healthy-ltr,...]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeWalk } from '../src/synth';
import { truthKeyValues } from '../src/eval/truthKeyValues';
import { keyNumbersFor, referenceFor } from '../src/core/metrics/keyNumbers';
import { judge } from '../src/core/metrics/judge';
import { reportHasFeet, type GaitReport, type Side } from '../src/core/format/report';
import { runVideoCommand } from '../src/cli/video';
import type { FixtureTruth } from './fixtureTruth';

const root = join(import.meta.dirname, '..');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const models = (arg('--models') ?? 'lightning,thunder').split(',') as ('lightning' | 'thunder')[];
const manifest = JSON.parse(readFileSync(join(root, 'fixtures/manifest.json'), 'utf8')) as { walks: { name: string }[] };
const walks = arg('--walks')?.split(',') ?? manifest.walks.map((w) => w.name);
const SIDES: Side[] = ['left', 'right'];

const f = (v: number | null | undefined, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '–');
const MARK = { ok: '', low: ' LOW', high: ' HIGH', 'borderline-low': ' ~', 'borderline-high': ' ~', none: '' } as const;

for (const name of walks) {
  const truth = JSON.parse(readFileSync(join(root, 'fixtures/walks', `${name}.truth.json`), 'utf8')) as FixtureTruth;
  const expected = truthKeyValues(synthesizeWalk(truth.synth).truth);
  const reports: Record<string, GaitReport> = {};
  for (const model of models) {
    const result = await runVideoCommand(join(root, 'fixtures/walks', `${name}.mp4`), { model, analysis: {}, progress: false }, () => {});
    reports[model] = result.report;
  }
  console.log(`\n## ${name} (${truth.walking}, ${truth.direction}, ${truth.setting}${Object.keys(truth.pathology ?? {}).length ? `; pathology ${JSON.stringify(truth.pathology)}` : ''})`);
  console.log(`| key number | side | truth | ${models.map((m) => `${m} ± u`).join(' | ')} |`);
  console.log(`|---|---|---|${models.map(() => '---').join('|')}|`);
  for (const k of keyNumbersFor(Object.values(reports).some(reportHasFeet)).filter((x) => x.shown && x.id !== 'stepReachLegLengths')) {
    for (const s of SIDES) {
      const cells = models.map((m) => {
        const r = reports[m];
        const v = r.summary.keyValues[s][k.id];
        const u = r.summary.keyValueUncertainty[s][k.id];
        return `${f(v, k.decimals)} ± ${f(u, k.decimals)}${MARK[judge(v, u, referenceFor(k, r.walking))]}`;
      });
      console.log(`| ${k.label} | ${s} | ${f(expected[s][k.id], k.decimals)}${MARK[judge(expected[s][k.id], 0, referenceFor(k, truth.walking))]} | ${cells.join(' | ')} |`);
    }
  }
  for (const m of models) {
    const r = reports[m];
    console.log(`${m}: flags [${r.flags.map((x) => `${x.id} ${x.side}`).join(', ')}]; borderline [${r.borderline.map((b) => `${b.id} ${b.side} ${b.value}±${b.uncertainty} vs ${b.limit}`).join(', ')}]`);
  }
}
