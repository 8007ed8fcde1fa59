#!/usr/bin/env node
/**
 * Runs before `npm test` (the `pretest` script): the browser tests need Debian's Chromium at
 * /usr/bin/chromium, ffmpeg/ffprobe (the fake-webcam clip, the CLI's decoding) and a font for
 * headless text. When something is missing this installs it with apt-get if it may (running as
 * root, or passwordless sudo), else stops at once with the one command to run: a test run never
 * fails half an hour in for want of a package.
 *
 *   node scripts/test-deps.mjs            check, install if allowed
 *   node scripts/test-deps.mjs --check    check only (exit 1 with the command when something is missing)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the tests need, how to tell it is there, and the Debian package that brings it. */
export const REQUIREMENTS = [
  { what: 'Chromium at /usr/bin/chromium', pkg: 'chromium', present: (env) => env.isExecutable('/usr/bin/chromium') },
  { what: 'ffmpeg', pkg: 'ffmpeg', present: (env) => env.onPath('ffmpeg') && env.onPath('ffprobe') },
  {
    what: 'the DejaVu fonts (text in headless screenshots)',
    pkg: 'fonts-dejavu-core',
    present: (env) => env.isFile('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
  },
];

/**
 * What to do, from the facts about this machine (pure, so it can be tested):
 *   { action: 'none' } | { action: 'install', command: string[] } | { action: 'stop', message: string }
 */
export function plan(env) {
  const missing = REQUIREMENTS.filter((r) => !r.present(env));
  if (missing.length === 0) return { action: 'none', missing: [] };
  const pkgs = missing.map((r) => r.pkg);
  const what = missing.map((r) => r.what).join(', ');
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...pkgs];
  if (!env.onPath('apt-get')) {
    return {
      action: 'stop',
      missing: pkgs,
      message: `The tests need ${what}, and this machine has no apt-get. Install the equivalent of the Debian packages ${pkgs.join(' ')} (the browser tests expect Chromium at /usr/bin/chromium), then run npm test again.`,
    };
  }
  if (env.isRoot) return { action: 'install', missing: pkgs, sudo: false, command: install };
  if (env.canSudo) return { action: 'install', missing: pkgs, sudo: true, command: install };
  return {
    action: 'stop',
    missing: pkgs,
    message: `The tests need ${what}. Run this once, then npm test again:\n\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}\n`,
  };
}

/** The facts `plan` needs, read from this machine. */
export function probeMachine(pathVar = process.env.PATH ?? '') {
  const isExecutable = (file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const onPath = (name) => pathVar.split(delimiter).some((dir) => dir && isExecutable(join(dir, name)));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // -n: never prompt; a sudo that wants a password answers "no" at once.
  const canSudo = !isRoot && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  return { isExecutable, isFile: existsSync, onPath, isRoot, canSudo };
}

function main(args) {
  const result = plan(probeMachine());
  if (result.action === 'none') return 0;
  if (result.action === 'stop' || args.includes('--check')) {
    const message = result.message ?? `Missing: ${result.missing.join(' ')} (apt-get install -y ${result.missing.join(' ')}).`;
    process.stderr.write(`npm test: ${message}\n`);
    return 1;
  }
  const prefix = result.sudo ? ['sudo', '-n'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  process.stderr.write(`npm test: installing ${result.missing.join(' ')} with apt-get (needed by the browser tests)\n`);
  try {
    const [cmd, ...rest] = [...prefix, 'apt-get', 'update', '-qq'];
    execFileSync(cmd, rest, { stdio: 'inherit', env });
    const [icmd, ...irest] = [...prefix, ...result.command];
    execFileSync(icmd, irest, { stdio: 'inherit', env });
  } catch (error) {
    process.stderr.write(`npm test: apt-get failed (${error.message}). Install them by hand: apt-get install -y ${result.missing.join(' ')}\n`);
    return 1;
  }
  const after = plan(probeMachine());
  if (after.action !== 'none') {
    process.stderr.write(`npm test: still missing after apt-get: ${after.missing.join(' ')}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
