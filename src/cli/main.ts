/**
 * `gait` command line: `gait analyze TRACK.json [--summary] [--treadmill-speed M/S] [--height M]`.
 * Prints the gait-report v1 JSON (or a readable summary) on stdout; problems go to stderr with a
 * non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePoseTrack } from '../core/format/validatePoseTrack';
import { analyzeTrack } from '../core/analyze';
import { GaitAnalysisError } from '../core/errors';
import { formatSummary } from './summary';
import type { AnalysisOptions } from '../core/format/report';

const USAGE = `Usage:
  gait analyze TRACK.json [--summary] [--treadmill-speed M_PER_S] [--height METRES] [--setting treadmill|overground]

  TRACK.json   a gait-pose-track v1 file (docs/formats.md); "-" reads standard input
  --summary    print a human-readable summary instead of the gait-report JSON`;

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
  const [command, file] = positionals;
  if (command !== 'analyze') fail(command ? `unknown command "${command}"\n${USAGE}` : USAGE, 2);
  if (!file) fail(`analyze needs a track file\n${USAGE}`, 2);

  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const parsedTrack = parsePoseTrack(text);
  if (!parsedTrack.ok) fail(`${file}: ${parsedTrack.error}`);

  const setting = values.setting;
  if (setting !== undefined && setting !== 'treadmill' && setting !== 'overground') fail(`--setting must be treadmill or overground, got "${setting}"`, 2);
  const options: AnalysisOptions = {};
  const speed = positiveNumber('--treadmill-speed', values['treadmill-speed']);
  const height = positiveNumber('--height', values.height);
  if (speed !== undefined) options.treadmillSpeedMps = speed;
  if (height !== undefined) options.bodyHeightM = height;
  if (setting) options.setting = setting;

  try {
    const report = analyzeTrack(parsedTrack.track, options);
    process.stdout.write(values.summary ? formatSummary(report) : `${JSON.stringify(report)}\n`);
  } catch (e) {
    if (e instanceof GaitAnalysisError) fail(`${file}: ${e.message}`);
    throw e;
  }
}

main(process.argv.slice(2));
