/**
 * The layers of src/, lowest first; a file may import its own layer and the ones below, never one
 * above (and adapters never each other, so pose and video cannot depend on each other):
 *
 *   core  <-  contracts  <-  video/shared  <-  adapters (pose models, video decoders, tracking, synth)  <-  pipeline  <-  capture  <-  cli | ui
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'src');

/** The pipeline files: orchestration over the adapters (they sit beside the adapter they lead). */
const PIPELINE = ['src/pose/trackBuilder.ts', 'src/pose/spans.ts', 'src/video/worker.ts', 'src/video/processVideo.ts', 'src/video/browser/protocol.ts'];

interface Layer {
  name: string;
  rank: number;
}

function layerOf(file: string): Layer {
  if (PIPELINE.includes(file)) return { name: 'pipeline', rank: 3 };
  const [, top, sub] = file.split('/');
  switch (top) {
    case 'core':
      return { name: 'core', rank: 0 };
    case 'contracts':
      return { name: 'contracts', rank: 1 };
    case 'pose':
    case 'tracking':
    case 'synth':
      return { name: top, rank: 2 };
    case 'video':
      // Pixel helpers both decoders use (pure: cropping and colour conversion from planes).
      if (sub === 'shared') return { name: 'video/shared', rank: 1.5 };
      return { name: `video/${sub}`, rank: 2 };
    case 'capture':
      return { name: 'capture', rank: 4 };
    case 'cli':
    case 'ui':
      return { name: top, rank: 5 };
    default:
      return { name: top, rank: 5 };
  }
}

function allowed(from: Layer, to: Layer): boolean {
  if (from.name === to.name) return true;
  // Adapters share nothing but the layers below them.
  if (from.rank === 2 && to.rank === 2) return false;
  // cli and ui are two applications: neither imports the other.
  if (from.rank === 5 && to.rank === 5) return false;
  return to.rank < from.rank;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry) ? [path] : [];
  });
}

const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g;

function resolveImport(fromFile: string, spec: string): string {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate);
    } catch {
      // try the next form
    }
  }
  return relative(ROOT, base);
}

function edges(): { from: string; to: string }[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const from = relative(ROOT, file);
    return [...text.matchAll(IMPORT)].map((m) => ({ from, to: resolveImport(file, m[1]) })).filter((e) => e.to.startsWith('src/'));
  });
}

describe('layers of src/', () => {
  const all = edges();

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContainEqual({ from: 'src/tracking/people.ts', to: 'src/contracts/index.ts' });
  });

  it('no file imports a layer above its own, or another adapter', () => {
    const wrong = all
      .filter(({ from, to }) => !allowed(layerOf(from), layerOf(to)))
      .map(({ from, to }) => `${from} (${layerOf(from).name}) -> ${to} (${layerOf(to).name})`);
    expect(wrong).toEqual([]);
  });

  it('the rule itself catches the old pose <-> video cycle', () => {
    expect(allowed(layerOf('src/video/node/rgbCrop.ts'), layerOf('src/pose/detector.ts'))).toBe(false);
    expect(allowed(layerOf('src/contracts/frames.ts'), layerOf('src/pose/detector.ts'))).toBe(false);
    expect(allowed(layerOf('src/tracking/people.ts'), layerOf('src/video/browser/blobFrameSource.ts'))).toBe(false);
  });
});
