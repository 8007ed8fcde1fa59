/**
 * The foot units on the rendered fixture walks with feet, through BlazePose in Node (wasm):
 * decode each `*-feet` walk with ffmpeg, run BlazePose on every (whole) frame, keep its 33 named
 * landmarks (a gait-pose-track v2), and score events, ankle angle and strike pattern against the walk's
 * truth (src/eval/feet.ts). No left/right swap repair: a swapped frame counts against the result.
 *
 *   npx tsx scripts/eval-feet-video.ts [--model=lite|full|heavy] [--save=DIR | --load=DIR (pose tracks)]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { poseTrackVersionFor, type GaitPoseTrack } from '../src/core/format/poseTrack';
import { evaluateFeet, FOOT_DETECTORS, type FootDetectorName, type FootEvaluation } from '../src/eval/feet';
import type { BlazePoseModelName } from '../src/pose/models/blazepose/info';
import { createNodePoseEstimator } from '../src/pose/node';
import { synthesizeWalk } from '../src/synth';
import type { FixtureTruth } from './fixtureTruth';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function main(): Promise<void> {
  const model = (process.argv.find((a) => a.startsWith('--model='))?.slice(8) ?? 'full') as BlazePoseModelName;
  const load = process.argv.find((a) => a.startsWith('--load='))?.slice(7);
  const { estimator } = await createNodePoseEstimator({ model: `blazepose-${model}` });
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { walks: Array<{ name: string; video: string; truth: string }> };
  const ms = (v: number) => `${(1000 * v).toFixed(0)}`;
  const summary = (errors: number[]) => {
    if (!errors.length) return 'n/a';
    const abs = errors.map(Math.abs).sort((a, b) => a - b);
    const bias = errors.reduce((s, e) => s + e, 0) / errors.length;
    return `median ${ms(abs[abs.length >> 1])} ms, max ${ms(abs[abs.length - 1])}, bias ${bias >= 0 ? '+' : ''}${ms(bias)}, ${abs.filter((e) => e <= 1 / 30 + 1e-9).length}/${abs.length} within 1 frame`;
  };
  for (const walk of manifest.walks.filter((w) => w.name.endsWith('-feet'))) {
    const fixture: FixtureTruth = JSON.parse(readFileSync(join(FIXTURES, walk.truth), 'utf8'));
    const { truth } = synthesizeWalk(fixture.synth);
    const saved = load ? join(load, `${walk.name}.${estimator.modelId}.track.json`) : null;
    if (saved) {
      const e = evaluateFeet(JSON.parse(readFileSync(saved, 'utf8')) as GaitPoseTrack, truth);
      report(walk.name, `BlazePose ${model}, track from ${saved}`, e);
      continue;
    }
    const decoded = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', join(FIXTURES, walk.video), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 1 << 30 });
    if (decoded.status !== 0) throw new Error(`ffmpeg could not decode ${walk.video}: ${decoded.stderr}`);
    const frameBytes = fixture.width * fixture.height * 3;
    const n = Math.floor(decoded.stdout.length / frameBytes);
    estimator.reset();
    const frames: GaitPoseTrack['frames'] = [];
    const started = performance.now();
    let nonFinite = 0;
    for (let i = 0; i < n; i++) {
      const data = new Uint8Array(decoded.stdout.buffer, decoded.stdout.byteOffset + i * frameBytes, frameBytes);
      const all = await estimator.estimate({ data, width: fixture.width, height: fixture.height, channels: 3 }, (i / fixture.fps) * 1000);
      nonFinite += all.filter((k) => k[0] === null).length;
      frames.push({ t: i / fixture.fps, keypoints: all });
    }
    const perFrame = (performance.now() - started) / n;
    const track: GaitPoseTrack = {
      format: 'gait-pose-track', version: poseTrackVersionFor(estimator.keypointNames), fps: fixture.fps, width: fixture.width, height: fixture.height,
      source: { kind: 'video', name: walk.video, model: estimator.modelId }, keypointNames: [...estimator.keypointNames], frames,
    };
    const save = process.argv.find((a) => a.startsWith('--save='))?.slice(7);
    if (save) writeFileSync(join(save, `${walk.name}.${estimator.modelId}.track.json`), JSON.stringify(track));
    report(walk.name, `BlazePose ${model}, ${n} frames, ${perFrame.toFixed(0)} ms/frame, ${nonFinite} missing or non-finite keypoints`, evaluateFeet(track, truth));
  }
  estimator.dispose();

  function report(name: string, what: string, e: FootEvaluation): void {
    console.log(`\n### ${name} (${what})`);
    for (const d of Object.keys(FOOT_DETECTORS) as FootDetectorName[]) {
      const ev = e.events[d];
      console.log(`- ${d}: initial ${summary(ev.initial.errors)} (missed ${ev.initial.missed.length}, extra ${ev.initial.extra.length}); final ${summary(ev.final.errors)} (missed ${ev.final.missed.length}, extra ${ev.final.extra.length})`);
    }
    const a = e.ankle;
    console.log(`- ankle: layout offset: median ${a.knownOffset.median.toFixed(1)} deg, bias ${a.knownOffset.bias.toFixed(1)}; foot-flat offset ${a.estimatedOffsetDeg.map((v) => v?.toFixed(1)).join(', ')}: median ${a.estimatedOffset.median.toFixed(1)} deg, bias ${a.estimatedOffset.bias.toFixed(1)}`);
    console.log(`- strike: truth ${e.strikes.truth}; found [${e.strikes.found.join(' ')}]`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
