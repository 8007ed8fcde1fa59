import { readFileSync, readdirSync } from 'node:fs';
import { analyzeTrack } from '../src/core/analyze';
for (const f of readdirSync('fixtures/tracks').sort()) {
  const r = analyzeTrack(JSON.parse(readFileSync(`fixtures/tracks/${f}`, 'utf8')));
  for (const s of ['left', 'right'] as const) console.log(f.padEnd(40), s, (r.sides[s] as any).strikeSummary?.description ?? JSON.stringify(Object.keys(r.sides[s])));
}
