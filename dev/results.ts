/**
 * Dev page for <gait-results>: reports from the synthetic walker (no video: stick figure) and the
 * rendered fixture walks with their own synthetic track (video overlay). `?walk=` picks the variant.
 */
import { analyzeTrack } from '../src/core/analyze';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { MOVENET_LIKE_NOISE, synthesizeWalk, type SynthOptions } from '../src/synth';
import '../src/ui/results/results';

const fixtures = import.meta.glob<string>('../fixtures/walks/*.mp4', { query: '?url', import: 'default' });
const truths = import.meta.glob<{ synth: SynthOptions }>('../fixtures/walks/*.truth.json', { import: 'default' });

const noise = { ...MOVENET_LIKE_NOISE, seed: 5 };
const VARIANTS: Record<string, SynthOptions> = {
  healthy: { noise, seed: 2, cycles: 5 },
  pathology: { noise, seed: 3, cycles: 5, pathology: { side: 'left', hipExtensionDeficitDeg: 12, stiffKnee: true, trunkLeanDeg: 10 } },
  backward: { noise, seed: 4, walking: 'backward', cycles: 5, cadence: 96 },
  turn: { noise, seed: 6, turn: true, direction: 'right-to-left' },
};

async function fixtureWalk(name: string): Promise<{ track: GaitPoseTrack; videoUrl: string }> {
  const videoUrl = await fixtures[`../fixtures/walks/${name}.mp4`]();
  const truth = await truths[`../fixtures/walks/${name}.truth.json`]();
  // The fixture video was rendered from this very walk: its noisy track stands in for MoveNet's.
  const { track } = synthesizeWalk({ ...truth.synth, noise });
  return { track: { ...track, source: { ...track.source, kind: 'video', name: `${name}.mp4`, model: 'synthetic (dev page)', backend: 'none' } }, videoUrl };
}

async function main(): Promise<void> {
  const walk = new URLSearchParams(location.search).get('walk') ?? 'healthy';
  const el = document.querySelector('gait-results')!;
  let track: GaitPoseTrack;
  let videoUrl: string | null = null;
  if (walk.startsWith('video')) {
    ({ track, videoUrl } = await fixtureWalk(walk === 'video' ? 'healthy-ltr' : 'limited-pushoff'));
  } else {
    track = synthesizeWalk(VARIANTS[walk] ?? VARIANTS.healthy).track;
  }
  const report = analyzeTrack(track);
  el.track = track;
  el.report = report;
  el.videoUrl = videoUrl;
  el.addEventListener('save-session', () => console.log('save-session fired'));
  (window as unknown as { devReady: boolean }).devReady = true;
}

void main();
