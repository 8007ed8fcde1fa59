/**
 * The whole analysis on tracks with feet against their truth (src/eval/feet.ts evaluateAnalysis):
 * events of each detector pinned in turn (Zeni on heel and toe, Zeni on the ankle with the proxy
 * shift) on the same track, and with the detector the registry picks: hip/knee/ankle per-frame errors, ankle key numbers minus truth, and
 * strike patterns. Synthetic walks with feet clean and noisy; with --load=DIR also the BlazePose
 * tracks that `scripts/eval-feet-video.ts --save=DIR` kept of the rendered fixture walks.
 *
 *   npx tsx scripts/eval-feet-analysis.ts [--load=DIR] [--brief]
 *
 * --brief: one line per walk (the registry's detector: initial and final contacts within 1 frame
 * with bias, missed and extra; the other detector's within-1-frame counts; hip, knee and ankle
 * median |error|; strikes right), for comparing a change to the cleaning or the detectors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { ANKLE_KEYS, evaluateAnalysis, type AnalysisEvaluation } from '../src/eval/feet';
import type { EventMatch } from '../src/eval/compare';
import { synthesizeWalk, type SynthOptions } from '../src/synth';
import type { FixtureTruth } from './fixtureTruth';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const BASE: SynthOptions = { feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 6 };
const WALKS: Array<[string, SynthOptions]> = [
  ['healthy ltr', { cadence: 100, seed: 1 }],
  ['healthy rtl', { cadence: 110, direction: 'right-to-left', seed: 2 }],
  ['backward', { cadence: 92, walking: 'backward', direction: 'right-to-left', seed: 3 }],
  ['flat-foot strike', { cadence: 100, strike: 'flat', seed: 4 }],
  ['forefoot strike', { cadence: 100, strike: 'forefoot', seed: 5 }],
  ['treadmill', { cadence: 108, setting: 'treadmill', durationS: 8, seed: 6 }],
];
const NOISY: SynthOptions['noise'] = { jitterFrac: 0.01, swapFraction: 0, dropoutFraction: 0.03 };

const ms = (v: number) => (1000 * v).toFixed(0);
/** Matched events within 1 frame of 30 fps, as "k/n". */
const withinOneFrame = (m: EventMatch) => `${m.errors.filter((e) => Math.abs(e) <= 1 / 30 + 1e-9).length}/${m.errors.length}`;
const meanBias = (m: EventMatch) => (m.errors.length ? m.errors.reduce((s, e) => s + e, 0) / m.errors.length : NaN);
function events(m: EventMatch): string {
  if (!m.errors.length) return `none matched (missed ${m.missed.length}, extra ${m.extra.length})`;
  const abs = m.errors.map(Math.abs).sort((a, b) => a - b);
  const bias = meanBias(m);
  return `median |e| ${ms(abs[abs.length >> 1])} ms, max ${ms(abs[abs.length - 1])}, bias ${bias >= 0 ? '+' : ''}${ms(bias)}, ${withinOneFrame(m)} within 1 frame, missed ${m.missed.length}, extra ${m.extra.length}`;
}
const brief = process.argv.includes('--brief');
function oneLine(m: EventMatch): string {
  return `${withinOneFrame(m)} (bias ${ms(meanBias(m))} ms, missed ${m.missed.length}, extra ${m.extra.length})`;
}
function printBrief(name: string, e: AnalysisEvaluation): void {
  const [chosen, other] = e.chosen === e.events.heelToe.detector ? [e.events.heelToe, e.events.ankleProxy] : [e.events.ankleProxy, e.events.heelToe];
  const a = e.angles;
  console.log(`${name}: ${chosen.detector} initial ${oneLine(chosen.initial)}, final ${oneLine(chosen.final)}; ${other.detector} ${withinOneFrame(other.initial)} / ${withinOneFrame(other.final)}; hip ${a.hip.median.toFixed(1)} knee ${a.knee.median.toFixed(1)} ankle ${a.ankle.median.toFixed(1)} (bias ${a.ankle.bias.toFixed(1)}) deg; strikes ${e.strikes.right}/${e.strikes.classified} of ${e.strikes.steps}`);
}
function print(name: string, e: AnalysisEvaluation): void {
  if (brief) return printBrief(name, e);
  console.log(`\n### ${name} (the registry picks ${e.chosen})`);
  for (const which of ['heelToe', 'ankleProxy'] as const) {
    const d = e.events[which];
    console.log(`- ${d.detector}: initial ${events(d.initial)}; final ${events(d.final)}`);
  }
  const a = e.angles;
  console.log(`- angles, median |error| (bias): hip ${a.hip.median.toFixed(1)} (${a.hip.bias.toFixed(1)}), knee ${a.knee.median.toFixed(1)} (${a.knee.bias.toFixed(1)}), ankle ${a.ankle.median.toFixed(1)} (${a.ankle.bias.toFixed(1)}) deg`);
  console.log(`- ankle key numbers minus truth (left / right): ${ANKLE_KEYS.map((k) => `${k} ${(['left', 'right'] as const).map((s) => e.ankleKeys[s][k]?.toFixed(1) ?? 'n/a').join(' / ')}`).join('; ')}`);
  console.log(`- strike pattern right on ${e.strikes.right} of ${e.strikes.classified} classified steps (${e.strikes.steps} steps)`);
}

for (const [noiseName, noise] of [['clean', undefined], ['jitter 1 % H + 3 % drop-outs', NOISY]] as const) {
  console.log(`\n## synthetic walker with feet, ${noiseName}`);
  for (const [name, options] of WALKS) {
    const { track, truth } = synthesizeWalk({ ...BASE, ...options, noise });
    print(name, evaluateAnalysis(track, truth));
  }
}
const load = process.argv.find((a) => a.startsWith('--load='))?.slice(7);
if (load) {
  console.log(`\n## BlazePose tracks of the rendered fixture walks (${load})`);
  for (const file of readdirSync(load).filter((f) => f.endsWith('.track.json')).sort()) {
    const walk = file.split('.')[0];
    const fixture: FixtureTruth = JSON.parse(readFileSync(join(FIXTURES, 'walks', `${walk}.truth.json`), 'utf8'));
    const { truth } = synthesizeWalk(fixture.synth);
    print(`${walk} (${file})`, evaluateAnalysis(JSON.parse(readFileSync(join(load, file), 'utf8')) as GaitPoseTrack, truth));
  }
}
