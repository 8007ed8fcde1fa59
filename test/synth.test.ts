import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, KP, type Keypoint, type PoseFrame } from '../src/core/format/poseTrack';
import type { Side } from '../src/core/format/report';
import {
  MOVENET_LIKE_NOISE,
  synthesizeWalk,
  type SynthOptions,
  type SyntheticWalk,
  type WalkTruth,
} from '../src/synth';
import { periodicSpline } from '../src/synth/periodicSpline';

const SIDES: Side[] = ['left', 'right'];
const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
const idx = (side: Side, joint: 'Hip' | 'Knee' | 'Ankle' | 'Shoulder') => KP[`${side}${joint}` as keyof typeof KP];

/** Index of the frame nearest to time t. */
function frameAt(frames: readonly PoseFrame[], t: number): number {
  let best = 0;
  for (let i = 1; i < frames.length; i++) if (Math.abs(frames[i].t - t) < Math.abs(frames[best].t - t)) best = i;
  return best;
}

function xy(k: Keypoint): [number, number] {
  if (k[0] === null || k[1] === null) throw new Error('missing keypoint');
  return [k[0], k[1]];
}

/** Height of an image point above the floor line, in body heights. */
const heightAbove = (truth: WalkTruth, y: number) => (truth.floorY - y) / truth.bodyHeightPx;

/** Sign of the facing direction (+1 = facing right in the image) for the pass containing t. */
function facingAt(truth: WalkTruth, t: number): number {
  const pass = truth.passes.find((p) => t >= p.start && t <= p.end);
  if (!pass) throw new Error(`no pass at ${t}`);
  return pass.facing === 'left-to-right' ? 1 : -1;
}

/**
 * Independent angle formulas (dot and cross products) for the docs/design.md definitions, to check the
 * walker's truth against its own clean keypoints.
 */
function independentAngles(kp: readonly Keypoint[], facing: number) {
  const deg = (rad: number) => (rad * 180) / Math.PI;
  // Unsigned angle between two image vectors; the signs come from the facing direction.
  const unsigned = (a: [number, number], b: [number, number]) =>
    deg(Math.acos((a[0] * b[0] + a[1] * b[1]) / (Math.hypot(...a) * Math.hypot(...b))));
  const sub = (p: [number, number], q: [number, number]): [number, number] => [p[0] - q[0], p[1] - q[1]];
  const down: [number, number] = [0, 1];
  const thigh = (side: Side) => {
    const v = sub(xy(kp[idx(side, 'Knee')]), xy(kp[idx(side, 'Hip')]));
    return Math.sign(v[0] * facing) * unsigned(down, v);
  };
  const knee = (side: Side) => {
    const t = sub(xy(kp[idx(side, 'Knee')]), xy(kp[idx(side, 'Hip')]));
    const s = sub(xy(kp[idx(side, 'Ankle')]), xy(kp[idx(side, 'Knee')]));
    // Flexion: the shank turns backwards (against the facing direction) relative to the thigh.
    const cross = t[0] * s[1] - t[1] * s[0];
    return Math.sign(cross * facing) * unsigned(t, s);
  };
  const mid = (a: number, b: number): [number, number] => {
    const [ax, ay] = xy(kp[a]);
    const [bx, by] = xy(kp[b]);
    return [(ax + bx) / 2, (ay + by) / 2];
  };
  const trunk = sub(mid(KP.leftShoulder, KP.rightShoulder), mid(KP.leftHip, KP.rightHip));
  const lean = Math.sign(trunk[0] * facing) * unsigned([0, -1], trunk);
  return { thigh, knee, lean };
}

/** Truth value of a per-frame series at the frame nearest to t. */
function valueAt(walk: SyntheticWalk, series: (number | null)[], t: number): number {
  const v = series[frameAt(walk.track.frames, t)];
  if (v === null) throw new Error(`no value at ${t}`);
  return v;
}

function nonNull(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** Per cycle: the truth series restricted to [from, to] of the cycle (fractions). */
function cycleValues(walk: SyntheticWalk, side: Side, series: (number | null)[], from: number, to: number): number[][] {
  return walk.truth.cycles[side].map((c) => {
    const out: number[] = [];
    walk.track.frames.forEach((f, i) => {
      const p = (f.t - c.start) / (c.end - c.start);
      const v = series[i];
      if (p >= from && p <= to && v !== null) out.push(v);
    });
    return out;
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('synthetic walker: output format', () => {
  it('produces a gait-pose-track v1 track with 17 keypoints per frame', () => {
    const { track, truth } = synthesizeWalk();
    expect(track.format).toBe('gait-pose-track');
    expect(track.version).toBe(1);
    expect(track.keypointNames).toEqual([...KEYPOINT_NAMES]);
    expect(track.source?.kind).toBe('synthetic');
    expect(track.frames.length).toBeGreaterThan(100);
    for (const frame of track.frames) {
      expect(frame.keypoints).toHaveLength(17);
      for (const [x, y, s] of frame.keypoints) {
        expect(x).not.toBeNull();
        expect(x!).toBeGreaterThanOrEqual(0);
        expect(x!).toBeLessThanOrEqual(track.width);
        expect(y!).toBeGreaterThanOrEqual(0);
        expect(y!).toBeLessThanOrEqual(track.height);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
    expect(truth.angles.left.hipFlexion).toHaveLength(track.frames.length);
    expect(truth.clean.frames).toHaveLength(track.frames.length);
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = synthesizeWalk({ noise: MOVENET_LIKE_NOISE, seed: 7 });
    const b = synthesizeWalk({ noise: MOVENET_LIKE_NOISE, seed: 7 });
    const c = synthesizeWalk({ noise: MOVENET_LIKE_NOISE, seed: 8 });
    expect(b.track).toEqual(a.track);
    expect(c.track.frames[5].keypoints).not.toEqual(a.track.frames[5].keypoints);
  });

  it('gives side-view scores: near side high, far side lower, hidden ear low', () => {
    // Facing right: the person's right side is towards the camera.
    const { track } = synthesizeWalk({ direction: 'left-to-right' });
    const meanScore = (k: number) => mean(track.frames.map((f) => f.keypoints[k][2]));
    expect(meanScore(KP.rightKnee)).toBeGreaterThan(0.8);
    expect(meanScore(KP.leftKnee)).toBeGreaterThan(0.55);
    expect(meanScore(KP.leftKnee)).toBeLessThan(0.75);
    expect(meanScore(KP.leftEar)).toBeLessThan(0.3);
    // Near and far hips nearly coincide in a side view.
    const f = track.frames[10].keypoints;
    const gap = Math.abs(f[KP.leftHip][0]! - f[KP.rightHip][0]!);
    expect(gap).toBeGreaterThan(0.5);
    expect(gap).toBeLessThan(10);
  });
});

describe('synthetic walker: physical consistency (healthy, forward)', () => {
  // A high frame rate puts a frame within 2 ms of every event.
  const walk = synthesizeWalk({ fps: 240, cycles: 5 });
  const { truth } = walk;
  const H = truth.bodyHeightPx;
  const frames = truth.clean.frames;

  it('has the heel of the striking foot on the floor, ahead of the other foot, at each heel strike', () => {
    let checked = 0;
    for (const side of SIDES) {
      for (const t of truth.events[side].heelStrikes) {
        const i = frameAt(frames, t);
        const facing = facingAt(truth, t);
        const heelHeight = heightAbove(truth, truth.clean.feet[side].heel[i][1]);
        expect(Math.abs(heelHeight)).toBeLessThan(0.01);
        // ...and it comes down then: 3 % of the cycle earlier it was still in the air.
        const before = frameAt(frames, t - 0.03 * truth.strideTime);
        if (before > 0) expect(heightAbove(truth, truth.clean.feet[side].heel[before][1])).toBeGreaterThan(heelHeight + 0.003);
        const ankle = xy(frames[i].keypoints[idx(side, 'Ankle')]);
        const otherAnkle = xy(frames[i].keypoints[idx(other(side), 'Ankle')]);
        expect(facing * (ankle[0] - otherAnkle[0])).toBeGreaterThan(0.2 * H);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('lifts the toe off the floor at each toe off', () => {
    const cycleFrames = Math.round(truth.strideTime * 240);
    for (const side of SIDES) {
      for (const t of truth.events[side].toeOffs) {
        const i = frameAt(frames, t);
        if (i + cycleFrames * 0.04 >= frames.length) continue;
        const toeHeight = (j: number) => heightAbove(truth, truth.clean.feet[side].toe[j][1]);
        expect(Math.abs(toeHeight(i))).toBeLessThan(0.01);
        expect(toeHeight(i + Math.round(cycleFrames * 0.04))).toBeGreaterThan(toeHeight(i) + 0.003);
      }
    }
  });

  it('keeps the swing foot off the floor and every sole point at or above it', () => {
    for (const side of SIDES) {
      for (const c of truth.cycles[side]) {
        const T = c.end - c.start;
        frames.forEach((f, i) => {
          const lowest = Math.min(
            heightAbove(truth, truth.clean.feet[side].heel[i][1]),
            heightAbove(truth, truth.clean.feet[side].toe[i][1]),
          );
          expect(lowest).toBeGreaterThan(-1e-9);
          if (f.t > c.toeOff + 0.04 * T && f.t < c.end - 0.04 * T) expect(lowest).toBeGreaterThan(0.005);
        });
      }
    }
  });

  it('barely slides the stance foot (< 2 % of body height while a sole point is planted)', () => {
    let worst = 0;
    for (const side of SIDES) {
      for (const c of truth.cycles[side]) {
        for (const point of ['heel', 'toe'] as const) {
          let run: number[] = [];
          const flush = () => {
            if (run.length > 1) worst = Math.max(worst, (Math.max(...run) - Math.min(...run)) / H);
            run = [];
          };
          frames.forEach((f, i) => {
            const [x, y] = truth.clean.feet[side][point][i];
            if (f.t >= c.start && f.t <= c.toeOff && heightAbove(truth, y) < 0.003) run.push(x);
            else flush();
          });
          flush();
        }
      }
    }
    expect(worst).toBeLessThan(0.02);
    expect(truth.consistency.maxFootSlide).toBeLessThan(0.02);
  });

  it('orders the events HS < opposite TO < opposite HS < TO < shank vertical < next HS, stance ~62 %', () => {
    for (const side of SIDES) {
      expect(truth.cycles[side].length).toBeGreaterThanOrEqual(4);
      for (const c of truth.cycles[side]) {
        const oppositeToeOff = truth.events[other(side)].toeOffs.find((t) => t > c.start && t < c.end);
        expect(oppositeToeOff).toBeDefined();
        expect(c.start).toBeLessThan(oppositeToeOff!);
        expect(oppositeToeOff!).toBeLessThan(c.oppositeHeelStrike);
        expect(c.oppositeHeelStrike).toBeLessThan(c.toeOff);
        expect(c.toeOff).toBeLessThan(c.shankVertical);
        expect(c.shankVertical).toBeLessThan(c.end);
        const stance = (c.toeOff - c.start) / (c.end - c.start);
        expect(stance).toBeGreaterThanOrEqual(0.6);
        expect(stance).toBeLessThanOrEqual(0.63);
        // Shank vertical really is where the clean shank passes the vertical.
        const facing = facingAt(truth, c.start);
        const shankForward = (t: number) => {
          const kp = frames[frameAt(frames, t)].keypoints;
          return facing * (xy(kp[idx(side, 'Ankle')])[0] - xy(kp[idx(side, 'Knee')])[0]);
        };
        expect(shankForward(c.shankVertical - 0.02)).toBeLessThan(0);
        expect(shankForward(c.shankVertical + 0.02)).toBeGreaterThan(0);
      }
    }
  });

  it('reports the model consistency it was built with', () => {
    for (const side of SIDES) {
      expect(truth.consistency.initialContactHeight[side]).toBeLessThan(0.01);
      expect(truth.consistency.finalContactHeight[side]).toBeLessThan(0.01);
      expect(truth.consistency.afterFinalContactHeight[side]).toBeGreaterThan(truth.consistency.finalContactHeight[side]);
      expect(truth.consistency.minSwingClearance[side]).toBeGreaterThan(0.008);
    }
  });
});

describe('synthetic walker: truth angles', () => {
  it('equal the angles recomputed from the clean keypoints with independent formulas', () => {
    for (const direction of ['left-to-right', 'right-to-left'] as const) {
      for (const walking of ['forward', 'backward'] as const) {
        const walk = synthesizeWalk({ direction, walking, fps: 50 });
        const { truth } = walk;
        truth.clean.frames.forEach((f, i) => {
          const facing = facingAt(truth, f.t);
          const a = independentAngles(f.keypoints, facing);
          for (const side of SIDES) {
            expect(truth.angles[side].hipFlexion[i]).toBeCloseTo(a.thigh(side), 6);
            expect(truth.angles[side].kneeFlexion[i]).toBeCloseTo(a.knee(side), 6);
            expect(truth.angles[side].hipFlexionTrunk[i]).toBeCloseTo(a.thigh(side) + a.lean, 6);
          }
          expect(truth.angles.trunkLean[i]).toBeCloseTo(a.lean, 6);
        });
      }
    }
  });

  it('follow healthy reference values at the key instants (docs/design.md, section 5)', () => {
    const walk = synthesizeWalk({ fps: 120, cycles: 4 });
    const { truth } = walk;
    for (const side of SIDES) {
      const angles = truth.angles[side];
      for (const c of truth.cycles[side]) {
        const hipAtContact = valueAt(walk, angles.hipFlexion, c.start);
        expect(hipAtContact).toBeGreaterThanOrEqual(20);
        expect(hipAtContact).toBeLessThanOrEqual(30);
        const kneeAtContact = valueAt(walk, angles.kneeFlexion, c.start);
        expect(kneeAtContact).toBeGreaterThanOrEqual(0);
        expect(kneeAtContact).toBeLessThanOrEqual(6);
        const kneeAtToeOff = valueAt(walk, angles.kneeFlexion, c.toeOff);
        expect(kneeAtToeOff).toBeGreaterThanOrEqual(35);
        expect(kneeAtToeOff).toBeLessThanOrEqual(41);
      }
      const peakExtension = cycleValues(walk, side, angles.hipFlexion, 0, 1).map((v) => Math.min(...v));
      for (const p of peakExtension) {
        expect(p).toBeGreaterThan(-20);
        expect(p).toBeLessThan(-10);
      }
      const loading = cycleValues(walk, side, angles.kneeFlexion, 0, 0.2).map((v) => Math.max(...v));
      for (const p of loading) {
        expect(p).toBeGreaterThan(15);
        expect(p).toBeLessThan(20);
      }
      const swingPeak = cycleValues(walk, side, angles.kneeFlexion, 0.62, 1).map((v) => Math.max(...v));
      for (const p of swingPeak) {
        expect(p).toBeGreaterThan(60);
        expect(p).toBeLessThan(70);
      }
      const trunk = nonNull(truth.angles.trunkLean);
      expect(mean(trunk)).toBeGreaterThan(1);
      expect(mean(trunk)).toBeLessThan(5);
    }
  });

  it('gives the same (not mirrored) angles for a right-to-left walker', () => {
    const ltr = synthesizeWalk({ direction: 'left-to-right', setting: 'treadmill' });
    const rtl = synthesizeWalk({ direction: 'right-to-left', setting: 'treadmill' });
    for (const side of SIDES) {
      for (const name of ['hipFlexion', 'kneeFlexion', 'hipFlexionTrunk'] as const) {
        const a = ltr.truth.angles[side][name];
        const b = rtl.truth.angles[side][name];
        a.forEach((v, i) => expect(b[i]).toBeCloseTo(v!, 6));
      }
    }
    // ...while the picture is mirrored: the nose is ahead of the ear on the left.
    const kp = rtl.track.frames[0].keypoints;
    expect(kp[KP.nose][0]!).toBeLessThan(kp[KP.rightEar][0]!);
    expect(rtl.truth.passes[0].facing).toBe('right-to-left');
  });
});

describe('synthetic walker: timing', () => {
  it('matches the requested cadence, also as seen in the clean ankle motion', () => {
    for (const cadence of [90, 110, 130]) {
      const walk = synthesizeWalk({ cadence, setting: 'treadmill', fps: 60 });
      const { truth } = walk;
      expect(truth.strideTime).toBeCloseTo(120 / cadence, 9);
      const strikes = [...truth.events.left.heelStrikes, ...truth.events.right.heelStrikes].sort((a, b) => a - b);
      const steps = strikes.slice(1).map((t, i) => t - strikes[i]);
      expect(60 / mean(steps)).toBeCloseTo(cadence, 6);
      // Independent: the left ankle's furthest-forward instants (relative to the hip) recur once a stride.
      const frames = truth.clean.frames;
      const reach = frames.map((f) => xy(f.keypoints[KP.leftAnkle])[0] - xy(f.keypoints[KP.leftHip])[0]);
      const peaks: number[] = [];
      for (let i = 1; i < reach.length - 1; i++) {
        if (reach[i] > reach[i - 1] && reach[i] >= reach[i + 1] && reach[i] > 0.1 * truth.bodyHeightPx) peaks.push(frames[i].t);
      }
      const intervals = peaks.slice(1).map((t, i) => t - peaks[i]);
      expect(intervals.length).toBeGreaterThanOrEqual(5);
      expect(Math.abs(mean(intervals) - truth.strideTime)).toBeLessThan(1 / 60);
    }
  });

  it('lengthens the given side step by stepTimeAsymmetry', () => {
    const walk = synthesizeWalk({ setting: 'treadmill', pathology: { side: 'right', stepTimeAsymmetry: 0.15 } });
    const { truth } = walk;
    const stepTimes = (side: Side) =>
      truth.events[side].heelStrikes
        .map((t) => {
          const previous = truth.events[other(side)].heelStrikes.filter((o) => o < t);
          return previous.length ? t - previous[previous.length - 1] : null;
        })
        .filter((v): v is number => v !== null);
    const ratio = mean(stepTimes('right')) / mean(stepTimes('left'));
    expect(ratio).toBeCloseTo(1.15, 6);
    expect(truth.stepTime.right / truth.stepTime.left).toBeCloseTo(1.15, 6);
    // Still physically consistent.
    expect(truth.consistency.maxFootSlide).toBeLessThan(0.02);
    for (const side of SIDES) expect(truth.consistency.initialContactHeight[side]).toBeLessThan(0.01);
  });

  it('makes strictly increasing, non-uniform frame times with a variable frame rate', () => {
    const { track } = synthesizeWalk({ variableFrameRate: true, fps: 30 });
    const dts = track.frames.slice(1).map((f, i) => f.t - track.frames[i].t);
    for (const dt of dts) {
      expect(dt).toBeGreaterThan(0.75 / 30 - 1e-12);
      expect(dt).toBeLessThan(1.25 / 30 + 1e-12);
    }
    const sd = Math.sqrt(mean(dts.map((d) => (d - mean(dts)) ** 2)));
    expect(sd).toBeGreaterThan(0.05 / 30);
    const uniform = synthesizeWalk({ fps: 30 }).track.frames;
    expect(uniform[1].t).toBeCloseTo(1 / 30, 12);
  });

  it('synthesises a 10-minute 60 fps treadmill track with noise', () => {
    const { track, truth } = synthesizeWalk({ setting: 'treadmill', fps: 60, durationS: 600, noise: MOVENET_LIKE_NOISE });
    expect(track.frames).toHaveLength(36000);
    expect(truth.cycles.left.length).toBeGreaterThan(540);
  });
});

describe('synthetic walker: settings and directions', () => {
  it('walks backward: travels against the facing direction, first contact by the forefoot', () => {
    const walk = synthesizeWalk({ walking: 'backward', direction: 'left-to-right', fps: 240 });
    const { truth, track } = walk;
    expect(truth.passes[0].facing).toBe('right-to-left');
    expect(truth.passes[0].direction).toBe('left-to-right');
    const hipX = (i: number) => xy(track.frames[i].keypoints[KP.leftHip])[0];
    expect(hipX(track.frames.length - 1) - hipX(0)).toBeGreaterThan(truth.strideLengthPx * 2);
    const kp = track.frames[0].keypoints;
    expect(kp[KP.nose][0]!).toBeLessThan(kp[KP.leftEar][0]!);
    const frames = truth.clean.frames;
    for (const side of SIDES) {
      for (const t of truth.events[side].heelStrikes) {
        const i = frameAt(frames, t);
        expect(Math.abs(heightAbove(truth, truth.clean.feet[side].toe[i][1]))).toBeLessThan(0.01);
        // The contacting foot is the one furthest along the travel direction (behind, as faced).
        const ankle = xy(frames[i].keypoints[idx(side, 'Ankle')])[0];
        const otherAnkle = xy(frames[i].keypoints[idx(other(side), 'Ankle')])[0];
        expect(ankle - otherAnkle).toBeGreaterThan(0.2 * truth.bodyHeightPx);
      }
      for (const t of truth.events[side].toeOffs) {
        const i = frameAt(frames, t);
        expect(Math.abs(heightAbove(truth, truth.clean.feet[side].heel[i][1]))).toBeLessThan(0.01);
      }
      // Flexion stays positive = knee in front of the hip as faced: hip flexion at first contact is
      // the forward toe-off value (about 0), peak flexion comes in swing.
      for (const c of truth.cycles[side]) {
        expect(Math.abs(valueAt(walk, truth.angles[side].hipFlexion, c.start))).toBeLessThan(5);
        expect(valueAt(walk, truth.angles[side].kneeFlexion, c.start)).toBeGreaterThan(30);
      }
      const maxHip = Math.max(...nonNull(truth.angles[side].hipFlexion));
      expect(maxHip).toBeGreaterThan(25);
    }
    expect(mean(nonNull(truth.angles.trunkLean))).toBeGreaterThan(0);
  });

  it('keeps the hip near a fixed x on a treadmill while the stance foot moves back at belt speed', () => {
    const walk = synthesizeWalk({ setting: 'treadmill', fps: 120, direction: 'left-to-right' });
    const { truth } = walk;
    const frames = truth.clean.frames;
    const hips = frames.map((f) => xy(f.keypoints[KP.rightHip])[0]);
    expect(Math.max(...hips) - Math.min(...hips)).toBeLessThan(0.03 * truth.bodyHeightPx);
    // Mid-stance: the stance ankle moves backwards at about the belt speed.
    const c = truth.cycles.left[1];
    const a = frameAt(frames, c.start + 0.2 * truth.strideTime);
    const b = frameAt(frames, c.start + 0.4 * truth.strideTime);
    const speed = (xy(frames[b].keypoints[KP.leftAnkle])[0] - xy(frames[a].keypoints[KP.leftAnkle])[0]) / (frames[b].t - frames[a].t);
    expect(speed).toBeLessThan(0);
    expect(Math.abs(speed) / truth.speedPxPerS).toBeGreaterThan(0.8);
    expect(Math.abs(speed) / truth.speedPxPerS).toBeLessThan(1.2);
  });

  it('has no trunk keypoints or trunk angles with legs-only framing, hips near the top', () => {
    const { track, truth } = synthesizeWalk({ framing: 'legs-only', setting: 'treadmill' });
    const upper = [KP.nose, KP.leftEye, KP.rightEye, KP.leftEar, KP.rightEar, KP.leftShoulder, KP.rightShoulder, KP.leftElbow, KP.rightElbow, KP.leftWrist, KP.rightWrist];
    for (const f of track.frames) {
      for (const k of upper) expect(f.keypoints[k]).toEqual([null, null, 0]);
      expect(f.keypoints[KP.leftHip][1]!).toBeLessThan(0.2 * track.height);
      expect(f.keypoints[KP.leftAnkle][1]!).toBeLessThan(track.height);
    }
    expect(truth.angles.trunkLean.every((v) => v === null)).toBe(true);
    expect(truth.angles.left.hipFlexionTrunk.every((v) => v === null)).toBe(true);
    expect(nonNull(truth.angles.left.kneeFlexion)).toHaveLength(track.frames.length);
  });

  it('turns round between two passes of opposite direction, losing the side view in the turn', () => {
    const walk = synthesizeWalk({ turn: true, fps: 60 });
    const { truth, track } = walk;
    expect(truth.passes).toHaveLength(2);
    expect(truth.passes[0].direction).toBe('left-to-right');
    expect(truth.passes[1].direction).toBe('right-to-left');
    const [p0, p1] = truth.passes;
    expect(p1.start - p0.end).toBeGreaterThanOrEqual(1);
    expect(p1.start - p0.end).toBeLessThanOrEqual(2);
    const H = truth.bodyHeightPx;
    let maxTurnGap = 0;
    track.frames.forEach((f, i) => {
      const gap = Math.abs(xy(truth.clean.frames[i].keypoints[KP.leftShoulder])[0] - xy(truth.clean.frames[i].keypoints[KP.rightShoulder])[0]);
      const inTurn = f.t > p0.end && f.t < p1.start;
      if (inTurn) {
        maxTurnGap = Math.max(maxTurnGap, gap);
        expect(truth.angles.left.hipFlexion[i]).toBeNull();
        expect(truth.angles.trunkLean[i]).toBeNull();
      } else {
        expect(gap).toBeLessThan(0.02 * H);
        expect(truth.angles.left.kneeFlexion[i]).not.toBeNull();
      }
    });
    expect(maxTurnGap).toBeGreaterThan(0.2 * H);
    for (const side of SIDES) {
      for (const t of [...truth.events[side].heelStrikes, ...truth.events[side].toeOffs]) {
        expect(t <= p0.end || t >= p1.start).toBe(true);
      }
      expect(truth.cycles[side].some((c) => c.pass === 0)).toBe(true);
      expect(truth.cycles[side].some((c) => c.pass === 1)).toBe(true);
      for (const c of truth.cycles[side]) expect(c.end <= p0.end || c.start >= p1.start).toBe(true);
    }
    // The walker comes back: pass 2 ends near where pass 1 started.
    const hip0 = xy(track.frames[0].keypoints[KP.leftHip])[0];
    const hipEnd = xy(track.frames[track.frames.length - 1].keypoints[KP.leftHip])[0];
    expect(Math.abs(hipEnd - hip0)).toBeLessThan(0.3 * H);
  });

  it('fits an overground walk into the image: smaller walker by default, wider image for a fixed size', () => {
    const inside = (walk: SyntheticWalk) =>
      walk.track.frames.every((f) => f.keypoints.every(([x]) => x !== null && x >= 0 && x <= walk.track.width));
    const shrunk = synthesizeWalk({ cycles: 6 });
    expect(shrunk.truth.fit.walkerShrunk).toBe(true);
    expect(shrunk.track.width).toBe(1280);
    expect(inside(shrunk)).toBe(true);
    const wide = synthesizeWalk({ cycles: 6, bodyHeightPx: 500 });
    expect(wide.truth.fit.widthEnlarged).toBe(true);
    expect(wide.track.width).toBeGreaterThan(1280);
    expect(wide.truth.bodyHeightPx).toBe(500);
    expect(inside(wide)).toBe(true);
    const small = synthesizeWalk({ cycles: 2, bodyHeightPx: 200 });
    expect(small.truth.fit).toEqual({ widthEnlarged: false, walkerShrunk: false });
  });
});

describe('synthetic walker: noise', () => {
  const walk = synthesizeWalk({ setting: 'treadmill', fps: 60, durationS: 120, noise: { ...MOVENET_LIKE_NOISE, seed: 3 } });
  const { track, truth } = walk;
  const n = track.frames.length;
  const H = truth.bodyHeightPx;

  it('swaps knee and ankle labels in about the requested fraction of frames, mostly near mid-swing', () => {
    expect(truth.swappedFrames.length / n).toBeGreaterThan(0.04);
    expect(truth.swappedFrames.length / n).toBeLessThan(0.06);
    const swapped = new Set(truth.swappedFrames);
    const kneeGap = (i: number) =>
      Math.abs(xy(truth.clean.frames[i].keypoints[KP.leftKnee])[0] - xy(truth.clean.frames[i].keypoints[KP.rightKnee])[0]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const all = Array.from({ length: n }, (_, i) => kneeGap(i));
    expect(median(truth.swappedFrames.map(kneeGap))).toBeLessThan(0.5 * median(all));
    // In a swapped frame the left knee label sits on the clean right knee.
    for (const i of truth.swappedFrames) {
      const k = track.frames[i].keypoints[KP.leftKnee];
      if (k[0] === null) continue;
      const right = xy(truth.clean.frames[i].keypoints[KP.rightKnee]);
      expect(Math.hypot(k[0] - right[0], k[1]! - right[1])).toBeLessThan(0.06 * H);
    }
    // Runs of 1-4 frames.
    let run = 0;
    for (let i = 0; i <= n; i++) {
      if (swapped.has(i)) run++;
      else {
        expect(run).toBeLessThanOrEqual(4);
        run = 0;
      }
    }
  });

  it('drops leg keypoints in about the requested fraction of frames, in short runs', () => {
    expect(truth.droppedFrames.length / n).toBeGreaterThan(0.025);
    expect(truth.droppedFrames.length / n).toBeLessThan(0.035);
    const dropped = new Set(truth.droppedFrames);
    for (let i = 0; i < n; i++) {
      const kp = track.frames[i].keypoints;
      const anyMissing = [KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle].some((k) => kp[k][0] === null);
      expect(anyMissing).toBe(dropped.has(i));
      if (anyMissing) for (const k of [KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle]) if (kp[k][0] === null) expect(kp[k]).toEqual([null, null, 0]);
    }
    let run = 0;
    for (let i = 0; i <= n; i++) {
      if (dropped.has(i)) run++;
      else {
        expect(run).toBeLessThanOrEqual(3);
        run = 0;
      }
    }
  });

  it('jitters every keypoint with SD about jitterFrac x body height', () => {
    const skip = new Set([...truth.swappedFrames, ...truth.droppedFrames]);
    const d: number[] = [];
    for (let i = 0; i < n; i++) {
      if (skip.has(i)) continue;
      track.frames[i].keypoints.forEach((k, j) => {
        const c = truth.clean.frames[i].keypoints[j];
        d.push((k[0]! - c[0]!) / H, (k[1]! - c[1]!) / H);
      });
    }
    const sd = Math.sqrt(mean(d.map((v) => v * v)));
    expect(sd).toBeGreaterThan(0.0095);
    expect(sd).toBeLessThan(0.0105);
    expect(Math.abs(mean(d))).toBeLessThan(0.0005);
  });

  it('keeps the truth noise-free', () => {
    const clean = synthesizeWalk({ setting: 'treadmill', fps: 60, durationS: 120 });
    expect(truth.angles).toEqual(clean.truth.angles);
    expect(truth.events).toEqual(clean.truth.events);
    expect(clean.truth.swappedFrames).toEqual([]);
    expect(clean.track.frames).toEqual(clean.truth.clean.frames);
  });
});

describe('synthetic walker: pathology knobs', () => {
  const options: SynthOptions = { setting: 'treadmill', fps: 120, cycles: 5 };
  const healthy = synthesizeWalk(options);
  const withPathology = (pathology: SynthOptions['pathology']) => synthesizeWalk({ ...options, pathology });
  const perCycle = (walk: SyntheticWalk, side: Side, name: 'hipFlexion' | 'kneeFlexion', from: number, to: number, pick: (v: number[]) => number) =>
    mean(cycleValues(walk, side, walk.truth.angles[side][name], from, to).map(pick));
  const peakExtension = (walk: SyntheticWalk, side: Side) => perCycle(walk, side, 'hipFlexion', 0, 1, (v) => Math.min(...v));
  const kneeAt = (walk: SyntheticWalk, side: Side, which: 'toeOff' | 'start') =>
    mean(walk.truth.cycles[side].map((c) => valueAt(walk, walk.truth.angles[side].kneeFlexion, c[which])));
  const hipAt = (walk: SyntheticWalk, side: Side) =>
    mean(walk.truth.cycles[side].map((c) => valueAt(walk, walk.truth.angles[side].hipFlexion, c.start)));
  const swingPeak = (walk: SyntheticWalk, side: Side) => perCycle(walk, side, 'kneeFlexion', 0.62, 1, (v) => Math.max(...v));

  it('hipExtensionDeficitDeg reduces peak hip extension by about that much, on the given side only', () => {
    const walk = withPathology({ side: 'left', hipExtensionDeficitDeg: 10 });
    expect(peakExtension(walk, 'left') - peakExtension(healthy, 'left')).toBeCloseTo(10, 0);
    expect(peakExtension(walk, 'right')).toBeCloseTo(peakExtension(healthy, 'right'), 6);
    expect(hipAt(walk, 'left')).toBeCloseTo(hipAt(healthy, 'left'), 1);
  });

  it('preSwingKneeDeficitDeg reduces knee flexion at toe off, not the swing peak', () => {
    const walk = withPathology({ preSwingKneeDeficitDeg: 15 });
    for (const side of SIDES) {
      const drop = kneeAt(healthy, side, 'toeOff') - kneeAt(walk, side, 'toeOff');
      expect(drop).toBeGreaterThan(12);
      expect(drop).toBeLessThan(16);
      expect(Math.abs(swingPeak(walk, side) - swingPeak(healthy, side))).toBeLessThan(3);
    }
  });

  it('stiffKnee caps peak swing knee flexion at about 33 deg (or the given peak)', () => {
    for (const side of SIDES) expect(swingPeak(withPathology({ stiffKnee: true }), side)).toBeCloseTo(33, 0);
    expect(swingPeak(withPathology({ stiffKnee: 40, side: 'right' }), 'right')).toBeCloseTo(40, 0);
    const stiff = withPathology({ stiffKnee: true });
    // The guard keeps the stiff swing leg's foot off the floor.
    for (const side of SIDES) expect(stiff.truth.consistency.minSwingClearance[side]).toBeGreaterThan(0.005);
  });

  it('crouchDeg keeps the knee at least that flexed in stance, with the hip more flexed', () => {
    const walk = withPathology({ crouchDeg: 20 });
    for (const side of SIDES) {
      const minStance = perCycle(walk, side, 'kneeFlexion', 0, 0.62, (v) => Math.min(...v));
      expect(minStance).toBeGreaterThanOrEqual(19.9);
      expect(minStance).toBeLessThan(23);
      expect(hipAt(walk, side)).toBeGreaterThan(hipAt(healthy, side) + 5);
      expect(walk.truth.consistency.minSwingClearance[side]).toBeGreaterThan(0.005);
    }
  });

  it('trunkLeanDeg and anteriorPelvicTiltDeg lean the trunk forward; the tilt also cuts hip extension', () => {
    const trunk = (walk: SyntheticWalk) => mean(nonNull(walk.truth.angles.trunkLean));
    expect(trunk(withPathology({ trunkLeanDeg: 10 })) - trunk(healthy)).toBeCloseTo(10, 1);
    const tilt = withPathology({ anteriorPelvicTiltDeg: 10 });
    expect(trunk(tilt) - trunk(healthy)).toBeCloseTo(5, 1);
    for (const side of SIDES) {
      expect(peakExtension(tilt, side) - peakExtension(healthy, side)).toBeCloseTo(10, 1);
      // Thigh against the trunk: flexed by tilt + lean.
      const hipTrunk = (walk: SyntheticWalk) => mean(nonNull(walk.truth.angles[side].hipFlexionTrunk));
      expect(hipTrunk(tilt) - hipTrunk(healthy)).toBeCloseTo(15, 0);
    }
  });

  it('flickingSwing extends the knee late and fast into a little hyperextension before contact', () => {
    const walk = withPathology({ flickingSwing: true });
    for (const side of SIDES) {
      const lateSwingMin = (w: SyntheticWalk) => perCycle(w, side, 'kneeFlexion', 0.9, 1, (v) => Math.min(...v));
      expect(lateSwingMin(healthy)).toBeGreaterThan(2);
      expect(lateSwingMin(walk)).toBeLessThan(-2);
      expect(lateSwingMin(walk)).toBeGreaterThan(-7);
      // Late: still more flexed at 88 % of the cycle...
      const at88 = (w: SyntheticWalk) => mean(w.truth.cycles[side].map((c) => valueAt(w, w.truth.angles[side].kneeFlexion, c.start + 0.88 * (c.end - c.start))));
      expect(at88(walk)).toBeGreaterThan(at88(healthy) + 10);
      // ...and fast: peak extension velocity in terminal swing clearly higher.
      const peakExtensionSpeed = (w: SyntheticWalk) => {
        const k = w.truth.angles[side].kneeFlexion;
        const f = w.track.frames;
        let best = 0;
        for (const c of w.truth.cycles[side]) {
          for (let i = 1; i < f.length; i++) {
            if (f[i].t < c.start + 0.8 * (c.end - c.start) || f[i].t > c.end) continue;
            best = Math.max(best, -(k[i]! - k[i - 1]!) / (f[i].t - f[i - 1].t));
          }
        }
        return best;
      };
      expect(peakExtensionSpeed(walk)).toBeGreaterThan(1.3 * peakExtensionSpeed(healthy));
      // Shank vertical (start of terminal swing) comes later.
      expect(walk.truth.cycles[side][0].shankVertical - walk.truth.cycles[side][0].start).toBeGreaterThan(
        healthy.truth.cycles[side][0].shankVertical - healthy.truth.cycles[side][0].start,
      );
    }
  });

  it('overstrideDeg flexes the hip more and straightens the knee at contact: the ankle lands far ahead', () => {
    const walk = withPathology({ overstrideDeg: 10 });
    const reach = (w: SyntheticWalk, side: Side) =>
      mean(
        w.truth.cycles[side].map((c) => {
          const kp = w.truth.clean.frames[frameAt(w.track.frames, c.start)].keypoints;
          return (xy(kp[idx(side, 'Ankle')])[0] - xy(kp[idx(side, 'Hip')])[0]) / w.truth.legLengthPx;
        }),
      );
    for (const side of SIDES) {
      expect(hipAt(walk, side) - hipAt(healthy, side)).toBeCloseTo(10, 0);
      expect(kneeAt(walk, side, 'start')).toBeLessThan(kneeAt(healthy, side, 'start') - 3);
      expect(reach(walk, side)).toBeGreaterThan(reach(healthy, side) + 0.1);
    }
  });

  it('rejects knobs that make no sense', () => {
    expect(() => synthesizeWalk({ pathology: { stepTimeAsymmetry: 0.1 } })).toThrow(/side/);
    expect(() => synthesizeWalk({ pathology: { hipExtensionDeficitDeg: -5 } })).toThrow();
    expect(() => synthesizeWalk({ fps: 10 })).toThrow();
    expect(() => synthesizeWalk({ setting: 'treadmill', turn: true })).toThrow();
  });
});

describe('periodic spline', () => {
  it('passes through its key points and joins smoothly at the period', () => {
    const keys = [
      { at: 0, value: 1 },
      { at: 0.3, value: 4 },
      { at: 0.55, value: -2 },
      { at: 0.8, value: 0.5 },
    ];
    const f = periodicSpline(keys);
    for (const k of keys) expect(f(k.at)).toBeCloseTo(k.value, 12);
    expect(f(1.3)).toBeCloseTo(f(0.3), 12);
    // One-sided slopes either side of the wrap point agree (C1 across the period).
    const h = 1e-6;
    const fromLeft = (f(1) - f(1 - h)) / h;
    const fromRight = (f(h) - f(0)) / h;
    expect(Math.abs(fromLeft)).toBeGreaterThan(1);
    expect(fromLeft).toBeCloseTo(fromRight, 2);
  });
});
