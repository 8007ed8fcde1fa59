/**
 * OpenSim exports (issue 12 item 4): the .trc and .mot files read back with parsers written from the
 * formats' documentation (OpenSim user guide, "Marker (.trc) files" and "Motion (.mot) files"), and
 * the pixel-to-metre scale checked against the synthetic walker's known body height and belt speed.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { metresPerPixel, motText, trcText } from '../src/core/export/opensim';
import { MOVENET_LIKE_NOISE, synthesizeWalk } from '../src/synth';
import { parseMot, parseTrc } from './helpers/opensim';

const overground = synthesizeWalk({ seed: 5, width: 1280, height: 720 });

describe('.trc', () => {
  it('has the documented header and one row per frame; in pixels without a scale, y turned upwards', () => {
    const { track } = overground;
    const report = analyzeTrack(track);
    const trc = parseTrc(trcText(track, report, 'walk.trc'));
    expect(trc.fileName).toBe('walk.trc');
    expect(trc.header).toMatchObject({ NumFrames: String(track.frames.length), NumMarkers: String(track.keypointNames.length), Units: 'px', OrigDataStartFrame: '1' });
    expect(Number(trc.header.DataRate)).toBeCloseTo(track.fps, 3);
    expect(trc.markers).toEqual(track.keypointNames);
    expect(trc.frames).toHaveLength(track.frames.length);
    const i = 40;
    const m = track.keypointNames.indexOf('left_knee');
    const [x, y] = track.frames[i].keypoints[m];
    expect(trc.frames[i].frame).toBe(i + 1);
    expect(trc.frames[i].time).toBeCloseTo(track.frames[i].t, 4);
    expect(trc.frames[i].xyz[3 * m]).toBeCloseTo(x!, 1);
    expect(trc.frames[i].xyz[3 * m + 1]).toBeCloseTo(track.height - y!, 1);
    expect(trc.frames[i].xyz[3 * m + 2]).toBe(0);
  });

  it('is in metres from body height, scaled as the walker was drawn (within 2 %)', () => {
    const { track, truth } = overground;
    const report = analyzeTrack(track, { bodyHeightM: 1.75 });
    const scale = metresPerPixel(track, report)!;
    expect(scale.method).toBe('body-height');
    const truthScale = 1.75 / truth.bodyHeightPx;
    expect(Math.abs(scale.metresPerPixel / truthScale - 1)).toBeLessThan(0.02);
    const trc = parseTrc(trcText(track, report, 'walk.trc'));
    expect(trc.header.Units).toBe('m');
    // Hip to ankle of a standing-height 1.75 m walker: thigh + shank = 0.491 H when the knee is straight.
    const m = (name: string) => track.keypointNames.indexOf(name);
    const legs = trc.frames.map((f) => {
      const p = (k: number) => [f.xyz[3 * k], f.xyz[3 * k + 1]];
      const [hx, hy] = p(m('left_hip'));
      const [kx, ky] = p(m('left_knee'));
      const [ax, ay] = p(m('left_ankle'));
      return Math.hypot(kx - hx, ky - hy) + Math.hypot(ax - kx, ay - ky);
    });
    const sorted = legs.filter(Number.isFinite).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeCloseTo(0.491 * 1.75, 1);
  });

  it('is in metres from the treadmill belt speed (within 6 % of the drawn scale), missing keypoints NaN', () => {
    const { track, truth } = synthesizeWalk({ setting: 'treadmill', seed: 9, noise: MOVENET_LIKE_NOISE });
    const beltMps = 1.2;
    const report = analyzeTrack(track, { treadmillSpeedMps: beltMps });
    const scale = metresPerPixel(track, report)!;
    expect(scale.method).toBe('treadmill-speed');
    expect(Math.abs(scale.metresPerPixel / (beltMps / truth.speedPxPerS) - 1)).toBeLessThan(0.06);
    const trc = parseTrc(trcText(track, report, 'belt.trc'));
    const dropped = truth.droppedFrames[0];
    const ankle = track.keypointNames.indexOf('left_ankle');
    const lost = track.frames[dropped].keypoints.findIndex((k) => k[0] === null || k[2] < 0.2);
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(trc.frames[dropped].xyz[3 * lost])).toBe(true);
    expect(ankle).toBeGreaterThanOrEqual(0);
  });
});

describe('.mot', () => {
  it('has the documented header, OpenSim coordinate names, and the report angles row for row', () => {
    const report = analyzeTrack(overground.track);
    const mot = parseMot(motText(report, 'walk', ['subject=e2e']));
    expect(mot.name).toBe('walk');
    expect(mot.meta).toMatchObject({ version: '1', nRows: String(report.frames.t.length), inDegrees: 'yes', gaitEvents: 'detected', subject: 'e2e' });
    expect(Number(mot.meta.nColumns)).toBe(mot.labels.length);
    expect(mot.labels.slice(0, 5)).toEqual(['time', 'hip_flexion_r', 'hip_flexion_l', 'knee_angle_r', 'knee_angle_l']);
    expect(mot.rows).toHaveLength(report.frames.t.length);
    const col = (label: string) => mot.labels.indexOf(label);
    let compared = 0;
    report.frames.t.forEach((t, i) => {
      expect(mot.rows[i][0]).toBeCloseTo(t, 4);
      const knee = report.frames.angles.left.kneeFlexion[i];
      const hip = report.frames.angles.right.hipFlexion[i];
      if (knee === null) expect(Number.isNaN(mot.rows[i][col('knee_angle_l')])).toBe(true);
      else (expect(mot.rows[i][col('knee_angle_l')]).toBeCloseTo(knee, 2), compared++);
      if (hip !== null) expect(mot.rows[i][col('hip_flexion_r')]).toBeCloseTo(hip, 2);
    });
    expect(compared).toBeGreaterThan(100);
    // Knee flexion positive (Rajagopal 2016): a walking knee bends to about 60 degrees in swing.
    const edited = analyzeTrack(overground.track, { events: { left: { heelStrikes: report.sides.left.heelStrikes.slice(1), toeOffs: report.sides.left.toeOffs } } });
    expect(parseMot(motText(edited, 'walk')).meta.gaitEvents).toBe('edited');
    expect(Math.max(...mot.rows.map((r) => r[col('knee_angle_r')]).filter(Number.isFinite))).toBeGreaterThan(45);
  });
});
