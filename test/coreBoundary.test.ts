/**
 * The analysis core (src/core) is pure: it imports only other core modules, so it runs the same in
 * Node, a Web Worker and the CLI. `npm run typecheck` compiles it without the DOM library
 * (tsconfig.core.json); this test keeps package imports (tfjs, Lit, node:*) out of it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const CORE = resolve(import.meta.dirname, '../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the core boundary', () => {
  const files = sources(CORE);
  it('has sources to check', () => expect(files.length).toBeGreaterThan(20));
  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only core modules', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
      const spec = m[1];
      expect(spec.startsWith('.'), `${spec} is a package import`).toBe(true);
      const target = resolve(dirname(file), spec);
      expect(target.startsWith(CORE), `${spec} leaves src/core`).toBe(true);
    }
  });
});
