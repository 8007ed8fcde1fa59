import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import {
  CYCLES_CSV_HEADER,
  FRAMES_CSV_HEADER,
  csvField,
  cyclesCsv,
  exportFileName,
  framesCsv,
  reportJson,
  sourceStem,
  toCsv,
  trackJson,
} from '../src/core/export';
import { parsePoseTrack } from '../src/core/format/validatePoseTrack';
import { MOVENET_LIKE_NOISE, synthesizeWalk } from '../src/synth';

const walk = synthesizeWalk({ noise: MOVENET_LIKE_NOISE, seed: 7, turn: true });
const report = analyzeTrack(walk.track);

/** A minimal RFC 4180 reader (quoted fields, doubled quotes), enough to read back what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

function column(rows: string[][], header: readonly string[], name: string): string[] {
  const index = header.indexOf(name);
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[index]);
}

describe('csv fields', () => {
  it('quotes what needs quoting, rounds numbers and leaves unknowns empty', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(1 / 3)).toBe('0.3333');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(parseCsv(toCsv(['x', 'y'], [['a,"b"', null]]))).toEqual([['x', 'y'], ['a,"b"', '']]);
  });
});

describe('per-frame CSV', () => {
  const rows = parseCsv(framesCsv(report));
  const [header, ...body] = rows;

  it('has the documented header and one row per frame of the report', () => {
    expect(header).toEqual([...FRAMES_CSV_HEADER]);
    expect(header).toContain('left_knee_flexion_deg');
    expect(header).toContain('right_hip_flexion_deg');
    expect(body.length).toBe(report.frames.t.length);
    expect(body.length).toBe(walk.track.frames.length);
    for (const r of body) expect(r.length).toBe(header.length);
  });

  it('carries the report values, with empty fields where the report has null', () => {
    const time = column(body, header, 't_s').map(Number);
    const knee = column(body, header, 'left_knee_flexion_deg');
    const hip = column(body, header, 'right_hip_flexion_deg');
    const phase = column(body, header, 'right_phase');
    let nulls = 0;
    report.frames.t.forEach((t, i) => {
      expect(time[i]).toBeCloseTo(t, 3);
      const k = report.frames.angles.left.kneeFlexion[i];
      if (k === null) {
        nulls++;
        expect(knee[i]).toBe('');
      } else expect(Number(knee[i])).toBeCloseTo(k, 3);
      const h = report.frames.angles.right.hipFlexion[i];
      if (h === null) expect(hip[i]).toBe('');
      else expect(Number(hip[i])).toBeCloseTo(h, 3);
      expect(phase[i]).toBe(report.frames.phase.right[i] ?? '');
    });
    // The turn between the two passes has frames outside every cycle: phases there are empty.
    expect(phase.filter((p) => p === '').length).toBeGreaterThan(0);
    expect(phase).toContain('terminalSwing');
    expect(nulls).toBe(report.frames.angles.left.kneeFlexion.filter((v) => v === null).length);
  });
});

describe('per-cycle CSV', () => {
  const [header, ...body] = parseCsv(cyclesCsv(report));
  const cycles = [...report.sides.left.cycles, ...report.sides.right.cycles];

  it('has one row per gait cycle of either side', () => {
    expect(header).toEqual([...CYCLES_CSV_HEADER]);
    expect(cycles.length).toBeGreaterThanOrEqual(8);
    expect(body.length).toBe(cycles.length);
    expect(column(body, header, 'side').filter((s) => s === 'left').length).toBe(report.sides.left.cycles.length);
    expect(new Set(column(body, header, 'pass'))).toEqual(new Set(['0', '1']));
  });

  it('carries each cycle\'s times, phases and key values', () => {
    body.forEach((row, i) => {
      const c = cycles[i];
      const get = (name: string) => row[header.indexOf(name)];
      expect(get('side')).toBe(c.side);
      expect(Number(get('start_s'))).toBeCloseTo(c.start, 3);
      expect(Number(get('duration_s'))).toBeCloseTo(c.end - c.start, 3);
      expect(Number(get('toe_off_s'))).toBeCloseTo(c.toeOff, 3);
      expect(Number(get('pre_swing_start_s'))).toBeCloseTo(c.phases.preSwing[0], 3);
      expect(Number(get('terminal_swing_end_s'))).toBeCloseTo(c.phases.terminalSwing[1], 3);
      expect(Number(get('stance_pct'))).toBeCloseTo(c.stancePercent, 3);
      const peak = c.keyValues.peakSwingKneeFlexion;
      expect(get('peak_swing_knee_flexion_deg')).toBe(peak === null ? '' : String(peak));
      const swingKneeMax = c.phaseAngles.swing.kneeFlexion?.max ?? null;
      expect(get('swing_knee_max_deg')).toBe(swingKneeMax === null ? '' : String(swingKneeMax));
    });
    // Phases tile the cycle: each phase starts where the previous one ended.
    const [first] = body;
    const at = (name: string) => Number(first[header.indexOf(name)]);
    expect(at('stance_end_s')).toBe(at('pre_swing_start_s'));
    expect(at('swing_end_s')).toBe(at('terminal_swing_start_s'));
    expect(at('stance_start_s')).toBe(at('start_s'));
  });
});

describe('JSON exports', () => {
  it('writes the pose track as gait-pose-track v1 that parses back to the same frames', () => {
    const parsed = parsePoseTrack(trackJson(walk.track));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.track.frames.length).toBe(walk.track.frames.length);
    expect(parsed.track.frames[10]).toEqual(walk.track.frames[10]);
    expect(parsed.track.fps).toBe(walk.track.fps);
    // And analysing it again gives the same report.
    expect(analyzeTrack(parsed.track).summary).toEqual(report.summary);
  });

  it('writes the report as gait-report v1', () => {
    const back = JSON.parse(reportJson(report));
    expect(back.format).toBe('gait-report');
    expect(back.version).toBe(1);
    expect(back.frames.t.length).toBe(report.frames.t.length);
    expect(back.flags).toEqual(report.flags);
  });
});

describe('file names', () => {
  const when = new Date(2026, 10, 21, 15, 4);
  it('dates the file and keeps a safe stem of the source name', () => {
    expect(exportFileName({ source: { kind: 'video', name: 'My walk (1).MP4' } }, 'frames-csv', when)).toBe(
      'gait-2026-11-21-My-walk-1-frames.csv',
    );
    expect(exportFileName({}, 'track-json', when)).toBe('gait-2026-11-21-walk-pose-track.json');
    expect(exportFileName(report, 'charts-png', when)).toBe('gait-2026-11-21-synthetic-walker-charts.png');
    expect(sourceStem('../../etc/passwd')).toBe('etc-passwd');
    expect(sourceStem('Gång på väg.mov')).toBe('Gang-pa-vag');
  });
});
