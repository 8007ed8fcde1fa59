#!/usr/bin/env node
/**
 * `npm run test:webcam-loaded`: the fake-webcam end-to-end test (record, stop, full analysis) five
 * times in a row while a load generator keeps one core busy the whole time, as on a 2-core CI
 * machine shared with other jobs or a slow laptop. The recording must hold the camera's frame rate
 * whatever the live pose costs. Expects a build in dist/ (the npm script builds first).
 *
 *   node scripts/webcam-loaded.mjs [--runs N] [--spinners N]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, spinners: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const spinners = Number(values.spinners);

// The load: a busy loop per spinner, in its own process (a whole core each while it can get one).
const load = Array.from({ length: spinners }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoad = () => load.forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
process.on('exit', stopLoad);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
process.stderr.write(`webcam-loaded: ${spinners} busy-loop process(es) running (pids ${load.map((c) => c.pid).join(', ')}); ${runs} runs of the webcam recording test\n`);

const test = spawn(
  'npx',
  ['playwright', 'test', 'test/e2e/webcam.spec.ts', '--project', 'webcam', '--grep', 'film', '--repeat-each', String(runs), '--retries', '0'],
  { stdio: 'inherit', env: { ...process.env, GAIT_WEBCAM_LOADED: '1' } },
);
test.on('close', (code) => {
  stopLoad();
  process.exit(code ?? 1);
});
