/**
 * Renders the synthetic walker as fixture videos with their truth, into fixtures/:
 *
 *   npx tsx scripts/render-fixtures.ts            render every fixture, write truth + manifest
 *   npx tsx scripts/render-fixtures.ts --check    run MoveNet (Node, wasm) + analyzeTrack on the
 *                                                 rendered walks and compare with their truth
 *
 * Synth (src/synth) -> pure rasterizer (src/synth/render) -> raw RGB frames piped to ffmpeg.
 * Deterministic: fixed seeds, single-threaded encoders, bit-exact muxing. Needs `ffmpeg` with
 * libx264, libx265 and libtheora on the PATH; fails loudly otherwise.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTrack } from '../src/core/analyze';
import { KP } from '../src/core/format/poseTrack';
import { composeWalks, synthesizeWalk, type SynthOptions, type WalkTruth } from '../src/synth';
import { drawFrontViewWalker, drawScene, drawWalkFrame, type Raster } from '../src/synth/render';
import { encodeFrames, H264, HEVC, THEORA } from './encodeFrames';
import { FIXTURE_FPS, FIXTURE_HEIGHT, FIXTURE_WIDTH, fixtureTruth, recordingTruth, type FixtureTruth } from './fixtureTruth';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');

/** Every fixture video's frame size and rate. */
const FIXTURE_SIZE = { width: FIXTURE_WIDTH, height: FIXTURE_HEIGHT, fps: FIXTURE_FPS };

/** Common to every walk: 960 x 480, person 55 % of the frame height (264 px), 30 fps. */
const BASE: SynthOptions = { width: FIXTURE_WIDTH, height: FIXTURE_HEIGHT, fps: FIXTURE_FPS, bodyHeightPx: 264 };

interface WalkSpec {
  name: string;
  description: string;
  options: SynthOptions;
  /** Flag ids analyzeTrack must raise on the synthetic track (none for the healthy walks). */
  expectFlags: string[];
}

/**
 * Overground walks cross a fixed camera's view: with a 264 px walker on a 960 px frame about
 * 4.1 strides fit, so their duration is the longest that keeps the image size (see fitDuration).
 */
const WALKS: WalkSpec[] = [
  {
    name: 'healthy-ltr',
    description: 'healthy walk, overground, left to right (the app\'s demo walk)',
    options: { ...BASE, seed: 11, cadence: 96, direction: 'left-to-right' },
    expectFlags: [],
  },
  {
    name: 'healthy-rtl',
    description: 'healthy walk, overground, right to left',
    options: { ...BASE, seed: 12, cadence: 92, direction: 'right-to-left', startPhase: 0.6 },
    expectFlags: [],
  },
  {
    name: 'backward',
    description: 'walking backwards, overground, travelling right to left (facing right)',
    options: { ...BASE, seed: 13, cadence: 92, direction: 'right-to-left', walking: 'backward' },
    expectFlags: [],
  },
  {
    name: 'treadmill',
    description: 'healthy walk on a treadmill, facing right, 8 s',
    options: { ...BASE, seed: 14, cadence: 108, setting: 'treadmill', durationS: 8 },
    expectFlags: [],
  },
  {
    name: 'limited-pushoff',
    description: 'left leg with limited push-off (14 deg hip-extension deficit, 12 deg less knee flexion at toe off), overground, left to right',
    options: {
      ...BASE,
      seed: 15,
      cadence: 96,
      direction: 'left-to-right',
      pathology: { side: 'left', hipExtensionDeficitDeg: 14, preSwingKneeDeficitDeg: 12 },
    },
    // A one-sided deficit also makes the legs differ: the asymmetry flag is expected too.
    expectFlags: ['asymmetry', 'limited-push-off'],
  },
  // Walks with feet: heel and foot index keypoints (BlazePose names) in the track, toes that bend
  // on the floor in the video, foot truth (ankle angle, contacts from the foot, strike pattern).
  // The walker with feet covers more ground per stride, so fewer strides fit the frame: starting
  // just before a left heel strike (startPhase 0.97; 0.99 for healthy-feet, whose strides grew a
  // little with the terminal swing of gaitCurves.ts) keeps three complete cycles per side.
  {
    name: 'healthy-feet',
    description: 'healthy walk with feet (heel strike), overground, left to right; ankle and foot-contact truth',
    options: { ...BASE, seed: 21, cadence: 96, direction: 'left-to-right', feet: true, startPhase: 0.99 },
    expectFlags: [],
  },
  {
    name: 'backward-feet',
    description: 'walking backwards with feet (lands on the forefoot), overground, travelling right to left (facing right)',
    options: { ...BASE, seed: 22, cadence: 92, direction: 'right-to-left', walking: 'backward', feet: true },
    expectFlags: [],
  },
  {
    name: 'forefoot-feet',
    description: 'forefoot striker with feet (lands toe first, 8 deg toe-down), overground, left to right',
    options: { ...BASE, seed: 23, cadence: 100, direction: 'left-to-right', feet: true, strike: 'forefoot', startPhase: 0.97 },
    expectFlags: [],
  },
  {
    name: 'flatfoot-feet',
    description: 'flat-foot (mid-foot) striker with feet, overground, right to left',
    options: { ...BASE, seed: 24, cadence: 100, direction: 'right-to-left', feet: true, strike: 'flat', startPhase: 0.97 },
    expectFlags: [],
  },
];

interface BadSpec {
  file: string;
  description: string;
  /** The error the app must give: from the video pipeline (VideoErrorCode) or the analysis (GaitErrorCode). */
  expectedError: { stage: 'video' | 'analysis'; code: string };
}

const BAD: BadSpec[] = [
  { file: 'hevc.mp4', description: 'the walker, 2.5 s, HEVC (libx265): browsers here cannot decode it', expectedError: { stage: 'video', code: 'unsupported-codec' } },
  { file: 'theora.ogv', description: 'the walker, 2.5 s, Theora in Ogg', expectedError: { stage: 'video', code: 'unsupported-codec' } },
  { file: 'nobody.mp4', description: 'the empty scene, 3 s, H.264', expectedError: { stage: 'video', code: 'no-person' } },
  { file: 'one-second.mp4', description: 'the walker, 1 s, H.264', expectedError: { stage: 'video', code: 'too-short' } },
  { file: 'frontal.mp4', description: 'a person seen from the front walking towards the camera, 4.5 s, H.264', expectedError: { stage: 'analysis', code: 'not-side-view' } },
];

// ---------------------------------------------------------------------------------------------

/**
 * Recordings made of several walks with stops between them (src/synth/composeWalks.ts): forward
 * across, a stop, backward back (still facing the same way), as the guidance suggests walking
 * backwards for 10-25 % of the time. Each part fills the frame's width like the walks above.
 */
interface RecordingSpec {
  name: string;
  description: string;
  parts: SynthOptions[];
  stopS: number;
}

const RECORDINGS: RecordingSpec[] = [
  {
    name: 'forward-backward',
    description: 'healthy: forward left to right, a 1.5 s stop, backward right to left (facing right throughout), 100 steps/min',
    parts: [
      { ...BASE, seed: 51, cadence: 100, direction: 'left-to-right', walking: 'forward' },
      { ...BASE, seed: 52, cadence: 100, direction: 'right-to-left', walking: 'backward' },
    ],
    stopS: 1.5,
  },
];

/** The parts with durations that keep each inside the frame, each starting where the previous ended. */
function fitRecording(spec: RecordingSpec): SynthOptions[] {
  const out: SynthOptions[] = [];
  for (const part of spec.parts) {
    let options = part;
    if (out.length) {
      const prev = synthesizeWalk(out[out.length - 1]).track.frames;
      const last = prev[prev.length - 1].keypoints;
      options = { ...options, startX: Math.round((((last[KP.leftHip][0] ?? 0) + (last[KP.rightHip][0] ?? 0)) / 2) * 10) / 10 };
    }
    out.push({ ...options, durationS: fitDuration(options) });
  }
  return out;
}

function requireFfmpeg(): void {
  const probe = spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('ffmpeg is not installed or not on the PATH (Debian/Ubuntu: apt-get install -y ffmpeg); fixtures need it.');
  }
  for (const encoder of ['libx264', 'libx265', 'libtheora']) {
    if (!new RegExp(`\\b${encoder}\\b`).test(probe.stdout)) throw new Error(`this ffmpeg has no ${encoder} encoder; the fixtures need it.`);
  }
}

/** The longest duration (0.1 s steps, at most `maxS`) whose overground walk fits the fixed frame size. */
function fitDuration(options: SynthOptions, maxS = 8): number {
  for (let d = maxS; d >= 2; d = Math.round((d - 0.1) * 10) / 10) {
    const { truth } = synthesizeWalk({ ...options, durationS: d });
    if (!truth.fit.widthEnlarged && !truth.fit.walkerShrunk) return d;
  }
  throw new Error('no duration of 2 s or more fits the frame');
}

function walkFrames(truth: WalkTruth) {
  return (i: number, raster: Raster) => drawWalkFrame(raster, truth, i);
}

function fileRecord(path: string) {
  const bytes = readFileSync(path);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function renderAll(): Promise<void> {
  requireFfmpeg();
  const manifest = {
    format: 'gait-fixtures',
    version: 1,
    generator: 'npx tsx scripts/render-fixtures.ts',
    walks: [] as Array<Record<string, unknown>>,
    recordings: [] as Array<Record<string, unknown>>,
    bad: [] as Array<Record<string, unknown>>,
  };

  for (const spec of WALKS) {
    const options: SynthOptions = spec.options.durationS === undefined ? { ...spec.options, durationS: fitDuration(spec.options) } : spec.options;
    const { track, truth } = synthesizeWalk(options);
    // The analysis core must see on the synthetic track what the fixture claims to show.
    const flags = analyzeTrack(track).flags.map((f) => f.id).sort();
    if (flags.join() !== [...spec.expectFlags].sort().join()) {
      throw new Error(`${spec.name}: analyzeTrack on the synth track flags [${flags}], expected [${spec.expectFlags}]`);
    }
    if (truth.width !== FIXTURE_WIDTH || truth.height !== FIXTURE_HEIGHT) throw new Error(`${spec.name}: the synth changed the image size to ${truth.width} x ${truth.height}`);
    const video = `walks/${spec.name}.mp4`;
    const truthFile = `walks/${spec.name}.truth.json`;
    const frameCount = truth.clean.frames.length;
    process.stdout.write(`${video}: ${frameCount} frames, ${options.durationS} s ... `);
    await encodeFrames(join(FIXTURES, video), FIXTURE_SIZE, frameCount, walkFrames(truth), H264);
    const record: FixtureTruth = fixtureTruth(spec.name, video, options, truth);
    writeFileSync(join(FIXTURES, truthFile), JSON.stringify(record) + '\n');
    const videoRecord = fileRecord(join(FIXTURES, video));
    console.log(`${(videoRecord.bytes / 1024).toFixed(0)} KB`);
    manifest.walks.push({
      name: spec.name,
      description: spec.description,
      video,
      truth: truthFile,
      durationS: options.durationS,
      frameCount,
      completeCycles: { left: truth.cycles.left.length, right: truth.cycles.right.length },
      expectFlags: spec.expectFlags,
      ...(options.feet ? { keypoints: track.keypointNames.length, strike: truth.feet.pattern } : {}),
      ...videoRecord,
    });
  }

  for (const spec of RECORDINGS) {
    const parts = fitRecording(spec);
    const composed = composeWalks(parts, spec.stopS);
    const flags = analyzeTrack(composed.track).flags.map((f) => f.id);
    if (flags.length) throw new Error(`${spec.name}: analyzeTrack on the composed track flags [${flags}]`);
    const video = `recordings/${spec.name}.mp4`;
    const truthFile = `recordings/${spec.name}.truth.json`;
    const frameCount = composed.track.frames.length;
    const [a, b] = composed.parts;
    const nA = a.walk.truth.clean.frames.length;
    const nStop = frameCount - nA - b.walk.truth.clean.frames.length;
    process.stdout.write(`${video}: ${frameCount} frames ... `);
    await encodeFrames(join(FIXTURES, video), FIXTURE_SIZE, frameCount, (i, raster) => {
      if (i < nA) drawWalkFrame(raster, a.walk.truth, i);
      else if (i < nA + nStop) drawWalkFrame(raster, a.walk.truth, nA - 1);
      else drawWalkFrame(raster, b.walk.truth, i - nA - nStop);
    }, H264);
    writeFileSync(join(FIXTURES, truthFile), JSON.stringify(recordingTruth(spec.name, video, parts, spec.stopS, composed)) + '\n');
    const videoRecord = fileRecord(join(FIXTURES, video));
    console.log(`${(videoRecord.bytes / 1024).toFixed(0)} KB`);
    manifest.recordings.push({ name: spec.name, description: spec.description, video, truth: truthFile, frameCount, kinds: parts.map((p) => p.walking), ...videoRecord });
  }

  // Bad inputs: the walker of the demo walk, cut short or in codecs the browser cannot decode.
  const demo = WALKS[0].options;
  const short = (seconds: number) => synthesizeWalk({ ...demo, durationS: seconds }).truth;
  const makers: Record<string, () => Promise<void>> = {
    'hevc.mp4': async () => {
      const t = short(2.5);
      await encodeFrames(join(FIXTURES, 'bad/hevc.mp4'), FIXTURE_SIZE, t.clean.frames.length, walkFrames(t), HEVC);
    },
    'theora.ogv': async () => {
      const t = short(2.5);
      await encodeFrames(join(FIXTURES, 'bad/theora.ogv'), FIXTURE_SIZE, t.clean.frames.length, walkFrames(t), THEORA);
    },
    'nobody.mp4': async () => {
      const floorY = short(1).floorY;
      await encodeFrames(join(FIXTURES, 'bad/nobody.mp4'), FIXTURE_SIZE, 3 * FIXTURE_FPS, (_, r) => drawScene(r, floorY), H264);
    },
    'one-second.mp4': async () => {
      const t = short(1);
      await encodeFrames(join(FIXTURES, 'bad/one-second.mp4'), FIXTURE_SIZE, t.clean.frames.length, walkFrames(t), H264);
    },
    'frontal.mp4': async () => {
      // Walking towards the camera at 100 steps/min: the figure grows from 45 % to 68 % of the
      // frame height and its feet come down the image as it approaches.
      const frames = Math.round(4.5 * FIXTURE_FPS);
      await encodeFrames(join(FIXTURES, 'bad/frontal.mp4'), FIXTURE_SIZE, frames, (i, r) => {
        const f = i / (frames - 1);
        drawScene(r, 0.8 * FIXTURE_HEIGHT);
        drawFrontViewWalker(r, {
          centreX: FIXTURE_WIDTH / 2,
          floorY: (0.86 + 0.11 * f) * FIXTURE_HEIGHT,
          heightPx: (0.45 + 0.23 * f) * FIXTURE_HEIGHT,
          phase: (i / FIXTURE_FPS) * (100 / 120),
        });
      }, H264);
    },
  };
  for (const spec of BAD) {
    process.stdout.write(`bad/${spec.file} ... `);
    await makers[spec.file]();
    const record = fileRecord(join(FIXTURES, 'bad', spec.file));
    console.log(`${(record.bytes / 1024).toFixed(0)} KB`);
    manifest.bad.push({ file: `bad/${spec.file}`, description: spec.description, expectedError: spec.expectedError, ...record });
  }
  writeFileSync(join(FIXTURES, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${relative(ROOT, join(FIXTURES, 'manifest.json'))}`);
}

// ---------------------------------------------------------------------------------------------
// --check: does MoveNet see the drawn walker? Decode each walk with ffmpeg, run MoveNet Lightning
// (Node, wasm) on every frame, analyse, and compare with the truth.

async function checkAll(): Promise<void> {
  requireFfmpeg();
  const { createNodePoseEstimator } = await import('../src/pose/node');
  const { matchEvents, angleError } = await import('../src/eval/compare');
  const { KEYPOINT_NAMES } = await import('../src/core/format/poseTrack');
  const model = (process.argv.find((a) => a.startsWith('--model='))?.slice(8) ?? 'lightning') as 'lightning' | 'thunder';
  const { estimator } = await createNodePoseEstimator({ model });
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'));
  const rows: string[] = [];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  for (const walk of manifest.walks as Array<{ name: string; video: string; truth: string }>) {
    if (only && walk.name !== only) continue;
    const truth: FixtureTruth = JSON.parse(readFileSync(join(FIXTURES, walk.truth), 'utf8'));
    const decoded = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', join(FIXTURES, walk.video), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 1 << 30 });
    if (decoded.status !== 0) throw new Error(`ffmpeg could not decode ${walk.video}: ${decoded.stderr}`);
    const frameBytes = truth.width * truth.height * 3;
    const n = Math.floor(decoded.stdout.length / frameBytes);
    estimator.reset();
    const frames = [];
    for (let i = 0; i < n; i++) {
      const data = new Uint8Array(decoded.stdout.buffer, decoded.stdout.byteOffset + i * frameBytes, frameBytes);
      const keypoints = await estimator.estimate({ data, width: truth.width, height: truth.height, channels: 3 }, (i / truth.fps) * 1000);
      frames.push({ t: i / truth.fps, keypoints });
    }
    const track = {
      format: 'gait-pose-track' as const, version: 1 as const, fps: truth.fps, width: truth.width, height: truth.height,
      source: { kind: 'video' as const, name: walk.video, model: estimator.modelId }, keypointNames: [...KEYPOINT_NAMES], frames,
    };
    const report = analyzeTrack(track);
    const frame = 1 / truth.fps;
    const eventErrors: number[] = [];
    let missed = 0;
    let extra = 0;
    for (const side of ['left', 'right'] as const) {
      for (const kind of ['heelStrikes', 'toeOffs'] as const) {
        const m = matchEvents(report.sides[side][kind], truth.events[side][kind], 2 * frame);
        eventErrors.push(...m.errors.map((e) => Math.abs(e) / frame));
        // Events within 0.25 s of the clip's ends cannot be found by any extremum method (the wave is cut off).
        missed += m.missed.filter((t) => t >= 0.25 && t <= truth.frameCount / truth.fps - 0.25).length;
        extra += m.extra.length;
      }
    }
    const median = (name: 'hipFlexion' | 'kneeFlexion') =>
      (['left', 'right'] as const)
        .map((side) => {
          const e = angleError(report.frames.angles[side][name], truth.angles[side][name]);
          return `${e.median.toFixed(1)} (bias ${e.bias >= 0 ? '+' : ''}${e.bias.toFixed(1)})`;
        })
        .join(' / ');
    const worstEvent = eventErrors.length ? Math.max(...eventErrors).toFixed(1) : '-';
    const flags = report.flags.map((f) => `${f.id}(${f.side})`).join(' ') || 'none';
    rows.push(`| ${walk.name} | ${n} | ${eventErrors.length} | ${missed} | ${extra} | ${worstEvent} | ${median('hipFlexion')} | ${median('kneeFlexion')} | ${report.walking} ${report.direction} ${report.setting} | ${flags} |`);
    console.log(rows.at(-1));
  }
  estimator.dispose();
  console.log(`\nMoveNet ${model}, events matched within 2 frames (misses within 0.25 s of the clip's ends not counted); angle errors: median |error| in degrees, left/right`);
  console.log('| walk | frames | events matched | missed | extra | worst event error (frames) | hip flexion median err L/R | knee flexion median err L/R | direction | flags |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

const run = process.argv.includes('--check') ? checkAll : renderAll;
run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
