import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrack } from '../src/core/analyze';
import { resampleTrack } from '../src/eval/resampleTrack';
import { matchEvents } from '../src/eval/compare';
import { mocapToTrack, type MocapFile } from './mocap-to-track';
const dir = '/work/shared/data/mocap-tracks';
const all: Record<string, number[]> = { hs: [], to: [] };
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MocapFile;
  const fps = (m.meta as any).fps;
  try {
    const r = analyzeTrack(resampleTrack(mocapToTrack(m), 30));
    const stride = r.summary.strideTime!.mean;
    const w: Record<string, number[]> = { hs: [], to: [] };
    for (const s of ['left', 'right'] as const) {
      w.hs.push(...matchEvents(r.sides[s].heelStrikes, m.truth.events[s].heel_strike.map((f) => f / fps), 0.15).errors.map((e) => (100 * e) / stride));
      w.to.push(...matchEvents(r.sides[s].toeOffs, m.truth.events[s].toe_off.map((f) => f / fps), 0.15).errors.map((e) => (100 * e) / stride));
    }
    const med = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
    console.log(file.slice(0, 24).padEnd(25), 'HS %', med(w.hs).toFixed(2), 'TO %', med(w.to).toFixed(2));
    all.hs.push(med(w.hs)); all.to.push(med(w.to));
  } catch (e) { console.log(file, 'err'); }
}
const med = (x: number[]) => { const s = [...x].sort((a, b) => a - b); return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2; };
console.log('median over walks: HS', med(all.hs).toFixed(2), 'TO', med(all.to).toFixed(2), 'mean HS', (all.hs.reduce((a,b)=>a+b)/all.hs.length).toFixed(2), 'TO', (all.to.reduce((a,b)=>a+b)/all.to.length).toFixed(2));
