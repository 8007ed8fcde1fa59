/**
 * `gait` command line: `gait analyze TRACK.json [--summary] [--treadmill-speed M/S] [--height M] [--trc F] [--mot F]`
 * and `gait video WALK.mp4 [--track OUT.json] [--model KEY] [--person ID]`.
 * Prints the gait-report v1 JSON (or a readable summary) on stdout; problems go to stderr with a
 * non-zero exit code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { expandVideoInputs, VIDEO_EXTENSIONS } from './inputs';
import { parsePoseTrack } from '../core/format/validatePoseTrack';
import { analyzeTrack } from '../core/analyze';
import { GaitAnalysisError } from '../core/errors';
import { formatSummary } from './summary';
import { motText, trcText } from '../core/export/opensim';
import type { GaitPoseTrack } from '../core/format/poseTrack';
import type { GaitReport } from '../core/format/report';
import type { AnalysisOptions } from '../core/format/report';
import { VideoInputError } from '../contracts';
import { DEFAULT_MODEL, isTrackingModel, TRACKING_MODELS } from '../pose/models/catalog';
import { MAX_SLOWED_BY } from '../video/shared/captureTime';

const USAGE = `Usage:
  gait analyze TRACK.json [--summary] [--treadmill-speed M_PER_S] [--height METRES] [--setting treadmill|overground]

  gait video WALK.mp4 [--track OUT.json] [--model KEY] [--person ID] [--jobs N] [--slowed N] [analyze's options]
  gait video A.mp4 B.mp4 ... | FOLDER --out DIR [--jobs N] [--summary] [--model ...] [analyze's options]

  TRACK.json   a gait-pose-track file (v1, or v2 with any named layout: docs/formats.md); "-" reads standard input
  WALK.mp4     a video of the walk (any format ffmpeg reads), filmed from the side
  --summary    print a human-readable summary instead of the gait-report JSON
  --track      also write the pose track (gait-pose-track; v2 for models with other keypoints than MoveNet's) to OUT.json
  --model      the pose model (default ${DEFAULT_MODEL}):
${TRACKING_MODELS.map((m) => `                 ${m.key.padEnd(16)} ${m.summary}`).join('\n')}
  --person     analyse this person (ids are listed on stderr) instead of the one picked as walking
  --trc FILE   also write the keypoints as an OpenSim .trc (metres with --height or --treadmill-speed, else pixels)
  --mot FILE   also write the joint angles as an OpenSim .mot
  --out        write one report per video to DIR (NAME.report.json, or NAME.summary.txt with --summary);
               needed for several videos or a folder (its .mp4 .m4v .mov .webm .mkv .avi files)
  --jobs       workers tracking each video in parallel spans (default: the number of CPU cores)
  --slowed N   the video is a slow-motion export that plays N times slower than real time (e.g. 8 for
               240 fps saved to play at 30 fps): times are divided by N. Not needed for a phone's
               high-frame-rate original (120/240 fps files keep real time by themselves)`;

function fail(message: string, code = 1): never {
  process.stderr.write(`gait: ${message}\n`);
  process.exit(code);
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`${name} must be a positive number, got "${value}"`, 2);
  return n;
}

export function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        summary: { type: 'boolean', default: false },
        'treadmill-speed': { type: 'string' },
        height: { type: 'string' },
        setting: { type: 'string' },
        track: { type: 'string' },
        model: { type: 'string' },
        person: { type: 'string' },
        trc: { type: 'string' },
        mot: { type: 'string' },
        out: { type: 'string' },
        jobs: { type: 'string' },
        slowed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command, file, ...more] = positionals;
  if (command !== 'analyze' && command !== 'video') fail(command ? `unknown command "${command}"\n${USAGE}` : USAGE, 2);
  if (!file) fail(`${command} needs a ${command === 'video' ? 'video' : 'track'} file\n${USAGE}`, 2);
  const options = analysisOptions(values);
  if (command === 'video') {
    const model = values.model ?? DEFAULT_MODEL;
    if (!isTrackingModel(model)) fail(`--model must be one of ${TRACKING_MODELS.map((m) => m.key).join(', ')}, got "${model}"`, 2);
    let personId: number | undefined;
    if (values.person !== undefined) {
      personId = Number(values.person);
      if (!Number.isInteger(personId)) fail(`--person must be a person id (a whole number), got "${values.person}"`, 2);
    }
    let jobs = availableParallelism();
    if (values.jobs !== undefined) {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) fail(`--jobs must be a whole number from 1 to 64, got "${values.jobs}"`, 2);
    }
    let slowedBy: number | undefined;
    if (values.slowed !== undefined) {
      slowedBy = Number(values.slowed);
      if (!Number.isFinite(slowedBy) || slowedBy < 1 || slowedBy > MAX_SLOWED_BY) {
        fail(`--slowed must be how many times slower than real time the video plays, from 1 to ${MAX_SLOWED_BY} (e.g. 8 for 240 fps shown at 30 fps), got "${values.slowed}"`, 2);
      }
    }
    const inputs = [file, ...more];
    for (const input of inputs) if (!existsSync(input)) fail(`cannot read ${input}: no such file or folder`);
    const files = expandVideoInputs(inputs);
    if (files.length === 0) fail(`no video files (${VIDEO_EXTENSIONS.join(' ')}) in ${inputs.join(', ')}`);
    const batch = files.length > 1 || files[0] !== file;
    if (batch && !values.out) fail(`several videos need --out DIR (one report per video)`, 2);
    if (batch && values.track) fail(`--track is for a single video`, 2);
    if (batch && personId !== undefined) fail(`--person is for a single video (ids differ between videos)`, 2);
    const log = (line: string) => process.stderr.write(`${line}\n`);
    // Loaded only here: `analyze` should not pay for tfjs and the models.
    if (batch && (values.trc || values.mot)) fail(`--trc and --mot are for a single video`, 2);
    import('./batch').then(({ runBatch }) =>
      runBatch(
        files,
        {
          model,
          personId,
          trackPath: values.track,
          analysis: options,
          summary: !!values.summary,
          outDir: values.out ?? null,
          toStdout: !values.out,
          jobs,
          slowedBy,
          live: !!process.stderr.isTTY,
          onReport: batch ? undefined : (track, report) => writeOpenSim(track, report, values),
        },
        log,
        (text) => process.stdout.write(text),
      ),
    ).then(
      (results) => {
        if (results.some((r) => !r.ok)) process.exitCode = 1;
      },
      (e: unknown) => {
        if (e instanceof VideoInputError) fail(`${file}: ${e.message}${e.hint ? ` ${e.hint}` : ''}`);
        if (e instanceof GaitAnalysisError) fail(`${file}: ${e.message}`);
        // ffmpeg or the model files are missing: their messages say what to install.
        if (e instanceof Error && (e.name === 'FfmpegMissingError' || e.name === 'ModelFilesMissingError')) fail(e.message);
        fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    return;
  }
  if (more.length) fail(`analyze takes one track file, got ${positionals.length - 1}`, 2);

  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const parsedTrack = parsePoseTrack(text);
  if (!parsedTrack.ok) fail(`${file}: ${parsedTrack.error}`);

  try {
    const report = analyzeTrack(parsedTrack.track, options);
    writeOpenSim(parsedTrack.track, report, values);
    process.stdout.write(values.summary ? formatSummary(report) : `${JSON.stringify(report)}\n`);
  } catch (e) {
    if (e instanceof GaitAnalysisError) fail(`${file}: ${e.message}`);
    throw e;
  }
}

/** Writes the OpenSim files asked for with --trc and --mot. */
function writeOpenSim(track: GaitPoseTrack, report: GaitReport, values: { trc?: string; mot?: string }): void {
  try {
    if (values.trc) writeFileSync(values.trc, trcText(track, report, basename(values.trc)));
    if (values.mot) writeFileSync(values.mot, motText(report, basename(values.mot).replace(/\.mot$/i, '')));
  } catch (e) {
    fail(`cannot write ${(e as NodeJS.ErrnoException).path ?? 'the OpenSim file'}: ${(e as Error).message}`);
  }
}

function analysisOptions(values: { setting?: string; 'treadmill-speed'?: string; height?: string }): AnalysisOptions {
  const setting = values.setting;
  if (setting !== undefined && setting !== 'treadmill' && setting !== 'overground') fail(`--setting must be treadmill or overground, got "${setting}"`, 2);
  const options: AnalysisOptions = {};
  const speed = positiveNumber('--treadmill-speed', values['treadmill-speed']);
  const height = positiveNumber('--height', values.height);
  if (speed !== undefined) options.treadmillSpeedMps = speed;
  if (height !== undefined) options.bodyHeightM = height;
  if (setting) options.setting = setting;
  return options;
}

main(process.argv.slice(2));
