/** The `gait` command line, run as a user would (through the package's bin). */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeWalk } from '../src/synth';

const root = join(__dirname, '..');
let dir = '';

function gait(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/gait.mjs'), ...args], { encoding: 'utf8', cwd: root });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gait-cli-'));
  writeFileSync(join(dir, 'walk.json'), JSON.stringify(synthesizeWalk({ setting: 'treadmill', cadence: 108 }).track));
  writeFileSync(join(dir, 'stiff.json'), JSON.stringify(synthesizeWalk({ setting: 'treadmill', pathology: { stiffKnee: true } }).track));
  writeFileSync(join(dir, 'notjson.json'), 'this is not json');
  writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ format: 'something-else', version: 1 }));
});

describe('gait analyze', () => {
  it('prints a gait-report v1 JSON', () => {
    const run = gait('analyze', join(dir, 'walk.json'));
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe('gait-report');
    expect(report.summary.cadence).toBeCloseTo(108, 0);
    expect(report.flags).toEqual([]);
  });

  it('--summary prints a readable summary with the flags', () => {
    const run = gait('analyze', join(dir, 'stiff.json'), '--summary', '--treadmill-speed', '1.1');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Cadence/);
    expect(run.stdout).toMatch(/Stiff-knee swing/);
    expect(run.stdout).toMatch(/Stride length\s+\d/);
  });

  it('--trc and --mot write the OpenSim files (metres with --treadmill-speed)', () => {
    const trc = join(dir, 'walk.trc');
    const mot = join(dir, 'walk.mot');
    const run = gait('analyze', join(dir, 'walk.json'), '--treadmill-speed', '1.2', '--trc', trc, '--mot', mot);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    const trcLines = readFileSync(trc, 'utf8').split('\n');
    expect(trcLines[0]).toBe('PathFileType\t4\t(X/Y/Z)\twalk.trc');
    const header = trcLines[2].split('\t');
    expect(header[2]).toBe(String(report.frames.t.length));
    expect(header[4]).toBe('m');
    const motLines = readFileSync(mot, 'utf8').split('\n');
    expect(motLines.slice(0, 2)).toEqual(['walk', 'version=1']);
    expect(motLines).toContain(`nRows=${report.frames.t.length}`);
    const unwritable = gait('analyze', join(dir, 'walk.json'), '--mot', join(dir, 'no-such-dir', 'x.mot'));
    expect(unwritable.status).not.toBe(0);
    expect(unwritable.stderr).toMatch(/cannot write .*x\.mot/);
  });

  it('bad input fails with a specific message and a non-zero exit code', () => {
    const notJson = gait('analyze', join(dir, 'notjson.json'));
    expect(notJson.status).not.toBe(0);
    expect(notJson.stderr).toMatch(/not JSON/);
    const wrong = gait('analyze', join(dir, 'wrong.json'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/gait-pose-track/);
    const missing = gait('analyze', join(dir, 'nope.json'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/no such file/);
    const usage = gait('frobnicate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage/);
  });
});
