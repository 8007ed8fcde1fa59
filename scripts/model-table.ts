/**
 * Every tracking pose model against the rendered fixture walks' truth, through the CLI's pipeline
 * (ffmpeg decoding, scouting, tracking on the walker's crop, the analysis): events within 1 and
 * 2 frames, hip and knee (and ankle, where the model sees the feet and the walk has foot truth)
 * median errors over the analysed cycles, and speed, all measured in one run. This is the evidence
 * behind the default model (src/pose/models/catalog.ts) and docs/models.md.
 *
 *   npx tsx scripts/model-table.ts [--models=lightning,thunder,blazepose-lite,...] [--walks=a,b]
 *        [--whole-frame] [--save=DIR | --load=DIR --rows=FILE] [--inference] [--json=FILE] [--write]
 *   npx tsx scripts/model-table.ts --rows=FILE [--write]   (the table again from an earlier --json)
 *
 * --write updates src/pose/models/measurements.ts (the home page's table and the default model).
 *
 * --load=DIR analyses tracks saved by an earlier --save=DIR again (the analysis changed, not the
 * poses) and takes the speed figures from --rows=FILE (that run's --json).
 * --inference times each model's inference per frame on the benchmark frame (bench/inference.ts)
 * in this run and uses that for the speed columns: run it on an idle machine.
 * --whole-frame gives the model the whole frame (no scouting, no crop), to compare with the crop.
 * Timings are wall times of one process on whatever the machine is doing: run it on an idle
 * machine for speed figures (the accuracy figures do not depend on load).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrack } from '../src/core/analyze';
import { benchmarkInference } from '../bench/inference';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { FOOT_ANGLE, type GaitReport, type Side } from '../src/core/format/report';
import { median } from '../src/core/util/stats';
import { angleError } from '../src/eval/compare';
import { createNodePoseEstimator } from '../src/pose/node';
import { SCOUT_MODEL, TRACKING_MODELS, timedEstimator, poseModel } from '../src/pose/models';
import type { ModelMeasurement, ModelMeasurements } from '../src/pose/models/defaultModel';
import { buildPoseTrack, scoutMaxDimension } from '../src/pose/trackBuilder';
import { openVideoFile } from '../src/video/node/ffmpegSource';
import { compareWithTruth, readManifest, readTruth, type FixtureTruth } from '../test/e2e/helpers/truth';
import { WALKS_DIR } from '../test/e2e/helpers/paths';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const models = (arg('models') ?? TRACKING_MODELS.map((m) => m.key).join(',')).split(',');
const walkNames = arg('walks')?.split(',');
const wholeFrame = process.argv.includes('--whole-frame');
const saveDir = arg('save');
const SIDES: Side[] = ['left', 'right'];

export interface ModelRow {
  model: string;
  walks: number;
  /** Truth events (away from the clip's ends) found within 1 and within 2 frames, of all such events. */
  eventsWithin1: number;
  eventsWithin2: number;
  eventsTotal: number;
  /** Events found that match no true one within 2 frames (a noisy foot makes extra extrema). */
  eventsExtra: number;
  /** Per-walk median absolute errors (deg); the table gives their median and worst. */
  hip: number[];
  knee: number[];
  ankle: number[];
  /** Tracking inference per frame (ms) and the whole pipeline as a multiple of real time. */
  msPerFrame: number;
  realTime: number;
  failures: string[];
}

interface FeetTruth {
  feet?: { ankle: Record<Side, number[]> };
}


function ankleError(report: GaitReport, truth: FixtureTruth & FeetTruth): number | null {
  if (!truth.feet) return null;
  const estimate: (number | null)[] = [];
  const expected: (number | null)[] = [];
  for (const side of SIDES) {
    const series = report.frames.angles[side][FOOT_ANGLE] ?? null;
    if (!series) return null;
    report.frames.t.forEach((time, i) => {
      if (!report.sides[side].cycles.some((c) => time >= c.start && time <= c.end)) return;
      const k = Math.round(time * truth.fps);
      if (k < truth.feet!.ankle[side].length) {
        estimate.push(series[i]);
        expected.push(truth.feet!.ankle[side][k]);
      }
    });
  }
  const e = angleError(estimate, expected);
  return e.n ? e.median : null;
}

async function main(): Promise<void> {
  const rowsFile = arg('rows');
  const loadDir = arg('load');
  if (rowsFile && !loadDir) {
    // Re-use an earlier run's rows (its --json output): print the table and, with --write, write it.
    const saved = JSON.parse(readFileSync(rowsFile, 'utf8')) as { wholeFrame: boolean; walks: string[]; rows: ModelRow[] };
    console.log(formatTable(saved.rows, saved.wholeFrame));
    if (process.argv.includes('--write')) writeMeasurements(saved.rows, saved.walks);
    return;
  }
  const walks = readManifest().walks.filter((w) => !walkNames || walkNames.includes(w.name));
  const timingRows = rowsFile ? (JSON.parse(readFileSync(rowsFile, 'utf8')) as { rows: ModelRow[] }).rows : [];
  const scoutModel = loadDir ? null : (await createNodePoseEstimator({ model: SCOUT_MODEL, multiPoseMaxDimension: scoutMaxDimension(960, 480) })).estimator;
  const rows: ModelRow[] = [];
  for (const model of models) {
    poseModel(model);
    const info = poseModel(model);
    const estimator = loadDir ? null : (await createNodePoseEstimator({ model })).estimator;
    const row: ModelRow = { model, walks: 0, eventsWithin1: 0, eventsWithin2: 0, eventsTotal: 0, eventsExtra: 0, hip: [], knee: [], ankle: [], msPerFrame: 0, realTime: 0, failures: [] };
    let inferenceMs = 0;
    let frames = 0;
    let wallS = 0;
    let videoS = 0;
    for (const walk of walks) {
      const truth = readTruth(walk.name) as FixtureTruth & FeetTruth;
      const started = performance.now();
      try {
        const trackFile = `${walk.name}.${info.id}${wholeFrame ? '.whole' : ''}.track.json`;
        let track: GaitPoseTrack;
        if (loadDir) track = JSON.parse(readFileSync(join(loadDir, trackFile), 'utf8')) as GaitPoseTrack;
        else {
          const source = await openVideoFile(join(WALKS_DIR, '..', walk.video));
          track = (
            await buildPoseTrack(source, {
              estimator: timedEstimator(estimator!, (ms) => (inferenceMs += ms)),
              scout: wholeFrame ? undefined : scoutModel!,
              people: wholeFrame ? [] : undefined,
            })
          ).track;
          source.close();
        }
        if (saveDir) writeFileSync(join(saveDir, trackFile), JSON.stringify(track));
        const report = analyzeTrack(track);
        wallS += (performance.now() - started) / 1000;
        videoS += walk.durationS;
        frames += track.frames.length;
        const c = compareWithTruth(report, truth, 2);
        const end = (truth.frameCount - 1) / truth.fps;
        const inside = (kind: 'heelStrikes' | 'toeOffs') =>
          SIDES.reduce((n, side) => n + truth.events[side][kind].filter((t) => t > 0.25 && t < end - 0.25).length, 0);
        const total = inside('heelStrikes') + inside('toeOffs');
        const matched = [...c.events.heelStrikes.errors, ...c.events.toeOffs.errors];
        row.eventsTotal += total;
        row.eventsWithin1 += Math.min(total, matched.filter((e) => Math.abs(e) <= 1.01 / truth.fps).length);
        row.eventsWithin2 += Math.min(total, matched.length);
        const extra = c.events.heelStrikes.extra.length + c.events.toeOffs.extra.length;
        row.eventsExtra += extra;
        row.hip.push(c.hip.median);
        row.knee.push(c.knee.median);
        const ankle = ankleError(report, truth);
        if (ankle !== null) row.ankle.push(ankle);
        row.walks++;
        console.error(`${model} ${walk.name}: hip ${c.hip.median.toFixed(1)}, knee ${c.knee.median.toFixed(1)}${ankle !== null ? `, ankle ${ankle.toFixed(1)}` : ''} deg; events ${matched.length}/${total} within 2 frames, ${extra} extra`);
      } catch (error) {
        row.failures.push(`${walk.name}: ${error instanceof Error ? error.message : error}`);
        console.error(`${model} ${walk.name}: FAILED ${error instanceof Error ? error.message : error}`);
      }
    }
    row.msPerFrame = frames ? inferenceMs / frames : 0;
    row.realTime = wallS ? videoS / wallS : 0;
    const timed = timingRows.find((r) => r.model === model);
    if (loadDir) {
      row.msPerFrame = timed?.msPerFrame ?? NaN;
      row.realTime = timed?.realTime ?? NaN;
    }
    estimator?.dispose();
    rows.push(row);
  }
  scoutModel?.dispose();
  if (process.argv.includes('--inference')) {
    const speeds = await benchmarkInference({ models: rows.map((r) => r.model) });
    for (const r of rows) {
      const speed = speeds.find((v) => v.model === r.model);
      if (speed) r.msPerFrame = speed.medianMs;
    }
  }
  console.log(formatTable(rows, wholeFrame));
  if (process.argv.includes('--write')) writeMeasurements(rows, walks.map((w) => w.name));
  const json = arg('json');
  if (json) writeFileSync(json, `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), wholeFrame, walks: walks.map((w) => w.name), rows }, null, 2)}\n`);
}

const deg = (v: number[]) => (v.length ? `${median(v).toFixed(1)} (worst ${Math.max(...v).toFixed(1)})` : 'n/a');

export function formatTable(rows: ModelRow[], whole: boolean): string {
  const lines = [
    `Fixture walks, ${whole ? 'whole frames' : "the walker's crop"}; angles: median |error| in deg over the analysed cycles, median over walks (worst walk)`,
    '',
    '| model | walks | events within 1 frame | within 2 frames | extra events | hip | knee | ankle | inference ms/frame | end to end × real time |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.model} | ${r.walks} | ${pct(r.eventsWithin1, r.eventsTotal)} | ${pct(r.eventsWithin2, r.eventsTotal)} | ${r.eventsExtra ?? '?'} | ${deg(r.hip)} | ${deg(r.knee)} | ${deg(r.ankle)} | ${r.msPerFrame.toFixed(0)} | ${r.realTime.toFixed(2)} |`,
    ),
  ];
  for (const r of rows) for (const f of r.failures) lines.push(`- ${r.model} failed on ${f}`);
  return lines.join('\n');
}

/** src/pose/models/measurements.ts: what the home page's model table and the default choice read. */
function writeMeasurements(rows: ModelRow[], walks: string[]): void {
  const fastest = Math.min(...rows.filter((r) => r.walks).map((r) => r.msPerFrame));
  const models: Record<string, ModelMeasurement> = {};
  for (const r of rows.filter((row) => row.walks)) {
    models[r.model] = {
      hipDeg: round(median(r.hip)),
      kneeDeg: round(median(r.knee)),
      ankleDeg: r.ankle.length ? round(median(r.ankle)) : null,
      eventsWithin1Frame: round(r.eventsWithin1 / Math.max(1, r.eventsTotal), 2),
      extraEventsPerWalk: round((r.eventsExtra ?? 0) / Math.max(1, r.walks), 1),
      msPerFrame: round(r.msPerFrame, 0),
      relativeTime: round(r.msPerFrame / fastest, 2),
      realTime: round(r.realTime, 2),
    };
  }
  const day = new Date().toISOString().slice(0, 10);
  const measurements: ModelMeasurements = {
    measured: `${day}, Node (wasm, 1 thread), 2-core machine without a GPU`,
    caption: `Measured ${day} on ${walks.length} rendered test walks with known angles and events: median error of each angle; time per frame relative to the fastest model, on a 2-core laptop-class machine without a GPU.`,
    models,
  };
  const path = new URL('../src/pose/models/measurements.ts', import.meta.url);
  writeFileSync(
    path,
    `/** Generated by \`npx tsx scripts/model-table.ts --write\` (${walks.join(', ')}); do not edit by hand. */\n` +
      `import type { ModelMeasurements } from './defaultModel.ts';\n\n` +
      `export const MODEL_MEASUREMENTS: ModelMeasurements = ${JSON.stringify(measurements, null, 2)};\n`,
  );
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

const pct = (n: number, total: number) => (total ? `${((100 * n) / total).toFixed(0)} % (${n}/${total})` : 'n/a');

await main();
