/**
 * Memory over a long phone clip (issue 11, item 3): a fixture walk looped to MINUTES at HEIGHTp
 * with ffmpeg (kept in .cache/ and reused), analysed by the CLI and/or in headless Chromium, with
 * memory sampled all along. Prints the peak and the samples at a tenth, half and nine tenths of the
 * run: flat means nothing held grows with the video's length.
 *
 *   npx tsx scripts/measure-long-clip.ts [--minutes 10] [--height 1080] [--cli] [--browser] [--jobs 1] [--port 5194]
 *
 * CLI: the process's resident set (VmRSS, its worker threads included) and with its ffmpeg every
 * second, and the peak the command itself prints on its timing line (getrusage maxRSS).
 * Browser: the proportional set sizes of Chromium's processes (browser, renderer with the video worker, GPU)
 * every second (Chromium gives workers no performance.memory), and from the worker the tfjs wasm
 * memory every 100 model calls (the result's `memory`), through the dev harness
 * (scripts/try-video-in-chromium.ts).
 * Takes about as long as the clip at 1x real time per pipeline: run it by hand, not in the tests.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FIXTURES, longLoopedClip } from './phoneClips';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    height: { type: 'string', default: '1080' },
    cli: { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    jobs: { type: 'string', default: '1' },
    port: { type: 'string', default: '5194' },
  },
});
const root = resolve(import.meta.dirname, '..');
const durationS = Math.round(Number(values.minutes) * 60);
const height = Number(values.height);
const clip = longLoopedClip(join(FIXTURES, 'walks/treadmill.mp4'), durationS, height, join(root, '.cache/long-clips'));
console.log(`clip: ${clip} (${durationS} s, ${height}p)`);
if (!values.cli && !values.browser) values.cli = true;

/**
 * Memory (MB) of `pid` and every process below it (ffmpeg; a browser's renderer and GPU
 * processes), or only those whose command name matches `only`: each process's proportional set
 * (Pss: shared pages divided among the processes sharing them, so a sum does not count them twice).
 */
function treeRssMB(pid: number, only?: RegExp): number {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // gone
    }
  }
  const inTree = (p: number): boolean => p === pid || (parent.has(p) && p > 1 && inTree(parent.get(p)!));
  let kB = 0;
  for (const p of parent.keys()) {
    if (!inTree(p) || (only && !only.test(name.get(p) ?? ''))) continue;
    try {
      kB += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kB / 1024;
}

/** Runs a command, sampling its resident set every second; resolves with its output and the samples (MB). */
function runSampled(command: string, args: string[], only?: RegExp): Promise<{ stdout: string; stderr: string; code: number; rssMB: number[]; treeMB: number[]; wallS: number }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const rssMB: number[] = [];
    const treeMB: number[] = [];
    const timer = setInterval(() => {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) rssMB.push(Number(match[1]) / 1024);
        treeMB.push(treeRssMB(child.pid!, only));
      } catch {
        // exited between two samples
      }
    }, 1000);
    child.on('close', (code) => {
      clearInterval(timer);
      done({ stdout, stderr, code: code ?? 1, rssMB, treeMB, wallS: (performance.now() - started) / 1000 });
    });
  });
}

/** Peak and the values at 10 %, 50 % and 90 % of the samples. */
function shape(samples: number[]): string {
  if (!samples.length) return 'no samples';
  const at = (f: number) => samples[Math.min(samples.length - 1, Math.floor(f * samples.length))].toFixed(0);
  return `peak ${Math.max(...samples).toFixed(0)} MB; at 10 % ${at(0.1)}, 50 % ${at(0.5)}, 90 % ${at(0.9)} MB (${samples.length} samples)`;
}

if (values.cli) {
  const run = await runSampled(process.execPath, [join(root, 'bin/gait.mjs'), 'video', clip, '--jobs', values.jobs]);
  const timing = /timing \(.*/.exec(run.stderr)?.[0] ?? '(no timing line)';
  console.log(`CLI (--jobs ${values.jobs}): exit ${run.code}, ${run.wallS.toFixed(0)} s for ${durationS} s of video (${(durationS / run.wallS).toFixed(2)}x real time)`);
  console.log(`  resident set: ${shape(run.rssMB)}`);
  console.log(`  with ffmpeg (proportional sets): ${shape(run.treeMB)}`);
  console.log(`  ${timing}`);
  if (run.code !== 0) console.log(run.stderr.slice(-2000));
}

if (values.browser) {
  const run = await runSampled('npx', ['tsx', join(root, 'scripts/try-video-in-chromium.ts'), '--port', values.port, '--timeout-s', String(durationS * 4), clip], /chrom/i);
  const start = run.stdout.indexOf('{');
  const summary = start >= 0 ? (JSON.parse(run.stdout.slice(start)).summary as Record<string, any>) : null;
  if (!summary?.ok) {
    console.log(`browser: failed (exit ${run.code}): ${JSON.stringify(summary?.error ?? run.stderr.slice(-2000))}`);
  } else {
    const t = summary.timing;
    console.log(`browser (${summary.backend}): ${summary.frames} frames tracked, ${t.wallS.toFixed(0)} s for ${durationS} s of video (${t.realTimeFactor.toFixed(2)}x real time)`);
    console.log(`  Chromium's processes together (proportional sets): ${shape(run.treeMB)}`);
    console.log(`  tfjs wasm memory: ${summary.memory.wasmHeapMB ? shape(summary.memory.wasmHeapMB) : 'not on wasm'}`);
    console.log(`  tensors before/after ${summary.tensors.before}/${summary.tensors.after}, during ${Math.min(...summary.tensors.samples)}-${Math.max(...summary.tensors.samples)}`);
    console.log(`  report: ${JSON.stringify(summary.report ? { cadence: summary.report.cadence, cycles: summary.report.cycles } : summary.reportError)}`);
  }
}
