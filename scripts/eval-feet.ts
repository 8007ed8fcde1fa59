/**
 * Accuracy of the foot units on synthetic walks with feet (src/eval/feet.ts): heel/toe event
 * detectors (Zeni et al. 2008 on heel and toe, O'Connor et al. 2007 foot velocity) against the
 * walker's foot-contact truth, the ankle angle, and the strike pattern; clean and with noise.
 *
 *   npx tsx scripts/eval-feet.ts
 */
import { evaluateFeet, FOOT_DETECTORS, type FootDetectorName } from '../src/eval/feet';
import { synthesizeWalk, type SynthOptions } from '../src/synth';

const BASE: SynthOptions = { feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 4.5 };
const WALKS: Array<[string, SynthOptions]> = [
  ['healthy ltr', { cadence: 96, seed: 1 }],
  ['healthy rtl', { cadence: 110, direction: 'right-to-left', seed: 2 }],
  ['backward', { cadence: 92, walking: 'backward', direction: 'right-to-left', seed: 3 }],
  ['flat-foot strike', { cadence: 100, strike: 'flat', seed: 4 }],
  ['forefoot strike', { cadence: 100, strike: 'forefoot', seed: 5 }],
  ['treadmill', { cadence: 108, setting: 'treadmill', durationS: 6, seed: 6 }],
];
const NOISE: Array<[string, SynthOptions['noise'] | undefined]> = [
  ['clean', undefined],
  ['jitter 0.5 % H', { jitterFrac: 0.005, swapFraction: 0, dropoutFraction: 0 }],
  ['jitter 1 % H + 3 % drop-outs', { jitterFrac: 0.01, swapFraction: 0, dropoutFraction: 0.03 }],
];

const stats = (errors: number[]) => {
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  const ms = (v: number) => (1000 * v).toFixed(0);
  if (!abs.length) return 'n/a';
  const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
  return `median |e| ${ms(abs[abs.length >> 1])} ms, max ${ms(abs[abs.length - 1])} ms, bias ${mean >= 0 ? '+' : ''}${ms(mean)} ms, ${(100 * abs.filter((e) => e <= 1 / 30 + 1e-9).length / abs.length).toFixed(0)} % within 1 frame`;
};

for (const [noiseName, noise] of NOISE) {
  console.log(`\n## ${noiseName}`);
  for (const [name, options] of WALKS) {
    const { track, truth } = synthesizeWalk({ ...BASE, ...options, noise });
    const e = evaluateFeet(track, truth);
    console.log(`\n### ${name}`);
    for (const d of Object.keys(FOOT_DETECTORS) as FootDetectorName[]) {
      const ev = e.events[d];
      console.log(`- ${d}: initial contact ${stats(ev.initial.errors)} (missed ${ev.initial.missed.length}, extra ${ev.initial.extra.length}); final contact ${stats(ev.final.errors)} (missed ${ev.final.missed.length}, extra ${ev.final.extra.length})`);
    }
    const a = e.ankle;
    console.log(`- ankle: known offset median ${a.knownOffset.median.toFixed(2)} deg (bias ${a.knownOffset.bias.toFixed(2)}, max ${a.knownOffset.max.toFixed(1)}); estimated offset ${a.estimatedOffsetDeg.map((v) => v?.toFixed(2)).join(', ')} (true ${a.trueOffsetDeg.toFixed(2)}) median ${a.estimatedOffset.median.toFixed(2)} deg (bias ${a.estimatedOffset.bias.toFixed(2)})`);
    const right = e.strikes.found.filter((p) => p === e.strikes.truth).length;
    const fa = e.strikes.footAngleErrorDeg.map(Math.abs).sort((x, y) => x - y);
    console.log(`- strike: truth ${e.strikes.truth}, right ${right}/${e.strikes.found.length} [${e.strikes.found.join(' ')}], foot angle at contact median |error| ${fa.length ? fa[fa.length >> 1].toFixed(1) : 'n/a'} deg`);
  }
}
