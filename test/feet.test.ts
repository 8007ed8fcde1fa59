/**
 * Feet: the synthetic walker's foot keypoints and foot truth, and the pure foot units (ankle angle,
 * heel/toe event detectors, strike pattern) against that truth.
 */
import { describe, expect, it } from 'vitest';
import { ankleAngle, footAngleToFloor, footFlatOffset } from '../src/core/angles/ankle';
import { footVelocityDetector, footVelocityEvents, heelToeZeniDetector, zeniFootEvents } from '../src/core/events/footEvents';
import { chooseEventDetector, EVENT_DETECTORS } from '../src/core/events/registry';
import { classifyStrike, strikePatterns } from '../src/core/events/strikePattern';
import { resolveLayout } from '../src/core/format/bodyPoints';
import { FOOT_KEYPOINT_NAMES } from '../src/core/format/footKeypoints';
import { parsePoseTrack } from '../src/core/format/validatePoseTrack';
import { KEYPOINT_NAMES } from '../src/core/format/poseTrack';
import { evaluateFeet } from '../src/eval/feet';
import { MOVENET_LIKE_NOISE, synthesizeWalk, type SynthOptions } from '../src/synth';
import { expectDetectorContract } from './helpers/detectorContract';
import { analyzeTrack } from '../src/core/analyze';
import { HIP_EXTENSION_ALLOWANCE_DEG } from '../src/synth/footContact';

const BASE: SynthOptions = { feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 4.5 };
const FRAME_S = 1 / 30;
const within = (errors: number[], limit: number) => errors.every((e) => Math.abs(e) <= limit + 1e-9);

describe('synthetic walker with feet', () => {
  it('adds heel and foot index keypoints named as BlazePose names them; without the option the track is MoveNet-17 and unchanged', () => {
    const withFeet = synthesizeWalk({ ...BASE, seed: 3 });
    const plain = synthesizeWalk({ ...BASE, seed: 3, feet: false });
    expect(withFeet.track.keypointNames).toEqual([...KEYPOINT_NAMES, 'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index']);
    expect(FOOT_KEYPOINT_NAMES).toEqual(withFeet.track.keypointNames.slice(17));
    expect(plain.track.keypointNames).toEqual([...KEYPOINT_NAMES]);
    expect(plain.track.frames.every((f) => f.keypoints.length === 17)).toBe(true);
    // Same walk: exact foot contact (footContact.ts) moves the pushing-off leg round the tip of its
    // toes in double support: its thigh up to 4.7 deg further back, its knee within -0.8..+1.7 deg
    // of the curve; the rest of the stride is the same curve.
    for (const side of ['left', 'right'] as const) {
      const hip = withFeet.truth.angles[side].hipFlexion.map((v, i) => v! - plain.truth.angles[side].hipFlexion[i]!);
      const knee = withFeet.truth.angles[side].kneeFlexion.map((v, i) => v! - plain.truth.angles[side].kneeFlexion[i]!);
      expect(Math.min(...hip)).toBeGreaterThan(-5.5);
      expect(Math.min(...hip)).toBeLessThan(-3);
      expect(Math.max(...hip)).toBeLessThan(1e-6);
      expect(Math.min(...knee)).toBeGreaterThan(-1);
      expect(Math.max(...knee)).toBeLessThan(2);
      // Unchanged through single support: most frames.
      expect(hip.filter((d) => Math.abs(d) < 1e-6).length).toBeGreaterThan(hip.length / 2);
    }
  });

  it('the track with feet is a valid gait-pose-track v2 whose layout has feet; without, v1', () => {
    const withFeet = synthesizeWalk({ ...BASE, seed: 3, durationS: 2 }).track;
    const parsed = parsePoseTrack(JSON.stringify(withFeet));
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
    expect(withFeet.version).toBe(2);
    expect(resolveLayout(withFeet.keypointNames).hasFeet).toBe(true);
    const plain = synthesizeWalk({ ...BASE, seed: 3, durationS: 2, feet: false }).track;
    expect(plain.version).toBe(1);
    expect(resolveLayout(plain.keypointNames).hasFeet).toBe(false);
  });

  it('the toes bend at the forefoot and never go below the floor; the foot index is the toe tip', () => {
    const { truth, track } = synthesizeWalk({ ...BASE, seed: 4 });
    let bent = 0;
    track.frames.forEach((f, i) => {
      for (const side of ['left', 'right'] as const) {
        const tip = truth.clean.feet[side].toeTip[i];
        expect(tip[1]).toBeLessThanOrEqual(truth.floorY + 1e-6);
        const k = track.keypointNames.indexOf(`${side}_foot_index`);
        expect([f.keypoints[k][0], f.keypoints[k][1]]).toEqual(tip);
        // Rigid toes would continue the sole line heel -> forefoot; count frames where they do not.
        const { heel, toe } = truth.clean.feet[side];
        const sole = Math.atan2(toe[i][1] - heel[i][1], toe[i][0] - heel[i][0]);
        const toes = Math.atan2(tip[1] - toe[i][1], tip[0] - toe[i][0]);
        if (Math.abs(sole - toes) > 0.05) bent++;
      }
    });
    expect(bent).toBeGreaterThan(10); // push-off bends the toes on every step
  });

  it('truth ankle = the rigid foot against the shank: ankleAngle on knee, ankle and the sole points (no offset) reproduces it exactly', () => {
    for (const options of [{ seed: 5 }, { seed: 6, direction: 'right-to-left' as const }, { seed: 7, walking: 'backward' as const }]) {
      const { truth } = synthesizeWalk({ ...BASE, ...options });
      const facing = truth.passes[0].facing === 'left-to-right' ? 1 : -1;
      truth.clean.frames.forEach((f, i) => {
        for (const side of ['left', 'right'] as const) {
          const kp = (name: string) => {
            const [x, y] = f.keypoints[KEYPOINT_NAMES.indexOf(name as (typeof KEYPOINT_NAMES)[number])];
            return { x: x!, y: y! };
          };
          const [hx, hy] = truth.clean.feet[side].heel[i];
          const [tx, ty] = truth.clean.feet[side].toe[i];
          const a = ankleAngle(kp(`${side}_knee`), kp(`${side}_ankle`), { x: hx, y: hy }, { x: tx, y: ty }, facing);
          expect(a).toBeCloseTo(truth.feet.ankle[side][i]!, 6);
        }
      });
      const values = truth.feet.ankle.left.filter((v): v is number => v !== null);
      // Perry's / Winter's range: about -20 (push-off) to +12 (terminal stance).
      expect(Math.min(...values)).toBeLessThan(-15);
      expect(Math.max(...values)).toBeGreaterThan(8);
    }
  });

  it('the feet roll over the floor: heel on it at initial contact, foot flat in mid-stance, tip of the toes on it at final contact, no planted point slides', () => {
    const { truth } = synthesizeWalk({ ...BASE, seed: 18, cadence: 100 });
    const c = truth.consistency;
    for (const side of ['left', 'right'] as const) {
      expect(c.initialContactHeight[side]).toBeLessThan(1e-6);
      expect(c.finalContactHeight[side]).toBeLessThan(0.001);
      expect(c.afterFinalContactHeight[side]).toBeGreaterThan(0.002);
      // Mid-stance (20-28 % of the cycle): the foot lies flat.
      truth.phase[side].forEach((p, i) => {
        if (p !== null && p >= 0.2 && p <= 0.28) expect(Math.abs(truth.feet.footAngle[side][i]!)).toBeLessThan(0.05);
      });
      // Contacts from the foot agree with the curves' events within 8 ms (the heel lands 0.6 % of the
      // stride early, the toes leave 0.5 % late: 7.3 ms at most at this cadence).
      for (const [fromFoot, curve] of [
        [truth.feet.contacts[side].initialContacts, truth.events[side].heelStrikes],
        [truth.feet.contacts[side].finalContacts, truth.events[side].toeOffs],
      ]) {
        for (const t of fromFoot) expect(Math.min(...curve.map((x) => Math.abs(x - t)))).toBeLessThan(0.008);
      }
    }
    // The trailing foot used to slide forward by 4.1 % of body height in late double support.
    expect(c.maxFootSlide).toBeLessThan(0.001);
  });

  it('a pathology knob keeps its meaning with feet: 14 deg less hip extension stays limited, the knee never overstretches, and the walk is flagged as without feet', () => {
    const pathology = { side: 'left', hipExtensionDeficitDeg: 14, preSwingKneeDeficitDeg: 12 } as const;
    const withFeet = synthesizeWalk({ ...BASE, durationS: 6, seed: 5, cadence: 100, pathology });
    const plain = synthesizeWalk({ ...BASE, durationS: 6, seed: 5, cadence: 100, pathology, feet: false });
    const hipMin = (w: typeof plain, side: 'left' | 'right') => Math.min(...w.truth.angles[side].hipFlexion.filter((v): v is number => v !== null));
    // The contact may take the thigh at most HIP_EXTENSION_ALLOWANCE_DEG further back than the curve.
    expect(hipMin(withFeet, 'left')).toBeGreaterThan(hipMin(plain, 'left') - HIP_EXTENSION_ALLOWANCE_DEG - 0.5);
    expect(hipMin(withFeet, 'left')).toBeGreaterThan(hipMin(withFeet, 'right') + 8);
    for (const side of ['left', 'right'] as const) {
      expect(Math.min(...withFeet.truth.angles[side].kneeFlexion.filter((v): v is number => v !== null))).toBeGreaterThan(-0.5);
    }
    const flags = (w: typeof plain) => analyzeTrack(w.track).flags.map((f) => f.id).sort();
    expect(flags(withFeet)).toEqual(flags(plain));
    expect(flags(withFeet)).toContain('limited-push-off');
  });

  it('walking backward (forward reversed in time) the foot leaves the floor by its heel, toe up, and nothing slides', () => {
    const { truth } = synthesizeWalk({ ...BASE, seed: 19, walking: 'backward', direction: 'right-to-left' });
    expect(truth.consistency.maxFootSlide).toBeLessThan(0.002);
    for (const side of ['left', 'right'] as const) {
      expect(truth.consistency.finalContactHeight[side]).toBeLessThan(0.001);
      const t = truth.clean.frames.map((f) => f.t);
      for (const fc of truth.feet.contacts[side].finalContacts) {
        const i = t.findIndex((x) => x >= fc);
        // The reverse of a forward heel strike (about 25 deg toe up); before the contact model rolled
        // the landing foot over its toes, the trailing foot left toe down.
        if (i > 0) expect(truth.feet.footAngle[side][i - 1]!).toBeGreaterThan(15);
      }
    }
  });

  it('contact events come from the foot: heel strikes land heel first toe up, flat strikes flat, forefoot strikes toe first, backward on the toes', () => {
    const cases = [
      [{}, 'heel', 'heel'],
      [{ strike: 'flat' }, 'flat', 'heel'],
      [{ strike: 'forefoot' }, 'forefoot', 'forefoot'],
      [{ walking: 'backward' }, 'forefoot', 'forefoot'],
    ] as const;
    for (const [options, pattern, first] of cases) {
      const { truth } = synthesizeWalk({ ...BASE, seed: 8, ...options });
      expect(truth.feet.pattern).toBe(pattern);
      for (const side of ['left', 'right'] as const) {
        const { initialContacts, finalContacts } = truth.feet.contacts[side];
        expect(initialContacts.length).toBeGreaterThanOrEqual(3);
        expect(finalContacts.length).toBeGreaterThanOrEqual(3);
        for (const s of truth.feet.strikes[side]) {
          expect(classifyStrike(s.footAngleDeg)).toBe(pattern);
          if (pattern !== 'flat') expect(s.firstContact).toBe(first);
        }
        // Stance from the foot is 55-70 % of the stride (the curves' 62 %, within the contact tolerance).
        const stance = finalContacts.map((fc) => fc - Math.max(...initialContacts.filter((ic) => ic < fc)));
        for (const s of stance.filter(Number.isFinite)) expect(s / truth.strideTime).toBeGreaterThan(0.55);
      }
    }
    expect(() => synthesizeWalk({ ...BASE, walking: 'backward', strike: 'heel' })).not.toThrow();
    expect(() => synthesizeWalk({ ...BASE, walking: 'backward', strike: 'flat' })).toThrow(/forward walking/);
  });
});

describe('ankle angle (ankle.ts)', () => {
  const knee = { x: 100, y: 0 };
  const ankle = { x: 100, y: 100 };
  it('is 0 with the foot at right angles to a vertical shank, + dorsiflexion, - plantarflexion, the same facing either way', () => {
    expect(ankleAngle(knee, ankle, { x: 90, y: 110 }, { x: 140, y: 110 }, 1)).toBeCloseTo(0, 9);
    // Toes up by 10 deg: dorsiflexion +10.
    const up = (deg: number, dir: 1 | -1) => ({ x: 90 * (dir === 1 ? 1 : 0) + (dir === 1 ? 0 : 110) + dir * 50 * Math.cos((deg * Math.PI) / 180), y: 110 - 50 * Math.sin((deg * Math.PI) / 180) });
    expect(ankleAngle(knee, ankle, { x: 90, y: 110 }, up(10, 1), 1)).toBeCloseTo(10, 9);
    expect(ankleAngle(knee, ankle, { x: 90, y: 110 }, up(-20, 1), 1)).toBeCloseTo(-20, 9);
    // Mirrored (facing left): same angles.
    expect(ankleAngle(knee, ankle, { x: 110, y: 110 }, up(10, -1), -1)).toBeCloseTo(10, 9);
    // A shank leaning forward (knee ahead of the ankle) over a flat foot is dorsiflexion.
    expect(ankleAngle({ x: 120, y: 0 }, ankle, { x: 90, y: 110 }, { x: 140, y: 110 }, 1)).toBeCloseTo((Math.atan(20 / 100) * 180) / Math.PI, 9);
    expect(ankleAngle(null, ankle, { x: 90, y: 110 }, { x: 140, y: 110 }, 1)).toBeNull();
    expect(ankleAngle(knee, ankle, { x: NaN, y: 110 }, { x: 140, y: 110 }, 1)).toBeNull();
  });

  it('the offset removes the slope of a heel keypoint above the sole', () => {
    // Heel keypoint 5 px above the toe tip over 100 px: a flat foot reads -2.86 deg without the offset.
    const heel = { x: 80, y: 105 };
    const toe = { x: 180, y: 110 };
    const slope = (Math.atan(5 / 100) * 180) / Math.PI;
    expect(ankleAngle(knee, ankle, heel, toe, 1)).toBeCloseTo(-slope, 9);
    expect(ankleAngle(knee, ankle, heel, toe, 1, slope)).toBeCloseTo(0, 9);
    expect(footAngleToFloor(heel, toe, 1)).toBeCloseTo(-slope, 9);
  });

  it('footFlatOffset finds the offset and a tilted floor from the flat-foot frames of a walk', () => {
    // A foot that steps along a floor tilted by 3 deg (rising to the right): flat for 10 frames at
    // each footprint, lifted and rotated in between. Keypoint slope 4 deg.
    const tilt = (3 * Math.PI) / 180;
    const offset = 4;
    const heelX: number[] = [];
    const heelY: number[] = [];
    const toeX: number[] = [];
    const toeY: number[] = [];
    const L = 50;
    for (let step = 0; step < 5; step++) {
      for (let k = 0; k < 20; k++) {
        const flat = k < 10;
        const lift = flat ? 0 : 15 * Math.sin((Math.PI * (k - 10)) / 10);
        const rot = flat ? 0 : (20 * Math.sin((Math.PI * (k - 10)) / 10) * Math.PI) / 180;
        const s = step * 120 + (flat ? 0 : (120 * (k - 10)) / 10);
        // Along the floor s, up from it `lift`; foot line angle to the floor = rot - offset.
        const a = rot - (offset * Math.PI) / 180;
        const hx = s * Math.cos(tilt) - lift * Math.sin(tilt);
        const hUp = s * Math.sin(tilt) + lift * Math.cos(tilt);
        heelX.push(hx);
        heelY.push(400 - hUp);
        toeX.push(hx + L * Math.cos(tilt + a));
        toeY.push(400 - (hUp + L * Math.sin(tilt + a)));
      }
    }
    const found = footFlatOffset([{ heelX, heelY, toeX, toeY }], 1)!;
    expect(found).not.toBeNull();
    expect(found.floorAngleDeg).toBeCloseTo(3, 1);
    expect(found.footOffsetDeg).toBeCloseTo(offset, 1);
    expect(found.frames[0].length).toBeGreaterThanOrEqual(40);
    expect(footFlatOffset([{ heelX: [1, 2], heelY: [1, 2], toeX: [3, 4], toeY: [1, 2] }], 1)).toBeNull();
  });

  it('footFlatOffset with the stances from the events: each stance has its own floor level (footprints off one image line)', () => {
    // Five stances of a foot whose footprints lie at different image heights (a walker drifting
    // towards the camera, as on sports2d-demo.mp4 where one footprint lies 16 px below the others):
    // heel rocker (toes coming down), flat, heel rise (heel up, toes down), then swing. Keypoint slope 5 deg.
    const offset = 5;
    const L = 60;
    const levels = [0, 0, 16, 0, 0]; // px below the others: not on one line, so the floor line stays level
    const heelX: number[] = [];
    const heelY: number[] = [];
    const toeX: number[] = [];
    const toeY: number[] = [];
    const stances: Array<[number, number]> = [];
    const push = (hx: number, hy: number, footDeg: number) => {
      const a = ((footDeg - offset) * Math.PI) / 180; // foot line against the floor, + toe up
      heelX.push(hx);
      heelY.push(hy);
      toeX.push(hx + L * Math.cos(a));
      toeY.push(hy - L * Math.sin(a));
    };
    levels.forEach((below, step) => {
      const x = step * 150;
      const floorY = 400 + below;
      const start = heelX.length;
      for (let k = 0; k < 4; k++) push(x, floorY, 15 * (1 - k / 4)); // heel rocker
      for (let k = 0; k < 8; k++) push(x, floorY, 0); // flat
      for (let k = 1; k <= 6; k++) {
        // heel rise about the toe tip, which stays put
        const rot = (-5 * k * Math.PI) / 180;
        const a = rot - (offset * Math.PI) / 180;
        const tipX = x + L * Math.cos((-offset * Math.PI) / 180);
        const tipY = floorY + L * Math.sin((offset * Math.PI) / 180);
        heelX.push(tipX - L * Math.cos(a));
        heelY.push(tipY + L * Math.sin(a));
        toeX.push(tipX);
        toeY.push(tipY);
      }
      stances.push([start, heelX.length - 1]);
      for (let k = 0; k < 12; k++) push(x + (150 * k) / 12, floorY - 20 * Math.sin((Math.PI * k) / 12), -10); // swing
    });
    const perStance = footFlatOffset([{ heelX, heelY, toeX, toeY, stances }], 1)!;
    expect(perStance.footOffsetDeg).toBeCloseTo(offset, 1);
    const stanceOf = (i: number) => stances.findIndex(([a, b]) => i >= a && i <= b);
    expect(new Set(perStance.frames[0].map(stanceOf)).size).toBe(levels.length);
    // One floor level for the whole pass takes only the footprints near the lowest one.
    const passWide = footFlatOffset([{ heelX, heelY, toeX, toeY }], 1)!;
    expect(new Set(passWide.frames[0].map(stanceOf)).size).toBeLessThan(levels.length);
  });

  it('on the walker with feet: median error under 2.5 deg with the true offset (clean), under 3.5 deg with MoveNet-like jitter', () => {
    const clean = evaluateFeet(...pair(synthesizeWalk({ ...BASE, seed: 9, cadence: 96 })));
    // The foot index is the tip of the toes, and the toes bend: held 10 deg up in swing, the keypoint
    // line reads 1.9 deg more dorsiflexion than the rigid foot there (median 1.6 over the cycle,
    // 0.0 in mid-stance). The toe tip stays on the floor at push-off while the rear foot
    // plantarflexes: the keypoint ankle reads less plantarflexion there (up to ~12 deg), never more.
    expect(clean.ankle.knownOffset.median).toBeLessThan(2.5);
    expect(clean.ankle.knownOffset.max).toBeGreaterThan(5);
    expect(clean.ankle.knownOffset.bias).toBeGreaterThan(0);
    const noisy = evaluateFeet(...pair(synthesizeWalk({ ...BASE, seed: 9, cadence: 96, noise: { jitterFrac: 0.01, swapFraction: 0, dropoutFraction: 0.03 } })));
    expect(noisy.ankle.knownOffset.median).toBeLessThan(3.5);
  });

  it.each([
    ['overground', { seed: 10, cadence: 100 }],
    ['treadmill', { seed: 10, cadence: 108, setting: 'treadmill', durationS: 6 }],
  ] as const)('the offset estimated from foot flat is within 0.5 deg of the keypoint layout\'s (%s, clean)', (_, options) => {
    const e = evaluateFeet(...pair(synthesizeWalk({ ...BASE, ...options })));
    expect(e.ankle.estimatedOffsetDeg).toHaveLength(1);
    expect(e.ankle.estimatedOffsetDeg[0]).not.toBeNull();
    expect(Math.abs(e.ankle.estimatedOffsetDeg[0]! - e.ankle.trueOffsetDeg)).toBeLessThan(0.5);
    // As with the true offset: the bent toes' share (above), 1.8 and 2.1 deg measured.
    expect(e.ankle.estimatedOffset.median).toBeLessThan(2.5);
  });
});

function pair(walk: ReturnType<typeof synthesizeWalk>) {
  return [walk.track, walk.truth] as const;
}

describe('heel/toe event detectors (footEvents.ts) against the foot-contact truth', () => {
  const walks: Array<[string, SynthOptions]> = [
    ['forward, left to right', { seed: 11, cadence: 96 }],
    ['forward, right to left', { seed: 12, cadence: 110, direction: 'right-to-left' }],
    ['backward', { seed: 13, cadence: 92, walking: 'backward', direction: 'right-to-left' }],
    ['treadmill', { seed: 14, cadence: 108, setting: 'treadmill', durationS: 6 }],
  ];
  // Measured (scripts/eval-feet.ts): forward, the heel is furthest ahead 21-30 ms before it touches
  // down and the toe tip furthest behind within 5 ms of lifting; backward, first contact within 5 ms
  // and final contact (the heel) about 1 frame late (30 ms).
  it.each(walks)('Zeni on heel and toe: every initial and final contact within 2 frames, none missed or extra (%s, clean)', (_, options) => {
    const e = evaluateFeet(...pair(synthesizeWalk({ ...BASE, ...options })));
    for (const kind of ['initial', 'final'] as const) {
      const m = e.events.zeni[kind];
      expect(m.errors.length).toBeGreaterThanOrEqual(5);
      expect(within(m.errors, 2 * FRAME_S), `${kind}: ${m.errors.map((x) => (1000 * x).toFixed(0))} ms`).toBe(true);
      expect(m.missed).toEqual([]);
      expect(m.extra).toEqual([]);
    }
  });

  it('Zeni with MoveNet-like jitter (1 % of body height) and drop-outs: within 2.5 frames', () => {
    const e = evaluateFeet(...pair(synthesizeWalk({ ...BASE, seed: 15, cadence: 100, noise: { jitterFrac: 0.01, swapFraction: 0, dropoutFraction: 0.03 } })));
    for (const kind of ['initial', 'final'] as const) {
      expect(within(e.events.zeni[kind].errors, 2.5 * FRAME_S), `${kind}: ${e.events.zeni[kind].errors.map((x) => (1000 * x).toFixed(0))} ms`).toBe(true);
      expect(e.events.zeni[kind].missed).toEqual([]);
    }
  });

  it("O'Connor's foot velocity: initial contacts of heel strikers about 1 frame late (40 ms); final contacts come 2 frames early, at heel rise", () => {
    const e = evaluateFeet(...pair(synthesizeWalk({ ...BASE, seed: 16, cadence: 110, direction: 'right-to-left' })));
    const ic = e.events.footVelocity.initial.errors;
    expect(ic.length).toBeGreaterThanOrEqual(5);
    expect(within(ic, 1.3 * FRAME_S)).toBe(true);
    expect(ic.reduce((s, x) => s + x, 0) / ic.length).toBeGreaterThan(0);
    const fc = e.events.footVelocity.final.errors;
    expect(fc.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...fc)).toBeLessThan(-FRAME_S); // before the toe leaves: the reason Zeni is the choice
  });

  it('plain inputs: a foot stepping back and forth under a still pelvis', () => {
    // Heel x = 40 sin(2 pi f t); toe 30 px ahead; travel +1: heel furthest ahead at the sine's peaks.
    const t = Array.from({ length: 121 }, (_, i) => i / 30);
    const f = 1;
    const heelX = t.map((s) => 40 * Math.sin(2 * Math.PI * f * s));
    const toeX = heelX.map((x) => x + 30);
    const y = t.map(() => 400);
    const found = zeniFootEvents({ t, heelX, heelY: y, toeX, toeY: y, pelvisX: t.map(() => 0), travel: 1, walking: 'forward' });
    expect(found.heelStrikes.map((s) => Math.round(s * 100) / 100)).toEqual([0.25, 1.25, 2.25, 3.25]);
    expect(found.toeOffs.map((s) => Math.round(s * 100) / 100)).toEqual([0.75, 1.75, 2.75, 3.75]);
    // Foot velocity on a foot that only moves sideways finds nothing (no vertical motion).
    expect(footVelocityEvents({ t, heelX, heelY: y, toeX, toeY: y, pelvisX: t.map(() => 0), travel: 1, walking: 'forward' })).toEqual({ heelStrikes: [], toeOffs: [] });
  });
});

describe('strike pattern (strikePattern.ts)', () => {
  it('Altman & Davis thresholds: > 8 heel, -1.6..8 flat, < -1.6 forefoot', () => {
    expect(classifyStrike(20)).toBe('heel');
    expect(classifyStrike(8.01)).toBe('heel');
    expect(classifyStrike(8)).toBe('flat');
    expect(classifyStrike(0)).toBe('flat');
    expect(classifyStrike(-1.6)).toBe('flat');
    expect(classifyStrike(-1.61)).toBe('forefoot');
  });

  it.each([
    ['heel', {}],
    ['flat', { strike: 'flat' }],
    ['forefoot', { strike: 'forefoot' }],
    ['forefoot', { walking: 'backward' }],
  ] as const)('every step of a %s striker is classified so from its keypoints (%o)', (pattern, options) => {
    const e = evaluateFeet(...pair(synthesizeWalk({ ...BASE, seed: 17, cadence: 100, ...options })));
    expect(e.strikes.truth).toBe(pattern);
    expect(e.strikes.found.length).toBeGreaterThanOrEqual(5);
    expect(e.strikes.found.every((p) => p === pattern)).toBe(true);
  });

  it('backward forefoot landings are marked expected; a missing foot gives null', () => {
    const t = [0, 0.1, 0.2];
    const input = { t, heelX: [0, 0, NaN], heelY: [100, 100, 100], toeX: [50, 50, 50], toeY: [110, 110, 110], facing: 1 as const, footOffsetDeg: 0 };
    const [back] = strikePatterns({ ...input, walking: 'backward' }, [0.05]);
    expect(back.pattern).toBe('forefoot');
    expect(back.expected).toBe(true);
    const [fwd] = strikePatterns({ ...input, walking: 'forward' }, [0.05]);
    expect(fwd.expected).toBe(false);
    expect(strikePatterns({ ...input, walking: 'forward' }, [0.15])[0].pattern).toBeNull();
  });
});

describe('the heel/toe detectors as event detectors (detector.ts contract, on walks with feet)', () => {
  const CASES: Array<[string, SynthOptions]> = [
    ['clean overground', { durationS: 6 }],
    ['noisy overground', { durationS: 6, noise: { ...MOVENET_LIKE_NOISE, seed: 5 }, seed: 5 }],
    ['backward', { durationS: 6, walking: 'backward', direction: 'right-to-left' }],
    ['noisy treadmill', { durationS: 8, setting: 'treadmill', noise: { ...MOVENET_LIKE_NOISE, seed: 6 }, seed: 6 }],
  ];
  it('zeni-heel-toe declares its paper and needs heel and toe; it is registered, ranked below the ankle proxy as measured (footEvents.ts), above foot velocity', () => {
    expect(heelToeZeniDetector.reference).toMatch(/2008/);
    expect(heelToeZeniDetector.needs).toEqual(['heel', 'toe']);
    expect(EVENT_DETECTORS).toContain(heelToeZeniDetector);
    expect(chooseEventDetector(new Set(['ankle', 'heel', 'toe'])).id).toBe('zeni-ankle');
    expect(chooseEventDetector(new Set(['ankle', 'heel', 'toe']), [heelToeZeniDetector, footVelocityDetector]).id).toBe('zeni-heel-toe');
    expect(chooseEventDetector(new Set(['ankle']), [...EVENT_DETECTORS, footVelocityDetector]).id).toBe('zeni-ankle');
  });

  it.each(CASES)('zeni-heel-toe, %s: one list per pass and side, >= 95 %% of the true events within 2 frames, none invented', (_, o) =>
    expectDetectorContract(heelToeZeniDetector, o),
  );
});
