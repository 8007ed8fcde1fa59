/**
 * Readers for OpenSim's .trc and .mot files, written from the formats' documentation (OpenSim
 * user guide: "Marker (.trc) files" and "Motion (.mot) files"), strict enough to reject a file that
 * breaks the layout: used by the unit tests and the Playwright export test.
 */

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`not a valid OpenSim file: ${message}`);
}

export interface Trc {
  header: Record<string, string>;
  fileName: string;
  markers: string[];
  frames: { frame: number; time: number; xyz: number[] }[];
}

/** TRC: line 1 PathFileType, line 2 header keys, line 3 their values, line 4 Frame#/Time/marker names (each over 3 columns), line 5 X1 Y1 Z1..., then data. */
export function parseTrc(text: string): Trc {
  const lines = text.split(/\r?\n/).filter((l, i) => i < 5 || l.trim() !== '');
  const first = lines[0].split('\t');
  check(first[0] === 'PathFileType' && first[1] === '4' && first[2] === '(X/Y/Z)', `line 1 is "${lines[0]}"`);
  const keys = lines[1].split('\t');
  const values = lines[2].split('\t');
  check(keys.join() === 'DataRate,CameraRate,NumFrames,NumMarkers,Units,OrigDataRate,OrigDataStartFrame,OrigNumFrames', `line 2 is "${lines[1]}"`);
  check(values.length === keys.length, 'line 3 does not give a value for each key of line 2');
  const header = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  const nameCells = lines[3].split('\t');
  check(nameCells[0] === 'Frame#' && nameCells[1] === 'Time', 'line 4 does not start with Frame# and Time');
  const markers: string[] = [];
  for (let i = 2; i < nameCells.length; i += 3) {
    markers.push(nameCells[i]);
    for (const j of [i + 1, i + 2]) check(j >= nameCells.length || nameCells[j] === '', `marker ${nameCells[i]} does not span three columns`);
  }
  check(markers.length === Number(header.NumMarkers), `${markers.length} marker names but NumMarkers ${header.NumMarkers}`);
  const axes = lines[4].split('\t');
  check(axes[0] === '' && axes[1] === '', 'line 5 does not start with two empty cells');
  markers.forEach((_, m) => check(axes.slice(2 + 3 * m, 5 + 3 * m).join() === `X${m + 1},Y${m + 1},Z${m + 1}`, `line 5 lacks X${m + 1} Y${m + 1} Z${m + 1}`));
  const frames = lines.slice(5).map((l, r) => {
    const cells = l.split('\t');
    check(cells.length === 2 + 3 * markers.length, `data row ${r + 1} has ${cells.length} cells, not ${2 + 3 * markers.length}`);
    return { frame: Number(cells[0]), time: Number(cells[1]), xyz: cells.slice(2).map(Number) };
  });
  check(frames.length === Number(header.NumFrames), `${frames.length} rows but NumFrames ${header.NumFrames}`);
  return { header, fileName: first[3], markers, frames };
}

export interface Mot {
  name: string;
  meta: Record<string, string>;
  labels: string[];
  rows: number[][];
}

/** MOT: a name line, key=value lines up to `endheader`, a tab-separated label row starting with `time`, then numbers. */
export function parseMot(text: string): Mot {
  const lines = text.trimEnd().split(/\r?\n/);
  const end = lines.indexOf('endheader');
  check(end > 0, 'no endheader line');
  const meta = Object.fromEntries(
    lines.slice(1, end).map((l) => {
      const at = l.indexOf('=');
      check(at > 0, `header line "${l}" is not key=value`);
      return [l.slice(0, at), l.slice(at + 1)];
    }),
  );
  check(meta.version === '1', 'version is not 1');
  const labels = lines[end + 1].split('\t');
  check(labels[0] === 'time', 'the first column is not time');
  check(Number(meta.nColumns) === labels.length, `nColumns ${meta.nColumns} but ${labels.length} labels`);
  const rows = lines.slice(end + 2).map((l) => l.split('\t').map(Number));
  check(Number(meta.nRows) === rows.length, `nRows ${meta.nRows} but ${rows.length} rows`);
  rows.forEach((r, i) => check(r.length === labels.length, `row ${i + 1} has ${r.length} values`));
  return { name: lines[0], meta, labels, rows };
}
