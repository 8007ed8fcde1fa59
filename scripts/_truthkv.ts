import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MocapFile } from './mocap-to-track';
const dir = '/work/shared/data/mocap-tracks';
const at = (s: (number|null)[], f: number) => { const i = Math.floor(f); const a = s[i], b = s[Math.min(i+1, s.length-1)]; return a == null || b == null ? NaN : a + (f-i)*(b-a); };
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MocapFile;
  const o: string[] = [];
  for (const s of ['left','right'] as const) {
    const k = m.truth.angles_deg[s].knee_flexion as number[]; const h = m.truth.angles_deg[s].hip_flexion_thigh_vs_vertical as number[];
    o.push(`${s[0]} kIC ${m.truth.events[s].heel_strike.map(f => at(k, f).toFixed(0)).join(',')} kTO ${m.truth.events[s].toe_off.map(f => at(k, f).toFixed(0)).join(',')} hIC ${m.truth.events[s].heel_strike.map(f => at(h, f).toFixed(0)).join(',')} kmin ${Math.min(...k).toFixed(0)} kmax ${Math.max(...k).toFixed(0)} hmin ${Math.min(...h).toFixed(0)}`);
  }
  console.log(file.slice(0, 22).padEnd(23), o.join(' | '));
}
